/** The meetings of the active consultation: searched, filtered, sorted and paged on the server, 50 to a page. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useMemo } from 'react';
import { MEETING_SORTS } from '../../../src-main/contract/schemas/meeting.ts';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager, pageCount, pageSummary } from '../../components/Pager.tsx';
import { useQuery } from '../../components/useCall.ts';
import { usePagedList } from '../../components/usePagedList.ts';
import { MeetingFilters } from './MeetingFilters.tsx';
import { MEETINGS_CHANGED } from './meeting-events.ts';
import { MeetingTable } from './MeetingTable.tsx';
import { useMeetingFilters } from './useMeetingFilters.ts';
import { useTerritory } from './useTerritory.ts';
import { useNationalCatalogue } from '../../app/useNationalCatalogue.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';

const NOUN = ['rencontre', 'rencontres'] as const;

export function MeetingList({ campaign }: { campaign: Campaign }) {
  const thematiqueIds = useMemo(() => campaign.thematiques.map((t) => t.id), [campaign]);
  const { filters, update, reset, input, active } = useMeetingFilters(campaign.id, thematiqueIds);
  const list = usePagedList({
    storageKey: `synthese.meetings.list.${campaign.id}`,
    columns: MEETING_SORTS,
    defaultSort: { by: 'date', direction: 'asc' },
    filterKey: JSON.stringify(input),
  });
  const meetings = useQuery('meetings.list', { ...input, ...list.request });
  const bassins = useQuery('bassins.list', {});
  // A catalogue of the whole country lists every région's records: its filters offer every académie.
  const { national } = useNationalCatalogue();
  const { territory, error: territoryError } = useTerritory({ wholeCountry: national });

  const { reload } = meetings;
  useEffect(() => {
    window.addEventListener(MEETINGS_CHANGED, reload);
    return () => window.removeEventListener(MEETINGS_CHANGED, reload);
  }, [reload]);
  // A page left empty (meetings deleted meanwhile): the last one that has some.
  const total = meetings.data?.total ?? 0;
  const pages = pageCount(total, list.limit);
  const { page, setPage } = list;
  useEffect(() => {
    if (meetings.data && page > pages) setPage(pages);
  }, [meetings.data, page, pages, setPage]);

  const bassinNames = useMemo(
    () => new Map((bassins.data ?? []).map((b) => [b.id, b.nom.toUpperCase().includes(b.kind) ? b.nom : `${b.kind} ${b.nom}`])),
    [bassins.data],
  );
  const rows = meetings.data?.items ?? [];
  const filtered = active > 0 || list.search !== '';
  const summary = `${pageSummary(page, total, list.limit, NOUN)}${filtered ? ' correspondant aux filtres' : ''}`;
  const pageText = pages > 1 ? `, page ${page} sur ${pages}` : '';

  return (
    <>
      <PageHeader
        title="Rencontres"
        description={`Les rencontres de la consultation « ${campaign.shortTitle} » : lieu, participation par catégorie, ateliers et restitutions.`}
        actions={
          <Button iconId="fr-icon-add-line" linkProps={{ href: href('/rencontres/nouvelle') }}>
            Nouvelle rencontre
          </Button>
        }
      />
      <ErrorNotice error={territoryError} />
      {territory && (
        <MeetingFilters
          filters={filters}
          search={list.searchText}
          onSearch={list.setSearch}
          update={update}
          reset={() => {
            reset();
            list.reset();
          }}
          active={active + (list.searchText.trim() ? 1 : 0)}
          territory={territory}
          campaign={campaign}
        />
      )}
      <p className="fr-text--bold fr-mb-2w" role="status" aria-live="polite" aria-atomic="true">
        {!meetings.data ? (meetings.loading ? 'Recherche des rencontres…' : '') : `${summary}.`}
      </p>
      <ErrorNotice error={meetings.error ?? bassins.error} />
      {territory && rows.length > 0 && (
        <>
          <MeetingTable
            meetings={rows}
            sort={list.sort}
            onSort={list.sortBy}
            caption={`Rencontres de la consultation « ${campaign.shortTitle} »${pageText}`}
            territory={territory}
            bassinNames={bassinNames}
          />
          <Pager page={page} total={total} limit={list.limit} onPage={setPage} label="Pages des rencontres" focusId="meetings-table" />
        </>
      )}
      {meetings.data && rows.length === 0 && total === 0 && (
        <p>{filtered ? 'Aucune rencontre ne correspond à ces filtres.' : 'Aucune rencontre enregistrée pour cette consultation.'}</p>
      )}
    </>
  );
}
