import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultMap, similarityMatrix, type MappedThematique } from '../../src-main/comparison/default-map.ts';

/** The presets' thématiques, numbered as their ids (2015: 101…105, 2020: 201…205). */
function preset(slug: string, base: number): MappedThematique[] {
  const { campaign } = JSON.parse(readFileSync(`assets/presets/${slug}.json`, 'utf8')) as {
    campaign: { thematiques: { number: number; title: string; description?: string; sujets?: string[] }[] };
  };
  return campaign.thematiques.map((t) => ({ id: base + t.number, title: t.title, description: t.description ?? '', sujets: t.sujets ?? [] }));
}

const T2015 = preset('concertation-2015', 100);
const T2020 = preset('egn-2020', 200);
const pairs = (links: { fromThematiqueId: number; toThematiqueId: number }[]) => links.map((l) => `${l.fromThematiqueId - 100}→${l.toThematiqueId - 200}`);

describe('the map proposed from 2015’s thématiques onto 2020’s', () => {
  it('pairs what the two consultations called differently', () => {
    expect(pairs(defaultMap(T2015, T2020))).toEqual([
      // Apprentissages, ressources, accès, équipements → enseigner et apprendre, égal accès.
      '1→1', '1→2',
      // Pratiques pédagogiques, formation → enseigner et apprendre (la formation des enseignants).
      '2→2',
      // Compétences de demain → numérique responsable (données personnelles, identité numérique).
      '3→4',
      // Réduction des inégalités → égal accès / fracture numérique.
      '4→1',
      // Ouverture au territoire → gouvernance (co-construire).
      '5→5',
    ]);
  });

  it('gives each 2015 thématique at least one 2020 one, its best first', () => {
    const matrix = similarityMatrix(T2015, T2020);
    const links = defaultMap(T2015, T2020);
    T2015.forEach((t, i) => {
      const targets = links.filter((l) => l.fromThematiqueId === t.id).map((l) => l.toThematiqueId);
      expect(targets.length).toBeGreaterThan(0);
      const best = matrix[i]!.indexOf(Math.max(...matrix[i]!));
      expect(targets).toContain(T2020[best]!.id);
    });
  });

  it('proposes nothing for a thématique alike to none', () => {
    const unrelated = [{ id: 1, title: 'Restauration scolaire', description: 'Menus et cantine', sujets: ['Circuits courts'] }];
    expect(defaultMap(unrelated, T2020)).toEqual([]);
    expect(defaultMap([], T2020)).toEqual([]);
  });

  it('maps a consultation onto a copy of itself one to one', () => {
    const copy = T2020.map((t) => ({ ...t, id: t.id + 1000 }));
    expect(defaultMap(T2020, copy).map((l) => [l.fromThematiqueId, l.toThematiqueId])).toEqual(T2020.map((t) => [t.id, t.id + 1000]));
  });
});
