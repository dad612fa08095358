/**
 * What a contributions section prints (issue 13): each retained group once, under its wording, in the place
 * of its first member; the selected contributions in no retained group one by one. Each item knows where it
 * came from (a group or a contribution: the preview's trace) and how many of the scope's meetings raised it.
 */
import { academieLabel, type ContributionKind, type Scale } from '../contract/domain.ts';
import type { Contribution } from '../contract/schemas/content.ts';
import { frenchNumber } from '../text/french.ts';
import type { ItemRef } from './model.ts';

/** The retained groups of a scope, and what the synthesis needs to place and count them. */
export interface ScopeGroups {
  /** Retained groups with a member raised in the scope, each with its members (any review state). */
  groups: { id: number; thematiqueId: number; kind: ContributionKind; wording: string; members: Contribution[] }[];
  /** Members of every retained group of the consultation: never printed one by one. */
  grouped: Set<number>;
  /**
   * The scope's meetings among those that count (the groups' members', and the printed contributions' when
   * a section counts meetings), and where each was held: its département, else its académie.
   */
  places: Map<number, { departement: string | null; academie: string | null }>;
}

export interface PrintedItem {
  ref: ItemRef;
  text: string;
  kind: ContributionKind;
  heading: string | null;
  scale: Scale | null;
  parentId: number | null;
  /** The writer's order: the contribution's, or the group's first member's. */
  position: number;
  orderId: number;
  /** Distinct meetings of the scope that raised it, and their places, most meetings first. */
  meetings: number;
  places: string[];
}

/** A thématique's printed items of these kinds, in the writer's order (kinds as listed, then position). */
export function printedItems(
  contributions: Contribution[], groups: ScopeGroups | undefined, thematiqueId: number | null, kinds: string[],
): PrintedItem[] {
  const items: PrintedItem[] = contributions
    .filter((c) => c.thematiqueId === thematiqueId && kinds.includes(c.kind) && !groups?.grouped.has(c.id))
    .map((c) => ({ ...placeOf(c), ref: { contributionId: c.id }, text: c.text, ...reach([c], groups) }));
  for (const g of groups?.groups ?? []) {
    if (g.thematiqueId !== thematiqueId || !kinds.includes(g.kind)) continue;
    // Its first member raised in the scope gives its place (its heading, its défi); else its first.
    const first = g.members.find((m) => m.sourceMeetingIds.some((id) => groups!.places.has(id))) ?? g.members[0]!;
    items.push({ ...placeOf(first), ref: { groupId: g.id }, text: g.wording, ...reach(g.members, groups) });
  }
  return items.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.position - b.position || a.orderId - b.orderId);
}

function placeOf(c: Contribution) {
  return { kind: c.kind, heading: c.heading, scale: c.scale, parentId: c.parentId, position: c.position, orderId: c.id };
}

/** The scope's distinct meetings among these contributions' sources, and where they were held. */
function reach(contributions: Contribution[], groups: ScopeGroups | undefined): { meetings: number; places: string[] } {
  if (!groups) return { meetings: 0, places: [] };
  const meetings = new Set<number>();
  for (const c of contributions) for (const id of c.sourceMeetingIds) if (groups.places.has(id)) meetings.add(id);
  const counts = new Map<string, number>();
  for (const id of meetings) {
    const place = groups.places.get(id)!;
    const name = place.departement ?? (place.academie ? academieLabel(place.academie) : null);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const places = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr')).map(([name]) => name);
  return { meetings: meetings.size, places };
}

/**
 * Most meetings first, the writer's order otherwise (a stable sort). Items under a heading stay under it:
 * the runs of one heading are ordered within, so a titled list is never cut in two.
 */
export function byMeetingCount(items: PrintedItem[]): PrintedItem[] {
  const runs: PrintedItem[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && runKey(last[0]!) === runKey(item)) last.push(item);
    else runs.push([item]);
  }
  return runs.flatMap((run) => [...run].sort((a, b) => b.meetings - a.meetings));
}

const runKey = (item: PrintedItem) => item.heading ?? item.scale ?? '';

/** Agreed with what is printed: une proposition, une action, une attente évoquée ; un défi, un état des lieux évoqué. */
const MASCULINE: ReadonlySet<ContributionKind> = new Set(['defi', 'etat_des_lieux']);

/** « — évoquée dans 7 rencontres (Charente, Vienne, Corrèze…) »; nothing when no meeting raised it. */
export function meetingCountText(item: Pick<PrintedItem, 'meetings' | 'places'> & { kind?: ContributionKind }): string {
  if (item.meetings === 0) return '';
  const names = item.places.length === 0 ? '' : ` (${item.places.slice(0, 3).join(', ')}${item.places.length > 3 ? '…' : ''})`;
  const raised = item.kind && MASCULINE.has(item.kind) ? 'évoqué' : 'évoquée';
  return ` — ${raised} dans ${frenchNumber(item.meetings)} rencontre${item.meetings > 1 ? 's' : ''}${names}`;
}
