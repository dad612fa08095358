import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Campaign, Thematique } from '../../../src-main/contract/schemas/campaign.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RetexExpectationNotice } from './RetexExpectationNotice.tsx';
import { RetexItem } from './RetexItem.tsx';
import { deleteRetexWithUndo } from './retexDeletion.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { useCampaignMeetings } from './useCampaignMeetings.ts';
import { useFocusAfterMove } from './useFocusAfterMove.ts';
import type { RetexExpectation } from './useRetexExpectation.ts';
import { useRetexSelection } from './useRetexSelection.ts';

/** The retex of one thématique: those kept for the synthesis, in order, then the others. */
export function RetexPanel({ campaign, thematique, expectation }: {
  campaign: Campaign;
  thematique: Thematique;
  expectation: RetexExpectation | null;
}) {
  const { notify } = useApp();
  const board = useRetexSelection(campaign.id, thematique.id);
  const meetings = useCampaignMeetings(campaign.id);
  const { selected, others, queue } = board;
  useFocusAfterMove(board.focusAfter, board.items);
  const hintId = `retex-hint-${thematique.id}`;

  const remove = async (id: number) => {
    const retex = board.items?.find((r) => r.id === id);
    if (!retex) return;
    const ok = await queue.save(() => deleteRetexWithUndo(retex, notify), 'Supprimé');
    if (ok) {
      board.forget(id);
      document.getElementById('retex-list-title')?.focus();
    }
  };

  if (board.query.error && !board.items) return <ErrorNotice error={board.query.error} />;
  if (!board.items) return <Loading what="Chargement des retex" />;

  const meetingLabel = (id: number | null) => (id === null ? null : (meetings.byId.get(id)?.label ?? `rencontre n° ${id}`));
  const item = (retex: (typeof selected)[number], rank: number | null) => (
    <RetexItem
      key={retex.id}
      retex={retex}
      rank={rank}
      count={selected.length}
      meetingLabel={meetingLabel(retex.sourceMeetingId)}
      hintId={hintId}
      onToggle={(keep) => board.toggle(retex, keep)}
      onMove={(delta, focus) => board.move(retex, delta, focus)}
      onDelete={() => remove(retex.id)}
    />
  );

  return (
    <div className="retex-panel">
      <h2 id="retex-list-title" tabIndex={-1} className="fr-h4">
        Thématique {thematique.number} : {thematique.title}
      </h2>
      <RetexExpectationNotice expectation={expectation} count={selected.length} />
      <SaveStatus phase={queue.phase} message={queue.message} />
      <ErrorNotice error={queue.error} onClose={queue.clearError} />
      <ErrorNotice error={meetings.error} />

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

      <h3 className="fr-h5 fr-mt-4w">Autres retex de la thématique</h3>
      {others.length === 0 ? (
        <p className="retex-empty">Aucun autre retex.</p>
      ) : (
        <ul className="retex-list" aria-label={`Retex non retenus de la thématique ${thematique.number}`}>
          {others.map((r) => item(r, null))}
        </ul>
      )}
      <Button className="fr-mt-2w" iconId="fr-icon-add-line" priority="secondary" linkProps={{ href: href(`/retex/nouveau/${thematique.id}`) }}>
        Ajouter un retex à cette thématique
      </Button>
    </div>
  );
}
