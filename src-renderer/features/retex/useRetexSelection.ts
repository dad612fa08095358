/**
 * One thématique's retex: those kept for the synthesis, in order (their own list, typically a few), and the
 * others, searched, filtered, sorted and paged on the server, where one can retain a retex. Every change of
 * the selection or the order is saved at once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PAGE_LIMIT_MAX } from '../../../src-main/contract/schemas/lists.ts';
import { RETEX_SORTS, type Retex } from '../../../src-main/contract/schemas/content.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../components/useCall.ts';
import { usePagedList } from '../../components/usePagedList.ts';
import { useChangeSignal } from './changeSignal.ts';
import { changedOrder, moveWithin, renumber } from './reorder.ts';
import { useContentFilters } from './useContentFilters.ts';
import { useSaveQueue } from './useSaveQueue.ts';

export type RetexSort = (typeof RETEX_SORTS)[number];
const KEPT_STEP = 100;

export function useRetexSelection(campaignId: number, thematiqueId: number) {
  // The kept ones, in the document's order: the first KEPT_STEP (a trame asks for a few), more on demand.
  const [keptLimit, setKeptLimit] = useState(KEPT_STEP);
  const keptQuery = useQuery('retex.list', {
    campaignId, thematiqueId, selection: 'retenu', sort: { by: 'position', direction: 'asc' }, limit: keptLimit,
  });
  const showMoreKept = useCallback(() => setKeptLimit((l) => Math.min(PAGE_LIMIT_MAX, l + KEPT_STEP)), []);
  const filters = useContentFilters('retex', campaignId);
  const list = usePagedList<RetexSort>({
    storageKey: `synthese.retex.others.${campaignId}.${thematiqueId}`,
    columns: RETEX_SORTS,
    defaultSort: { by: 'title', direction: 'asc' },
    filterKey: JSON.stringify(filters.input),
  });
  const othersQuery = useQuery('retex.list', { campaignId, thematiqueId, selection: 'non_retenu', ...filters.input, ...list.request });
  const queue = useSaveQueue();
  const [kept, setKept] = useState<Retex[] | null>(null);
  useEffect(() => setKept(keptQuery.data?.items ?? null), [keptQuery.data]);
  const { reload: reloadKept } = keptQuery;
  const { reload: reloadOthers } = othersQuery;
  const reload = useCallback(() => {
    reloadKept();
    reloadOthers();
  }, [reloadKept, reloadOthers]);
  useChangeSignal('retex', reload);
  /** The control to focus once a change has been drawn (the moved item, the button pressed, the switch). */
  const focusAfter = useRef<{ id: string; fallback: string } | null>(null);

  const selected = useMemo(() => kept ?? [], [kept]);
  /** A retex no longer kept goes back among the others: its switch keeps the focus if it lands on this page. */
  const [awaitingOthers, setAwaitingOthers] = useState(false);
  useEffect(() => setAwaitingOthers(false), [othersQuery.data]);
  /** The others of this page, without those just retained (until the page is read again). */
  const others = useMemo(() => {
    const keptIds = new Set(selected.map((r) => r.id));
    return (othersQuery.data?.items ?? []).filter((r) => !keptIds.has(r.id));
  }, [othersQuery.data, selected]);

  /** Saves what changed between two orders of the kept list; `after` is the new kept list. */
  const persist = useCallback(
    (changed: Retex[], after: Retex[], done: string, othersChanged: boolean) => {
      if (changed.length === 0) return;
      setKept(after);
      void queue
        .save(async () => {
          for (const r of changed) await call('retex.update', { id: r.id, selected: r.selected, position: r.position });
        }, done)
        .then((ok) => {
          if (!ok) reloadKept();
          if (othersChanged || !ok) reloadOthers();
        });
    },
    [queue.save, reloadKept, reloadOthers],
  );

  const move = useCallback(
    (retex: Retex, delta: -1 | 1, focus: 'item' | 'button') => {
      const next = moveWithin(selected, retex.id, delta);
      if (!next) return;
      const rank = next.findIndex((r) => r.id === retex.id) + 1;
      const button = `retex-${delta < 0 ? 'up' : 'down'}-${retex.id}`;
      focusAfter.current = { id: focus === 'button' ? button : `retex-item-${retex.id}`, fallback: `retex-item-${retex.id}` };
      persist(changedOrder(selected, next), next, `« ${retex.title} » : position ${rank} sur ${next.length} — enregistré.`, false);
    },
    [selected, persist],
  );

  // As the catalogue last answered (the list shown may differ by the changes made since).
  const allKeptLoaded = !keptQuery.data || keptQuery.data.total <= keptQuery.data.items.length;
  const toggle = useCallback(
    (retex: Retex, keep: boolean) => {
      if (keep === retex.selected) return;
      focusAfter.current = { id: `retex-keep-${retex.id}-input`, fallback: keep ? `retex-item-${retex.id}` : 'retex-others-title' };
      if (keep && !allKeptLoaded) {
        // Some kept ones are not loaded here: after the last one as the catalogue has them.
        void queue
          .save(async () => {
            const last = await call('retex.list', { campaignId, thematiqueId, selection: 'retenu', sort: { by: 'position', direction: 'desc' }, limit: 1 });
            await call('retex.update', { id: retex.id, selected: true, position: (last.items[0]?.position ?? 0) + 1 });
          }, `« ${retex.title} » retenu pour la synthèse — enregistré.`)
          .then(() => reload());
      } else if (keep) {
        const after = renumber([...selected, retex]);
        persist(changedOrder([...selected, retex], after), after, `« ${retex.title} » retenu pour la synthèse — enregistré.`, true);
      } else {
        setAwaitingOthers(true);
        const after = renumber(selected.filter((r) => r.id !== retex.id));
        const changed = [...changedOrder(selected, after), { ...retex, selected: false, position: 0 }];
        persist(changed, after, `« ${retex.title} » n’est plus retenu — enregistré.`, true);
      }
    },
    [selected, persist, allKeptLoaded, queue.save, campaignId, thematiqueId, reload],
  );

  /** After a deletion: the record leaves the lists (the others keep their positions, so "Annuler" puts it back in place). */
  const forget = useCallback(
    (id: number) => {
      setKept((items) => (items ? items.filter((r) => r.id !== id) : items));
      reloadOthers();
    },
    [reloadOthers],
  );

  return {
    keptQuery, othersQuery, kept, selected, others, allKeptLoaded, showMoreKept, othersTotal: othersQuery.data?.total ?? 0, awaitingOthers,
    filters, list, queue, move, toggle, forget, focusAfter,
  };
}
