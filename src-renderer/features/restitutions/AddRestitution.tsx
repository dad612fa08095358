/** A restitution added to the meeting: a file chosen (read by the service), or its text pasted or typed. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';
import { readAsBase64 } from '../imports/readFile.ts';

/** The service refuses more (restitutions/restitution-file.ts): said before sending 50 Mo for nothing. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ACCEPT = '.docx,.odt,.pdf,.txt,.md';

export function AddRestitution({ meetingId, onAdded }: { meetingId: number; onAdded: (id: number) => void }) {
  const { notify } = useApp();
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const [readError, setReadError] = useState<string | null>(null);
  const [text, setText] = useState('');

  const added = (r: { id: number; fileName: string; passageCount: number }) => {
    notify({ severity: 'success', message: `Restitution ${r.fileName ? `« ${r.fileName} » ` : ''}ajoutée : ${r.passageCount} passage${r.passageCount > 1 ? 's' : ''}.` });
    onAdded(r.id);
  };

  const chooseFile = async (file: File | undefined) => {
    setReadError(null);
    clearError();
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setReadError(`« ${file.name} » dépasse 50 Mo : enregistrez-la sans ses images, puis choisissez-la à nouveau.`);
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(file);
    } catch (e) {
      setReadError(`Le fichier n’a pas pu être lu : ${(e as Error).message}.`);
      return;
    }
    const r = await run('restitutions.add', { meetingId, fileName: file.name, contentBase64 });
    if (r) added(r);
  };

  const saveText = async () => {
    clearError();
    const r = await run('restitutions.add', { meetingId, text });
    if (r) {
      setText('');
      added(r);
    }
  };

  return (
    <section aria-labelledby="rst-add-title" className="rst-panel fr-mb-4w">
      <h2 id="rst-add-title" className="fr-h5">Ajouter une restitution</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Upload
            label="Fichier de la restitution"
            hint="Word (.docx), OpenDocument (.odt), PDF, texte (.txt, .md). Son texte est lu et gardé, avec le nom du fichier."
            state={readError ? 'error' : 'default'}
            stateRelatedMessage={readError ?? undefined}
            disabled={busy}
            nativeInputProps={{
              accept: ACCEPT,
              onChange: (e) => {
                const chosen = e.target.files?.[0];
                e.target.value = ''; // the same file chosen again is read again
                void chooseFile(chosen);
              },
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            textArea
            label="Ou son texte, collé ou saisi"
            hintText="Une ligne vide sépare deux passages."
            nativeTextAreaProps={{ rows: 4, value: text, maxLength: 500_000, onChange: (e) => setText(e.target.value) }}
          />
          <Button type="button" priority="secondary" disabled={busy || text.trim() === ''} onClick={() => void saveText()}>
            Enregistrer le texte
          </Button>
        </div>
      </div>
      <BusyStatus busy={busy} progress={progress} onCancel={cancel} cancelling={cancelling} cancelled={cancelled} message="Lecture de la restitution…" />
      <ErrorNotice error={error} onClose={clearError} />
    </section>
  );
}
