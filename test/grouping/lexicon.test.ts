import { describe, expect, it } from 'vitest';
import { groupContributions } from '../../src-main/grouping/group.ts';
import { actorsOf, canonicalWords } from '../../src-main/grouping/lexicon.ts';
import { contentStems, words } from '../../src-main/grouping/words.ts';

const canonical = (text: string) => canonicalWords(words(text));

describe('the field’s lexicon', () => {
  it('gives an acronym and its expansion one word, keeping the expansion’s own words', () => {
    expect(canonical('ENT')).toEqual(['ent']);
    expect(canonical('l’espace numérique de travail')).toEqual(['l', 'espace', 'numerique', 'de', 'travail', 'ent']);
    expect(contentStems('Former les profs à l’ENT')).toEqual(contentStems('Formation des enseignants à l’ENT'));
  });

  it('takes the longest phrase and leaves words it does not know', () => {
    expect(canonical('harcèlement en ligne')).toEqual(['harcelement', 'en', 'ligne', 'cyberharcelement']);
    expect(canonical('harcèlement au collège')).toEqual(['harcelement', 'au', 'college']);
  });

  it('names the actors a proposition is for', () => {
    expect([...actorsOf(canonical('Former les parents à l’ENT pour suivre leurs enfants'))].sort()).toEqual(['eleve', 'famille']);
    expect([...actorsOf(canonical('Former les professeurs'))]).toEqual(['enseignant']);
    expect(actorsOf(canonical('Un référent harcèlement dans chaque collège')).size).toBe(0);
  });

  it('keeps apart the same measure for other actors, and brings together its paraphrases', () => {
    const items = [
      'Former les enseignants à l’utilisation de l’ENT.',
      'Des formations à l’espace numérique de travail pour tous les professeurs.',
      'Formation ENT pour les profs.',
      'Former les parents à l’utilisation de l’ENT pour qu’ils suivent la scolarité de leurs enfants.',
      'Équiper les écoles rurales en très haut débit.',
      'Prévenir le cyberharcèlement par des interventions en classe.',
    ].map((text, id) => ({ id, text }));
    expect(groupContributions(items).groups.map((g) => g.members)).toEqual([[0, 1, 2], [3], [4], [5]]);
    // Without the actors, the parents' training joins the teachers'.
    expect(groupContributions(items, { otherActors: 1 }).groups.map((g) => g.members)).toEqual([[0, 1, 2, 3], [4], [5]]);
  });

  it('knows the field’s other ways of writing one thing: heads of schools, equipping, hospitalised pupils, hosting in France', () => {
    // A narrower word keeps itself and adds the broader one.
    expect(canonical('le proviseur')).toEqual(['le', 'proviseur', 'chefetablissement']);
    expect(contentStems('matériel')).toEqual(contentStems('équiper'));
    // « équipement » is not « équipe » (the stemmer gives them one stem).
    expect(contentStems('équipement')).not.toEqual(contentStems('équipe'));
    expect(contentStems('élèves hospitalisés')).toContain('hopital');
    expect(contentStems('hébergées en France')).toEqual(['heberge', 'franc', 'hebergementfr']);
    expect(contentStems('sur le sol français')).toEqual(['sol', 'franc', 'hebergementfr']);
    expect(contentStems('Doter chaque professeur d’un PC')).toEqual(['dotat', 'enseign', 'ordin']);
    expect(canonical('les lycéennes')).toEqual(['les', 'lyceen', 'filles']);
    expect([...actorsOf(canonical('les lycéennes'))]).toEqual(['eleve']);
  });
});

