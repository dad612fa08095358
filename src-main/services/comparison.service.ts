/**
 * Two consultations side by side (issue 13): the map of the earlier's thématiques onto the later's
 * (saved, else proposed), and for one later thématique what returns, what is new, what is gone —
 * on screen, and as a Word annex written like the synthesis' files.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { inTransaction, type Catalogue } from '../catalogue/database.ts';
import { getCampaign, getThematique } from '../catalogue/repos/campaign.repo.ts';
import { contributionTexts, mapLinks, mapSavedAt, replaceMap, type MapLink } from '../catalogue/repos/comparison.repo.ts';
import { queryContributions } from '../catalogue/repos/contribution.repo.ts';
import { DocumentStamps } from '../catalogue/repos/document-stamp.repo.ts';
import { lastChange, logDocument } from '../catalogue/repos/document.repo.ts';
import { readIdentity } from '../catalogue/repos/exchange.repo.ts';
import { groupsOf } from '../catalogue/repos/group.repo.ts';
import { regionName } from '../catalogue/repos/territory.repo.ts';
import { comparisonAnnex } from '../comparison/annex.ts';
import { defaultMap } from '../comparison/default-map.ts';
import { yearOf } from '../comparison/headings.ts';
import { compareUnits, type ComparedUnit } from '../comparison/match.ts';
import type { ContributionKind } from '../contract/domain.ts';
import { AppError, conflict, type AppErrorIssue } from '../contract/errors.ts';
import type { Campaign, Thematique } from '../contract/schemas/campaign.ts';
import type { Contribution } from '../contract/schemas/content.ts';
import type { Comparison, ThematiqueMap } from '../contract/schemas/review.ts';
import { renderReproducibleDocx } from '../synthesis/render-docx.ts';
import { safeFileStem } from '../text/french.ts';
import type { HandlerGroup } from './context.ts';
import { makeDir, outputFolder, writeAtomically } from './output-files.ts';
import { found } from './require.ts';
import { currentSettings } from './settings.service.ts';
import { chosenStyle } from './synthesis.service.ts';

export const comparisonHandlers: HandlerGroup<'comparison'> = {
  'comparison.map': ({ fromCampaignId, toCampaignId, proposed }, { db }) => {
    const { from, to } = pairOf(db, fromCampaignId, toCampaignId);
    return proposed ? proposedMap(from, to) : currentMap(db, from, to);
  },

  'comparison.saveMap': ({ fromCampaignId, toCampaignId, links }, { db, now }) => {
    const { from, to } = pairOf(db, fromCampaignId, toCampaignId);
    const kept = checkLinks(db, from, to, links);
    return inTransaction(db, () => {
      replaceMap(db, from.id, to.id, kept, now().toISOString());
      return currentMap(db, from, to);
    });
  },

  'comparison.thematique': (request, { db }) => compareThematique(db, request),

  'comparison.generate': async (request, ctx) => {
    const { db, now } = ctx;
    const comparison = compareThematique(db, request);
    const to = getCampaign(db, request.toCampaignId)!;
    const dir = outputFolder(ctx, request.outputDir);
    makeDir(dir);
    const stamps = new DocumentStamps(db, lastChange(db));
    const settings = currentSettings(db);
    const region = settings.regionCode ? regionName(db, settings.regionCode) : undefined;
    const footer = [region ? `Région académique ${region}` : to.title];
    if (settings.contact.trim() !== '') footer.push(`Contact : ${settings.contact.trim()}`);
    const document = comparisonAnnex({ comparison, kind: request.kind, footer });
    const bytes = await renderReproducibleDocx(document, chosenStyle(db, undefined), stamps.of, {
      catalogueName: readIdentity(db)?.name,
      contact: settings.contact,
      campaignTitle: to.title,
      thematique: `Thématique ${comparison.toThematique.number} : ${comparison.toThematique.title}`,
      keywords: [comparison.fromYear, comparison.toYear, comparison.toThematique.title],
    });
    const kindPart = request.kind === 'proposition' ? '' : `_${safeFileStem(request.kind)}`;
    const fileName = `Annexe_Thematique-${comparison.toThematique.number}_${comparison.fromYear}-${comparison.toYear}${kindPart}.docx`;
    const path = join(dir, fileName);
    writeAtomically(path, bytes);
    const logged = inTransaction(db, () => {
      stamps.keep();
      return logDocument(db, {
        campaignId: to.id,
        trameId: null,
        scope: settings.regionCode ? `region:${settings.regionCode}` : 'region',
        thematiqueNumber: comparison.toThematique.number,
        fileName,
        path,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        generatedAt: now().toISOString(),
      });
    });
    return { document: logged };
  },
};

/**
 * Per consultation, the texts that weigh the words (match.ts MatchOptions.background): enough to know a
 * common word; stemming and weighing them costs about 0.3 ms a text (4 000 texts: about a second).
 */
const BACKGROUND_TEXTS = 2_000;

/** Both consultations, found and distinct. */
function pairOf(db: Catalogue, fromCampaignId: number, toCampaignId: number): { from: Campaign; to: Campaign } {
  if (fromCampaignId === toCampaignId) throw conflict('Choisissez deux consultations différentes à comparer.');
  return { from: found(getCampaign(db, fromCampaignId), 'Consultation'), to: found(getCampaign(db, toCampaignId), 'Consultation') };
}

function proposedMap(from: Campaign, to: Campaign): ThematiqueMap {
  return { fromCampaignId: from.id, toCampaignId: to.id, links: defaultMap(byNumber(from.thematiques), byNumber(to.thematiques)), saved: false };
}

/** The saved map of the pair, else the proposed one. */
export function currentMap(db: Catalogue, from: Campaign, to: Campaign): ThematiqueMap {
  if (mapSavedAt(db, from.id, to.id) === undefined) return proposedMap(from, to);
  return { fromCampaignId: from.id, toCampaignId: to.id, links: mapLinks(db, from.id, to.id), saved: true };
}

/** Every link between the right consultations' thématiques (French errors, located); duplicates once. */
function checkLinks(db: Catalogue, from: Campaign, to: Campaign, links: readonly MapLink[]): MapLink[] {
  const fromIds = new Set(from.thematiques.map((t) => t.id));
  const toIds = new Set(to.thematiques.map((t) => t.id));
  const issues: AppErrorIssue[] = [];
  const kept = new Map<string, MapLink>();
  links.forEach((link, i) => {
    if (!fromIds.has(link.fromThematiqueId)) {
      issues.push({ path: `links.${i}.fromThematiqueId`, message: `${thematiqueName(db, link.fromThematiqueId)} n’est pas une thématique de « ${from.title} »` });
    }
    if (!toIds.has(link.toThematiqueId)) {
      issues.push({ path: `links.${i}.toThematiqueId`, message: `${thematiqueName(db, link.toThematiqueId)} n’est pas une thématique de « ${to.title} »` });
    }
    kept.set(`${link.fromThematiqueId}>${link.toThematiqueId}`, link);
  });
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (et ${issues.length - 1} autre${issues.length > 2 ? 's' : ''} problème${issues.length > 2 ? 's' : ''})` : '';
    throw new AppError('CONFLICT', `Correspondance refusée : ${issues[0]!.message}${more}.`, issues);
  }
  return [...kept.values()];
}

/** « la thématique 1 de « Concertation… » », or « la thématique n° 999 (inconnue) »: what the user can recognise. */
function thematiqueName(db: Catalogue, id: number): string {
  const t = getThematique(db, id);
  const campaign = t && getCampaign(db, t.campaignId);
  return t && campaign ? `la thématique ${t.number} de « ${campaign.title} »` : `la thématique n° ${id} (inconnue)`;
}

export function compareThematique(
  db: Catalogue,
  request: { fromCampaignId: number; toCampaignId: number; toThematiqueId: number; kind: ContributionKind },
): Comparison {
  const { from, to } = pairOf(db, request.fromCampaignId, request.toCampaignId);
  const toThematique = to.thematiques.find((t) => t.id === request.toThematiqueId);
  if (!toThematique) throw conflict(`Cette thématique n’appartient pas à la consultation « ${to.title} ».`);
  const mapped = new Set(currentMap(db, from, to).links.filter((l) => l.toThematiqueId === toThematique.id).map((l) => l.fromThematiqueId));
  const fromThematiques = byNumber(from.thematiques).filter((t) => mapped.has(t.id));
  const units = [
    ...unitsOf(db, to.id, [toThematique], request.kind, 'to'),
    ...unitsOf(db, from.id, fromThematiques, request.kind, 'from'),
  ];
  return {
    fromTitle: from.title,
    toTitle: to.title,
    fromYear: yearOf(from.startDate),
    toYear: yearOf(to.startDate),
    toThematique: { id: toThematique.id, number: toThematique.number, title: toThematique.title },
    fromThematiques: fromThematiques.map((t) => ({ id: t.id, number: t.number, title: t.title })),
    ...compareUnits(units, { background: [...contributionTexts(db, from.id, BACKGROUND_TEXTS), ...contributionTexts(db, to.id, BACKGROUND_TEXTS)] }),
  };
}

/**
 * What a consultation said on these thématiques, as units to compare: each group not set aside, with
 * its members not set aside (the user's wording, counted once); then every contribution in no such
 * group and not set aside, retained or still to read (a comparison made before the reading is done
 * still shows what was said).
 */
function unitsOf(db: Catalogue, campaignId: number, thematiques: readonly Thematique[], kind: ContributionKind, side: 'from' | 'to'): ComparedUnit[] {
  const units: ComparedUnit[] = [];
  const unit = (wording: string, members: readonly Contribution[], isGroup: boolean): ComparedUnit => ({
    side, wording, isGroup, texts: members.map((m) => m.text), contributionIds: members.map((m) => m.id),
    meetingIds: [...new Set(members.flatMap((m) => m.sourceMeetingIds))],
  });
  for (const t of thematiques) {
    const { groups } = groupsOf(db, { campaignId, thematiqueId: t.id, kind }, { groups: Infinity, ungrouped: Infinity, members: Infinity });
    const inGroup = new Set<number>();
    for (const g of groups) {
      if (g.review === 'ecartee') continue;
      const members = g.members.filter((m) => m.review !== 'ecartee');
      for (const m of g.members) inGroup.add(m.id);
      if (members.length > 0) units.push(unit(g.wording, members, true));
    }
    for (const c of queryContributions(db, { campaignId, thematiqueId: t.id, kind })) {
      if (!inGroup.has(c.id) && c.review !== 'ecartee') units.push(unit(c.text, [c], false));
    }
  }
  return units;
}

function byNumber(thematiques: readonly Thematique[]): Thematique[] {
  return [...thematiques].sort((a, b) => a.number - b.number);
}
