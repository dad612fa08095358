/**
 * A folder of restitutions: « Aperçu » matches each file to its meeting (nothing written), the user
 * corrects or leaves files out, then « Importer » reads them all and writes them in one transaction.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import type { FolderMatch } from '../../../src-main/contract/schemas/restitutions.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { browseAddon } from '../../components/BrowseButton.tsx';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MeetingCombobox } from '../../components/MeetingCombobox.tsx';
import { useMutation } from '../../components/useCall.ts';

interface Row extends FolderMatch {
  /** Left in the import (a file already there, or with a problem, starts out of it). */
  included: boolean;
}

type Report = { added: { fileName: string; meetingId: number; restitutionId: number }[]; skipped: { fileName: string; reason: string }[] };

export function FolderImportPanel({ campaignId }: { campaignId: number }) {
  const { notify } = useApp();
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const [folder, setFolder] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [previewed, setPreviewed] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [stage, setStage] = useState<'preview' | 'import'>('preview');

  const preview = async () => {
    setReport(null);
    setStage('preview');
    const result = await run('restitutions.previewFolder', { campaignId, folder: folder.trim() });
    if (!result) return;
    setPreviewed(result.folder);
    setRows(result.files.map((f) => ({ ...f, included: f.problem === null && !f.alreadyThere && f.meetingId !== null })));
  };

  const change = (fileName: string, patch: Partial<Row>) => setRows((all) => all?.map((r) => (r.fileName === fileName ? { ...r, ...patch } : r)) ?? null);

  const assignments = (rows ?? []).filter((r) => r.included && r.meetingId !== null).map((r) => ({ fileName: r.fileName, meetingId: r.meetingId! }));

  const importFiles = async () => {
    setStage('import');
    const result = await run('restitutions.importFolder', { campaignId, folder: previewed, assignments });
    if (!result) return;
    setReport(result);
    setRows(null);
    notify({ severity: 'success', message: `Restitutions importées : ${result.added.length} ajoutée(s), ${result.skipped.length} écartée(s).` });
  };

  return (
    <>
      <Input
        label="Dossier des restitutions"
        hintText="Le chemin du dossier sur cet ordinateur. Chaque fichier (.docx, .odt, .pdf, .txt, .md) est rapproché de sa rencontre par son nom : une référence (« réf 12 »), ou les mots de la rencontre."
        addon={browseAddon({ kind: 'folder', what: 'le dossier des restitutions', onChosen: setFolder, disabled: busy })}
        nativeInputProps={{ value: folder, onChange: (e) => setFolder(e.target.value) }}
      />
      <Button type="button" priority="secondary" disabled={busy || folder.trim() === ''} onClick={() => void preview()}>
        Aperçu
      </Button>
      <BusyStatus busy={busy} progress={progress} onCancel={cancel} cancelling={cancelling} cancelled={cancelled} message={stage === 'import' ? 'Lecture et import des restitutions…' : 'Examen du dossier…'} />
      <ErrorNotice error={error} onClose={clearError} />
      {rows && (
        <section aria-labelledby="rst-folder-preview" className="fr-mt-3w">
          <h3 id="rst-folder-preview" className="fr-h6">Fichiers du dossier ({rows.length})</h3>
          {rows.length === 0 && <p>Aucun fichier dans ce dossier.</p>}
          <ul className="rst-cuts">
            {rows.map((r) => (
              <li key={r.fileName} className="rst-cuts__item">
                <p className="fr-mb-1v"><strong>{r.fileName}</strong></p>
                {r.problem ? (
                  <p className="fr-text--sm fr-mb-0">Ignoré : {r.problem}.</p>
                ) : (
                  <>
                    <p className="fr-text--sm fr-mb-1v">{r.alreadyThere ? 'Déjà jointe à cette rencontre.' : r.reason}</p>
                    <MeetingCombobox
                      campaignId={campaignId}
                      label={`Rencontre de « ${r.fileName} »`}
                      value={r.meetingId}
                      onChange={(id) => change(r.fileName, { meetingId: id, included: id !== null, alreadyThere: false })}
                    />
                    <Checkbox
                      small
                      options={[{
                        label: `Importer « ${r.fileName} »`,
                        nativeInputProps: { checked: r.included, disabled: r.meetingId === null, onChange: (e) => change(r.fileName, { included: e.target.checked }) },
                      }]}
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
          <Button type="button" iconId="fr-icon-upload-line" disabled={busy || assignments.length === 0} onClick={() => void importFiles()}>
            Importer ({assignments.length})
          </Button>
        </section>
      )}
      {report && (
        <section aria-labelledby="rst-folder-report" className="fr-mt-3w">
          <h3 id="rst-folder-report" className="fr-h6" tabIndex={-1}>Import effectué</h3>
          <Alert severity={report.skipped.length > 0 ? 'warning' : 'success'} small description={`${report.added.length} restitution(s) ajoutée(s), ${report.skipped.length} écartée(s).`} />
          <ul>
            {report.added.map((a) => (
              <li key={a.restitutionId}><a className="fr-link" href={href(`/restitutions/${a.meetingId}/${a.restitutionId}`)}>{a.fileName}</a> : ajoutée.</li>
            ))}
            {report.skipped.map((s) => <li key={`skip-${s.fileName}`}>{s.fileName} : {s.reason}</li>)}
          </ul>
        </section>
      )}
    </>
  );
}
