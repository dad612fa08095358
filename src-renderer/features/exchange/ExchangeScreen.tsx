/**
 * « Échanges » (#/echanges, #/echanges/recevoir, #/echanges/conflits): this catalogue's identity,
 * bundles sent and received (by file or through a shared folder), the conflicts to settle, the history.
 */
import { useEffect } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { focusWhenShown } from '../../components/focus.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { BundleExportForm } from './BundleExportForm.tsx';
import { ConflictsSection } from './ConflictsSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { MyCatalogueSection } from './MyCatalogueSection.tsx';
import { ReceiveSection } from './ReceiveSection.tsx';
import { SharedFolderForm } from './SharedFolderForm.tsx';
import './exchange.css';

const SECTION_TITLES: Record<string, string> = { recevoir: 'xch-receive-title', conflits: 'xch-conflicts-title' };

export function ExchangeScreen({ params }: { params: string[] }) {
  const { inbox } = useApp();
  const overview = useQuery('exchange.overview', {});
  const conflicts = useQuery('exchange.conflicts', {});
  const data = overview.data;
  const refreshInbox = inbox.refresh;
  // Entering the screen reads the shared folder now rather than at the next 30 s tick.
  useEffect(() => refreshInbox(), [refreshInbox]);

  // "#/echanges/conflits" (a link of the shell or of this screen): the keyboard lands on that section.
  const section = SECTION_TITLES[params[0] ?? ''];
  const ready = Boolean(data);
  useEffect(() => {
    if (!section || !ready) return;
    const title = document.getElementById(section);
    title?.scrollIntoView({ block: 'start' });
    if (title) title.focus();
    else focusWhenShown(section);
  }, [section, ready]);

  const changed = () => {
    overview.reload();
    conflicts.reload();
    refreshInbox();
  };

  return (
    <>
      <PageHeader
        title="Échanges"
        description="Envoyez votre catalogue aux autres postes (DSDEN, DANE, région académique) et fusionnez les leurs, par fichier ou par un dossier partagé. Chaque paquet est signé ; rien n’est fusionné sans aperçu."
      />
      <ErrorNotice error={overview.error} />
      {!data?.identity ? (
        overview.loading && <Loading what="Chargement des échanges" />
      ) : (
        <>
          <MyCatalogueSection identity={data.identity} openConflicts={data.openConflicts} />
          <section className="xch-section" aria-labelledby="xch-send-title">
            <h2 id="xch-send-title" className="fr-h4">Envoyer</h2>
            <div className="xch-columns">
              <BundleExportForm identity={data.identity} onWritten={overview.reload} />
              <SharedFolderForm identity={data.identity} folder={data.folder} publishName={data.publishName} onChanged={changed} />
            </div>
          </section>
          <ReceiveSection onMerged={changed} />
          <ConflictsSection conflicts={conflicts} onSettled={changed} />
          <HistorySection log={data.log} peers={data.peers} />
        </>
      )}
    </>
  );
}
