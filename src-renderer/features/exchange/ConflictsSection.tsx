import type { Conflict } from '../../../src-main/contract/schemas/exchange.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { focusWhenShown, useFocusRequest } from '../../components/focus.ts';
import { Loading } from '../../components/Loading.tsx';
import { useMutation, type Query } from '../../components/useCall.ts';
import { ConflictCard, conflictTitleId } from './ConflictCard.tsx';

const TITLE_ID = 'xch-conflicts-title';

/** « Conflits à régler »: each field changed on both sides, settled one by one. */
export function ConflictsSection({ conflicts, onSettled }: { conflicts: Query<Conflict[]>; onSettled: () => void }) {
  const { notify, reload } = useApp();
  const { run, busy, error, clearError } = useMutation();
  const list = conflicts.data ?? [];
  useFocusRequest(TITLE_ID);

  const settle = async (conflict: Conflict, keep: 'local' | 'recu') => {
    const done = await run('exchange.resolve', { id: conflict.id, keep });
    if (!done) return;
    // The keyboard goes on to the next conflict, or back to the section's title when none is left.
    const next = list[list.indexOf(conflict) + 1] ?? list[list.indexOf(conflict) - 1];
    focusWhenShown(next && done.remaining > 0 ? conflictTitleId(next.id) : TITLE_ID);
    reload();
    onSettled();
    notify({
      severity: 'success',
      message: `${conflict.recordLabel}, ${conflict.fieldLabel.toLowerCase()} : ${keep === 'local' ? `valeur locale gardée (${conflict.local})` : `valeur reçue prise (${conflict.incoming})`}. ${done.remaining > 0 ? `Reste${done.remaining > 1 ? 'nt' : ''} ${done.remaining} conflit${done.remaining > 1 ? 's' : ''}.` : 'Plus aucun conflit.'}`,
    });
  };

  return (
    <section className="xch-section" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID} className="fr-h4" tabIndex={-1}>
        Conflits à régler{list.length > 0 ? ` (${list.length})` : ''}
      </h2>
      <p>
        Un conflit naît quand un même champ a été modifié ici et sur l’autre poste depuis leur dernier échange. La valeur locale reste en
        place jusqu’à votre choix ; le choix fait voyagera avec vos prochains paquets.
      </p>
      <ErrorNotice error={conflicts.error} />
      <ErrorNotice error={error} onClose={clearError} />
      {conflicts.loading && !conflicts.data ? (
        <Loading what="Chargement des conflits" />
      ) : list.length === 0 ? (
        <p className="xch-muted">Aucun conflit à régler.</p>
      ) : (
        <ul className="xch-conflicts">
          {list.map((c) => (
            <ConflictCard key={c.id} conflict={c} busy={busy} onSettle={(keep) => void settle(c, keep)} />
          ))}
        </ul>
      )}
    </section>
  );
}
