/**
 * Groups of contributions that say the same thing (issue 13): proposed by grouping/group.ts, then
 * reviewed by the coordinator — renamed, retained or set aside, split, merged, members moved. Every change
 * is one transaction and leaves its trace in the history (who, what, when); retained and set-aside groups
 * are the coordinator's: a new proposal never touches them nor their members.
 */
import { type Catalogue, inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/group.repo.ts';
import { insertReviewEvents, reviewer, reviewEvents, type ReviewEventWrite, type ReviewTarget } from '../catalogue/repos/review.repo.ts';
import type { ReviewState } from '../contract/domain.ts';
import { conflict } from '../contract/errors.ts';
import type { ContributionGroup, GroupsView } from '../contract/schemas/review.ts';
import { contributionsByIds } from '../catalogue/repos/contribution.repo.ts';
import { groupContributions } from '../grouping/group.ts';
import type { HandlerGroup, ServiceContext } from './context.ts';
import { requireCampaign, requireThematique } from './ownership.ts';
import { found } from './require.ts';

type Clock = Pick<ServiceContext, 'now'>;
type Event = ReviewEventWrite & ReviewTarget;

function record(db: Catalogue, events: Event[], context: Clock): void {
  if (events.length > 0) insertReviewEvents(db, events, reviewer(db), context.now());
}

function requireGroup(db: Catalogue, id: number): NonNullable<ReturnType<typeof repo.groupRow>> {
  return found(repo.groupRow(db, id), 'Groupe');
}

function sameKey(a: repo.GroupKey, b: repo.GroupKey): boolean {
  return a.campaignId === b.campaignId && a.thematiqueId === b.thematiqueId && a.kind === b.kind;
}

/**
 * Groups proposed anew for what no one has settled: contributions in no group or in a group still à
 * traiter. Those groups are replaced; each new group of two or more becomes a group à traiter worded by its
 * most central member; a contribution alone stays in none. A member whose group changed gets a history line.
 */
export function proposeGroups(db: Catalogue, key: repo.GroupKey, context: Clock & Pick<ServiceContext, 'onProgress'>): GroupsView {
  requireCampaign(db, key.campaignId);
  requireThematique(db, key.campaignId, key.thematiqueId);
  // The grouping (seconds for thousands of texts) runs before the write transaction, so that other writers
  // never wait for it; the transaction then checks that what it grouped is still what there is to group.
  const read = repo.regroupable(db, key);
  // Progress of the comparison then of the linkage; « Annuler » throws from onProgress, before anything is written.
  const report = context.onProgress;
  const { groups } = groupContributions(read.map((c) => ({ id: c.id, text: c.text })), {
    onStep: report
      ? (stage, done, total) => report({
        operation: 'groups.propose', done, total,
        message: stage === 'compare' ? `Comparaison des contributions : ${done} sur ${total}` : `Regroupement : ${done} rapprochements`,
      })
      : null,
  });
  return inTransaction(db, () => {
    const items = repo.regroupable(db, key);
    if (items.length !== read.length || items.some((c, i) => c.id !== read[i]!.id || c.text !== read[i]!.text)) {
      throw conflict('Des contributions de cette thématique ont changé pendant le calcul des regroupements : relancez « Proposer des regroupements ».');
    }
    repo.deleteProposedGroups(db, key);
    const wordingOf = new Map<number, string | null>(items.map((c) => [c.id, null]));
    let position = repo.nextGroupPosition(db, key);
    for (const g of groups) {
      if (g.members.length < 2) continue;
      const id = repo.insertGroup(db, { ...key, wording: g.wording, position: position++ });
      repo.setGroupOf(db, g.members, id);
      for (const m of g.members) wordingOf.set(m, g.wording);
    }
    // The same group proposed again (same wording) is no change worth a line.
    const events: Event[] = items
      .filter((c) => c.groupWording !== wordingOf.get(c.id))
      .map((c) => ({ contributionId: c.id, what: 'groupe', from: c.groupWording, to: wordingOf.get(c.id) ?? null }));
    record(db, events, context);
    return repo.groupsOf(db, key);
  });
}

/**
 * A group retained, set aside or put back to review. The group speaks for its members: those still à
 * traiter follow it when it is retained or set aside (those already settled one by one keep their state).
 */
export function reviewGroup(db: Catalogue, id: number, review: ReviewState, context: Clock): ContributionGroup {
  return inTransaction(db, () => {
    const group = requireGroup(db, id);
    const events: Event[] = [];
    if (group.review !== review) {
      repo.updateGroup(db, id, { review });
      events.push({ groupId: id, what: 'etat', from: group.review, to: review });
    }
    if (review !== 'a_traiter') {
      const members = repo.membersInState(db, id, 'a_traiter');
      repo.setReviewStates(db, members, review);
      events.push(...members.map((m): Event => ({ contributionId: m, what: 'etat', from: 'a_traiter', to: review })));
    }
    record(db, events, context);
    return found(repo.getGroup(db, id), 'Groupe');
  });
}

export function renameGroup(db: Catalogue, id: number, wording: string, context: Clock): ContributionGroup {
  return inTransaction(db, () => {
    const group = requireGroup(db, id);
    if (group.wording !== wording) {
      repo.updateGroup(db, id, { wording });
      record(db, [{ groupId: id, what: 'libelle', from: group.wording, to: wording }], context);
    }
    return found(repo.getGroup(db, id), 'Groupe');
  });
}

/** Some members taken out into a new group à traiter, worded by the first of them. */
export function splitGroup(db: Catalogue, id: number, contributionIds: number[], context: Clock): GroupsView {
  return inTransaction(db, () => {
    const group = requireGroup(db, id);
    const members = repo.memberIds(db, id);
    const wanted = new Set(contributionIds);
    const outsiders = [...wanted].filter((c) => !members.includes(c));
    if (outsiders.length > 0) {
      throw conflict(`Séparer : ${outsiders.length === 1 ? 'la contribution' : 'les contributions'} n° ${outsiders.join(', ')} ne ${outsiders.length === 1 ? 'fait' : 'font'} pas partie du groupe « ${group.wording} ».`);
    }
    if (wanted.size === members.length) {
      throw conflict(`Séparer : laissez au moins une contribution dans le groupe « ${group.wording} » (sinon, renommez-le).`);
    }
    // Members in the group's order: the first moved one words the new group.
    const moved = members.filter((m) => wanted.has(m));
    const first = repo.getGroup(db, id)!.members.find((m) => m.id === moved[0])!;
    const newId = repo.insertGroup(db, { ...group, wording: first.text, review: 'a_traiter', position: group.position });
    moveInto(db, moved, newId, context);
    return repo.groupsOf(db, group);
  });
}

/** Several groups of one thématique and kind made one: the first keeps its identity and takes the others' members. */
export function mergeGroups(db: Catalogue, ids: number[], wording: string | undefined, context: Clock): ContributionGroup {
  return inTransaction(db, () => {
    const distinct = [...new Set(ids)];
    if (distinct.length < 2) throw conflict('Fusionner : choisissez au moins deux groupes différents.');
    const groups = distinct.map((id) => requireGroup(db, id));
    const [target, ...others] = groups as [ReturnType<typeof requireGroup>, ...ReturnType<typeof requireGroup>[]];
    const stranger = others.find((g) => !sameKey(g, target));
    if (stranger) {
      throw conflict(`Fusionner : le groupe « ${stranger.wording} » n’est pas de la même thématique et du même type que « ${target.wording} » ; seuls des groupes d’une même thématique et d’un même type peuvent être réunis.`);
    }
    for (const g of others) {
      moveInto(db, repo.memberIds(db, g.id), target.id, context);
      // Its history goes with its members: what was said of it stays said.
      repo.moveGroupHistory(db, g.id, target.id);
      repo.deleteGroup(db, g.id);
    }
    // A retained group merged in keeps the result retained: a merge never takes a statement out of the synthesis.
    if (target.review !== 'retenue' && others.some((g) => g.review === 'retenue')) {
      repo.updateGroup(db, target.id, { review: 'retenue' });
      record(db, [{ groupId: target.id, what: 'etat', from: target.review, to: 'retenue' }], context);
    }
    if (wording !== undefined && wording !== target.wording) {
      repo.updateGroup(db, target.id, { wording });
      record(db, [{ groupId: target.id, what: 'libelle', from: target.wording, to: wording }], context);
    }
    return found(repo.getGroup(db, target.id), 'Groupe');
  });
}

/** Contributions put in a group (of their own thématique and kind) or in none; a proposed group left empty goes. */
export function moveContributions(db: Catalogue, contributionIds: number[], groupId: number | null, context: Clock): GroupsView {
  return inTransaction(db, () => {
    const { ids, rows } = chosenContributions(db, contributionIds, 'Déplacer');
    const target = groupId === null ? null : requireGroup(db, groupId);
    const key: repo.GroupKey = target ?? rows[0]!;
    const stranger = rows.find((r) => !sameKey(r, key));
    if (stranger) {
      throw conflict(target
        ? `Déplacer : la contribution n° ${stranger.id} n’est pas de la même thématique et du même type que le groupe « ${target.wording} ».`
        : `Déplacer : les contributions choisies ne sont pas toutes de la même thématique et du même type.`);
    }
    moveInto(db, ids, groupId, context);
    dropEmptied(db, rows, groupId);
    return repo.groupsOf(db, key);
  });
}

/**
 * A group made by hand: the chosen contributions (of one thématique and kind) in a new group à traiter,
 * worded by the first of them in the order given unless a wording is given. Those taken from a proposed
 * group leave it (a proposed group left empty goes); a retained or set-aside group is the coordinator's:
 * its members are taken out with « Sortir du groupe » first.
 */
export function createGroup(db: Catalogue, contributionIds: number[], wording: string | undefined, context: Clock): GroupsView {
  return inTransaction(db, () => {
    const { ids, rows } = chosenContributions(db, contributionIds, 'Faire un groupe');
    const key: repo.GroupKey = rows.find((r) => r.id === ids[0])!;
    const stranger = rows.find((r) => !sameKey(r, key));
    if (stranger) throw conflict('Faire un groupe : les contributions choisies ne sont pas toutes de la même thématique et du même type.');
    const settled = rows.map((r) => (r.groupId === null ? null : repo.groupRow(db, r.groupId))).find((g) => g && g.review !== 'a_traiter');
    if (settled) {
      throw conflict(`Faire un groupe : le groupe « ${settled.wording} » est déjà ${settled.review === 'retenue' ? 'retenu' : 'écarté'} ; sortez d’abord ses contributions du groupe.`);
    }
    const first = contributionsByIds(db, [ids[0]!])[0]!;
    const newId = repo.insertGroup(db, { ...key, wording: wording ?? first.text, position: repo.nextGroupPosition(db, key) });
    moveInto(db, ids, newId, context);
    dropEmptied(db, rows, newId);
    return repo.groupsOf(db, key);
  });
}

/** The chosen contributions (each once) with their group keys; refused in French when one is unknown. */
function chosenContributions(db: Catalogue, contributionIds: number[], action: string): { ids: number[]; rows: ReturnType<typeof repo.groupKeysOf> } {
  const ids = [...new Set(contributionIds)];
  const rows = repo.groupKeysOf(db, ids);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw conflict(`${action} : contribution introuvable (n° ${missing.join(', ')}).`);
  return { ids, rows };
}

/**
 * The proposed groups (à traiter) the chosen contributions left, once empty, go. Emptied into another group,
 * as by a merge, their history (a wording, a state given and taken back) goes with their members; emptied into
 * none, a group is undone, and what was said of it with it.
 */
function dropEmptied(db: Catalogue, rows: ReturnType<typeof repo.groupKeysOf>, into: number | null): void {
  const left = new Set(rows.map((r) => r.groupId).filter((g): g is number => g !== null && g !== into));
  for (const g of left) {
    if (repo.memberIds(db, g).length > 0 || repo.groupRow(db, g)?.review !== 'a_traiter') continue;
    if (into !== null) repo.moveGroupHistory(db, g, into);
    repo.deleteGroup(db, g);
  }
}

/** Contributions into a group (or none), a history line for each one whose group changed. */
function moveInto(db: Catalogue, contributionIds: number[], groupId: number | null, context: Clock): void {
  const wordings = new Map<number, string>();
  const wordingOf = (id: number | null): string | null => {
    if (id === null) return null;
    if (!wordings.has(id)) wordings.set(id, repo.groupRow(db, id)?.wording ?? '');
    return wordings.get(id)!;
  };
  const moved = repo.groupKeysOf(db, contributionIds).filter((r) => r.groupId !== groupId);
  repo.setGroupOf(db, moved.map((r) => r.id), groupId);
  record(db, moved.map((r) => ({ contributionId: r.id, what: 'groupe', from: wordingOf(r.groupId), to: wordingOf(groupId) })), context);
}

export const groupHandlers: HandlerGroup<'groups'> = {
  'groups.list': ({ limit, ...key }, { db }) => {
    requireThematique(db, key.campaignId, key.thematiqueId);
    return repo.groupsOf(db, key, { ...repo.LISTED, groups: limit });
  },
  'groups.get': ({ id }, { db }) => found(repo.getGroup(db, id), 'Groupe'),
  'groups.propose': ({ limit: _limit, ...key }, context) => proposeGroups(context.db, key, context),
  'groups.review': ({ id, review }, context) => reviewGroup(context.db, id, review, context),
  'groups.rename': ({ id, wording }, context) => renameGroup(context.db, id, wording, context),
  'groups.split': ({ id, contributionIds }, context) => splitGroup(context.db, id, contributionIds, context),
  'groups.merge': ({ ids, wording }, context) => mergeGroups(context.db, ids, wording, context),
  'groups.create': ({ contributionIds, wording }, context) => createGroup(context.db, contributionIds, wording, context),
  'groups.move': ({ contributionIds, groupId }, context) => moveContributions(context.db, contributionIds, groupId, context),
  'groups.history': ({ id }, { db }) => {
    requireGroup(db, id);
    return reviewEvents(db, { groupId: id });
  },
};
