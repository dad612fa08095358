import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Campaign, Thematique } from '../../../src-main/contract/schemas/campaign.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager, pageSummary } from '../../components/Pager.tsx';
import { useMeetingLabels } from '../../components/useMeetingLabels.ts';
import { useTerritory } from '../meetings/useTerritory.ts';
import { useNationalCatalogue } from '../../app/useNationalCatalogue.ts';
import { ContentFilters, type SortChoice } from './ContentFilters.tsx';
import { RetexExpectationNotice } from './RetexExpectationNotice.tsx';
import { RetexItem } from './RetexItem.tsx';
import { deleteRetexWithUndo } from './retexDeletion.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { useFocusAfterMove } from './useFocusAfterMove.ts';
import type { RetexExpectation } from './useRetexExpectation.ts';
import { type RetexSort, useRetexSelection } from './useRetexSelection.ts';

const SORTS: SortChoice<RetexSort>[] = [
  { sort: { by: 'title', direction: 'asc' }, label: 'Titre (A → Z)' },
  { sort: { by: 'title', direction: 'desc' }, label: 'Titre (Z → A)' },
  { sort: { by: 'etablissement', direction: 'asc' }, label: 'Établissement' },
  { sort: { by: 'date', direction: 'desc' }, label: 'Rencontre, la plus récente d’abord' },
  { sort: { by: 'date', direction: 'asc' }, label: 'Rencontre, la plus ancienne d’abord' },
];

/** The retex of one thématique: those kept for the synthesis, in order, then the others, searched and paged. */
export function RetexPanel({ campaign, thematique, expectation }: {
  campaign: Campaign;
  thematique: Thematique;
  expectation: RetexExpectation | null;
}) {
  const { notify } = useApp();
  const board = useRetexSelection(campaign.id, thematique.id);
  // A catalogue of the whole country lists every région's records: its filters offer every académie.
  const { national } = useNationalCatalogue();
  const { territory, error: territoryError } = useTerritory({ wholeCountry: national });
  const { selected, others, queue, list, filters } = board;
  useFocusAfterMove(board.focusAfter, [board.kept, board.othersQuery.data], board.awaitingOthers);
  const label = useMeetingLabels([...selected, ...others].flatMap((r) => (r.sourceMeetingId === null ? [] : [r.sourceMeetingId])));
  const hintId = `retex-hint-${thematique.id}`;

  const remove = async (retex: (typeof selected)[number]) => {
    const ok = await queue.save(() => deleteRetexWithUndo(retex, notify), 'Supprimé');
    if (ok) {
      board.forget(retex.id);
      document.getElementById('retex-list-title')?.focus();
    }
  };

  if (board.keptQuery.error && !board.kept) return <ErrorNotice error={board.keptQuery.error} />;
  if (!board.kept) return <Loading what="Chargement des retex" />;

  const item = (retex: (typeof selected)[number], rank: number | null) => (
    <RetexItem
      key={retex.id}
      retex={retex}
      rank={rank}
      count={selected.length}
      meetingLabel={retex.sourceMeetingId === null ? null : label(retex.sourceMeetingId)}
      hintId={hintId}
      onToggle={(keep) => board.toggle(retex, keep)}
      onMove={(delta, focus) => board.move(retex, delta, focus)}
      onDelete={() => remove(retex)}
    />
  );
  const searched = filters.active > 0 || list.search !== '';
  const othersData = board.othersQuery.data;

  return (
    <div className="retex-panel">
      <h2 id="retex-list-title" tabIndex={-1} className="fr-h4">
        Thématique {thematique.number} : {thematique.title}
      </h2>
      <RetexExpectationNotice expectation={expectation} count={board.allKeptLoaded ? selected.length : (board.keptQuery.data?.total ?? 0)} />
      <SaveStatus phase={queue.phase} message={queue.message} />
      <ErrorNotice error={queue.error} onClose={queue.clearError} />

      <h3 className="fr-h5 fr-mt-3w">Retenus pour la synthèse, dans l’ordre du document</h3>
      <p id={hintId} className="fr-text--sm retex-hint">
        Pour changer l’ordre : boutons « Monter » et « Descendre », ou Alt + Flèche haut / Alt + Flèche bas sur un retex retenu.
      </p>
      {selected.length === 0 ? (
        <p className="retex-empty">Aucun retex retenu pour cette thématique : activez « Retenu pour la synthèse » sur ceux à décrire.</p>
      ) : (
        <ol className="retex-list" aria-label={`Retex retenus de la thématique ${thematique.number}`}>
          {selected.map((r, index) => item(r, index + 1))}
        </ol>
      )}
      {!board.allKeptLoaded && (
        <Button priority="secondary" iconId="fr-icon-arrow-down-s-line" disabled={board.keptQuery.loading} onClick={board.showMoreKept}>
          {`Afficher plus de retex retenus (${frenchNumber(selected.length)} sur ${frenchNumber(board.keptQuery.data?.total ?? 0)})`}
        </Button>
      )}

      <h3 id="retex-others-title" tabIndex={-1} className="fr-h5 fr-mt-4w">Autres retex de la thématique</h3>
      <ErrorNotice error={territoryError} />
      <ContentFilters
        idPrefix="retex-others"
        title="Rechercher parmi les retex non retenus"
        campaignId={campaign.id}
        territory={territory}
        filters={filters.filters}
        update={filters.update}
        search={list.searchText}
        onSearch={list.setSearch}
        searchHint="Mots du titre, du texte, de l’établissement (accents et majuscules indifférents)"
        sort={list.sort}
        sorts={SORTS}
        onSort={list.setSort}
        active={filters.active + (list.searchText.trim() ? 1 : 0)}
        onReset={() => {
          filters.reset();
          list.reset();
        }}
      />
      <p className="app-list-count fr-mb-2w" role="status" aria-live="polite" aria-atomic="true">
        {othersData
          ? `${pageSummary(list.page, othersData.total, list.limit, ['retex non retenu', 'retex non retenus'])}${searched ? ' correspondant aux filtres' : ''}.`
          : board.othersQuery.loading ? 'Recherche des retex…' : ''}
      </p>
      <ErrorNotice error={board.othersQuery.error} />
      {othersData && others.length === 0 ? (
        <p className="retex-empty">{searched ? 'Aucun retex non retenu ne correspond à ces filtres.' : 'Aucun autre retex.'}</p>
      ) : (
        <ul className="retex-list" aria-label={`Retex non retenus de la thématique ${thematique.number}`}>
          {others.map((r) => item(r, null))}
        </ul>
      )}
      {othersData && (
        <Pager page={list.page} total={othersData.total} limit={list.limit} onPage={list.setPage} label="Pages des retex non retenus" focusId="retex-others-title" />
      )}
      <Button className="fr-mt-2w" iconId="fr-icon-add-line" priority="secondary" linkProps={{ href: href(`/retex/nouveau/${thematique.id}`) }}>
        Ajouter un retex à cette thématique
      </Button>
    </div>
  );
}
