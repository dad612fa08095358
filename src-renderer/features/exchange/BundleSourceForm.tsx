import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState } from 'react';
import { MAX_BYTES, readAsBase64 } from '../imports/readFile.ts';
import type { BundleMerge } from './useBundleMerge.ts';

/** A received bundle: by its path on this computer, or chosen with the browser's file picker. */
export function BundleSourceForm({ merge }: { merge: BundleMerge }) {
  const [path, setPath] = useState('');
  const [readError, setReadError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const working = reading || merge.busy;

  const choose = async (file: File | undefined) => {
    setReadError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) return setReadError(`« ${file.name} » dépasse 100 Mo : donnez plutôt son chemin.`);
    setReading(true);
    try {
      const contentBase64 = await readAsBase64(file);
      await merge.preview({ fileName: file.name, contentBase64 }, file.name);
    } catch (e) {
      setReadError(`Le fichier n’a pas pu être lu : ${(e as Error).message}.`);
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="xch-source">
      <form
        className="xch-inline"
        aria-label="Paquet reçu, par son chemin"
        onSubmit={(e) => {
          e.preventDefault();
          const given = path.trim();
          if (given) void merge.preview({ path: given }, given.split(/[\\/]/).pop() ?? given);
        }}
      >
        <Input
          label="Chemin du paquet reçu (.synthese)"
          hintText="Le chemin complet du fichier sur cet ordinateur."
          nativeInputProps={{ value: path, autoComplete: 'off', spellCheck: false, onChange: (e) => setPath(e.target.value) }}
        />
        <Button type="submit" priority="secondary" iconId="fr-icon-eye-line" disabled={working || path.trim() === ''}>
          Prévisualiser
        </Button>
      </form>
      <Upload
        className="fr-mt-3w"
        label="Ou choisissez le fichier du paquet"
        hint="Son contenu est montré avant toute fusion : rien n’est écrit avant « Fusionner »."
        state={readError ? 'error' : 'default'}
        stateRelatedMessage={readError ?? undefined}
        disabled={working}
        nativeInputProps={{
          accept: '.synthese',
          onChange: (e) => {
            const chosen = e.target.files?.[0];
            // Emptied so that choosing the same file again reads it again.
            e.target.value = '';
            void choose(chosen);
          },
        }}
      />
    </div>
  );
}
