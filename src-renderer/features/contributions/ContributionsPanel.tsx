import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMemo, useState } from 'react';
import type { ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Campaign, Thematique } from '../../../src-main/contract/schemas/campaign.ts';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { SaveStatus } from '../retex/SaveStatus.tsx';
import { useCampaignMeetings } from '../retex/useCampaignMeetings.ts';
import { useFocusAfterMove } from '../retex/useFocusAfterMove.ts';
import { ContributionAddForm } from './ContributionAddForm.tsx';
import { deleteContributionWithUndo } from './contributionDeletion.ts';
import { ContributionKindGroup, type GroupActions } from './ContributionKindGroup.tsx';
import { useContributionBoard } from './useContributionBoard.ts';

/** One thématique's contributions (loaded alone: a thématique at a time keeps long catalogues quick). */
export function ContributionsPanel({ campaign, thematique }: { campaign: Campaign; thematique: Thematique }) {
  const { notify } = useApp();
  const board = useContributionBoard(campaign.id, thematique.id);
  const meetings = useCampaignMeetings(campaign.id);
  const [adding, setAdding] = useState<ContributionKind | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  useFocusAfterMove(board.focusAfter, board.items);
  const hintId = `contrib-hint-${thematique.id}`;

  const items = board.items ?? [];
  const defis = useMemo(() => items.filter((c) => c.kind === 'defi').sort((a, b) => a.position - b.position || a.id - b.id), [items]);
  const headings = useMemo(
    () => [...new Set(items.map((c) => c.heading).filter((h): h is string => Boolean(h)))].sort((a, b) => a.localeCompare(b, 'fr')),
    [items],
  );
  const answers = useMemo(() => {
    const count = new Map<number, number[]>();
    for (const c of items) if (c.parentId !== null) count.set(c.parentId, [...(count.get(c.parentId) ?? []), c.id]);
    return count;
  }, [items]);

  const actions: Omit<GroupActions, 'add'> = {
    toggle: board.toggle,
    move: board.move,
    edit: board.edit,
    remove: async (c: Contribution) => {
      const ok = await board.queue.save(() => deleteContributionWithUndo(c, answers.get(c.id) ?? [], notify), 'Supprimée');
      if (ok) {
        board.forget(c.id);
        if (editingId === c.id) setEditingId(null);
        document.getElementById(`contrib-group-${c.kind}`)?.focus();
      }
    },
  };

  if (board.query.error && !board.items) return <ErrorNotice error={board.query.error} />;
  if (!board.items) return <Loading what="Chargement des contributions" />;
  const kept = items.filter((c) => c.selected).length;

  return (
    <div className="contrib-panel">
      <div className="contrib-panel__head">
        <h2 className="fr-h4 fr-mb-1w">Thématique {thematique.number} : {thematique.title}</h2>
        {adding === null && (
          <Button iconId="fr-icon-add-line" onClick={() => setAdding('etat_des_lieux')}>Ajouter une contribution</Button>
        )}
      </div>
      <p className="fr-mb-1w">
        {frenchNumber(items.length)} contribution{items.length > 1 ? 's' : ''}, dont {frenchNumber(kept)} retenue{kept > 1 ? 's' : ''} pour la synthèse.
      </p>
      <p id={hintId} className="fr-text--sm contrib-hint">
        Pour changer l’ordre d’une contribution retenue : « Monter » et « Descendre », ou Alt + Flèche haut / Alt + Flèche bas sur la contribution.
      </p>
      <SaveStatus phase={board.queue.phase} message={board.queue.message} />
      <ErrorNotice error={board.queue.error} onClose={board.queue.clearError} />
      <ErrorNotice error={meetings.error} />
      {adding !== null && (
        <ContributionAddForm
          kind={adding}
          defis={defis}
          headings={headings}
          meetings={meetings.choices}
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
        <ContributionKindGroup
          key={group.kind}
          group={group}
          hintId={hintId}
          defis={defis}
          headings={headings}
          meetings={meetings}
          answersOf={(id) => answers.get(id)?.length ?? 0}
          editingId={editingId}
          setEditingId={setEditingId}
          actions={{ ...actions, add: () => setAdding(group.kind) }}
        />
      ))}
    </div>
  );
}
