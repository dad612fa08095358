/** Issue 3's promises, checked on the demo catalogue: scopes, trames, styles, chart, preview, bytes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { docxPart, pdfText } from '../support/office.ts';
import { makeRectoratTemplate } from '../support/word-templates.ts';

let demo: TestCatalogue & { campaignId: number };
const outDir = () => mkdtempSync(join(tmpdir(), 'synthese-options-'));
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  demo = await demoCatalogue();
});

describe('scopes', () => {
  it('gives an académie its own Bilan, by département, with the académie-wide meeting as a row', async () => {
    const bordeaux = await demo.call('stats.bilan', { campaignId: demo.campaignId, scope: 'academie:BORDEAUX' });
    expect(bordeaux.scope).toEqual({ kind: 'academie', code: 'BORDEAUX', name: 'Bordeaux' });
    expect(bordeaux.rows.map((r) => r.code)).toEqual(['24', '33', '40', '47', '64']);
    expect(bordeaux.totals).toMatchObject({ participants: 425, bassinMeetings: 24, secondLevelMeetings: 5 });
    const limoges = await demo.call('stats.bilan', { campaignId: demo.campaignId, scope: 'academie:LIMOGES' });
    expect(limoges.rows.map((r) => [r.name, r.participants])).toEqual([
      ['Corrèze', 0], ['Creuse', 0], ['Haute-Vienne', 0], ['Concertation académique (toute l’académie)', 50],
    ]);
    const vienne = await demo.call('stats.bilan', { campaignId: demo.campaignId, scope: 'departement:86' });
    expect(vienne.rows).toHaveLength(1);
    expect(vienne.totals.participants).toBe(vienne.rows[0]!.participants);
  });

  it('gives a département of Limoges the académie-wide concertation that was its second level, said as such', async () => {
    const hauteVienne = await demo.call('stats.bilan', { campaignId: demo.campaignId, scope: 'departement:87' });
    expect(hauteVienne.rows.map((r) => [r.name, r.secondLevelMeetings, r.participants])).toEqual([
      ['Haute-Vienne', 0, 0], ['Concertation académique de Limoges (toute l’académie)', 1, 50],
    ]);
    expect(hauteVienne.totals).toMatchObject({ secondLevelMeetings: 1, participants: 50 });
    const { documents } = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: outDir(), scope: 'departement:87' });
    const text = flat(pdfText(documents[0]!.path));
    expect(text).toMatch(/Le département a pris part à la concertation académique du 14 octobre 2020, qui a réuni 50 personnes pour toute l.académie, en présentiel\./);
    expect(text).not.toMatch(/\b0 (concertation|personne)/);
    // No breakdown by category there: said, not silently left out.
    expect(text).toMatch(/Aucune rencontre de ce périmètre n.a donné de répartition de ses participants par catégorie\./);
    // The Haute-Vienne schools' retex, though shown at the académie-wide concertation.
    expect(text).toContain('Un ENT pour relier école maternelle et familles'); // Châlus
    expect(text).toContain('Une visite virtuelle du collège'); // Saint-Yrieix-la-Perche
    // The second-level table: the académie-wide row, no "Haute-Vienne 0" beside it; its long name
    // wraps, the headers and cells stay whole (not "Concertatio ns", "académiq ue").
    expect(text).not.toMatch(/Haute-Vienne 0 — 0/);
    expect(text).toContain('Département Concertations Niveau Participants');
    expect(text).toMatch(/\(toute 1 académique 50 l.académie\)/);
  });

  it('still lists a département at 0 where the others met on their own, beside an académie-wide plenary', async () => {
    const plenary = await demo.call('meetings.create', {
      campaignId: demo.campaignId, level: 'academique', title: 'Plénière académique de Bordeaux', date: '2020-10-14', lieu: 'Bordeaux',
      academieCode: 'BORDEAUX', declaredTotal: 40,
    });
    const [landes] = (await demo.call('meetings.list', { campaignId: demo.campaignId, level: 'departemental', departementCode: '40', limit: 500 })).items;
    const removed = await demo.call('meetings.delete', { id: landes!.id });
    try {
      const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'academie:BORDEAUX' });
      const secondLevel = html.slice(html.indexOf('Nombre de participants aux concertations'));
      expect(secondLevel).toMatch(/<th scope="row">Landes<\/th><td class="nombre">0<\/td>/);
      expect(secondLevel).toContain('Concertation académique (toute l’académie)');
    } finally {
      const { id, campaignId, level, title, date, lieu, format, departementCode, academieCode, declaredTotal, attendance, thematiqueIds, restitutionReceived } = landes!;
      await demo.call('meetings.restore', { id, campaignId, level, title, date, lieu, format, departementCode, academieCode, declaredTotal, attendance, thematiqueIds, restitutionReceived, links: removed.links });
      await demo.call('meetings.delete', { id: plenary.id });
    }
  });

  it('keeps in the région’s synthesis a guest school’s retex shown at one of its meetings, and in no département’s', async () => {
    const [gironde] = (await demo.call('meetings.list', { campaignId: demo.campaignId, level: 'departemental', departementCode: '33', limit: 500 })).items;
    const guest = await demo.call('etablissements.create', { uai: '0750001A', nom: 'Lycée invité', type: 'lycee', commune: 'Paris', departementCode: '75' });
    const t1 = (await demo.call('campaigns.get', { id: demo.campaignId })).thematiques[0]!.id;
    const retex = await demo.call('retex.create', {
      campaignId: demo.campaignId, thematiqueId: t1, title: 'Un lycée parisien en invité', text: 'Présenté à Bordeaux.',
      etablissementUai: guest.uai, sourceMeetingId: gironde!.id, links: [], selected: true,
    });
    try {
      const region = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'region' });
      expect(region.html).toContain('Un lycée parisien en invité');
      const departement = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'departement:33' });
      expect(departement.html).not.toContain('Un lycée parisien en invité');
    } finally {
      await demo.call('retex.delete', { id: retex.id });
      await demo.call('etablissements.delete', { uai: guest.uai });
    }
  });

  it('lists, in an académie held as one concertation, that concertation and not its départements at 0', async () => {
    const { documents } = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: outDir(), scope: 'academie:LIMOGES' });
    const text = flat(pdfText(documents[0]!.path));
    expect(text).toMatch(/Concertation académique \(toute l.académie\) 1 académique 50/);
    expect(text).not.toMatch(/Corrèze 0 — 0/);
    // Nor in the bassin table, where it has no bassin.
    expect(text).not.toMatch(/Concertation académique \(toute l.académie\) — 0/);
  });

  it('writes an académie’s synthesis with its own figures and only its meetings’ contributions', async () => {
    const { documents } = await demo.call('synthesis.generate', {
      campaignId: demo.campaignId, outputDir: outDir(), scope: 'academie:POITIERS', thematique: 1,
    });
    expect(documents.map((d) => d.fileName)).toEqual(['Synthese_Academie-Poitiers_Thematique-1.docx']);
    expect(documents[0]!.scope).toBe('academie:POITIERS');
    const text = flat(pdfText(documents[0]!.path));
    expect(text).toContain('Synthèse académique — académie de Poitiers');
    expect(text).toContain('Académie de Poitiers');
    const contributions = (await demo.call('contributions.list', { campaignId: demo.campaignId, selection: 'retenu', limit: 500 })).items;
    const meetings = (await demo.call('meetings.list', { campaignId: demo.campaignId, academieCode: 'POITIERS', limit: 500 })).items;
    const poitiers = new Set(meetings.map((m) => m.id));
    const t1 = (await demo.call('campaigns.get', { id: demo.campaignId })).thematiques[0]!.id;
    const mine = contributions.filter((c) => c.thematiqueId === t1 && c.kind === 'etat_des_lieux' && c.sourceMeetingIds.some((id) => poitiers.has(id)));
    const others = contributions.filter((c) => c.thematiqueId === t1 && c.kind === 'etat_des_lieux' && !c.sourceMeetingIds.some((id) => poitiers.has(id)));
    expect(mine.length + others.length).toBeGreaterThan(0);
    const fragment = (s: string) => flat(s).replace(/\*\*/g, '').slice(0, 40);
    for (const c of mine) expect(text).toContain(fragment(c.text));
    for (const c of others) expect(text).not.toContain(fragment(c.text));
  });
});

describe('trames', () => {
  it('follows an edited trame: sections reordered, one removed, a title renamed', async () => {
    const [preset] = await demo.call('trames.list', { campaignId: demo.campaignId });
    const copy = await demo.call('trames.duplicate', { id: preset!.id, name: 'Trame resserrée' });
    const byKey = Object.fromEntries(copy.sections.map((s) => [s.key, s]));
    const sections = [byKey.descriptif!, byKey.defis_propositions!, { ...byKey.etat_des_lieux!, title: 'Constats partagés' }];
    await demo.call('trames.update', { id: copy.id, sections });
    const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, trameId: copy.id, thematique: 2 });
    const headings = [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]!.replace(/\u00A0/g, ' '));
    expect(headings).toEqual(['1. Défis à relever et propositions identifiées par la région académique et les établissements.', '2. Constats partagés']);
    // The preset itself is untouched.
    expect((await demo.call('trames.get', { id: preset!.id })).sections.map((s) => s.key)).toEqual(preset!.sections.map((s) => s.key));
  });

  it('refuses a trame that refers to what does not exist, in French', async () => {
    await expect(demo.call('trames.create', {
      campaignId: 999, name: 'x', title: 'x', sections: [],
    })).rejects.toThrow(/Consultation introuvable/);
    await expect(demo.call('trames.create', {
      name: 'x', title: 'x', sections: [{ key: 'a', scope: 'thematique', title: 'A', source: 'contributions', contributionKinds: ['souhait' as never] }],
    })).rejects.toThrow(/Saisie refusée/);
    await expect(demo.call('trames.create', {
      name: 'x', title: 'x', sections: [{ key: 'a', scope: 'thematique', title: 'A', source: 'bilan' }],
    })).rejects.toThrow(/le bilan des rencontres se place une fois, dans le document/);
  });
});

describe('the Word document', () => {
  let whole: string;
  let again: Buffer;
  beforeAll(async () => {
    const first = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: outDir() });
    whole = first.documents[0]!.path;
    const second = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: outDir() });
    again = readFileSync(second.documents[0]!.path);
  });

  it('is byte-identical from one generation to the next, and logged with its checksum', async () => {
    expect(readFileSync(whole).equals(again)).toBe(true);
    const history = await demo.call('documents.list', { campaignId: demo.campaignId });
    expect(history[0]!.sha256).toBe(history[6]!.sha256);
    const core = await docxPart(whole, 'docProps/core.xml');
    expect(core).not.toContain(new Date().toISOString().slice(0, 10) + 'T00:00:00'); // no wall clock (sanity)
    expect(core).toMatch(/<dcterms:created[^>]*>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/dcterms:created>/);
  });

  it('carries the Bilan chart as an image (SVG with its PNG fallback)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(whole));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).sort();
    expect(media.some((n) => n.endsWith('.svg'))).toBe(true);
    expect(media.some((n) => n.endsWith('.png'))).toBe(true);
    const svg = await zip.file(media.find((n) => n.endsWith('.svg'))!)!.async('string');
    expect(svg).toContain('Bordeaux');
    expect(flat(pdfText(whole))).toContain('Participants et rencontres par académie');
  });

  it('shows in the preview what the document says, heading for heading', async () => {
    const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId });
    const previewHeadings = [...html.matchAll(/<h[23]>([^<]+)<\/h[23]>/g)].map((m) => m[1]!);
    const documentXml = await docxPart(whole, 'word/document.xml');
    const docHeadings = [...documentXml.matchAll(/<w:pStyle w:val="Heading[12]"\/>.*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&apos;/g, "'").replace(/&quot;/g, '"');
    expect(previewHeadings.map(decode)).toEqual(docHeadings.map(decode));
    expect(previewHeadings.length).toBeGreaterThan(20);
    expect(html).toContain('<svg');
  });
});

describe('figures quoted in written texts', () => {
  it('follow the catalogue: a descriptif never contradicts the Bilan after a meeting is added', async () => {
    const before = (await demo.call('synthesis.preview', { campaignId: demo.campaignId })).html;
    expect(before).toContain('10 concertations se sont tenues');
    await demo.call('meetings.create', { campaignId: demo.campaignId, level: 'departemental', departementCode: '33', title: 'Seconde session', date: '2020-10-15', declaredTotal: 20 });
    const after = (await demo.call('synthesis.preview', { campaignId: demo.campaignId })).html;
    expect(after).toContain('11 concertations se sont tenues');
    // Two days, said as French says them after « le »: {{le_date_second_niveau}}.
    expect(after).toContain('Second niveau, les 14 et 15\u00A0octobre 2020');
    const { findings } = await demo.call('synthesis.preflight', { campaignId: demo.campaignId });
    expect(findings.find((f) => f.code === 'concertations-multiples')?.message).toMatch(/Le département 33 compte 2 concertations départementales/);
  });
});

describe('Word style templates', () => {
  it('dresses the synthesis in the rectorat’s styles and header logo', async () => {
    const template = makeRectoratTemplate(outDir());
    const style = await demo.call('styles.import', { path: template });
    const { documents } = await demo.call('synthesis.generate', {
      campaignId: demo.campaignId, outputDir: outDir(), thematique: 2, styleTemplateId: style.id,
    });
    const styles = await docxPart(documents[0]!.path, 'word/styles.xml');
    expect(styles).toContain('Liberation Serif');
    expect(styles).toContain('Liberation Sans');
    const zip = await JSZip.loadAsync(readFileSync(documents[0]!.path));
    const header = Object.keys(zip.files).find((n) => /^word\/header\d*\.xml$/.test(n));
    expect(header).toBeDefined();
    expect(await zip.file(header!)!.async('string')).toContain('<pic:pic');
    expect(flat(pdfText(documents[0]!.path))).toContain('Thématique 2');
  });

  it('refuses a file that is not a Word document, saying which', async () => {
    const dir = outDir();
    const path = join(dir, 'notes.docx');
    writeFileSync(path, 'pas un document Word');
    await expect(demo.call('styles.import', { path })).rejects.toThrow(/notes\.docx/);
  });
});

describe('figures written out by hand', () => {
  it('are flagged by the pre-flight when the catalogue no longer agrees', async () => {
    const { call, campaignId } = demo;
    const [trame] = await call('trames.list', { campaignId });
    const descriptif = trame!.sections.find((s) => s.scope === 'document' && s.source === 'text')!;
    const { totals } = await call('stats.bilan', { campaignId });
    const text = `Au total, ${totals.participants - 50} personnes et ${totals.secondLevelMeetings} concertations.`;
    await call('sectionTexts.set', { campaignId, sectionKey: descriptif.key, thematiqueId: null, text });
    const { findings } = await call('synthesis.preflight', { campaignId });
    const stale = findings.filter((f) => f.code === 'chiffre-perime');
    expect(stale.map((f) => f.message)).toEqual([
      expect.stringMatching(new RegExp(`^La section « .+ » écrit « ${totals.participants - 50} personnes », le bilan en compte ${totals.participants} : corrigez le texte, ou écrivez \\{\\{participants\\}\\}`)),
    ]);
  });
});
