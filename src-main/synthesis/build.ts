/** Assembles the synthesis document from a trame: document sections, then each thématique in turn. */
import type { Thematique } from '../contract/schemas/campaign.ts';
import { type Block, keepNumbering, paragraph, type SynthesisDocument, text } from './model.ts';
import { nationalSelectionTable } from './national-sections.ts';
import { headingText, sectionBlocks, sectionTitle } from './sections.ts';
import type { SynthesisSource } from './source.ts';
import { academieLabel } from '../contract/domain.ts';

export interface BuildOptions {
  /** Only this thématique (by number): its own file, without the document-wide sections. */
  thematiqueNumber?: number;
}

export function buildSynthesis(source: SynthesisSource, options: BuildOptions = {}): SynthesisDocument {
  const { trame, campaign } = source;
  const thematiques = campaign.thematiques.filter(
    (t) => options.thematiqueNumber === undefined || t.number === options.thematiqueNumber,
  );
  const blocks: Block[] = [];
  if (options.thematiqueNumber === undefined) {
    for (const section of trame.sections.filter((s) => s.scope === 'document')) {
      const content = sectionBlocks(section, source, null);
      // An empty section prints nothing, not a heading over nothing.
      if (content.length > 0) blocks.push({ kind: 'heading', level: 1, text: headingText(section.title, source) }, ...content);
    }
  }
  for (const thematique of thematiques) blocks.push(...thematiqueBlocks(source, thematique));
  const footer = [scopeLabel(source)];
  if (source.contact.trim() !== '') footer.push(`Contact : ${source.contact.trim()}`);
  return { title: headingText(trame.title, source), subtitle: subtitle(source), footer, blocks: keepNumbering(blocks) };
}

/** The trame's subtitle names the région's synthesis; an académie's, a département's or the country's says so. */
function subtitle(source: SynthesisSource): string {
  const { trame, scope } = source;
  if (scope.kind === 'region') return headingText(trame.subtitle, source);
  if (scope.kind === 'national') return `Synthèse nationale — ${scope.name}`;
  return scope.kind === 'academie' ? `Synthèse académique — ${academieLabel(scope.name)}` : `Synthèse départementale — ${scope.name} (${scope.code})`;
}

function scopeLabel({ scope }: SynthesisSource): string {
  if (scope.kind === 'region') return `Région académique ${scope.regionName}`;
  if (scope.kind === 'national') return `Synthèse nationale — ${scope.name}`;
  return scope.kind === 'academie' ? academieLabel(scope.name, true) : `${scope.name} (${scope.code})${scope.academieName ? ` — ${academieLabel(scope.academieName)}` : ''}`;
}

function thematiqueBlocks(source: SynthesisSource, thematique: Thematique): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: `Thématique ${thematique.number} : ${thematique.title}` }];
  // The whole country's: first what each région académique retained (national-selection.ts).
  if (source.national) blocks.push(...nationalSelectionTable(source.national, thematique));
  const heading = blocks.length;
  // Numbered as printed: a section left out (nothing to print) takes no number.
  let number = 0;
  for (const section of source.trame.sections.filter((s) => s.scope === 'thematique')) {
    const content = sectionBlocks(section, source, thematique);
    if (content.length === 0) continue;
    // The thématique's own wording, if the trame gives one (seed 004 words « actions » four ways).
    const title = headingText(sectionTitle(section, thematique.number), source);
    blocks.push({ kind: 'heading', level: 2, text: section.numbered ? `${++number}. ${title}` : title }, ...content);
  }
  // A thématique with nothing at all to print is left out whole, its note with it.
  if (blocks.length === heading && !source.national) return [];
  if (source.trame.closingNote.trim() !== '') blocks.push(paragraph([text(headingText(source.trame.closingNote, source))], 'note'));
  return blocks;
}
