/** The meetings of the active consultation, filtered on the server, 50 to a page. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useMemo, useState } from 'react';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { MeetingFilters } from './MeetingFilters.tsx';
import { MEETINGS_CHANGED } from './meeting-events.ts';
import { MeetingTable, PAGE_SIZE } from './MeetingTable.tsx';
import { useMeetingFilters } from './useMeetingFilters.ts';
import { useTerritory } from './useTerritory.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';

export function MeetingList({ campaign }: { campaign: Campaign }) {
  const thematiqueIds = useMemo(() => campaign.thematiques.map((t) => t.id), [campaign]);
  const { filters, update, reset, input, active } = useMeetingFilters(campaign.id, thematiqueIds);
  const meetings = useQuery('meetings.list', input);
  const bassins = useQuery('bassins.list', {});
  const { territory, error: territoryError } = useTerritory();
  const [page, setPage] = useState(1);

  const key = JSON.stringify(input);
  useEffect(() => setPage(1), [key]);
  const { reload } = meetings;
  useEffect(() => {
    window.addEventListener(MEETINGS_CHANGED, reload);
    return () => window.removeEventListener(MEETINGS_CHANGED, reload);
  }, [reload]);

  const bassinNames = useMemo(
    () => new Map((bassins.data ?? []).map((b) => [b.id, b.nom.toUpperCase().includes(b.kind) ? b.nom : `${b.kind} ${b.nom}`])),
    [bassins.data],
  );
  const list = meetings.data ?? [];
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const count = `${frenchNumber(list.length)} rencontre${list.length > 1 ? 's' : ''}${active > 0 ? ' correspondant aux filtres' : ''}`;
  const pageText = pages > 1 ? `, page ${current} sur ${pages}` : '';

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
      {territory && <MeetingFilters filters={filters} update={update} reset={reset} active={active} territory={territory} campaign={campaign} />}
      <p className="fr-text--bold fr-mb-2w" role="status" aria-live="polite" aria-atomic="true">
        {meetings.loading && !meetings.data ? 'Recherche des rencontres…' : `${count}${pageText}.`}
      </p>
      <ErrorNotice error={meetings.error ?? bassins.error} />
      {territory && list.length > 0 && (
        <MeetingTable
          meetings={list}
          page={current}
          onPage={setPage}
          caption={`Rencontres de la consultation « ${campaign.shortTitle} »${pageText}`}
          territory={territory}
          bassinNames={bassinNames}
        />
      )}
      {meetings.data && list.length === 0 && (
        <p>{active > 0 ? 'Aucune rencontre ne correspond à ces filtres.' : 'Aucune rencontre enregistrée pour cette consultation.'}</p>
      )}
    </>
  );
}
