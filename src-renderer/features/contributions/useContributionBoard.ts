/** One thématique's contributions, by kind: which are kept, in which order, and every edit saved at once. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../components/useCall.ts';
import { useChangeSignal } from '../retex/changeSignal.ts';
import { byPosition, changedOrder, mergeById, moveWithin, renumber } from '../retex/reorder.ts';
import { useSaveQueue } from '../retex/useSaveQueue.ts';
import { excerpt, KINDS } from './kinds.ts';

export type ContributionPatch = Partial<Omit<Contribution, 'id' | 'campaignId' | 'thematiqueId' | 'selected' | 'position'>>;
export type ContributionDraft = Omit<Contribution, 'id' | 'campaignId' | 'thematiqueId' | 'position'>;
export interface KindGroup {
  kind: ContributionKind;
  kept: Contribution[];
  others: Contribution[];
}

export function useContributionBoard(campaignId: number, thematiqueId: number) {
  const query = useQuery('contributions.list', { campaignId, thematiqueId });
  const queue = useSaveQueue();
  const [items, setItems] = useState<Contribution[] | null>(null);
  useEffect(() => setItems(query.data ?? null), [query.data]);
  useChangeSignal('contributions', query.reload);
  const focusAfter = useRef<{ id: string; fallback: string } | null>(null);

  const groups = useMemo<KindGroup[]>(
    () =>
      KINDS.map((kind) => {
        const ofKind = (items ?? []).filter((c) => c.kind === kind);
        return {
          kind,
          kept: ofKind.filter((c) => c.selected).sort(byPosition),
          others: ofKind.filter((c) => !c.selected).sort((a, b) => a.id - b.id),
        };
      }),
    [items],
  );
  const keptOf = useCallback((kind: ContributionKind) => groups.find((g) => g.kind === kind)!.kept, [groups]);

  const persistOrder = useCallback(
    (before: Contribution[], after: Contribution[], done: string) => {
      const changed = changedOrder(before, after);
      if (changed.length === 0) return;
      setItems((list) => (list ? mergeById(list, changed) : list));
      void queue
        .save(async () => {
          for (const c of changed) await call('contributions.update', { id: c.id, selected: c.selected, position: c.position });
        }, done)
        .then((ok) => ok || query.reload());
    },
    [queue.save, query.reload],
  );

  const move = useCallback(
    (c: Contribution, delta: -1 | 1, focus: 'item' | 'button') => {
      const kept = keptOf(c.kind);
      const next = moveWithin(kept, c.id, delta);
      if (!next) return;
      const rank = next.findIndex((x) => x.id === c.id) + 1;
      const button = `contrib-${delta < 0 ? 'up' : 'down'}-${c.id}`;
      focusAfter.current = { id: focus === 'button' ? button : `contrib-item-${c.id}`, fallback: `contrib-item-${c.id}` };
      persistOrder(kept, next, `« ${excerpt(c.text, 50)} » : position ${rank} sur ${next.length} — enregistré.`);
    },
    [keptOf, persistOrder],
  );

  const toggle = useCallback(
    (c: Contribution, keep: boolean) => {
      if (keep === c.selected) return;
      const kept = keptOf(c.kind);
      const after = keep
        ? renumber([...kept, c])
        : [...renumber(kept.filter((x) => x.id !== c.id)), { ...c, selected: false, position: 0 }];
      focusAfter.current = { id: `contrib-keep-${c.id}-input`, fallback: `contrib-item-${c.id}` };
      persistOrder([...kept, c], after, keep ? 'Retenue pour la synthèse — enregistré.' : 'Plus retenue pour la synthèse — enregistré.');
    },
    [keptOf, persistOrder],
  );

  /** An edit (text, heading, scale, défi, sources, kind): shown at once, saved, then the record as the catalogue has it. */
  const edit = useCallback(
    (c: Contribution, patch: ContributionPatch) => {
      const full: Partial<Contribution> = { ...patch };
      if (patch.kind && patch.kind !== c.kind) {
        if (patch.kind !== 'proposition') full.parentId = null;
        if (c.selected) full.position = keptOf(patch.kind).reduce((max, x) => Math.max(max, x.position), 0) + 1;
      }
      setItems((list) => (list ? list.map((x) => (x.id === c.id ? { ...x, ...full } : x)) : list));
      void queue
        .save(async () => {
          const saved = await call('contributions.update', { id: c.id, ...full });
          setItems((list) => (list ? mergeById(list, [saved]) : list));
        })
        .then((ok) => ok || query.reload());
    },
    [keptOf, queue.save, query.reload],
  );

  /** A new contribution, placed after the last one kept of its kind; resolves to it, or undefined. */
  const create = useCallback(
    async (draft: ContributionDraft): Promise<Contribution | undefined> => {
      const position = draft.selected ? keptOf(draft.kind).reduce((max, x) => Math.max(max, x.position), 0) + 1 : 0;
      let created: Contribution | undefined;
      const ok = await queue.save(async () => {
        created = await call('contributions.create', { ...draft, campaignId, thematiqueId, position });
      }, 'Contribution ajoutée — enregistrée.');
      if (ok && created) {
        const record = created;
        focusAfter.current = { id: `contrib-item-${record.id}`, fallback: `contrib-group-${record.kind}` };
        setItems((list) => (list ? [...list, record] : [record]));
      }
      return ok ? created : undefined;
    },
    [keptOf, queue.save, campaignId, thematiqueId],
  );

  /** After a deletion: out of the list; propositions that answered a deleted défi lose their link, as in the catalogue. */
  const forget = useCallback(
    (id: number) =>
      setItems((list) => (list ? list.filter((c) => c.id !== id).map((c) => (c.parentId === id ? { ...c, parentId: null } : c)) : list)),
    [],
  );

  return { query, items, groups, queue, move, toggle, edit, create, forget, focusAfter };
}
