import { useState } from 'react';
import type { GeneratedDocument } from '../../../src-main/contract/schemas/reports.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useMutation } from '../../components/useCall.ts';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { DocumentFiles } from './DocumentFiles.tsx';
import { FolderForm, useFolder } from './FolderForm.tsx';
import type { SynthesisChoices } from './useSynthesisChoices.ts';

const FOLDER_KEY = 'synthese.synthesis.outputDir';

/**
 * "Générer": writes the .docx files in a folder of this computer (the settings have no folder of
 * their own), then lists them, each downloadable through the browser.
 */
export function GeneratePanel({ campaignId, choices, onGenerated }: { campaignId: number; choices: SynthesisChoices; onGenerated: () => void }) {
  const { notify } = useApp();
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const folder = useFolder(FOLDER_KEY, 'Synthèses');
  const outputDir = folder.folder;
  const [written, setWritten] = useState<GeneratedDocument[] | null>(null);

  const generate = async () => {
    if (choices.trameId === null || folder.missing) return;
    setWritten(null);
    const result = await run('synthesis.generate', {
      campaignId,
      trameId: choices.trameId,
      scope: choices.scope,
      ...(choices.thematique !== null ? { thematique: choices.thematique } : {}),
      styleTemplateId: choices.styleTemplateId,
      outputDir: outputDir.trim(),
    });
    if (!result) return;
    setWritten(result.documents);
    onGenerated();
    const n = result.documents.length;
    const first = result.documents[0]?.path ?? outputDir.trim();
    const where = first.slice(0, Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')));
    notify({ severity: 'success', message: `${frenchNumber(n)} fichier${n > 1 ? 's' : ''} Word écrit${n > 1 ? 's' : ''} dans « ${where} ».` });
  };

  return (
    <>
      <p className="fr-text--sm">
        Les fichiers sont écrits <strong>sur cet ordinateur</strong>, dans le dossier indiqué : un nom seul (« Synthèses ») désigne un
        dossier de « Documents/Synthèse régionale ». Sans thématique choisie, vous obtenez le document entier et un fichier par
        thématique.
      </p>
      <FolderForm
        label="Dossier de destination"
        hint="Par exemple « Synthèses » ou « /home/dane/Documents/Synthèses »."
        folder={folder}
        button="Générer"
        iconId="fr-icon-file-text-line"
        disabled={busy || choices.trameId === null}
        onSubmit={() => void generate()}
      />
      <BusyStatus busy={busy} progress={progress} onCancel={cancel} cancelling={cancelling} cancelled={cancelled} message="Génération des fichiers Word en cours…" />
      <ErrorNotice error={error} onClose={clearError} />
      {written && <DocumentFiles title="Fichiers écrits" documents={written} />}
    </>
  );
}
