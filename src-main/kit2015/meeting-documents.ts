/** The two documents the 2015 kit asks of each établissement meeting: its synthesis and its fiches défi. */
import { academieLabel, PARTICIPANT_CATEGORIES } from '../contract/domain.ts';
import type { Thematique } from '../contract/schemas/campaign.ts';
import type { Etablissement } from '../contract/schemas/territory.ts';
import type { Meeting } from '../contract/schemas/meeting.ts';
import { inlines } from '../synthesis/markup.ts';
import { type Block, keepNumbering, paragraph, type SynthesisDocument, text } from '../synthesis/model.ts';
import { sectionBlocks } from '../synthesis/sections.ts';
import type { SynthesisSource } from '../synthesis/source.ts';
import { asciiLetters, frenchDate, frenchNumber } from '../text/french.ts';
import { KIT_HEADINGS, KIT_SENDER } from './rules.ts';

export interface MeetingContext {
  meeting: Meeting;
  etablissement: Etablissement;
  academieName: string;
  departementName: string;
  /** The académie's synthesis source: its retex and contributions are narrowed to this meeting here. */
  source: SynthesisSource;
}

function narrowed(ctx: MeetingContext): SynthesisSource {
  const id = ctx.meeting.id;
  return {
    ...ctx.source,
    retex: ctx.source.retex.filter((r) => r.sourceMeetingId === id),
    contributions: ctx.source.contributions.filter((c) => c.sourceMeetingIds.includes(id)),
    // One meeting's own contributions, one by one: the scope's groups are the académie's.
    groups: undefined,
    texts: new Map(),
  };
}

function covered(ctx: MeetingContext): Thematique[] {
  const ids = new Set([...ctx.meeting.thematiqueIds, ...ctx.meeting.ateliers.map((a) => a.thematiqueId)]);
  return ctx.source.campaign.thematiques.filter((t) => ids.has(t.id));
}

/**
 * The académie that sends the kit and receives the synthesis (« la transmettre au Délégué académique au
 * numérique (DAN) »), then the établissement. Never the settings' contact: that is the région's (2020's DANE).
 */
function footer(ctx: MeetingContext): string[] {
  return [`${academieLabel(ctx.academieName, true)} — ${KIT_SENDER}`, `${ctx.etablissement.nom} (${ctx.etablissement.uai})`];
}

export function meetingSynthesis(ctx: MeetingContext): SynthesisDocument {
  const { meeting: m, etablissement: e, source } = ctx;
  const narrow = narrowed(ctx);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Présentation de la rencontre' },
    paragraph([
      // The lieu is often the établissement itself: said once.
      text(`Rencontre organisée le ${frenchDate(m.date)} par ${byEtablissement(e.nom)} (${e.commune}, ${ctx.departementName}, ${academieLabel(ctx.academieName)})`),
      text(m.lieu && !sameWords(m.lieu, `${e.nom} ${e.commune}`) ? `, à ${m.lieu}.` : '.'),
    ]),
    ...attendanceBlocks(m),
  ];
  const thematiques = covered(ctx);
  for (const t of thematiques) {
    blocks.push({ kind: 'heading', level: 1, text: `Thème ${t.number} : ${t.title}` });
    let number = 0;
    for (const section of source.trame.sections.filter((s) => s.scope === 'thematique')) {
      // The kit's four headings, word for word; a section the kit does not name keeps the trame's.
      const title = KIT_HEADINGS[section.key] ?? section.title;
      blocks.push({ kind: 'heading', level: 2, text: section.numbered ? `${++number}. ${title}` : title });
      blocks.push(...sectionBlocks(section, narrow, t));
    }
  }
  if (source.trame.closingNote.trim()) blocks.push(paragraph([text(source.trame.closingNote.trim())], 'note'));
  return { title: source.trame.title, subtitle: `Synthèse de l’établissement — ${e.nom}`, footer: footer(ctx), blocks: keepNumbering(blocks) };
}

function attendanceBlocks(m: Meeting): Block[] {
  const rows = PARTICIPANT_CATEGORIES.filter((c) => m.attendance[c.code] !== undefined).map((c) => [
    c.label,
    frenchNumber(m.attendance[c.code]!),
  ]);
  if (rows.length === 0 && m.declaredTotal === null) {
    return [paragraph([text('Participation : non renseignée.')], 'note')];
  }
  if (rows.length === 0) return [paragraph([text(`Participants : ${frenchNumber(m.declaredTotal!)} (total déclaré, sans détail par catégorie).`)])];
  // The table's total is the sum of its rows; a declared total that differs is said beside it, never put in its place.
  const sum = Object.values(m.attendance).reduce((a: number, b) => a + (b ?? 0), 0);
  const note =
    m.declaredTotal === null
      ? 'Aucun total déclaré : le total est la somme des catégories.'
      : sum !== m.declaredTotal
        ? `Total déclaré par l’établissement : ${frenchNumber(m.declaredTotal)} participants (les catégories en comptent ${frenchNumber(sum)}).`
        : 'Total déclaré par l’établissement, égal à la somme des catégories.';
  return [
    { kind: 'table', caption: 'Diversité des participants', header: ['Catégorie', 'Participants'], rows, total: ['Total des catégories', frenchNumber(sum)] },
    paragraph([text(note)], 'note'),
  ];
}

/** One fiche défi per atelier: the défi, who worked on it, and the propositions that came out. */
export function ficheDefi(ctx: MeetingContext, atelier: Meeting['ateliers'][number]): SynthesisDocument {
  const t = ctx.source.campaign.thematiques.find((x) => x.id === atelier.thematiqueId)!;
  const propositions = narrowed(ctx).contributions.filter((c) => c.thematiqueId === t.id && c.kind === 'proposition');
  const blocks: Block[] = [
    paragraph([text('Établissement : ', { bold: true }), text(`${ctx.etablissement.nom}, ${ctx.etablissement.commune} (${ctx.etablissement.uai})`)]),
    paragraph([text('Académie : ', { bold: true }), text(ctx.academieName)]),
    paragraph([text('Date de la rencontre : ', { bold: true }), text(frenchDate(ctx.meeting.date))]),
    paragraph([
      text('Participants à l’atelier : ', { bold: true }),
      text(atelier.participants === null ? 'non renseigné' : frenchNumber(atelier.participants)),
    ]),
    { kind: 'heading', level: 1, text: 'Le défi' },
    paragraph(atelier.defi.trim() ? inlines(atelier.defi) : [text('Défi non renseigné.')], atelier.defi.trim() ? undefined : 'slot'),
    { kind: 'heading', level: 1, text: 'Propositions' },
    ...(propositions.length > 0
      ? [{ kind: 'list' as const, items: propositions.map((p) => inlines(p.text)) }]
      : [paragraph([text('Aucune proposition enregistrée pour ce thème.')], 'slot')]),
  ];
  return {
    title: 'Fiche défi',
    subtitle: `Thème ${t.number} : ${t.title}`,
    footer: footer(ctx),
    blocks: keepNumbering(blocks),
  };
}

/** "Lycée Paul Guérin, Niort" and "lycée Paul-Guérin (Niort)" name the same place. */
function sameWords(a: string, b: string): boolean {
  const words = (x: string) => asciiLetters(x).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).sort().join(' ');
  return words(a) === words(b);
}

const KINDS = [
  { word: 'cité scolaire', article: 'la ' },
  { word: 'lycée', article: 'le ' },
  { word: 'collège', article: 'le ' },
  { word: 'école', article: 'l’' },
] as const;

/** "Collège Jean Moulin" → "le collège Jean Moulin"; a name without its kind → "l’établissement …". */
export function byEtablissement(nom: string): string {
  const kind = KINDS.find((k) => nom.toLocaleLowerCase('fr').startsWith(k.word));
  return kind ? `${kind.article}${kind.word}${nom.slice(kind.word.length)}` : `l’établissement ${nom}`;
}
