/** Small factories of valid inputs, one per record kind; each test overrides only what it is about. */
import type { OperationInput as Input } from '../../src-main/contract/operations.ts';

export function aCampaign(overrides: Partial<Input<'campaigns.create'>> = {}): Input<'campaigns.create'> {
  return {
    slug: 'essai-2021',
    title: 'Consultation d’essai sur le numérique éducatif',
    shortTitle: 'Essai 2021',
    startDate: '2021-01-04',
    endDate: '2021-03-31',
    description: 'Une consultation pour les tests.',
    thematiques: [
      { number: 1, title: 'Accès au numérique', sujets: ['Débits', 'Équipement'] },
      { number: 2, title: 'Enseigner avec le numérique' },
    ],
    ...overrides,
  };
}

export function aMeeting(campaignId: number, overrides: Partial<Input<'meetings.create'>> = {}): Input<'meetings.create'> {
  return {
    campaignId,
    level: 'departemental',
    title: 'Concertation départementale de la Gironde',
    date: '2020-10-14',
    lieu: 'Bordeaux',
    departementCode: '33',
    ...overrides,
  };
}

export function aBassin(overrides: Partial<Input<'bassins.create'>> = {}): Input<'bassins.create'> {
  return { departementCode: '33', kind: 'ZAP', nom: 'Bordeaux Sud', ...overrides };
}

export function anEtablissement(overrides: Partial<Input<'etablissements.create'>> = {}): Input<'etablissements.create'> {
  return {
    uai: '0330021U',
    nom: 'Lycée Montaigne',
    type: 'lycee',
    commune: 'Bordeaux',
    departementCode: '33',
    ...overrides,
  };
}

export function aRetex(
  campaignId: number,
  thematiqueId: number,
  overrides: Partial<Input<'retex.create'>> = {},
): Input<'retex.create'> {
  return {
    campaignId,
    thematiqueId,
    title: 'Classe inversée en seconde',
    text: 'Les élèves préparent la séance avec des capsules vidéo.',
    links: [{ kind: 'video', url: 'https://example.org/capsule' }],
    ...overrides,
  };
}

export function aContribution(
  campaignId: number,
  thematiqueId: number,
  overrides: Partial<Input<'contributions.create'>> = {},
): Input<'contributions.create'> {
  return { campaignId, thematiqueId, kind: 'etat_des_lieux', text: 'Les débits restent insuffisants en zone rurale.', ...overrides };
}

export function aTrame(overrides: Partial<Input<'trames.create'>> = {}): Input<'trames.create'> {
  return {
    name: 'Trame courte',
    title: 'Synthèse académique',
    sections: [
      { key: 'introduction', scope: 'document', title: 'Introduction', source: 'text' },
      { key: 'constats', scope: 'thematique', title: 'Constats', source: 'contributions', contributionKinds: ['etat_des_lieux'] },
    ],
    ...overrides,
  };
}
