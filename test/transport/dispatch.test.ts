/**
 * The service contract, proven through the one entry point every transport uses:
 * `dispatch(handlers, ctx, name, payload, { validateOutput: true })`, on a fresh in-memory catalogue.
 *
 * 1. Every operation of OPERATION_NAMES has a case (in dispatch-cases/, one file per domain; the table
 *    below is checked against the list):
 *    a valid call whose answer is checked for real, and a refused call (INVALID_INPUT pointing at the
 *    bad field, or NOT_FOUND / CONFLICT) with a French message. Every refused call made through
 *    `h.refuse` also proves that the catalogue is unchanged (catalogueChecksum before = after).
 * 2. Unknown operation names.
 * 3. Forbidden characters, and refusals that must leave the catalogue untouched.
 * 4. synthesis.generate writes real files, and documents.list lists them.
 * 5. Defects of the source found while writing this file (they fail until fixed).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../src-main/contract/operations.ts';
import { catalogueChecksum } from '../support/catalogue.ts';
import { DispatchHarness, installPreset } from '../support/dispatch-harness.ts';
import {
  aBassin, aCampaign, aContribution, aMeeting, anEtablissement, aRetex,
} from '../support/valid-inputs.ts';
import { campaignCases } from './dispatch-cases/campaigns.ts';
import { comparisonCases } from './dispatch-cases/comparison.ts';
import { type OperationCase, sha256 } from './dispatch-cases/case.ts';
import { retexCases } from './dispatch-cases/content.ts';
import { meetingCases } from './dispatch-cases/meetings.ts';
import { reportCases } from './dispatch-cases/reports.ts';
import { restitutionCases } from './dispatch-cases/restitutions.ts';
import { styleAndKitCases } from './dispatch-cases/styles-and-kit.ts';
import { exchangeCases } from './dispatch-cases/exchange.ts';
import { groupCases } from './dispatch-cases/groups.ts';
import { territoryCases } from './dispatch-cases/territory.ts';
import { trameCases } from './dispatch-cases/trames.ts';

let h: DispatchHarness;
beforeEach(() => {
  h = new DispatchHarness();
});
afterEach(() => {
  h.close();
});

const domains = {
  'Consultations et thématiques': campaignCases,
  Territoire: territoryCases,
  Rencontres: meetingCases,
  'Retours d’expérience et contributions': retexCases,
  'Trames et textes rédigés': trameCases,
  'Paramètres, bilan, synthèse et documents': reportCases,
  'Modèles de styles et kit 2015': styleAndKitCases,
  'Identité du catalogue et échanges': exchangeCases,
  'Relecture et regroupements': groupCases,
  'Restitutions comme sources': restitutionCases,
  'Deux consultations comparées': comparisonCases,
};

/** Every operation, exactly once: TypeScript refuses a missing one, the first test below a stray one. */
const cases: Record<OperationName, OperationCase> = {
  ...campaignCases, ...territoryCases, ...meetingCases, ...retexCases, ...trameCases, ...reportCases,
  ...styleAndKitCases, ...exchangeCases, ...groupCases, ...restitutionCases, ...comparisonCases,
};

describe('1. Chaque opération du contrat', () => {
  it('a un cas de test, ni plus ni moins (table = OPERATION_NAMES)', () => {
    expect(Object.keys(cases).sort()).toEqual([...OPERATION_NAMES].sort());
    const perDomain = Object.values(domains).flatMap((group) => Object.keys(group));
    expect(perDomain).toHaveLength(OPERATION_NAMES.length); // no operation in two groups
  });

  for (const [domain, group] of Object.entries(domains)) {
    describe(domain, () => {
      for (const [name, testCase] of Object.entries(group) as [string, OperationCase][]) {
        describe(name, () => {
          it('réussit avec une entrée valide, et la réponse dit ce qu’elle doit', () => testCase.valid(h));
          it('refuse une entrée invalide, en français, sans toucher au catalogue', () => testCase.invalid(h));
        });
      }
    });
  }
});

// ─── 2. Noms d’opération inconnus ───────────────────────────────────────────────────────────────

describe('2. Opérations inconnues', () => {
  const names: unknown[] = [
    'meetings.drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, '', 'MEETINGS.LIST',
    ' meetings.list', null, undefined, ['meetings.list'], { name: 'meetings.list' },
  ];
  for (const name of names) {
    it(`refuse ${JSON.stringify(name) ?? String(name)} avec UNKNOWN_OPERATION`, async () => {
      await installPreset(h);
      const error = await h.refuse(name, { id: 1 }, { code: 'UNKNOWN_OPERATION', message: 'Opération inconnue' });
      expect(error.issues).toBeUndefined();
    });
  }

  it('ne laisse pas le nom d’une opération inconnue allonger le message sans fin', async () => {
    const error = await h.refuse('x'.repeat(10_000), {}, { code: 'UNKNOWN_OPERATION', message: 'Opération inconnue' });
    expect(error.message.length).toBeLessThan(200);
  });
});

// ─── 3. Caractères interdits, et refus qui ne laissent aucune trace ─────────────────────────────

describe('3. Textes et intégrité du catalogue', () => {
  it('refuse un caractère invisible dans un titre, en nommant sa position', async () => {
    const world = await installPreset(h);
    const error = await h.refuse('meetings.create', aMeeting(world.campaignId, { title: 'abc\u0007def' }), {
      code: 'INVALID_INPUT', path: 'title', message: 'caractère invisible interdit (U+0007) à la position 4',
    });
    expect(error.message).toBe(
      'Saisie refusée — champ « intitulé » : caractère invisible interdit (U+0007) à la position 4 : effacez-le (il vient souvent d’un copier-coller).',
    );
  });

  it.each([
    ['\uFFFE', 'U+FFFE', 1],
    ['Réunion\uFFFF', 'U+FFFF', 8],
    ['\u0000', 'U+0000', 1],
    ['ab\u007F', 'U+007F', 3],
    ['x\uD800', 'U+D800', 2], // lone surrogate
    ['\uDC00y', 'U+DC00', 1],
  ])('refuse %j dans un titre (%s, position %i)', async (title, code, position) => {
    const world = await installPreset(h);
    await h.refuse('meetings.create', aMeeting(world.campaignId, { title }), {
      code: 'INVALID_INPUT', path: 'title', message: `(${code}) à la position ${position}`,
    });
  });

  it('accepte tabulations, retours à la ligne et émojis ; un titre reste sur une ligne', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Atelier\t😀\r\nparents', notes: 'Ligne 1\r\n\tLigne 2' }));
    expect(meeting).toMatchObject({ title: 'Atelier 😀 parents', notes: 'Ligne 1\r\n\tLigne 2' });
  });

  it('refuse un caractère interdit dans un texte imbriqué (atelier, lien, sujet, section)', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
    const ateliers = [{ thematiqueId: world.thematique(1), defi: 'ok' }, { thematiqueId: world.thematique(1), defi: 'bip\u0007' }];
    await h.refuse('meetings.update', { id: meeting.id, ateliers }, {
      code: 'INVALID_INPUT', path: 'ateliers.1.defi', message: 'à la position 4',
    });
    await h.refuse('retex.create', aRetex(world.campaignId, world.thematique(1), {
      links: [{ kind: 'fiche', url: 'https://example.org', label: '\u001B[31m' }],
    }), { code: 'INVALID_INPUT', path: 'links.0.label', message: 'U+001B' });
    await h.refuse('thematiques.update', { id: world.thematique(1), sujets: ['\uFFFE'] }, {
      code: 'INVALID_INPUT', path: 'sujets.0', message: 'U+FFFE',
    });
    await h.refuse('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'descriptif', text: 'a\u0001' }, {
      code: 'INVALID_INPUT', path: 'text', message: 'à la position 2',
    });
  });

  it('refuse des ateliers sur une thématique d’une autre consultation, sans rien écrire', async () => {
    const egn = await installPreset(h, 'egn-2020');
    const old = await installPreset(h, 'concertation-2015', null);
    const before = catalogueChecksum(h.db);
    await h.refuse('meetings.create', aMeeting(egn.campaignId, {
      thematiqueIds: [egn.thematique(1)],
      attendance: { eleves: 12 },
      ateliers: [{ thematiqueId: egn.thematique(1) }, { thematiqueId: old.thematique(1) }],
    }), { code: 'CONFLICT', message: 'n’appartient pas à cette consultation' });
    const meeting = await h.ok('meetings.create', aMeeting(egn.campaignId, { ateliers: [{ thematiqueId: egn.thematique(2) }] }));
    const afterCreate = catalogueChecksum(h.db);
    await h.refuse('meetings.update', { id: meeting.id, thematiqueIds: [old.thematique(3)] }, {
      code: 'CONFLICT', message: 'n’appartient pas à cette consultation',
    });
    expect(catalogueChecksum(h.db)).toBe(afterCreate);
    // Created then deleted: back to the catalogue as it was before the first refusal, nothing left over.
    await h.ok('meetings.delete', { id: meeting.id });
    expect(catalogueChecksum(h.db)).toBe(before);
  });

  it('annule tout un enregistrement refusé à mi-chemin (transaction)', async () => {
    // The campaign row is written before the second thématique 1 breaks the unique constraint.
    await h.refuse('campaigns.create', aCampaign({
      thematiques: [{ number: 1, title: 'Une' }, { number: 1, title: 'Doublon' }],
    }), { code: 'CONFLICT', message: 'existe déjà' });
    expect(await h.ok('campaigns.list', {})).toEqual([]);
  });

  it('ne touche à rien quand une rencontre ou un contenu pointe ailleurs', async () => {
    const egn = await installPreset(h, 'egn-2020');
    const old = await installPreset(h, 'concertation-2015', null);
    const foreignMeeting = await h.ok('meetings.create', aMeeting(old.campaignId, { date: '2015-03-01' }));
    await h.refuse('contributions.create', aContribution(egn.campaignId, egn.thematique(1), { sourceMeetingIds: [foreignMeeting.id] }), {
      code: 'CONFLICT', message: 'Une rencontre source n’existe pas dans cette consultation',
    });
    await h.refuse('retex.create', aRetex(egn.campaignId, old.thematique(1)), {
      code: 'CONFLICT', message: 'Cette thématique n’appartient pas à la consultation',
    });
    await h.refuse('meetings.create', aMeeting(egn.campaignId, { etablissementUai: '0999999Z', level: 'etablissement' }), {
      code: 'CONFLICT', message: 'Établissement inconnu : 0999999Z',
    });
  });
});

// ─── 4. La synthèse écrit de vrais fichiers ─────────────────────────────────────────────────────

describe('4. synthesis.generate et documents.list', () => {
  it('écrit une seule thématique quand on la demande, dans un dossier créé au besoin', async () => {
    const world = await installPreset(h);
    const outputDir = join(h.tempDir(), 'sorties', '2020');
    const { documents } = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir, thematique: 3 });
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document).toMatchObject({ fileName: 'Synthese_Nouvelle-Aquitaine_Thematique-3.docx', thematiqueNumber: 3 });
    const bytes = readFileSync(join(outputDir, document!.fileName));
    expect([bytes.length, sha256(bytes)]).toEqual([document!.bytes, document!.sha256]);
    expect(await h.ok('documents.list', { campaignId: world.campaignId })).toEqual(documents);
  });

  it('suit la région demandée plutôt que celle des paramètres', async () => {
    const world = await installPreset(h);
    const outputDir = h.tempDir();
    const { documents } = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir, regionCode: 'BRE', thematique: 1 });
    expect(documents[0]).toMatchObject({ scope: 'region:BRE', fileName: 'Synthese_Bretagne_Thematique-1.docx' });
    expect(existsSync(join(outputDir, 'Synthese_Bretagne_Thematique-1.docx'))).toBe(true);
  });
});

// ─── 5. Défauts du code source (ces tests échouent tant qu’ils ne sont pas corrigés) ────────────

describe('5. Défauts trouvés dans le code source', () => {
  it('meetings.update déplace une rencontre départementale dans une autre académie (33 → 86)', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
    const moved = await h.ok('meetings.update', { id: meeting.id, departementCode: '86' });
    expect(moved).toMatchObject({ departementCode: '86', academieCode: 'POITIERS' });
  });

  it('meetings.update change l’établissement d’une rencontre et en redérive le lieu', async () => {
    const world = await installPreset(h);
    const bassin = await h.ok('bassins.create', aBassin());
    await h.ok('etablissements.create', anEtablissement({ bassinId: bassin.id }));
    await h.ok('etablissements.create', anEtablissement({ uai: '0860003C', nom: 'Collège Jean Moulin', type: 'college', commune: 'Poitiers', departementCode: '86' }));
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'etablissement', departementCode: null, etablissementUai: '0330021U' }));
    expect(meeting).toMatchObject({ departementCode: '33', bassinId: bassin.id });
    const moved = await h.ok('meetings.update', { id: meeting.id, etablissementUai: '0860003C' });
    expect(moved).toMatchObject({ etablissementUai: '0860003C', bassinId: null, departementCode: '86', academieCode: 'POITIERS' });
  });

  it('meetings.update change le bassin d’une rencontre et en redérive le lieu', async () => {
    const world = await installPreset(h);
    const zap = await h.ok('bassins.create', aBassin());
    const eclore = await h.ok('bassins.create', aBassin({ departementCode: '86', kind: 'ECLORE', nom: 'Poitiers' }));
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'bassin', departementCode: null, bassinId: zap.id }));
    const moved = await h.ok('meetings.update', { id: meeting.id, bassinId: eclore.id });
    expect(moved).toMatchObject({ bassinId: eclore.id, departementCode: '86', academieCode: 'POITIERS' });
  });

  it('bassins.update ne rend pas incohérentes (ni impossibles à modifier) les rencontres du bassin', async () => {
    const world = await installPreset(h);
    const bassin = await h.ok('bassins.create', aBassin());
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'bassin', departementCode: null, bassinId: bassin.id }));
    await h.send('bassins.update', { id: bassin.id, departementCode: '86' }); // refused, or followed by its meetings
    const [after] = await h.ok('bassins.list', {});
    expect((await h.ok('meetings.get', { id: meeting.id })).departementCode).toBe(after!.departementCode);
    await h.ok('meetings.update', { id: meeting.id, title: 'Rencontre du bassin' });
  });

  it('etablissements.update ne rend pas incohérentes les rencontres de l’établissement', async () => {
    const world = await installPreset(h);
    await h.ok('etablissements.create', anEtablissement());
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'etablissement', departementCode: null, etablissementUai: '0330021U' }));
    await h.send('etablissements.update', { uai: '0330021U', departementCode: '86' }); // refused, or followed
    const etablissement = await h.ok('etablissements.get', { uai: '0330021U' });
    expect((await h.ok('meetings.get', { id: meeting.id })).departementCode).toBe(etablissement.departementCode);
    await h.ok('meetings.update', { id: meeting.id, title: 'Rencontre au lycée' });
  });

  it('contributions.update d’un défi ne laisse pas une proposition répondre à autre chose qu’un défi de sa thématique', async () => {
    const world = await installPreset(h);
    const defi = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { kind: 'defi' }));
    await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { kind: 'proposition', parentId: defi.id }));
    await h.send('contributions.update', { id: defi.id, kind: 'attente' });
    await h.send('contributions.update', { id: defi.id, thematiqueId: world.thematique(2) });
    const all = (await h.ok('contributions.list', { campaignId: world.campaignId, limit: 500 })).items;
    for (const c of all.filter((x) => x.parentId !== null)) {
      const parent = all.find((p) => p.id === c.parentId)!;
      expect([parent.kind, parent.thematiqueId]).toEqual(['defi', c.thematiqueId]);
    }
  });

  it('campaigns.delete de la consultation active remet activeCampaignId à null', async () => {
    const world = await installPreset(h);
    await h.ok('settings.update', { activeCampaignId: world.campaignId });
    await h.ok('campaigns.delete', { id: world.campaignId });
    expect((await h.ok('settings.get', {})).activeCampaignId).toBeNull();
  });

  it('le refus d’un atelier d’une autre consultation ne présente pas l’identifiant interne comme un numéro de thématique', async () => {
    const egn = await installPreset(h, 'egn-2020');
    const old = await installPreset(h, 'concertation-2015', null);
    const foreign = old.thematique(1); // id 6, number 1: there is no « thématique n°6 » anywhere
    const error = await h.refuse('meetings.create', aMeeting(egn.campaignId, { ateliers: [{ thematiqueId: foreign }] }), {
      code: 'CONFLICT', message: 'n’appartient pas à cette consultation',
    });
    expect(error.message).not.toContain(`n°${foreign}`);
  });

  it('meetings.list : ni « % », ni « " », ni « * », ni « NEAR( » ne cassent la recherche ; sans mot, pas de recherche', async () => {
    const world = await installPreset(h);
    const exact = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Atelier 100% en ligne' }));
    const other = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Atelier en présentiel' }));
    for (const search of ['100%', '"100', '100*', '(100)', '-100', '100 "', "100 l'", '100:']) {
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, search })).items.map((m) => m.id), search).toEqual([exact.id]);
    }
    // « near » is a word like any other here, not FTS5's operator.
    expect((await h.ok('meetings.list', { campaignId: world.campaignId, search: 'NEAR(100' })).items).toEqual([]);
    expect((await h.ok('meetings.list', { campaignId: world.campaignId, search: '_' })).items.map((m) => m.id).sort()).toEqual([exact.id, other.id].sort());
  });

  it('meetings.list : la recherche ignore la casse des lettres accentuées (« école » trouve « École »)', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'École Jules Ferry' }));
    expect((await h.ok('meetings.list', { campaignId: world.campaignId, search: 'école', limit: 500 })).items).toEqual([meeting]);
  });

  it('synthesis.generate en échec (fichier impossible à écrire) ne laisse ni historique partiel ni fichier temporaire', async () => {
    const world = await installPreset(h);
    const outputDir = h.tempDir();
    mkdirSync(join(outputDir, 'Synthese_Nouvelle-Aquitaine_Thematique-2.docx')); // a folder where a file must go
    await h.refuse('synthesis.generate', { campaignId: world.campaignId, outputDir }, {
      code: 'FILE', message: 'Impossible d’écrire',
    });
    expect(readdirSync(outputDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
