import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import type { GeneratedDocument } from '../../../src-main/contract/schemas/reports.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useMutation } from '../../components/useCall.ts';
import { BusyStatus } from './BusyStatus.tsx';
import { DocumentFiles } from './DocumentFiles.tsx';
import type { SynthesisChoices } from './useSynthesisChoices.ts';

const FOLDER_KEY = 'synthese.synthesis.outputDir';

/**
 * "Générer": writes the .docx files in a folder of this computer (the settings have no folder of
 * their own), then lists them, each downloadable through the browser.
 */
export function GeneratePanel({ campaignId, choices, onGenerated }: { campaignId: number; choices: SynthesisChoices; onGenerated: () => void }) {
  const { notify } = useApp();
  const { run, busy, error, clearError, progress } = useMutation();
  const [outputDir, setOutputDir] = useState(() => sessionStorage.getItem(FOLDER_KEY) ?? 'Synthèses');
  const [written, setWritten] = useState<GeneratedDocument[] | null>(null);
  const folderMissing = outputDir.trim() === '';

  const generate = async () => {
    if (choices.trameId === null || folderMissing) return;
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
    const folder = first.slice(0, Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')));
    notify({ severity: 'success', message: `${frenchNumber(n)} fichier${n > 1 ? 's' : ''} Word écrit${n > 1 ? 's' : ''} dans « ${folder} ».` });
  };

  return (
    <>
      <p className="fr-text--sm">
        Les fichiers sont écrits <strong>sur cet ordinateur</strong>, dans le dossier indiqué : un nom seul (« Synthèses ») désigne un
        dossier de « Documents/Synthèse régionale ». Sans thématique choisie, vous obtenez le document entier et un fichier par
        thématique.
      </p>
      <form
        className="syn-generate"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <Input
          label="Dossier de destination"
          hintText="Par exemple « Synthèses » ou « /home/dane/Documents/Synthèses »."
          state={folderMissing ? 'error' : 'default'}
          stateRelatedMessage="Indiquez un dossier."
          nativeInputProps={{
            value: outputDir,
            onChange: (e) => {
              setOutputDir(e.target.value);
              sessionStorage.setItem(FOLDER_KEY, e.target.value);
            },
            autoComplete: 'off',
            spellCheck: false,
          }}
        />
        <Button type="submit" iconId="fr-icon-file-text-line" disabled={busy || folderMissing || choices.trameId === null}>
          Générer
        </Button>
      </form>
      <BusyStatus busy={busy} progress={progress} message="Génération des fichiers Word en cours…" />
      <ErrorNotice error={error} onClose={clearError} />
      {written && <DocumentFiles title="Fichiers écrits" documents={written} />}
    </>
  );
}
