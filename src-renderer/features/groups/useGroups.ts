/**
 * One thématique's groups of one kind, and every action on them: each a call, its answer shown at once
 * (the view the service returns, else the list read again), its result said in one French sentence for
 * the screen's aria-live region.
 */
import { useCallback, useEffect, useState } from 'react';
import { type ContributionKind, type ReviewState } from '../../../src-main/contract/domain.ts';
import type { ContributionGroup, GroupsView } from '../../../src-main/contract/schemas/review.ts';
import { call } from '../../api/client.ts';
import { useMutation, useQuery } from '../../components/useCall.ts';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}

/** A wording quoted in a sentence: cut on a word boundary, with « … » when cut. */
export function quoted(text: string, max = 80): string {
  const plain = text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?'’-]+$/u, '')}…`;
}

/** What a group's review did, said of the group (« groupe »: masculine) and of its members that followed it. */
export function reviewSentence(wording: string, state: ReviewState, followed: number): string {
  const name = `Groupe « ${quoted(wording)} »`;
  if (state === 'a_traiter') return `${name} remis à traiter ; ses contributions gardent leur état.`;
  const done = state === 'retenue' ? 'retenu' : 'écarté';
  if (followed === 0) return `${name} ${done} ; ses contributions, déjà traitées une à une, gardent leur état.`;
  return `${name} ${done}, ainsi que ${followed === 1 ? 'sa contribution à traiter' : `ses ${followed.toLocaleString('fr-FR')} contributions à traiter`}.`;
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
  /** A proposal was made here (the screen then says what it found, not to make one). */
  const [proposed, setProposed] = useState(false);
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
      setProposed(true);
      const proposed = next.groups.filter((g) => g.review === 'a_traiter').length;
      done(`${plural(proposed, 'regroupement proposé', 'regroupements proposés')} ; ${plural(next.ungrouped.length, 'contribution reste seule', 'contributions restent seules')}.`, next);
    } else setAnnounce('');
  }, [run, campaignId, thematiqueId, kind, done]);

  const review = useCallback(async (before: ContributionGroup, state: ReviewState) => {
    // Its members still à traiter follow it: counted before, on the whole group when the list holds only its first ones.
    const members = before.members.length >= before.memberTotal
      ? before.members
      : await call('groups.get', { id: before.id }).then((g) => g.members, () => before.members);
    const followed = members.filter((m) => m.review === 'a_traiter').length;
    const group = await run('groups.review', { id: before.id, review: state });
    if (group) done(reviewSentence(group.wording, state, followed));
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
    if (next) done(`« ${quoted(text)} » sortie de son groupe.`, next);
  }, [run, done]);

  const moveInto = useCallback(async (contributionIds: number[], groupId: number, wording: string) => {
    const next = await run('groups.move', { contributionIds, groupId });
    if (next) done(`${plural(contributionIds.length, 'contribution mise', 'contributions mises')} dans le groupe « ${quoted(wording)} ».`, next);
    return next !== undefined;
  }, [run, done]);

  /** A new group of the checked contributions, worded by the first: its id, to focus and rename it. */
  const create = useCallback(async (contributionIds: number[]) => {
    const next = await run('groups.create', { contributionIds });
    if (!next) return null;
    const made = next.groups.find((g) => g.members.some((m) => m.id === contributionIds[0]));
    done(`Nouveau groupe « ${quoted(made?.wording ?? '')} » fait de ${plural(contributionIds.length, 'contribution', 'contributions')} ; « Renommer » (L) change son libellé.`, next);
    return made?.id ?? null;
  }, [run, done]);

  return { query, view, mutation, announce, proposed, setAnnounce, propose, review, rename, split, merge, moveOut, moveInto, create, loadMore };
}
