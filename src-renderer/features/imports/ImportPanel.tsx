import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState } from 'react';
import type { ImportReport } from '../../../src-main/contract/schemas/spreadsheets.ts';
import { useApp } from '../../app/AppContext.tsx';
import { BrowseButton } from '../../components/BrowseButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useMutation } from '../../components/useCall.ts';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { MAX_BYTES, readAsBase64 } from './readFile.ts';

/** The sheet as the browser read it, or its path (desktop app, « Parcourir… »). */
type Chosen = { fileName: string; contentBase64: string } | { path: string };

/** "2 lignes refusées": every word of the phrase takes the plural. */
const plural = (n: number, words: string) => `${frenchNumber(n)} ${n > 1 ? words.split(' ').map((w) => `${w}s`).join(' ') : words}`;

/** (b) A filled-in sheet: read, previewed row by row (nothing written), then imported at the user's word. */
export function ImportPanel({ campaignId }: { campaignId: number }) {
  const { notify, reload } = useApp();
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [file, setFile] = useState<Chosen | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [stage, setStage] = useState<'preview' | 'import'>('preview');

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setReport(null);
    setReadError(null);
    clearError();
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setReadError(`« ${chosen.name} » dépasse 100 Mo : découpez-le en plusieurs tableaux.`);
      return;
    }
    setReading(true);
    setStage('preview');
    try {
      const next = { fileName: chosen.name, contentBase64: await readAsBase64(chosen) };
      setFile(next);
      const preview = await run('spreadsheets.previewImport', { campaignId, ...next });
      if (preview) setReport(preview);
    } catch (e) {
      setReadError(`Le fichier n’a pas pu être lu : ${(e as Error).message}.`);
    } finally {
      setReading(false);
    }
  };

  /** Chosen in the desktop app's own dialog: the service reads it where it is. */
  const choosePath = async (path: string) => {
    setReport(null);
    setReadError(null);
    clearError();
    setStage('preview');
    setFile({ path });
    const preview = await run('spreadsheets.previewImport', { campaignId, path });
    if (preview) setReport(preview);
  };

  const importRows = async (acceptPartial: boolean) => {
    if (!file) return;
    setStage('import');
    const result = await run('spreadsheets.importAttendance', { campaignId, ...file, acceptPartial });
    if (!result) return;
    setReport(result);
    if (result.applied) {
      reload();
      // The buttons pressed are gone: the report's title takes the focus, and brings the result into view.
      setTimeout(() => {
        const title = document.getElementById('imp-report-title');
        title?.focus();
        title?.scrollIntoView({ block: 'start' });
      });
      notify({
        severity: 'success',
        message: `Import terminé : ${plural(result.added, 'rencontre ajoutée')}, ${plural(result.updated, 'mise')} à jour${result.refused > 0 ? `, ${plural(result.refused, 'ligne refusée')}` : ''}.`,
      });
    }
  };

  const refused = report?.refused ?? 0;
  const valid = report ? report.added + report.updated : 0;
  const working = reading || busy;

  return (
    <>
      <Upload
        label="Tableau des rencontres (.xlsx)"
        hint="Le tableau à remplir, complété. Rien n’est écrit avant que vous choisissiez « Importer »."
        state={readError ? 'error' : 'default'}
        stateRelatedMessage={readError ?? undefined}
        disabled={working}
        nativeInputProps={{
          accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          onChange: (e) => {
            const chosen = e.target.files?.[0];
            // Emptied so that choosing the same file again, once corrected, reads it again.
            e.target.value = '';
            void choose(chosen);
          },
        }}
      />
      <BrowseButton className="fr-mt-1w" kind="sheet" what="le tableau des rencontres" onChosen={(path) => void choosePath(path)} disabled={working} />
      <BusyStatus busy={working} progress={progress} onCancel={cancel} cancelling={cancelling} cancelled={cancelled} message={stage === 'import' ? 'Import des rencontres en cours…' : 'Lecture et vérification du tableau…'} />
      <ErrorNotice error={error} onClose={clearError} />
      {report && (
        <section aria-labelledby="imp-report-title" className="fr-mt-3w">
          <h3 id="imp-report-title" className="fr-h5" tabIndex={-1}>{report.applied ? 'Import effectué' : 'Ce que l’import ferait'}</h3>
          {report.applied && (
            <Alert severity="success" small className="fr-mb-2w" description="Les rencontres valides sont dans le catalogue ; les tableaux de bord et la synthèse en tiennent compte." />
          )}
          <ImportReportView report={report} />
          {!report.applied && (
            <div className="imp-actions">
              <p id="imp-actions-help" className="fr-text--sm fr-mb-1w">
                {refused > 0
                  ? `Rien n’est écrit tant qu’une ligne est refusée (${plural(refused, 'ligne refusée')}) : corrigez le tableau et choisissez-le de nouveau${valid > 0 ? ', ou importez seulement les lignes valides' : ''}.`
                  : valid === 0
                    ? 'Rien à importer : toutes les lignes sont déjà dans le catalogue, à l’identique.'
                    : 'Le tableau est importé en une seule fois : tout ou rien.'}
              </p>
              <div className="imp-actions__buttons">
                <Button
                  type="button" iconId="fr-icon-upload-line" disabled={working || refused > 0 || valid === 0}
                  nativeButtonProps={{ 'aria-describedby': 'imp-actions-help' }}
                  onClick={() => void importRows(false)}
                >
                  Importer
                </Button>
                {refused > 0 && valid > 0 && (
                  <Button
                    type="button" priority="secondary" disabled={working}
                    nativeButtonProps={{ 'aria-describedby': 'imp-actions-help' }}
                    onClick={() => void importRows(true)}
                  >
                    Importer les lignes valides ({frenchNumber(valid)})
                  </Button>
                )}
              </div>
            </div>
          )}
        </section>
      )}
    </>
  );
}
