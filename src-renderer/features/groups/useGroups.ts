/**
 * One thématique's groups of one kind, and every action on them: each a call, its answer shown at once
 * (the view the service returns, else the list read again), its result said in one French sentence for
 * the screen's aria-live region.
 */
import { useCallback, useEffect, useState } from 'react';
import { type ContributionKind, REVIEW_STATE_LABELS, type ReviewState } from '../../../src-main/contract/domain.ts';
import type { GroupsView } from '../../../src-main/contract/schemas/review.ts';
import { useMutation, useQuery } from '../../components/useCall.ts';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}

/** Groups an answer carries by default (GroupsQuery): more are asked for as the screen shows more. */
const LISTED = 50;

export function useGroups(campaignId: number, thematiqueId: number, kind: ContributionKind) {
  const [listed, setListed] = useState(LISTED);
  const query = useQuery('groups.list', { campaignId, thematiqueId, kind, limit: listed });
  const [view, setView] = useState<GroupsView | null>(null);
  useEffect(() => setView(query.data ?? null), [query.data]);
  const mutation = useMutation();
  const [announce, setAnnounce] = useState('');
  const { run } = mutation;
  const { reload } = query;

  // An action's answer lists the first LISTED groups: past them, the list is read again as far as shown.
  const done = useCallback((message: string, next?: GroupsView) => {
    if (next && listed <= LISTED) setView(next);
    else reload();
    setAnnounce(message);
  }, [reload, listed]);

  /** The next groups after those loaded. */
  const loadMore = useCallback(() => setListed((n) => Math.min(5_000, n + LISTED)), []);

  const propose = useCallback(async () => {
    setAnnounce('Recherche des contributions qui disent la même chose…');
    const next = await run('groups.propose', { campaignId, thematiqueId, kind });
    if (next) {
      const proposed = next.groups.filter((g) => g.review === 'a_traiter').length;
      done(`${plural(proposed, 'regroupement proposé', 'regroupements proposés')} ; ${plural(next.ungrouped.length, 'contribution reste seule', 'contributions restent seules')}.`, next);
    } else setAnnounce('');
  }, [run, campaignId, thematiqueId, kind, done]);

  const review = useCallback(async (id: number, state: ReviewState) => {
    const group = await run('groups.review', { id, review: state });
    if (group) done(`Groupe « ${group.wording} » : ${REVIEW_STATE_LABELS[state].toLowerCase()}${state === 'a_traiter' ? '' : ', avec ses contributions à traiter'}.`);
  }, [run, done]);

  const rename = useCallback(async (id: number, wording: string) => {
    const group = await run('groups.rename', { id, wording });
    if (group) done(`Libellé enregistré : « ${group.wording} ».`);
    return group !== undefined;
  }, [run, done]);

  const split = useCallback(async (id: number, contributionIds: number[]) => {
    const next = await run('groups.split', { id, contributionIds });
    if (next) done(`${plural(contributionIds.length, 'contribution séparée', 'contributions séparées')} dans un nouveau groupe.`, next);
    return next !== undefined;
  }, [run, done]);

  const merge = useCallback(async (ids: number[]) => {
    const group = await run('groups.merge', { ids });
    if (group) done(`${plural(ids.length, 'groupe fusionné', 'groupes fusionnés')} en « ${group.wording} » (${plural(group.memberTotal, 'contribution', 'contributions')}).`);
    return group;
  }, [run, done]);

  const moveOut = useCallback(async (contributionId: number, text: string) => {
    const next = await run('groups.move', { contributionIds: [contributionId], groupId: null });
    if (next) done(`« ${text.slice(0, 80)} » sortie de son groupe.`, next);
  }, [run, done]);

  const moveInto = useCallback(async (contributionIds: number[], groupId: number, wording: string) => {
    const next = await run('groups.move', { contributionIds, groupId });
    if (next) done(`${plural(contributionIds.length, 'contribution mise', 'contributions mises')} dans le groupe « ${wording.slice(0, 80)} ».`, next);
    return next !== undefined;
  }, [run, done]);

  return { query, view, mutation, announce, setAnnounce, propose, review, rename, split, merge, moveOut, moveInto, loadMore };
}
