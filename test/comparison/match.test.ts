import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareUnits, type ComparedUnit } from '../../src-main/comparison/match.ts';

let nextId = 1;
const unit = (side: 'from' | 'to', text: string, meetingIds: number[], group?: { wording: string; texts: string[] }): ComparedUnit => {
  const texts = group ? group.texts : [text];
  const contributionIds = texts.map(() => nextId++);
  return { side, wording: group ? group.wording : text, texts, contributionIds, meetingIds, isGroup: Boolean(group) };
};

/** 2015 and 2020 propositions, the later ones rephrasing some of the earlier ones. */
const UNITS: ComparedUnit[] = [
  unit('to', 'Former les enseignants à l’usage pédagogique des tablettes en classe', [1, 2, 3]),
  unit('to', 'Garantir une connexion internet à très haut débit dans chaque école rurale', [4, 5]),
  unit('to', 'Créer un référent cybersécurité dans chaque établissement', [6]),
  unit('to', 'Prêter des ordinateurs portables aux familles qui n’en ont pas', [7], {
    wording: 'Prêter des ordinateurs aux familles non équipées',
    texts: ['Prêter des ordinateurs portables aux familles qui n’en ont pas', 'Un prêt d’ordinateurs pour les familles sans équipement'],
  }),
  unit('from', 'Formation des enseignants aux usages pédagogiques des tablettes', [11, 12]),
  unit('from', 'Équiper les écoles rurales d’une connexion internet haut débit', [13]),
  unit('from', 'Organiser des ateliers de programmation de robots au collège', [14, 15]),
  unit('from', 'Ordinateurs prêtés aux familles qui n’ont aucun équipement', [16]),
];

describe('2015 and 2020 propositions side by side', () => {
  const result = compareUnits(UNITS);

  it('puts a paraphrase five years later with what it rephrases', () => {
    expect(result.returning.map((r) => [r.from.wording, r.to.wording])).toEqual([
      ['Formation des enseignants aux usages pédagogiques des tablettes', 'Former les enseignants à l’usage pédagogique des tablettes en classe'],
      ['Équiper les écoles rurales d’une connexion internet haut débit', 'Garantir une connexion internet à très haut débit dans chaque école rurale'],
      // The group's own wording, not one of its members'.
      ['Ordinateurs prêtés aux familles qui n’ont aucun équipement', 'Prêter des ordinateurs aux familles non équipées'],
    ]);
    expect(result.returning.map((r) => [r.from.meetings, r.to.meetings])).toEqual([[2, 3], [1, 2], [1, 1]]);
  });

  it('says what is new and what is gone', () => {
    expect(result.added.map((i) => i.wording)).toEqual(['Créer un référent cybersécurité dans chaque établissement']);
    expect(result.gone.map((i) => i.wording)).toEqual(['Organiser des ateliers de programmation de robots au collège']);
    expect(result.gone[0]!.meetings).toBe(2);
  });

  it('keeps every contribution once', () => {
    const all = [...result.returning.flatMap((r) => [...r.to.contributionIds, ...r.from.contributionIds]), ...result.added.flatMap((i) => i.contributionIds), ...result.gone.flatMap((i) => i.contributionIds)];
    expect(all.sort((a, b) => a - b)).toEqual(UNITS.flatMap((u) => u.contributionIds).sort((a, b) => a - b));
  });

  it('gives the same answer whatever the order of the units', () => {
    const reversed = compareUnits([...UNITS].reverse());
    expect(reversed.returning.map((r) => r.to.wording)).toEqual(result.returning.map((r) => r.to.wording));
    expect(reversed.added).toEqual(result.added);
    expect(reversed.gone).toEqual(result.gone);
  });

  it('orders by meetings, then by wording', () => {
    const lists = compareUnits([
      unit('to', 'Zèbre en classe de sixième', [1]),
      unit('to', 'Abaque électronique en primaire', [2]),
      unit('to', 'Cartable allégé par les manuels numériques', [3, 4]),
    ]);
    expect(lists.added.map((i) => i.wording)).toEqual(['Cartable allégé par les manuels numériques', 'Abaque électronique en primaire', 'Zèbre en classe de sixième']);
    expect(lists.returning).toEqual([]);
    expect(lists.gone).toEqual([]);
  });

  it('weighs words over the consultations’ other texts: a word every text uses pairs nothing', () => {
    const units = [
      unit('to', 'Sensibiliser les élèves aux usages du numérique', [1]),
      unit('from', 'Des ateliers de robotique numérique pour les élèves', [2]),
    ];
    // Alone, « numérique » and « élèves » look rare: the two are said alike.
    expect(compareUnits(units).returning).toHaveLength(1);
    const background = Array.from({ length: 40 }, (_, i) => `Proposition ${i} sur le numérique et les élèves, thème ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`);
    const weighed = compareUnits(units, { background });
    expect(weighed.returning).toEqual([]);
    expect(weighed.added.map((i) => i.wording)).toEqual(['Sensibiliser les élèves aux usages du numérique']);
    expect(weighed.gone.map((i) => i.wording)).toEqual(['Des ateliers de robotique numérique pour les élèves']);
  });
});

/** Ten propositions of 2015 and how 2020 rephrased them (other words, other forms), and three of each year said once. */
const PARAPHRASES: [string, string][] = [
  ['Former les enseignants à l’usage pédagogique des tablettes', 'Formation des professeurs aux usages pédagogiques des tablettes en classe'],
  ['Généraliser l’ENT dans toutes les écoles primaires', 'Déployer un ENT dans chaque école élémentaire'],
  ['Sensibiliser les parents aux dangers des réseaux sociaux', 'Informer les familles sur les risques des réseaux sociaux'],
  ['Améliorer la connexion wifi dans les lycées', 'Garantir une couverture wifi satisfaisante dans chaque lycée'],
  ['Développer l’enseignement de la programmation dès le collège', 'Initier tous les collégiens au code et à la programmation'],
  ['Créer une plateforme académique de ressources pédagogiques mutualisées', 'Mutualiser les ressources pédagogiques sur une plateforme commune à l’académie'],
  ['Prêter des ordinateurs aux familles qui n’en ont pas', 'Équiper en ordinateurs les familles non équipées par un prêt'],
  ['Reconnaître le temps passé par les référents numériques', 'Décharger les référents numériques d’une partie de leur service'],
  ['Protéger les données personnelles des élèves', 'Garantir la protection des données personnelles des élèves et des personnels'],
  ['Former les élèves à l’esprit critique face aux informations en ligne', 'Éduquer aux médias et à l’information pour développer l’esprit critique'],
];
const ONLY_2015 = ['Organiser une soirée ouverte aux habitants à la médiathèque', 'Négocier des licences pour les logiciels métiers', 'Équiper les salles de synthèse vocale pour les élèves dys'];
const ONLY_2020 = ['Installer des tiers-lieux numériques dans les territoires ruraux', 'Utiliser la réalité virtuelle en lycée professionnel', 'Doter chaque établissement d’un protocole de continuité pédagogique'];

describe('paraphrases five years apart, among the demo’s texts', () => {
  // The words weighed as the service weighs them: over both consultations' texts (here, the demos').
  const background = ['concertation-2015', 'nouvelle-aquitaine-2020'].flatMap((f) =>
    (JSON.parse(readFileSync(`assets/demo/${f}.json`, 'utf8')) as { contributions: { text: string }[] }).contributions.map((c) => c.text));
  const units = [
    ...[...PARAPHRASES.map(([a]) => a), ...ONLY_2015].map((text) => unit('from', text, [1])),
    ...[...PARAPHRASES.map(([, b]) => b), ...ONLY_2020].map((text) => unit('to', text, [2])),
  ];
  const result = compareUnits(units, { background });

  it('pairs each with its rephrasing, and nothing else', () => {
    const found = result.returning.map((r) => [r.from.wording, r.to.wording]);
    expect(found.sort()).toEqual([...PARAPHRASES].sort());
  });

  it('leaves what was said once on its side', () => {
    expect(result.added.map((i) => i.wording).sort()).toEqual([...ONLY_2020].sort());
    expect(result.gone.map((i) => i.wording).sort()).toEqual([...ONLY_2015].sort());
  });
});
