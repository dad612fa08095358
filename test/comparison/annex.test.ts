import { describe, expect, it } from 'vitest';
import { comparisonAnnex } from '../../src-main/comparison/annex.ts';
import type { Comparison } from '../../src-main/contract/schemas/review.ts';
import type { Block } from '../../src-main/synthesis/model.ts';

const COMPARISON: Comparison = {
  fromTitle: 'Concertation 2015',
  toTitle: 'États généraux 2020',
  fromYear: '2015',
  toYear: '2020',
  toThematique: { id: 21, number: 1, title: 'Un égal accès au numérique pour tous' },
  fromThematiques: [{ id: 4, number: 4, title: 'Le numérique et la réduction des inégalités' }, { id: 1, number: 1, title: 'Les apprentissages' }],
  returning: [{ to: { wording: 'Prêter des ordinateurs aux familles', meetings: 3, contributionIds: [1, 2] }, from: { wording: 'Ordinateurs prêtés aux familles', meetings: 1, contributionIds: [9] } }],
  added: [{ wording: 'Un référent cybersécurité', meetings: 0, contributionIds: [3] }],
  gone: [],
};

const headings = (blocks: Block[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);

describe('the comparison as a Word annex’s model', () => {
  it('has the map, then the three parts, the returning ones as a table 2015 | 2020', () => {
    const doc = comparisonAnnex({ comparison: COMPARISON, kind: 'proposition', footer: ['Région académique Nouvelle-Aquitaine'] });
    expect(doc.title).toBe('Annexe — Un égal accès au numérique pour tous : 2015 et 2020');
    expect(headings(doc.blocks)).toEqual(['Thématiques rapprochées', 'Propositions qui reviennent', 'Propositions nouvelles', 'Propositions disparues']);
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.header)).toEqual([['2015', '2020'], ['2015', '2020']]);
    expect(tables[0]!.rows).toEqual([
      ['Thématique 4 : Le numérique et la réduction des inégalités', 'Thématique 1 : Un égal accès au numérique pour tous'],
      ['Thématique 1 : Les apprentissages', ''],
    ]);
    expect(tables[1]!.rows).toEqual([['Ordinateurs prêtés aux familles (1\u00A0rencontre)', 'Prêter des ordinateurs aux familles (3\u00A0rencontres)']]);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Aucune.' }], style: 'note' });
    expect(JSON.stringify(doc.blocks)).toContain('Un référent cybersécurité (aucune rencontre citée)');
  });

  it('names the parts after the kind compared', () => {
    const doc = comparisonAnnex({ comparison: { ...COMPARISON, fromThematiques: [] }, kind: 'defi', footer: [] });
    expect(headings(doc.blocks)).toEqual(['Thématiques rapprochées', 'Défis qui reviennent', 'Défis nouveaux', 'Défis disparus']);
    expect(JSON.stringify(doc.blocks[1])).toContain('Aucune thématique de 2015 n’est rapprochée de celle-ci');
    expect(doc.blocks.at(-1)).toMatchObject({ inlines: [{ text: 'Aucun.' }] });
  });
});
