import { useState } from 'react';
import { academieLabel } from '../../../src-main/contract/domain.ts';
import type { OperationOutput } from '../../../src-main/contract/operations.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useMutation } from '../../components/useCall.ts';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { DocumentFiles } from './DocumentFiles.tsx';
import { FolderForm, useFolder } from './FolderForm.tsx';
import { findingLink } from './PreflightList.tsx';
import type { SynthesisChoices } from './useSynthesisChoices.ts';

const FOLDER_KEY = 'synthese.kit2015.outputDir';

/**
 * The 2015 kit: for each établissement meeting, its synthesis and its fiches défi, in one .zip per
 * académie (the chosen académie only when the périmètre is one), with the checks of those meetings.
 */
export function KitPanel({ campaignId, choices, academie, onGenerated }: {
  campaignId: number;
  choices: SynthesisChoices;
  /** The périmètre's académie (or its département's), none for the whole région. */
  academie: { code: string; nom: string } | null;
  onGenerated: () => void;
}) {
  const { notify } = useApp();
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const folder = useFolder(FOLDER_KEY, 'Kit 2015');
  const [written, setWritten] = useState<OperationOutput<'kit2015.generate'> | null>(null);

  const generate = async () => {
    if (folder.missing) return;
    setWritten(null);
    const result = await run('kit2015.generate', {
      campaignId,
      outputDir: folder.folder.trim(),
      ...(academie ? { academieCode: academie.code } : {}),
      ...(choices.trameId !== null ? { trameId: choices.trameId } : {}),
    });
    if (!result) return;
    setWritten(result);
    onGenerated();
    const n = result.archives.length;
    const files = result.archives.reduce((sum, a) => sum + a.entries.length, 0);
    notify({ severity: 'success', message: `${frenchNumber(n)} archive${n > 1 ? 's' : ''} écrite${n > 1 ? 's' : ''}, ${frenchNumber(files)} documents.` });
  };

  return (
    <>
      <p className="fr-text--sm">
        Pour chaque rencontre d’établissement, sa synthèse sur la trame choisie et ses fiches défi, nommées comme le kit le
        demande, dans une archive .zip {academie ? `pour l’${academieLabel(academie.nom)}` : 'par académie de la région'}.
      </p>
      <FolderForm
        label="Dossier des archives"
        hint="Un nom seul désigne un dossier de « Documents/Synthèse régionale »."
        folder={folder}
        button="Écrire le kit 2015"
        iconId="fr-icon-archive-line"
        secondary
        disabled={busy}
        onSubmit={() => void generate()}
      />
      <BusyStatus busy={busy} progress={progress} onCancel={cancel} cancelling={cancelling} cancelled={cancelled} message="Écriture des archives en cours…" />
      <ErrorNotice error={error} onClose={clearError} />
      {written && (
        <>
          <DocumentFiles title="Archives écrites" documents={written.archives.map((a) => a.document)} />
          {written.findings.length > 0 && (
            <div className="fr-mt-2w">
              <p className="fr-text--sm fr-mb-1w">
                {written.findings.length > 1 ? `${frenchNumber(written.findings.length)} vérifications` : 'Une vérification'} sur les
                rencontres écrites :
              </p>
              <ul className="fr-text--sm">
                {written.findings.map((f, i) => (
                  <li key={`${f.code}-${f.target.id ?? 'x'}-${i}`}>
                    {f.message} <a className="fr-link fr-link--sm" href={findingLink(f)}>Ouvrir : {f.target.label}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </>
  );
}
