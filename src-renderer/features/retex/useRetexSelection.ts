/** One thématique's retex: which are kept for the synthesis, in which order; every change saved at once. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Retex } from '../../../src-main/contract/schemas/content.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../components/useCall.ts';
import { useChangeSignal } from './changeSignal.ts';
import { byPosition, changedOrder, mergeById, moveWithin, renumber } from './reorder.ts';
import { useSaveQueue } from './useSaveQueue.ts';

export function useRetexSelection(campaignId: number, thematiqueId: number) {
  const query = useQuery('retex.list', { campaignId, thematiqueId });
  const queue = useSaveQueue();
  const [items, setItems] = useState<Retex[] | null>(null);
  useEffect(() => setItems(query.data ?? null), [query.data]);
  useChangeSignal('retex', query.reload);
  /** The control to focus once a move has been drawn (the moved item, or the button pressed). */
  const focusAfter = useRef<{ id: string; fallback: string } | null>(null);

  const selected = useMemo(() => (items ?? []).filter((r) => r.selected).sort(byPosition), [items]);
  const others = useMemo(
    () => (items ?? []).filter((r) => !r.selected).sort((a, b) => a.title.localeCompare(b.title, 'fr') || a.id - b.id),
    [items],
  );

  const persist = useCallback(
    (before: Retex[], after: Retex[], done: string) => {
      const changed = changedOrder(before, after);
      if (changed.length === 0) return;
      setItems((list) => (list ? mergeById(list, changed) : list));
      void queue
        .save(async () => {
          for (const r of changed) await call('retex.update', { id: r.id, selected: r.selected, position: r.position });
        }, done)
        .then((ok) => ok || query.reload());
    },
    [queue.save, query.reload],
  );

  const move = useCallback(
    (retex: Retex, delta: -1 | 1, focus: 'item' | 'button') => {
      const next = moveWithin(selected, retex.id, delta);
      if (!next) return;
      const rank = next.findIndex((r) => r.id === retex.id) + 1;
      const button = `retex-${delta < 0 ? 'up' : 'down'}-${retex.id}`;
      focusAfter.current = { id: focus === 'button' ? button : `retex-item-${retex.id}`, fallback: `retex-item-${retex.id}` };
      persist(selected, next, `« ${retex.title} » : position ${rank} sur ${next.length} — enregistré.`);
    },
    [selected, persist],
  );

  const toggle = useCallback(
    (retex: Retex, keep: boolean) => {
      if (keep === retex.selected) return;
      const before = [...selected, retex];
      const after = keep
        ? renumber([...selected, retex])
        : [...renumber(selected.filter((r) => r.id !== retex.id)), { ...retex, selected: false, position: 0 }];
      focusAfter.current = { id: `retex-keep-${retex.id}-input`, fallback: `retex-item-${retex.id}` };
      persist(before, after, keep ? `« ${retex.title} » retenu pour la synthèse — enregistré.` : `« ${retex.title} » n’est plus retenu — enregistré.`);
    },
    [selected, persist],
  );

  /** After a deletion: the record leaves the list (the others keep their positions, so "Annuler" puts it back in place). */
  const forget = useCallback((id: number) => setItems((list) => (list ? list.filter((r) => r.id !== id) : list)), []);

  return { query, items, selected, others, queue, move, toggle, forget, focusAfter };
}
