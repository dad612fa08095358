/**
 * The national synthesis's thématique sections: the régions' selections région by région, each région's
 * first few printed and the others counted (national-selection.ts), the défis asked in several régions
 * printed once with all their answers.
 */
import type { Thematique } from '../contract/schemas/campaign.ts';
import type { Contribution } from '../contract/schemas/content.ts';
import { CONTRIBUTION_KIND_LABELS } from '../contract/domain.ts';
import { frenchNumber as n } from '../text/french.ts';
import { type Block, paragraph, text } from './model.ts';
import { type NationalSelection, selectionKey } from './national-selection.ts';
import type { SynthesisSource } from './source.ts';

type Items = (items: Contribution[]) => Block[];

/** How many of a thématique's selected records of these kinds a région retained. */
function retained(national: NationalSelection, thematiqueId: number | null, kinds: string[], region: string): number {
  return kinds.reduce((sum, kind) => sum + (national.selected.get(selectionKey(thematiqueId, kind, region)) ?? 0), 0);
}

/** Région by région: its printed contributions, then how many more it retained. */
export function nationalContributions(source: SynthesisSource, national: NationalSelection, items: Contribution[], thematiqueId: number | null, kinds: string[], grouped: Items): Block[] {
  const blocks: Block[] = [];
  for (const region of national.regions) {
    const own = items.filter((c) => national.contributionRegion.get(c.id) === region.code);
    const total = retained(national, thematiqueId, kinds, region.code);
    if (total === 0) continue;
    blocks.push(paragraph([text(region.code === '' ? region.name : `Région académique ${region.name}`, { bold: true })], 'lead'), ...grouped(own));
    if (total > own.length) blocks.push(paragraph([text(othersNote(total - own.length))], 'note'));
  }
  return blocks;
}

function othersNote(others: number): string {
  return others === 1
    ? 'Et une autre contribution retenue par la région académique (le classeur du bilan les donne toutes).'
    : `Et ${n(others)} autres contributions retenues par la région académique (le classeur du bilan les donne toutes).`;
}

/**
 * The défis once each, however many régions asked them (the consultation's questions are shared), with
 * the propositions that answer any of them; then the other propositions, région by région.
 */
export function nationalDefisPropositions(source: SynthesisSource, national: NationalSelection, defis: Contribution[], propositions: Contribution[], thematiqueId: number | null, grouped: Items): Block[] {
  const byText = new Map<string, Contribution[]>();
  for (const defi of defis) byText.set(defi.text.trim(), [...(byText.get(defi.text.trim()) ?? []), defi]);
  const blocks: Block[] = [];
  const answered = new Set<number>();
  for (const [question, asked] of byText) {
    const ids = new Set(asked.map((d) => d.id));
    const regions = new Set(asked.map((d) => national.contributionRegion.get(d.id)));
    blocks.push(paragraph([text(question, { italic: true }), ...(regions.size > 1 ? [text(` (${n(regions.size)} régions académiques)`)] : [])]));
    const own = propositions.filter((p) => p.parentId !== null && ids.has(p.parentId));
    own.forEach((p) => answered.add(p.id));
    blocks.push(...grouped(own));
  }
  const others = propositions.filter((p) => !answered.has(p.id));
  return [...blocks, ...nationalContributions(source, national, others, thematiqueId, ['proposition'], grouped)];
}

/** Per région académique, what it retained for this thématique: the figures of a national restitution. */
export function nationalSelectionTable(national: NationalSelection, thematique: Thematique): Block[] {
  const all = [...(Object.keys(CONTRIBUTION_KIND_LABELS) as (keyof typeof CONTRIBUTION_KIND_LABELS)[]), 'retex' as const];
  const count = (kind: string, region: string) => retained(national, thematique.id, [kind], region);
  // Only the kinds some région retained, and the régions that retained something.
  const kinds = all.filter((k) => national.regions.some((r) => count(k, r.code) > 0));
  const regions = national.regions.filter((r) => kinds.some((k) => count(k, r.code) > 0));
  if (regions.length === 0) return [];
  return [
    {
      kind: 'table',
      caption: `Contributions et retex retenus par les régions académiques — thématique ${thematique.number}`,
      header: ['Région académique', ...kinds.map((k) => (k === 'retex' ? 'Retex' : CONTRIBUTION_KIND_LABELS[k]))],
      rows: regions.map((r) => [r.name, ...kinds.map((k) => n(count(k, r.code)))]),
      total: ['France entière', ...kinds.map((k) => n(regions.reduce((sum, r) => sum + count(k, r.code), 0)))],
    },
  ];
}
