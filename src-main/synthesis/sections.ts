/** One builder per kind of trame section: catalogue content → blocks. Empty content prints nothing but its slots. */
import { linkText } from './link-text.ts';
import { type Scale, SCALE_HEADINGS } from '../contract/domain.ts';
import type { Thematique } from '../contract/schemas/campaign.ts';
import type { Contribution, Retex } from '../contract/schemas/content.ts';
import type { TrameSection } from '../contract/schemas/trame.ts';
import { bilanBlocks, categoryBlocks } from './bilan-blocks.ts';
import { chartBlocks } from './chart-blocks.ts';
import { blocks, fillFigures, inlines } from './markup.ts';
import { figuresOf } from './figures.ts';
import { type Block, type Inline, type ItemRef, paragraph, text } from './model.ts';
import { nationalContributions, nationalDefisPropositions } from './national-sections.ts';
import { byMeetingCount, meetingCountText, type PrintedItem, printedItems } from './printed-items.ts';
import { type SynthesisSource, textKey } from './source.ts';

/**
 * The ready-to-use trame's headings as catalogues installed them before they named their scope: read as the
 * current ones, so an académie's document no longer says « de la région académique ».
 */
const FORMER_HEADINGS: Record<string, string> = {
  'Description de 2 à 3 retours d’expérience présentés lors des ateliers de la région académique et dans les établissements.':
    'Description de 2 à 3 retours d’expérience présentés lors des ateliers {{du_perimetre}} et dans les établissements.',
  'Défis à relever et propositions identifiées par la région académique et les établissements.':
    'Défis à relever et propositions identifiées par {{le_perimetre}} et les établissements.',
};

/** A trame's heading (or title, note) with its placeholders filled for the scope: « … de l’académie de Poitiers ». */
export function headingText(title: string, source: SynthesisSource): string {
  const trimmed = title.trim();
  return fillFigures(FORMER_HEADINGS[trimmed.replace(/'/g, '’')] ?? trimmed, figuresOf(source.bilan));
}

/** A thématique section's heading as the trame words it for this thématique (its own wording, or the section's title). */
export function sectionTitle(section: TrameSection, thematiqueNumber: number): string {
  return section.titleByThematique[String(thematiqueNumber)] ?? section.title;
}

/**
 * The section's content; none at all when it has nothing to print (its heading is then left out too), except
 * the slots a trame asks for (retex entries to fill in).
 */
export function sectionBlocks(section: TrameSection, source: SynthesisSource, thematique: Thematique | null): Block[] {
  const thematiqueId = thematique?.id ?? null;
  const intro = blocks(fillFigures(source.texts.get(textKey(section.key, thematiqueId)) ?? '', figuresOf(source.bilan)));
  switch (section.source) {
    case 'text':
      return intro;
    case 'bilan':
      return [...intro, ...bilanBlocks(source.bilan), ...chartBlocks(source.bilan), ...categoryBlocks(source.bilan)];
    case 'chart':
      return [...intro, ...chartBlocks(source.bilan)];
    case 'contributions': {
      if (source.national) {
        const items = contributionsOf(source, thematiqueId, section.contributionKinds);
        return [...intro, ...nationalContributions(source, source.national, items, thematiqueId, section.contributionKinds, listContributions)];
      }
      return [...intro, ...printedList(printedItems(source.contributions, source.groups, thematiqueId, section.contributionKinds), section.meetingCounts)];
    }
    case 'retex':
      // The whole country's retex fill no trame's slots: a few of each région's, as they come.
      // Empty slots are the région's to fill (seed 004's « Retex 2 : »); an académie's, a département's or the
      // country's document prints the retex it has, not blank lines a DASEN would have to strike out.
      return [...intro, ...retexBlocks(source.retex.filter((r) => r.thematiqueId === thematiqueId), source.scope.kind === 'region' ? section.retexMax : 0, section.entryLabel)];
    case 'defis_propositions':
      return [...intro, ...defisPropositions(source, thematiqueId, section.meetingCounts)];
  }
}

function contributionsOf(source: SynthesisSource, thematiqueId: number | null, kinds: string[]): Contribution[] {
  return source.contributions
    .filter((c) => c.thematiqueId === thematiqueId && kinds.includes(c.kind))
    .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.position - b.position || a.id - b.id);
}

/** What a list prints of an item: its text, under its heading or scale, and where it came from. */
interface Listed {
  text: string;
  heading: string | null;
  scale: Scale | null;
  ref: ItemRef;
  /** Printed after the text (« — évoquée dans 3 rencontres (…) »). */
  suffix?: string;
}

/** Consecutive items sharing a heading (or a scale) form one titled list, in the order given. */
export function groupedItems(items: Listed[]): Block[] {
  const result: Block[] = [];
  let currentGroup: string | null | undefined;
  for (const item of items) {
    const group = item.heading ?? (item.scale ? SCALE_HEADINGS[item.scale] : null);
    const last = result[result.length - 1];
    if (group !== currentGroup || last?.kind !== 'list') {
      if (group) result.push(paragraph([text(/[:!?.…]$/.test(group.trim()) ? group.trim() : `${group.trim()} :`, { bold: true })], 'lead'));
      result.push({ kind: 'list', items: [], refs: [] });
      currentGroup = group;
    }
    const list = result[result.length - 1] as Extract<Block, { kind: 'list' }>;
    list.items.push(item.suffix ? [...inlines(item.text), text(item.suffix)] : inlines(item.text));
    list.refs!.push(item.ref);
  }
  return result;
}

/** Contributions listed one by one (the national synthesis's régions' selections). */
function listContributions(items: Contribution[]): Block[] {
  return groupedItems(items.map((c) => ({ text: c.text, heading: c.heading, scale: c.scale, ref: { contributionId: c.id } })));
}

/** Printed items as lists; with the section's meeting counts, most raised first and each one's reach said. */
function printedList(items: PrintedItem[], meetingCounts: boolean): Block[] {
  if (!meetingCounts) return groupedItems(items);
  return groupedItems(byMeetingCount(items).map((item) => ({ ...item, suffix: meetingCountText(item) })));
}

/** "Retex 1 : …" (or the trame's own word) entries with their links, then the empty slots up to its maximum. */
export function retexBlocks(retex: Retex[], max: number, entryLabel: string): Block[] {
  const result: Block[] = [];
  const ordered = [...retex].sort((a, b) => a.position - b.position || a.id - b.id);
  ordered.forEach((r, index) => {
    const start = result.length;
    const lead: Inline[] = [text(`${entryLabel} ${index + 1} : `, { bold: true }), text(r.title, { bold: true })];
    const body = r.text.trim() === '' ? [] : [text('. '), ...inlines(r.text)];
    result.push(paragraph([...lead, ...(body.length > 0 && /[.!?:]$/.test(r.title) ? body.slice(1) : body)], 'entry'));
    const context = [r.niveau && `Niveau : ${r.niveau}`, r.classes && `Classes : ${r.classes}`].filter(
      (v): v is string => Boolean(v),
    );
    if (context.length > 0) result.push(paragraph([text(context.join(' — '), { italic: true })]));
    for (const link of r.links) {
      const label = link.label.trim() || LINK_LABELS[link.kind];
      result.push(paragraph([text(`${label} : `), { kind: 'link', text: linkText(link.url), url: link.url }]));
    }
    // A retex is read whole: its title, context and links are not split over two pages.
    for (let i = start; i < result.length - 1; i++) result[i] = { ...result[i]!, keepNext: true } as Block;
  });
  for (let slot = ordered.length + 1; slot <= max; slot++) {
    // Empty slots stay together, on the page of the heading or the retex before them.
    const last = slot === max;
    result.push({ ...paragraph([text(`${entryLabel} ${slot} :`, { bold: true })], 'slot'), ...(last ? {} : { keepNext: true }) } as Block);
  }
  return result;
}

const LINK_LABELS = { video: 'Vidéo', fiche: 'Fiche', article: 'Article', autre: 'Lien' } as const;

/**
 * The défis (as questions), then the propositions: under their défi when linked, else grouped. A retained
 * group of propositions stands where its first member would, under that member's défi.
 */
function defisPropositions(source: SynthesisSource, thematiqueId: number | null, meetingCounts: boolean): Block[] {
  if (source.national) {
    const [defis, propositions] = [contributionsOf(source, thematiqueId, ['defi']), contributionsOf(source, thematiqueId, ['proposition'])];
    return nationalDefisPropositions(source, source.national, defis, propositions, thematiqueId, listContributions);
  }
  const defis = printedItems(source.contributions, source.groups, thematiqueId, ['defi']);
  const propositions = printedItems(source.contributions, source.groups, thematiqueId, ['proposition']);
  const result: Block[] = [];
  const answered = new Set<PrintedItem>();
  for (const defi of defis) {
    const question = inlines(defi.text).map((i) => (i.kind === 'text' ? { ...i, italic: true } : i));
    result.push({ kind: 'paragraph', inlines: question, ref: defi.ref });
    // A défi answers to its id; a group of défis, to each of its members' (their propositions point to one).
    const ids = 'contributionId' in defi.ref ? new Set([defi.ref.contributionId]) : memberIds(source, defi.ref.groupId);
    const own = propositions.filter((p) => p.parentId !== null && ids.has(p.parentId) && !answered.has(p));
    own.forEach((p) => answered.add(p));
    result.push(...printedList(own, meetingCounts));
  }
  result.push(...printedList(propositions.filter((p) => !answered.has(p)), meetingCounts));
  return result;
}

function memberIds(source: SynthesisSource, groupId: number): Set<number> {
  return new Set(source.groups?.groups.find((g) => g.id === groupId)?.members.map((m) => m.id) ?? []);
}
