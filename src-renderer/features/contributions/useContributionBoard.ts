/**
 * One thématique's contributions: those kept for the synthesis, by kind and in order (their own list), and the
 * others, searched, filtered, sorted and paged on the server, where one can retain one. Every edit is saved at
 * once. Nothing here reads a whole thématique: the kept ones come 100 at a time, the others 50 a page.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ContributionKind, REVIEW_STATE_LABELS, type ReviewState } from '../../../src-main/contract/domain.ts';
import { CONTRIBUTION_SORTS, type Contribution } from '../../../src-main/contract/schemas/content.ts';
import { PAGE_LIMIT_MAX } from '../../../src-main/contract/schemas/lists.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../components/useCall.ts';
import { usePagedList } from '../../components/usePagedList.ts';
import { useChangeSignal } from '../retex/changeSignal.ts';
import { byPosition, changedOrder, mergeById, moveWithin, renumber } from '../retex/reorder.ts';
import { useContentFilters } from '../retex/useContentFilters.ts';
import { useSaveQueue } from '../retex/useSaveQueue.ts';
import { excerpt, KINDS } from './kinds.ts';
import { rememberDefi } from './useDefiTexts.ts';

export type ContributionPatch = Partial<Omit<Contribution, 'id' | 'campaignId' | 'thematiqueId' | 'selected' | 'position'>>;
export type ContributionDraft = Omit<Contribution, 'id' | 'campaignId' | 'thematiqueId' | 'position' | 'review' | 'groupId' | 'passage'>;
export type ContributionSort = (typeof CONTRIBUTION_SORTS)[number];
const KEPT_STEP = 100;
export interface KindGroup {
  kind: ContributionKind;
  kept: Contribution[];
}

/** Where a contribution newly kept goes: after the last one kept of its kind (asked to the catalogue). */
async function nextPosition(campaignId: number, thematiqueId: number, kind: ContributionKind): Promise<number> {
  const last = await call('contributions.list', {
    campaignId, thematiqueId, kind, selection: 'retenu', sort: { by: 'position', direction: 'desc' }, limit: 1,
  });
  return (last.items[0]?.position ?? 0) + 1;
}

export function useContributionBoard(campaignId: number, thematiqueId: number, initialReview: '' | 'a_traiter' = '') {
  const base = { campaignId, thematiqueId };
  // The kept ones, in the document's order: the first KEPT_STEP, more on demand (a national catalogue keeps thousands).
  const [keptLimit, setKeptLimit] = useState(KEPT_STEP);
  const keptQuery = useQuery('contributions.list', { ...base, selection: 'retenu', sort: { by: 'position', direction: 'asc' }, limit: keptLimit });
  const showMoreKept = useCallback(() => setKeptLimit((l) => Math.min(PAGE_LIMIT_MAX, l + KEPT_STEP)), []);
  const filters = useContentFilters('contributions', campaignId);
  /** The others by review state: à traiter, écartée, or both (''). */
  const [reviewFilter, setReviewFilter] = useState<'' | Exclude<ReviewState, 'retenue'>>(initialReview);
  const list = usePagedList<ContributionSort>({
    storageKey: `synthese.contributions.others.${campaignId}.${thematiqueId}`,
    columns: CONTRIBUTION_SORTS,
    defaultSort: { by: 'kind', direction: 'asc' },
    filterKey: JSON.stringify({ ...filters.input, reviewFilter }),
  });
  const othersQuery = useQuery('contributions.list', {
    ...base, selection: 'non_retenu', ...filters.input, ...(reviewFilter && { review: reviewFilter }), ...list.request,
  });
  const queue = useSaveQueue();
  const [kept, setKept] = useState<Contribution[] | null>(null);
  useEffect(() => setKept(keptQuery.data?.items ?? null), [keptQuery.data]);
  /** Edits made to the others of this page, shown until the page is read again. */
  const [edited, setEdited] = useState<Contribution[]>([]);
  useEffect(() => setEdited([]), [othersQuery.data]);
  const [awaitingOthers, setAwaitingOthers] = useState(false);
  useEffect(() => setAwaitingOthers(false), [othersQuery.data]);

  const { reload: reloadKept } = keptQuery;
  const { reload: reloadOthers } = othersQuery;
  const reload = useCallback(() => {
    reloadKept();
    reloadOthers();
  }, [reloadKept, reloadOthers]);
  useChangeSignal('contributions', reload);
  const focusAfter = useRef<{ id: string; fallback: string } | null>(null);

  const groups = useMemo<KindGroup[]>(
    () => KINDS.map((kind) => ({ kind, kept: (kept ?? []).filter((c) => c.kind === kind).sort(byPosition) })),
    [kept],
  );
  const keptOf = useCallback((kind: ContributionKind) => groups.find((g) => g.kind === kind)!.kept, [groups]);
  const others = useMemo(() => {
    const keptIds = new Set((kept ?? []).map((c) => c.id));
    return mergeById((othersQuery.data?.items ?? []).filter((c) => !keptIds.has(c.id)), edited);
  }, [othersQuery.data, kept, edited]);

  /** Saves the selection and positions that changed; `keptAfter` is the kept list to show meanwhile. */
  const persistOrder = useCallback(
    (changed: Contribution[], keptAfter: Contribution[], done: string, othersChanged: boolean) => {
      if (changed.length === 0) return;
      setKept(keptAfter);
      void queue
        .save(async () => {
          for (const c of changed) await call('contributions.update', { id: c.id, selected: c.selected, position: c.position });
        }, done)
        .then((ok) => {
          if (!ok) reloadKept();
          if (othersChanged || !ok) reloadOthers();
        });
    },
    [queue.save, reloadKept, reloadOthers],
  );

  const move = useCallback(
    (c: Contribution, delta: -1 | 1, focus: 'item' | 'button') => {
      const ofKind = keptOf(c.kind);
      const next = moveWithin(ofKind, c.id, delta);
      if (!next) return;
      const rank = next.findIndex((x) => x.id === c.id) + 1;
      const button = `contrib-${delta < 0 ? 'up' : 'down'}-${c.id}`;
      focusAfter.current = { id: focus === 'button' ? button : `contrib-item-${c.id}`, fallback: `contrib-item-${c.id}` };
      persistOrder(changedOrder(ofKind, next), mergeById(kept ?? [], next), `« ${excerpt(c.text, 50)} » : position ${rank} sur ${next.length} — enregistré.`, false);
    },
    [keptOf, kept, persistOrder],
  );

  // As the catalogue last answered (the list shown may differ by the changes made since).
  const allKeptLoaded = !keptQuery.data || keptQuery.data.total <= keptQuery.data.items.length;
  const toggle = useCallback(
    (c: Contribution, keep: boolean) => {
      if (keep === c.selected) return;
      const ofKind = keptOf(c.kind);
      focusAfter.current = { id: `contrib-keep-${c.id}-input`, fallback: keep ? `contrib-item-${c.id}` : 'contrib-others-title' };
      if (keep && !allKeptLoaded) {
        // Some kept ones are not loaded here: after the last one of its kind as the catalogue has them.
        void queue
          .save(async () => {
            const position = await nextPosition(campaignId, thematiqueId, c.kind);
            await call('contributions.update', { id: c.id, selected: true, position });
          }, 'Retenue pour la synthèse — enregistré.')
          .then(() => reload());
      } else if (keep) {
        const last = ofKind.reduce((max, x) => Math.max(max, x.position), 0);
        const added = { ...c, selected: true, position: last + 1 };
        persistOrder([added], [...(kept ?? []), added], 'Retenue pour la synthèse — enregistré.', true);
      } else {
        setAwaitingOthers(true);
        const after = renumber(ofKind.filter((x) => x.id !== c.id));
        const changed = [...changedOrder(ofKind, after), { ...c, selected: false, position: 0 }];
        persistOrder(changed, mergeById((kept ?? []).filter((x) => x.id !== c.id), after), 'Plus retenue pour la synthèse — enregistré.', true);
      }
    },
    [keptOf, kept, persistOrder, allKeptLoaded, queue.save, campaignId, thematiqueId, reload],
  );

  /**
   * A review state chosen: retenue, and écartée for a kept one, are the toggle's (the kept list's order);
   * à traiter, or écartée from à traiter, only changes the state; the service writes the history.
   */
  const review = useCallback(
    (c: Contribution, state: ReviewState) => {
      if (state === c.review) return;
      if (state === 'retenue' || (state === 'ecartee' && c.selected)) return toggle(c, state === 'retenue');
      // One change, one line of history (a kept one leaves a gap in the order: harmless, the next move renumbers).
      focusAfter.current = { id: `contrib-review-${c.id}`, fallback: c.selected ? 'contrib-others-title' : `contrib-item-${c.id}` };
      void queue
        .save(async () => {
          await call('contributions.review', { ids: [c.id], review: state });
        }, `${REVIEW_STATE_LABELS[state]} — enregistré.`)
        .then(() => reload());
    },
    [toggle, queue.save, reload],
  );

  /** Shows a record as the catalogue (or the edit under way) has it, wherever it is listed. */
  const show = useCallback((record: Contribution) => {
    if (record.kind === 'defi') rememberDefi(record.id, record.text);
    if (record.selected) setKept((items) => (items ? mergeById(items, [record]) : items));
    else setEdited((items) => [...items.filter((x) => x.id !== record.id), record]);
  }, []);

  /** An edit (text, heading, scale, défi, sources, kind): shown at once, saved, then the record as the catalogue has it. */
  const edit = useCallback(
    (c: Contribution, patch: ContributionPatch) => {
      const full: Partial<Contribution> = { ...patch };
      const kindChanged = patch.kind !== undefined && patch.kind !== c.kind;
      if (kindChanged && patch.kind !== 'proposition') full.parentId = null;
      show({ ...c, ...full });
      void queue
        .save(async () => {
          if (kindChanged && c.selected) full.position = await nextPosition(campaignId, thematiqueId, patch.kind!);
          show(await call('contributions.update', { id: c.id, ...full }));
        })
        .then((ok) => {
          if (!ok) reloadOthers();
          if (!ok || kindChanged) reloadKept();
        });
    },
    [show, queue.save, campaignId, thematiqueId, reloadKept, reloadOthers],
  );

  /** A new contribution, placed after the last one kept of its kind; resolves to it, or undefined. */
  const create = useCallback(
    async (draft: ContributionDraft): Promise<Contribution | undefined> => {
      let created: Contribution | undefined;
      const ok = await queue.save(async () => {
        const position = draft.selected ? await nextPosition(campaignId, thematiqueId, draft.kind) : 0;
        created = await call('contributions.create', { ...draft, campaignId, thematiqueId, position });
      }, 'Contribution ajoutée — enregistrée.');
      if (ok && created) {
        const record = created;
        if (record.selected) {
          focusAfter.current = { id: `contrib-item-${record.id}`, fallback: `contrib-group-${record.kind}` };
          setKept((items) => (items ? [...items, record] : [record]));
        } else {
          focusAfter.current = { id: `contrib-item-${record.id}`, fallback: 'contrib-others-title' };
          setAwaitingOthers(true);
          reloadOthers();
        }
      }
      return ok ? created : undefined;
    },
    [queue.save, campaignId, thematiqueId, reloadOthers],
  );

  /** After a deletion: out of the lists; propositions that answered a deleted défi lose their link, as in the catalogue. */
  const forget = useCallback(
    (id: number) => {
      setKept((items) => (items ? items.filter((c) => c.id !== id).map((c) => (c.parentId === id ? { ...c, parentId: null } : c)) : items));
      reloadOthers();
    },
    [reloadOthers],
  );

  return {
    keptQuery, othersQuery, kept, groups, others, keptTotal: keptQuery.data?.total ?? 0, allKeptLoaded, showMoreKept, awaitingOthers,
    filters, list, queue, move, toggle, review, reviewFilter, setReviewFilter, edit, create, forget, focusAfter,
  };
}
