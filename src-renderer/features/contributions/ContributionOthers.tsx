/** The contributions of the thématique not retained: searched, filtered (type, territory, meeting), sorted, paged. */
import { Select } from '@codegouvfr/react-dsfr/Select';
import { REVIEW_STATE_LABELS } from '../../../src-main/contract/domain.ts';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Pager, pageSummary } from '../../components/Pager.tsx';
import { useTerritory } from '../meetings/useTerritory.ts';
import { useNationalCatalogue } from '../../app/useNationalCatalogue.ts';
import { ContentFilters, type SortChoice } from '../retex/ContentFilters.tsx';
import { contributionItem, type ItemContext } from './ContributionKindGroup.tsx';
import { CONTRIBUTION_KIND_LABELS, KINDS } from './kinds.ts';
import type { ContributionSort, useContributionBoard } from './useContributionBoard.ts';

const SORTS: SortChoice<ContributionSort>[] = [
  { sort: { by: 'kind', direction: 'asc' }, label: 'Type (dans l’ordre de la trame)' },
  { sort: { by: 'text', direction: 'asc' }, label: 'Texte (A → Z)' },
  { sort: { by: 'date', direction: 'desc' }, label: 'Rencontre, la plus récente d’abord' },
  { sort: { by: 'date', direction: 'asc' }, label: 'Rencontre, la plus ancienne d’abord' },
];

export function ContributionOthers({ board, campaignId, thematiqueNumber, ctx }: {
  board: ReturnType<typeof useContributionBoard>;
  campaignId: number;
  thematiqueNumber: number;
  ctx: ItemContext;
}) {
  // A catalogue of the whole country lists every région's records: its filters offer every académie.
  const { national } = useNationalCatalogue();
  const { territory, error: territoryError } = useTerritory({ wholeCountry: national });
  const { list, filters, others } = board;
  const data = board.othersQuery.data;
  const searched = filters.active > 0 || board.reviewFilter !== '' || list.search !== '';
  return (
    <section className="contrib-others fr-mt-6w" aria-labelledby="contrib-others-title">
      <h3 id="contrib-others-title" tabIndex={-1} className="fr-h5">Contributions non retenues</h3>
      <ErrorNotice error={territoryError} />
      <ContentFilters
        idPrefix="contrib-others"
        title="Rechercher parmi les contributions non retenues"
        campaignId={campaignId}
        territory={territory}
        filters={filters.filters}
        update={filters.update}
        search={list.searchText}
        onSearch={list.setSearch}
        searchHint="Mots du texte ou du titre de groupe (accents et majuscules indifférents)"
        sort={list.sort}
        sorts={SORTS}
        onSort={list.setSort}
        active={filters.active + (board.reviewFilter ? 1 : 0) + (list.searchText.trim() ? 1 : 0)}
        onReset={() => {
          filters.reset();
          board.setReviewFilter('');
          list.reset();
        }}
      >
        <Select
          label="État"
          nativeSelectProps={{
            id: 'contrib-others-review',
            value: board.reviewFilter,
            onChange: (e) => board.setReviewFilter(e.target.value === 'a_traiter' || e.target.value === 'ecartee' ? e.target.value : ''),
          }}
        >
          <option value="">Tous</option>
          <option value="a_traiter">{REVIEW_STATE_LABELS.a_traiter}</option>
          <option value="ecartee">{REVIEW_STATE_LABELS.ecartee}</option>
        </Select>
        <Select label="Type" nativeSelectProps={{ value: filters.filters.kind, onChange: (e) => filters.update({ kind: e.target.value }) }}>
          <option value="">Tous</option>
          {KINDS.map((k) => <option key={k} value={k}>{CONTRIBUTION_KIND_LABELS[k]}</option>)}
        </Select>
      </ContentFilters>
      <p className="app-list-count fr-mb-2w" role="status" aria-live="polite" aria-atomic="true">
        {data
          ? `${pageSummary(list.page, data.total, list.limit, ['contribution non retenue', 'contributions non retenues'])}${searched ? ' correspondant aux filtres' : ''}.`
          : board.othersQuery.loading ? 'Recherche des contributions…' : ''}
      </p>
      <ErrorNotice error={board.othersQuery.error} />
      {data && others.length === 0 ? (
        <p className="contrib-empty">{searched ? 'Aucune contribution non retenue ne correspond à ces filtres.' : 'Aucune contribution non retenue.'}</p>
      ) : (
        <ul className="contrib-list" aria-label={`Contributions non retenues de la thématique ${thematiqueNumber}`}>
          {others.map((c: Contribution) => contributionItem(ctx, c, null, 0, { showKind: true }))}
        </ul>
      )}
      {data && <Pager page={list.page} total={data.total} limit={list.limit} onPage={list.setPage} label="Pages des contributions non retenues" focusId="contrib-others-title" />}
    </section>
  );
}
