/** Assembles the synthesis document from a trame: document sections, then each thématique in turn. */
import type { Thematique } from '../contract/schemas/campaign.ts';
import { type Block, paragraph, type SynthesisDocument, text } from './model.ts';
import { nationalSelectionTable } from './national-sections.ts';
import { sectionBlocks } from './sections.ts';
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
      blocks.push({ kind: 'heading', level: 1, text: section.title }, ...sectionBlocks(section, source, null));
    }
  }
  for (const thematique of thematiques) blocks.push(...thematiqueBlocks(source, thematique));
  const footer = [scopeLabel(source)];
  if (source.contact.trim() !== '') footer.push(`Contact : ${source.contact.trim()}`);
  return { title: trame.title, subtitle: subtitle(source), footer, blocks };
}

/** The trame's subtitle names the région's synthesis; an académie's, a département's or the country's says so. */
function subtitle({ trame, scope }: SynthesisSource): string {
  if (scope.kind === 'region') return trame.subtitle;
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
  let number = 0;
  for (const section of source.trame.sections.filter((s) => s.scope === 'thematique')) {
    const title = section.numbered ? `${++number}. ${section.title}` : section.title;
    blocks.push({ kind: 'heading', level: 2, text: title }, ...sectionBlocks(section, source, thematique));
  }
  if (source.trame.closingNote.trim() !== '') blocks.push(paragraph([text(source.trame.closingNote.trim())], 'note'));
  return blocks;
}
