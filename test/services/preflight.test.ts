import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { formatFindings } from '../../src-main/cli/format-bilan.ts';
import { checkMeeting, FINDINGS_PER_CODE } from '../../src-main/services/preflight.service.ts';
import { emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { aMeeting } from '../support/valid-inputs.ts';

describe('synthesis.preflight on the demo catalogues', () => {
  let demo: TestCatalogue;
  let egn: number;
  let kit: number;
  beforeAll(async () => {
    demo = emptyCatalogue();
    await loadDemos(demo.call);
    const campaigns = await demo.call('campaigns.list', {});
    egn = campaigns.find((c) => c.slug === 'egn-2020')!.id;
    kit = campaigns.find((c) => c.slug === 'concertation-2015')!.id;
  });

  it('lists what seed 004 itself shows: 4 retex for 3 slots, too few in thématiques 3 to 5, and the late restitutions', async () => {
    const { findings } = await demo.call('synthesis.preflight', { campaignId: egn });
    const messages = findings.map((f) => f.message);
    expect(messages).toContain('Thématique 1, retours d’expérience : 4 retex sélectionnés, la trame en prévoit 3 au plus. Tous seront imprimés : désélectionnez-en ou acceptez l’écart.');
    expect(messages.filter((m) => /Thématique [345], retours d’expérience : [01] retex sélectionné, la trame en demande au moins 2/.test(m))).toHaveLength(3);
    const late = findings.filter((f) => f.code === 'restitution-absente');
    expect(late).toHaveLength(3);
    for (const f of late) expect(f.target.kind).toBe('meeting');
    expect(findings.every((f) => f.severity === 'attention' || f.severity === 'information')).toBe(true);
  });

  it('narrows to the scope: one académie sees only its own late restitution', async () => {
    const { findings } = await demo.call('synthesis.preflight', { campaignId: egn, scope: 'academie:LIMOGES' });
    expect(findings.filter((f) => f.code === 'restitution-absente').map((f) => f.target.label)).toEqual([
      expect.stringContaining('Aubusson'),
    ]);
    // Below the région, no empty slot is printed: a thématique without retex prints no retex section.
    const missing = findings.filter((f) => f.code === 'retex-manquants').map((f) => f.message);
    expect(missing).toContain('Thématique 5, retours d’expérience : 0 retex sélectionné, la trame en demande au moins 2. La section ne sera pas imprimée.');
    expect(missing.some((m) => m.includes('emplacements vides'))).toBe(false);
  });

  it('says a text written for the région is not an académie’s, and where to write one', async () => {
    const { findings } = await demo.call('synthesis.preflight', { campaignId: egn, scope: 'academie:POITIERS' });
    expect(findings.filter((f) => f.code === 'texte-vide').map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^La section « Descriptif.* » n’est pas rédigée pour ce périmètre \(le texte écrit pour la région n’y est pas repris\) : elle ne sera pas imprimée\. Rédigez-la dans l’écran Trames/),
    );
    const region = await demo.call('synthesis.preflight', { campaignId: egn });
    expect(region.findings.filter((f) => f.code === 'texte-vide' && /Descriptif/.test(f.message))).toEqual([]);
  });

  it('checks in a département the académie-wide concertation its Bilan counts', async () => {
    const [limoges] = (await demo.call('meetings.list', { campaignId: egn, level: 'academique', academieCode: 'LIMOGES', limit: 500 })).items;
    const before = { restitutionReceived: limoges!.restitutionReceived };
    await demo.call('meetings.update', { id: limoges!.id, restitutionReceived: false });
    try {
      const { findings } = await demo.call('synthesis.preflight', { campaignId: egn, scope: 'departement:87' });
      expect(findings.filter((f) => f.code === 'restitution-absente').map((f) => f.target.id)).toContain(limoges!.id);
    } finally {
      await demo.call('meetings.update', { id: limoges!.id, ...before });
    }
  });

  it('catches in 2015: an élu after the période de réserve, categories over the total, a missing restitution', async () => {
    const { findings } = await demo.call('synthesis.preflight', { campaignId: kit, regionCode: 'NAQ' });
    const codes = findings.map((f) => f.code);
    expect(codes).toContain('elus-periode-reserve');
    expect(codes).toContain('categories-superieures');
    expect(codes).toContain('restitution-absente');
    const elu = findings.find((f) => f.code === 'elus-periode-reserve')!;
    expect(elu.message).toMatch(/17\sfévrier 2015.*en présence d’élus après le 8\sfévrier 2015 \(période de réserve\)/);
  });

  it('lists the first 20 findings of a kind and counts the others, so that a région of 6 000 meetings answers a page', async () => {
    const c = emptyCatalogue();
    await loadDemos(c.call);
    const campaignId = (await c.call('campaigns.list', {})).find((k) => k.slug === 'egn-2020')!.id;
    const late = async () => (await c.call('synthesis.preflight', { campaignId })).findings.filter((f) => f.code === 'restitution-absente').length;
    const before = await late();
    for (let i = 0; i < 30; i++) {
      await c.call('meetings.create', aMeeting(campaignId, { title: `Concertation ${i}`, departementCode: '33', restitutionReceived: false }));
    }
    const report = await c.call('synthesis.preflight', { campaignId });
    expect(report.findings.filter((f) => f.code === 'restitution-absente')).toHaveLength(FINDINGS_PER_CODE);
    expect(report.omitted.filter((o) => o.code === 'restitution-absente')).toEqual([
      { code: 'restitution-absente', severity: 'attention', count: before + 30 - FINDINGS_PER_CODE, label: 'rencontres sans restitution reçue' },
    ]);
    expect(formatFindings(report.findings, report.omitted)).toContain(`… et ${before + 30 - FINDINGS_PER_CODE} autres rencontres sans restitution reçue.`);
    c.db.close();
  });

  it('says how many the ateliers count beyond the meeting, in French at one participant too', () => {
    const campaign = { startDate: '2020-09-01', endDate: '2020-11-30', reserveDate: null };
    const meeting = (participants: number) => ({
      id: 1, title: 'Atelier', date: '2020-10-01', level: 'bassin' as const, departementCode: '33', declaredTotal: participants,
      attendance: {}, restitutionReceived: true, participants, ateliers: [{ participants: participants + 2 }],
    });
    expect(checkMeeting(meeting(1), campaign).map((f) => f.message)).toEqual([
      'Rencontre « Atelier » du 1er\u00A0octobre 2020 : les ateliers comptent 3 participants, plus que le participant de la rencontre.',
    ]);
    expect(checkMeeting(meeting(5), campaign)[0]!.message).toMatch(/plus que les 5 participants de la rencontre\.$/);
  });
});

describe('synthesis.preflight: what is still to read', () => {
  it('counts the contributions still à traiter and the groups still to examine, for information, pointing to their thématique', async () => {
    const t = emptyCatalogue();
    await loadDemos(t.call);
    const campaign = (await t.call('campaigns.list', {})).find((c) => c.slug === 'egn-2020')!;
    const th = (n: number) => campaign.thematiques.find((x) => x.number === n)!;
    const before = await t.call('synthesis.preflight', { campaignId: campaign.id });
    const codes = ['contributions-a-traiter', 'groupes-a-examiner'];
    const baseline = before.findings.filter((f) => codes.includes(f.code));
    const pendingOf = async (n: number) => (await t.call('restitutions.progress', { campaignId: campaign.id })).thematiques.find((x) => x.number === n)!;
    const start = await pendingOf(2);
    for (const text of ['Une tablette numérique pour chaque collégien', 'Équiper chaque collégien d’une tablette numérique', 'Ouvrir les cantines le samedi']) {
      await t.call('contributions.create', { campaignId: campaign.id, thematiqueId: th(2).id, kind: 'proposition', text, review: 'a_traiter', sourceMeetingIds: [] });
    }
    await t.call('groups.propose', { campaignId: campaign.id, thematiqueId: th(2).id, kind: 'proposition' });
    const now = await pendingOf(2);
    expect(now.pending).toBe(start.pending + 3);
    expect(now.groupsToReview).toBeGreaterThan(0);

    const one = await t.call('synthesis.preflight', { campaignId: campaign.id, thematique: 2 });
    const pending = one.findings.find((f) => f.code === 'contributions-a-traiter')!;
    expect(pending).toMatchObject({ severity: 'information', target: { kind: 'thematique', id: th(2).id } });
    expect(pending.message).toBe(`${now.pending} contributions encore à traiter. Ni retenues ni écartées, elles ne seront pas imprimées : relisez-les dans Contributions (filtre « À traiter ») si elles doivent compter. La génération reste possible.`);
    const groups = one.findings.find((f) => f.code === 'groupes-a-examiner')!;
    expect(groups).toMatchObject({ severity: 'information', target: { kind: 'thematique', id: th(2).id } });
    expect(groups.message).toMatch(new RegExp(`^${now.groupsToReview} regroupements? encore à examiner\\. Seuls les regroupements retenus comptent`));
    // The whole synthesis: one line each, counted per thématique.
    const all = await t.call('synthesis.preflight', { campaignId: campaign.id });
    const lines = all.findings.filter((f) => codes.includes(f.code));
    expect(lines.map((f) => f.code)).toEqual(codes);
    expect(lines[0]!.message).toContain(`thématique 2 : ${now.pending}`);
    expect(baseline.length).toBeLessThanOrEqual(2);
  });
});
