import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMemo, useState } from 'react';
import type { ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Campaign, Thematique } from '../../../src-main/contract/schemas/campaign.ts';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { PAGE_LIMIT_MAX } from '../../../src-main/contract/schemas/lists.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useMeetingLabels } from '../../components/useMeetingLabels.ts';
import { useDefiTexts } from './useDefiTexts.ts';
import { SaveStatus } from '../retex/SaveStatus.tsx';
import { useFocusAfterMove } from '../retex/useFocusAfterMove.ts';
import { ContributionAddForm } from './ContributionAddForm.tsx';
import { deleteContributionWithUndo } from './contributionDeletion.ts';
import { ContributionKindGroup, type ItemContext } from './ContributionKindGroup.tsx';
import { SOURCES_SHOWN } from './ContributionItem.tsx';
import { ContributionOthers } from './ContributionOthers.tsx';
import { useContributionBoard } from './useContributionBoard.ts';

/** One thématique's contributions: those kept, by kind and in order, then the others, searched and paged. */
export function ContributionsPanel({ campaign, thematique, initialReview = '' }: {
  campaign: Campaign; thematique: Thematique; initialReview?: '' | 'a_traiter';
}) {
  const { notify } = useApp();
  const board = useContributionBoard(campaign.id, thematique.id, initialReview);
  const [adding, setAdding] = useState<ContributionKind | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  useFocusAfterMove(board.focusAfter, [board.kept, board.othersQuery.data], board.awaitingOthers);
  const hintId = `contrib-hint-${thematique.id}`;

  const kept = useMemo(() => board.kept ?? [], [board.kept]);
  const shown = useMemo(() => [...kept, ...board.others], [kept, board.others]);
  const meetingLabel = useMeetingLabels(shown.flatMap((c) => c.sourceMeetingIds.slice(0, SOURCES_SHOWN)));
  const defiText = useDefiTexts(shown.flatMap((c) => (c.parentId === null ? [] : [c.parentId])));
  // Group titles offered while typing: those of the contributions on screen.
  const headings = useMemo(
    () => [...new Set(shown.map((c) => c.heading).filter((h): h is string => Boolean(h)))].sort((a, b) => a.localeCompare(b, 'fr')),
    [shown],
  );

  const ctx = (add: () => void): ItemContext => ({
    hintId,
    headings,
    meetingLabel,
    defiText,
    editingId,
    setEditingId,
    actions: {
      toggle: board.toggle,
      review: board.review,
      move: board.move,
      edit: board.edit,
      remove: async (c: Contribution) => {
        const ok = await board.queue.save(() => deleteContributionWithUndo(c, notify), 'Supprimée');
        if (ok) {
          board.forget(c.id);
          if (editingId === c.id) setEditingId(null);
          document.getElementById(c.selected ? `contrib-group-${c.kind}` : 'contrib-others-title')?.focus();
        }
      },
      add,
    },
  });

  if (board.keptQuery.error && !board.kept) return <ErrorNotice error={board.keptQuery.error} />;
  if (!board.kept) return <Loading what="Chargement des contributions" />;
  const loaded = kept.length;

  return (
    <div className="contrib-panel">
      <div className="contrib-panel__head">
        <h2 className="fr-h4 fr-mb-1w">Thématique {thematique.number} : {thematique.title}</h2>
        {adding === null && (
          <Button iconId="fr-icon-add-line" onClick={() => setAdding('etat_des_lieux')}>Ajouter une contribution</Button>
        )}
      </div>
      <p className="fr-mb-1w">
        {frenchNumber(board.keptTotal)} contribution{board.keptTotal > 1 ? 's' : ''} retenue{board.keptTotal > 1 ? 's' : ''} pour la synthèse
        {board.othersQuery.data && !board.filters.active && !board.list.search
          ? `, ${frenchNumber(board.othersQuery.data.total)} non retenue${board.othersQuery.data.total > 1 ? 's' : ''}`
          : ''}
        .{board.keptTotal > loaded ? ` Les ${frenchNumber(loaded)} premières dans l’ordre du document sont affichées.` : ''}
      </p>
      <p id={hintId} className="fr-text--sm contrib-hint">
        Pour changer l’ordre d’une contribution retenue : « Monter » et « Descendre », ou Alt + Flèche haut / Alt + Flèche bas sur la contribution.
      </p>
      <SaveStatus phase={board.queue.phase} message={board.queue.message} />
      <ErrorNotice error={board.queue.error} onClose={board.queue.clearError} />
      {adding !== null && (
        <ContributionAddForm
          campaignId={campaign.id}
          thematiqueId={thematique.id}
          kind={adding}
          headings={headings}
          busy={board.queue.phase === 'saving'}
          onCancel={() => setAdding(null)}
          onSave={async (draft) => {
            const created = await board.create(draft);
            if (!created) return false;
            notify({ message: 'Contribution ajoutée.', severity: 'success' });
            setAdding(null);
            return true;
          }}
        />
      )}
      {board.groups.map((group) => (
        <ContributionKindGroup key={group.kind} group={group} ctx={ctx(() => setAdding(group.kind))} />
      ))}
      {!board.allKeptLoaded && loaded < PAGE_LIMIT_MAX && (
        <Button priority="secondary" iconId="fr-icon-arrow-down-s-line" disabled={board.keptQuery.loading} onClick={board.showMoreKept}>
          {`Afficher plus de contributions retenues (${frenchNumber(loaded)} sur ${frenchNumber(board.keptTotal)})`}
        </Button>
      )}
      <ContributionOthers board={board} campaignId={campaign.id} thematiqueNumber={thematique.number} ctx={ctx(() => setAdding('etat_des_lieux'))} />
    </div>
  );
}
