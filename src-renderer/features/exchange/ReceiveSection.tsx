import { Button } from '@codegouvfr/react-dsfr/Button';
import type { MergeReport } from '../../../src-main/contract/schemas/exchange.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { BundleSourceForm } from './BundleSourceForm.tsx';
import { InboxTable } from './InboxTable.tsx';
import { KeyChangedConfirm } from './KeyChangedConfirm.tsx';
import { MergeReportView } from './MergeReportView.tsx';
import { REPORT_TITLE_ID, useBundleMerge } from './useBundleMerge.ts';

/** « Recevoir »: a bundle by path or file, or from the shared folder; its preview; then the merge. */
export function ReceiveSection({ onMerged }: { onMerged: (report: MergeReport) => void }) {
  const { inbox, notify, reload } = useApp();
  const merge = useBundleMerge((report) => {
    reload(); // consultations, settings: a whole catalogue's bundle may bring them
    onMerged(report);
    const conflicts = report.conflicts.length;
    notify({
      severity: conflicts > 0 ? 'warning' : 'success',
      message: `Paquet de « ${report.source.name} » fusionné : ${report.added} ajouté(s), ${report.updated} mis à jour, ${report.deleted} supprimé(s)${conflicts > 0 ? `, ${conflicts} conflit(s) à régler` : ''}.`,
    });
  });
  const { chosen, report } = merge;

  return (
    <section className="xch-section" aria-labelledby="xch-receive-title">
      <h2 id="xch-receive-title" className="fr-h4" tabIndex={-1}>Recevoir</h2>
      <p>Chaque paquet est vérifié (signature, région académique, version) puis montré : rien n’est écrit avant « Fusionner ».</p>
      <h3 className="fr-h6">Un paquet reçu par courriel ou sur une clé</h3>
      <BundleSourceForm merge={merge} />
      {inbox.folder && (
        <>
          <h3 className="fr-h6 fr-mt-4w">Dans le dossier partagé</h3>
          <ErrorNotice error={inbox.error} />
          <InboxTable bundles={inbox.bundles} busy={merge.busy} onPreview={(b) => void merge.preview({ path: b.path }, b.fileName)} />
        </>
      )}
      <BusyStatus busy={merge.busy} progress={merge.progress} onCancel={merge.cancelWork} cancelling={merge.cancelling} cancelled={merge.cancelled} message={merge.stage === 'merge' ? 'Fusion du paquet…' : 'Lecture et vérification du paquet…'} />
      {chosen && (merge.keyChanged || merge.error || report) && (
        <div className="xch-merge">
          <h3 id={REPORT_TITLE_ID} className="fr-h5" tabIndex={-1}>
            {report && !report.dryRun ? 'Fusion faite' : report ? 'Aperçu de la fusion' : 'Paquet refusé'} : « {chosen.label} »
          </h3>
          <ErrorNotice error={merge.error} onClose={merge.clearError} />
          {merge.keyChanged && (
            <KeyChangedConfirm error={merge.keyChanged} busy={merge.busy} onAccept={merge.acceptNewKey} onCancel={merge.cancel} />
          )}
          {report && <MergeReportView report={report} />}
          {report?.dryRun && (
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
              <li>
                <Button type="button" iconId="fr-icon-git-merge-line" disabled={merge.busy} onClick={() => void merge.merge()}>Fusionner</Button>
              </li>
              <li>
                <Button type="button" priority="secondary" disabled={merge.busy} onClick={merge.cancel}>Ne pas fusionner</Button>
              </li>
            </ul>
          )}
          {report && !report.dryRun && report.conflicts.length > 0 && (
            <p>
              <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={href('/echanges/conflits')}>Régler les conflits</a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
