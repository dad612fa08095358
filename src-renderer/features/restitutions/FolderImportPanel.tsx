/**
 * A folder of restitutions: « Aperçu » matches each file to its meeting (nothing written), the user
 * corrects or leaves files out, then « Importer » reads them all and writes them in one transaction.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef, useState } from 'react';
import type { FolderMatch } from '../../../src-main/contract/schemas/restitutions.ts';
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

/** « 1 restitution ajoutée », « 2 restitutions ajoutées » (0 takes the singular in French). */
function counted(n: number, noun: string, participle: string): string {
  const s = n >= 2 ? 's' : '';
  return `${n}${noun ? ` ${noun}${s}` : ''} ${participle}${s}`;
}

/** The import's summary: « 2 restitutions ajoutées, 1 écartée. » */
export function importSummary(added: number, skipped: number): string {
  return `${counted(added, 'restitution', 'ajoutée')}, ${counted(skipped, '', 'écartée')}.`;
}

/** Why a file is left out, as the end of « Ignoré : … » (a refusal's sentence starts lower-case there, ends once). */
function problemText(problem: string): string {
  const text = /^[A-ZÀ-Ý][a-zà-ÿ ]/.test(problem) ? problem[0]!.toLowerCase() + problem.slice(1) : problem;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

type Report = { added: { fileName: string; meetingId: number; restitutionId: number }[]; skipped: { fileName: string; reason: string }[] };

export function FolderImportPanel({ campaignId }: { campaignId: number }) {
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const [folder, setFolder] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [previewed, setPreviewed] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [stage, setStage] = useState<'preview' | 'import'>('preview');
  const reportHeading = useRef<HTMLHeadingElement>(null);

  // « Importer » is gone with the preview: the focus goes to the result, not to the page's start.
  useEffect(() => {
    if (report) reportHeading.current?.focus();
  }, [report]);

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
                  <p className="fr-text--sm fr-mb-0">Ignoré : {problemText(r.problem)}</p>
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
          <h3 id="rst-folder-report" ref={reportHeading} className="fr-h6" tabIndex={-1}>Import effectué</h3>
          <Alert severity={report.skipped.length > 0 ? 'warning' : 'success'} small description={importSummary(report.added.length, report.skipped.length)} />
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
