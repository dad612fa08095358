/** Everything a synthesis needs, read from the catalogue in a handful of queries, for one scope. */
import type { Catalogue } from '../catalogue/database.ts';
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { contributionsByIds, selectedContributionsInScope } from '../catalogue/repos/contribution.repo.ts';
import { retexByIds, selectedRetexInScope } from '../catalogue/repos/retex.repo.ts';
import type { StatsScope } from '../catalogue/repos/stats.repo.ts';
import { retainedGroups, scopeMeetingPlaces } from '../catalogue/repos/synthesis-groups.repo.ts';
import { getTrame, listSectionTexts, listTrames } from '../catalogue/repos/trame.repo.ts';
import { AppError, conflict } from '../contract/errors.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Contribution, Retex } from '../contract/schemas/content.ts';
import type { Bilan, ScopeRef } from '../contract/schemas/reports.ts';
import type { Trame } from '../contract/schemas/trame.ts';
import { found } from '../services/require.ts';
import { type ResolvedScope, resolveScope } from '../services/scope.ts';
import { currentSettings } from '../services/settings.service.ts';
import { computeBilan } from '../services/stats.service.ts';
import { type NationalSelection, nationalSelection } from './national-selection.ts';
import type { ScopeGroups } from './printed-items.ts';

export interface SynthesisSource {
  campaign: Campaign;
  trame: Trame;
  scope: ResolvedScope;
  bilan: Bilan;
  contact: string;
  retex: Retex[];
  contributions: Contribution[];
  /** The scope's section texts by `${sectionKey}:${thematiqueId ?? 0}`. */
  texts: Map<string, string>;
  /** The national scope: which of the régions' selections it prints, and how many each retained. */
  national?: NationalSelection;
  /** The retained groups printed in the scope (issue 13); none for the national scope, nor an établissement's kit. */
  groups?: ScopeGroups;
}

export interface SynthesisRequest {
  campaignId: number;
  trameId?: number;
  regionCode?: string;
  scope?: ScopeRef;
}

export function loadSource(db: Catalogue, request: SynthesisRequest): SynthesisSource {
  const campaign = found(getCampaign(db, request.campaignId), 'Consultation');
  const trame = request.trameId !== undefined ? chosenTrame(db, campaign.id, request.trameId) : defaultTrame(db, campaign.id);
  if (trame.campaignId !== null && trame.campaignId !== campaign.id) {
    throw conflict(`La trame « ${trame.name} » appartient à une autre consultation : dupliquez-la ou choisissez une trame de « ${campaign.shortTitle} ».`);
  }
  const scopeRef = request.scope ?? 'region';
  const scope = resolveScope(db, scopeRef, request.regionCode);
  const texts = new Map(
    listSectionTexts(db, campaign.id)
      .filter((t) => t.scope === scopeRef)
      .map((t) => [textKey(t.sectionKey, t.thematiqueId), t.text] as const),
  );
  // The whole country: a few of each région's selections (national-selection.ts), not all of them.
  const national = scope.kind === 'national' ? nationalSelection(db, campaign.id) : undefined;
  // Only the scope's, read by index (issue 11): a région's synthesis of a national catalogue reads its own.
  const contributions = national ? contributionsByIds(db, national.contributionIds) : selectedContributionsInScope(db, campaign.id, scope.stats);
  return {
    campaign,
    trame,
    scope,
    bilan: computeBilan(db, campaign.id, scopeRef, request.regionCode),
    contact: currentSettings(db).contact,
    retex: national ? retexByIds(db, national.retexIds) : selectedRetexInScope(db, campaign.id, scope.stats),
    contributions,
    texts,
    ...(national ? { national } : { groups: groupsInScope(db, campaign.id, scope.stats, trame, contributions) }),
  };
}

/**
 * The consultation's retained groups with a member raised in the scope (as a contribution belongs to the
 * scope of its source meetings; one with none, to the région's), read in three queries whatever their count.
 * Where the meetings that count were held: the groups' members', and the printed contributions' when a
 * section says how many meetings raised them.
 */
function groupsInScope(db: Catalogue, campaignId: number, scope: StatsScope, trame: Trame, contributions: Contribution[]): ScopeGroups {
  const rows = retainedGroups(db, campaignId);
  const members = new Map(contributionsByIds(db, rows.flatMap((r) => r.memberIds)).map((c) => [c.id, c]));
  const counted = trame.sections.some((s) => s.meetingCounts) ? contributions : [];
  const meetingIds = new Set([...members.values(), ...counted].flatMap((c) => c.sourceMeetingIds));
  const places = scopeMeetingPlaces(db, campaignId, scope, [...meetingIds]);
  const region = scope.filterColumn === 'region_code';
  const inScope = (c: Contribution) => (c.sourceMeetingIds.length === 0 ? region : c.sourceMeetingIds.some((id) => places.has(id)));
  const groups = rows
    .map((r) => ({ id: r.id, thematiqueId: r.thematiqueId, kind: r.kind, wording: r.wording, members: r.memberIds.map((id) => members.get(id)!) }))
    .filter((g) => g.members.some(inScope));
  return { groups, grouped: new Set(rows.flatMap((r) => r.memberIds)), places };
}

/** The trame asked for; when it does not exist, the message lists those that do. */
function chosenTrame(db: Catalogue, campaignId: number, id: number): Trame {
  const trame = getTrame(db, id);
  if (trame) return trame;
  const known = listTrames(db, campaignId).map((t) => `${t.id} « ${t.name} »`).join(', ');
  throw new AppError('NOT_FOUND', `Trame ${id} introuvable${known ? ` : celles de cette consultation sont ${known}` : ''}.`);
}

export function textKey(sectionKey: string, thematiqueId: number | null): string {
  return `${sectionKey}:${thematiqueId ?? 0}`;
}

/** The campaign's own trame (its preset first), else a shared one. */
function defaultTrame(db: Catalogue, campaignId: number): Trame {
  const trames = listTrames(db, campaignId);
  const trame = trames.find((t) => t.campaignId === campaignId) ?? trames[0];
  if (!trame) throw conflict('Aucune trame pour cette consultation : créez-en une ou installez la consultation prête à l’emploi.');
  return trame;
}
