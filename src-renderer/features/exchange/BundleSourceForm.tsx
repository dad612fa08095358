import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useEffect, useRef, useState } from 'react';
import { browseAddon } from '../../components/BrowseButton.tsx';
import { MAX_BYTES, readAsBase64 } from '../imports/readFile.ts';
import { fileNameOf, onBundleOpened, type OpenedBundle, takeOpenedBundle } from './openedBundle.ts';
import type { BundleMerge } from './useBundleMerge.ts';

/**
 * A received bundle: by its path on this computer (typed, or « Parcourir… » in the desktop app), or
 * chosen with the browser's file picker; one opened from the file manager or dropped on the window is
 * previewed at once.
 */
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

  const previewPath = (given: string) => void merge.preview({ path: given }, fileNameOf(given));
  const openedRef = useRef<(opened: OpenedBundle) => void>(() => undefined);
  openedRef.current = (opened) => {
    setReadError(null);
    if ('file' in opened) return void choose(opened.file);
    setPath(opened.path);
    previewPath(opened.path);
  };
  useEffect(() => {
    const take = () => {
      const opened = takeOpenedBundle();
      if (opened) openedRef.current(opened);
    };
    take();
    return onBundleOpened(take);
  }, []);

  return (
    <div className="xch-source">
      <form
        className="xch-inline"
        aria-label="Paquet reçu, par son chemin"
        onSubmit={(e) => {
          e.preventDefault();
          const given = path.trim();
          if (given) previewPath(given);
        }}
      >
        <Input
          label="Chemin du paquet reçu (.synthese)"
          hintText="Le chemin complet du fichier sur cet ordinateur."
          nativeInputProps={{ value: path, autoComplete: 'off', spellCheck: false, onChange: (e) => setPath(e.target.value) }}
          addon={browseAddon({ kind: 'bundle', what: 'le paquet reçu', onChosen: setPath, disabled: working })}
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
