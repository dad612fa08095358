import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState } from 'react';
import type { StyleTemplateInfo } from '../../../src-main/contract/schemas/style.ts';
import { BrowseButton } from '../../components/BrowseButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { asCallError, useMutation } from '../../components/useCall.ts';
import type { CallError } from '../../api/client.ts';
import { readFileBase64 } from './readFileBase64.ts';

/** What the service accepts (src-main/synthesis/style-template.ts, MAX_TEMPLATE_BYTES). */
const MAX_BYTES = 20 * 1024 * 1024;

/** Importing a rectorat's .docx, read in the browser and sent as base64; explicit "Importer". */
export function StyleImportForm({ onImported }: { onImported: (template: StyleTemplateInfo) => void }) {
  const { run, error, busy, clearError } = useMutation();
  const [file, setFile] = useState<File | null>(null);
  /** Chosen in the desktop app's own dialog instead: the service reads it where it is. */
  const [path, setPath] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [readError, setReadError] = useState<CallError | null>(null);
  const [reading, setReading] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const choose = (chosen: File | null) => {
    clearError();
    setReadError(null);
    setFile(null);
    setPath(null);
    setProblem(null);
    if (!chosen) return;
    if (!/\.docx$/i.test(chosen.name)) return setProblem(`« ${chosen.name} » n’est pas un document Word .docx.`);
    if (chosen.size > MAX_BYTES) return setProblem(`« ${chosen.name} » dépasse 20 Mo.`);
    setFile(chosen);
  };

  const submit = async () => {
    if (path) return imported(await run('styles.import', { path, ...(name.trim() ? { name: name.trim() } : {}) }));
    if (!file) return setProblem('Choisissez d’abord un fichier .docx.');
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await readFileBase64(file);
    } catch (e) {
      setReadError(asCallError(e));
      return;
    } finally {
      setReading(false);
    }
    imported(await run('styles.import', { fileName: file.name, contentBase64, ...(name.trim() ? { name: name.trim() } : {}) }));
  };

  const imported = (template: StyleTemplateInfo | undefined) => {
    if (!template) return;
    setFile(null);
    setPath(null);
    setName('');
    setInputKey((k) => k + 1);
    onImported(template);
  };

  return (
    <form
      className="set-field"
      aria-labelledby="set-import-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="set-import-title" className="fr-h6">Importer un modèle</h3>
      <Upload
        key={inputKey}
        label="Document Word du rectorat (.docx)"
        hint="Ses styles (titres, texte, tableaux) et le logo de son en-tête habilleront les synthèses. 20 Mo au plus."
        state={problem ? 'error' : 'default'}
        stateRelatedMessage={problem ?? undefined}
        nativeInputProps={{
          accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          onChange: (e) => choose(e.target.files?.[0] ?? null),
        }}
      />
      <BrowseButton
        kind="style-template"
        what="le document Word du rectorat"
        className="fr-mt-1w"
        onChosen={(chosen) => {
          choose(null);
          setInputKey((k) => k + 1); // the file picker no longer shows a file chosen before
          setPath(chosen);
        }}
      />
      {path && <p className="fr-text--sm fr-mt-1w fr-mb-0">Document choisi : {path}</p>}
      <Input
        className="fr-mt-3w"
        label="Nom du modèle (facultatif)"
        hintText="Par défaut, le nom du fichier sans son extension."
        nativeInputProps={{ value: name, maxLength: 200, onChange: (e) => setName(e.target.value) }}
      />
      <Button type="submit" iconId="fr-icon-upload-line" disabled={busy || reading}>
        {busy || reading ? 'Import en cours…' : 'Importer le modèle'}
      </Button>
      <div className="fr-mt-2w">
        <ErrorNotice error={error ?? readError} onClose={() => { clearError(); setReadError(null); }} />
      </div>
    </form>
  );
}
