import { describe, expect, it } from 'vitest';
import { parseContributionRow, parseNature } from '../../src-main/grouping/contribution-rows.ts';
import { contributionColumnFor } from '../../src-main/grouping/contribution-sheet.ts';

const THEMATIQUES = [
  { id: 11, number: 1, title: 'Égal accès au numérique' },
  { id: 12, number: 2, title: 'Enseigner et apprendre avec le numérique' },
];
const context = { thematiques: THEMATIQUES, meetingExists: (id: number) => id === 7 };
const row = (reference: unknown, thematique: unknown, nature: unknown, texte: unknown) => ({
  row: 5,
  cells: {
    reference: { value: reference as string, column: 'A' },
    thematique: { value: thematique as string, column: 'B' },
    nature: { value: nature as string, column: 'C' },
    texte: { value: texte as string, column: 'D' },
  },
});

describe('a contributions sheet, read forgivingly', () => {
  it('understands the natures whatever their accents, case or plural', () => {
    expect(['État des lieux', 'etats des lieux', 'ETAT DES LIEUX'].map(parseNature)).toEqual(['etat_des_lieux', 'etat_des_lieux', 'etat_des_lieux']);
    expect(['Actions', 'Défis', 'defi', 'Propositions', 'PROPOSITION', 'Action et acteurs'].map(parseNature))
      .toEqual(['action', 'defi', 'defi', 'proposition', 'proposition', 'action']);
    expect(parseNature('suggestion')).toBeNull();
  });

  it('matches headers without accents, case or decoration', () => {
    expect(['Référence de la rencontre', 'REFERENCE', 'Thématique (numéro)', 'nature :', 'Texte *', 'Texte de la contribution'].map(contributionColumnFor))
      .toEqual(['reference', 'reference', 'thematique', 'nature', 'texte', 'texte']);
    expect(contributionColumnFor('Remarque')).toBeNull();
  });

  it('finds the thématique by number, « Thématique N », « N. titre » or its title', () => {
    for (const t of [2, '2', 'Thématique 2', 'thematique n°2', '2. Enseigner', 'enseigner et apprendre avec le NUMERIQUE']) {
      expect(parseContributionRow(row(7, t, 'proposition', 'Un texte.'), context)).toMatchObject({ thematiqueId: 12 });
    }
  });

  it('cleans the text of control characters and keeps the meeting as source', () => {
    expect(parseContributionRow(row('7', 1, 'Défi', ' Un\u0007 défi. '), context)).toEqual({ row: 5, meetingId: 7, thematiqueId: 11, kind: 'defi', text: 'Un défi.' });
  });

  it('says, per column, everything wrong with a row', () => {
    expect(parseContributionRow(row('R-12', 'Thématique 9', 'idée', ''), context)).toEqual([
      { row: 5, column: 'A', field: 'Référence de la rencontre', message: '« R-12 » n’est pas une référence de rencontre (un numéro, comme dans le tableau des rencontres)' },
      { row: 5, column: 'B', field: 'Thématique', message: 'thématique « Thématique 9 » inconnue (numéros : 1, 2)' },
      { row: 5, column: 'C', field: 'Nature', message: 'nature « idée » inconnue : état des lieux, action, défi ou proposition' },
      { row: 5, column: 'D', field: 'Texte', message: 'texte manquant' },
    ]);
    expect(parseContributionRow(row(8, 1, 'action', 'x'.repeat(10_001)), context)).toEqual([
      expect.objectContaining({ column: 'A', message: 'aucune rencontre 8 dans cette consultation' }),
      expect.objectContaining({ column: 'D', field: 'Texte' }),
    ]);
  });
});
