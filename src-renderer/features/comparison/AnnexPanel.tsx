/** « Écrire l’annexe Word »: the thématique's comparison as a .docx in a folder of this computer, then downloadable. */
import { useState } from 'react';
import type { OperationInput } from '../../../src-main/contract/operations.ts';
import type { GeneratedDocument } from '../../../src-main/contract/schemas/reports.ts';
import { useApp } from '../../app/AppContext.tsx';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';
import { DocumentFiles } from '../synthesis/DocumentFiles.tsx';
import { FolderForm, useFolder } from '../synthesis/FolderForm.tsx';

const FOLDER_KEY = 'synthese.comparison.outputDir';

export function AnnexPanel({ request }: { request: OperationInput<'comparison.thematique'> }) {
  const { notify } = useApp();
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const folder = useFolder(FOLDER_KEY, 'Annexes');
  const [written, setWritten] = useState<GeneratedDocument | null>(null);

  const generate = async () => {
    if (folder.missing) return;
    setWritten(null);
    const result = await run('comparison.generate', { ...request, outputDir: folder.folder.trim() });
    if (!result) return;
    setWritten(result.document);
    notify({ severity: 'success', message: `Annexe écrite : ${result.document.fileName}.` });
  };

  return (
    <>
      <FolderForm
        label="Dossier de l’annexe"
        hint="Un nom seul désigne un dossier de « Documents/Synthèse régionale »."
        folder={folder}
        button="Écrire l’annexe Word"
        iconId="fr-icon-file-text-line"
        disabled={busy}
        onSubmit={() => void generate()}
      />
      <BusyStatus busy={busy} progress={progress} onCancel={cancel} cancelling={cancelling} cancelled={cancelled} message="Écriture de l’annexe en cours…" />
      <ErrorNotice error={error} onClose={clearError} />
      {written && <DocumentFiles title="Annexe écrite" documents={[written]} />}
    </>
  );
}
