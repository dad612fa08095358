/**
 * A comparison as a Word annex, in the synthesis' plain document model (synthesis/model.ts), so the
 * synthesis' Word renderer writes it with the same styles, footer and reproducible bytes:
 * the map used, then the three parts (returning as a two-column table, new, gone).
 */
import type { ContributionKind } from '../contract/domain.ts';
import type { Comparison } from '../contract/schemas/review.ts';
import { paragraph, text, type Block, type SynthesisDocument } from '../synthesis/model.ts';
import { COMPARISON_HEADINGS, meetingsPhrase } from './headings.ts';

export interface AnnexInput {
  comparison: Comparison;
  kind: ContributionKind;
  footer: string[];
}

export function annexTitle(toTitle: string, fromYear: string, toYear: string): string {
  return `Annexe — ${toTitle} : ${fromYear} et ${toYear}`;
}

export function comparisonAnnex(input: AnnexInput): SynthesisDocument {
  const { comparison: c } = input;
  const { fromYear, toYear, toThematique } = c;
  const headings = COMPARISON_HEADINGS[input.kind];
  const item = (i: { wording: string; meetings: number }) => `${i.wording} (${meetingsPhrase(i.meetings)})`;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Thématiques rapprochées' },
    c.fromThematiques.length === 0
      ? paragraph([text(`Aucune thématique de ${fromYear} n’est rapprochée de celle-ci : tout y est nouveau.`)], 'note')
      : {
          kind: 'table',
          caption: `Thématiques de ${fromYear} rapprochées de la thématique ${toThematique.number} de ${toYear}`,
          header: [fromYear, toYear],
          rows: c.fromThematiques.map((t, i) => [`Thématique ${t.number} : ${t.title}`, i === 0 ? `Thématique ${toThematique.number} : ${toThematique.title}` : '']),
        },
    { kind: 'heading', level: 1, text: headings.returning },
    c.returning.length === 0
      ? paragraph([text(headings.none)], 'note')
      : {
          kind: 'table',
          caption: `${headings.returning} : ${c.returning.length}`,
          header: [fromYear, toYear],
          rows: c.returning.map((r) => [item(r.from), item(r.to)]),
        },
    { kind: 'heading', level: 1, text: headings.added },
    c.added.length === 0 ? paragraph([text(headings.none)], 'note') : { kind: 'list', items: c.added.map((i) => [text(item(i))]) },
    { kind: 'heading', level: 1, text: headings.gone },
    c.gone.length === 0 ? paragraph([text(headings.none)], 'note') : { kind: 'list', items: c.gone.map((i) => [text(item(i))]) },
  ];
  return {
    title: annexTitle(toThematique.title, fromYear, toYear),
    subtitle: `${c.fromTitle} (${fromYear}) et ${c.toTitle} (${toYear})`,
    footer: input.footer,
    blocks,
  };
}
