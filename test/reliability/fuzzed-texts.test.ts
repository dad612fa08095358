/**
 * Fuzzed texts in every free-text field, through the contract (issue 10, part 6): control characters,
 * U+FFFE/U+FFFF, lone surrogates, RTL marks, emoji, long texts, formula-looking (`=cmd|…`) and
 * XML-looking (`<w:p>`) texts, drawn by fast-check from a printed seed. A text the contract refuses
 * (forbidden characters) is refused in French with the catalogue unchanged, and its cleaned form
 * (cleanForXml, the app's own) is then accepted; every stored text must come out in the documents
 * generated from it — the synthesis .docx, the Bilan .xlsx, the 2015 kit's .docx — each opened by
 * LibreOffice (two soffice runs in all).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogue, type Catalogue } from '../../src-main/catalogue/database.ts';
import type { AppErrorPayload } from '../../src-main/contract/errors.ts';
import type { OperationInput, OperationName, OperationOutput } from '../../src-main/contract/operations.ts';
import type { ServiceContext } from '../../src-main/services/context.ts';
import { handlers } from '../../src-main/services/handlers.ts';
import { cleanForXml, findForbiddenCharacter } from '../../src-main/text/clean.ts';
import { dispatch } from '../../src-main/transport/dispatch.ts';
import { FIXED_NOW } from '../support/catalogue.ts';
import { catalogueChecksum, frenchProblems, htmlText, libreOfficeConvertAll, runSeed } from '../support/reliability.ts';
import { aCampaign } from '../support/valid-inputs.ts';

/** Pieces the fuzzed texts are drawn from: what broke documents elsewhere, and ordinary French. */
const HOSTILE_INLINE = [
  '\u0001', '\u0007', '\u001B', '\u007F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', // refused by the contract, cleaned
  '\u200F', '\u202E', '\u2066', '\u200B', // bidi and zero-width marks
  '👩🏽‍🏫', '🇫🇷', '🧪', // emoji (several code points)
  "=cmd|' /C calc'!A0", '+SUM(1;2)', '-2+3', '@SUM(A1)', // formula-looking
  '<w:p><w:r><w:t>injecté</w:t></w:r></w:p>', ']]>', '&amp; &lt;', '<script>alert(1)</script>', // XML-looking
  'élève', 'Île-de-France', 'l’école', 'œuvre', 'numérique', 'Ω≈ç√', '漢字',
];
const HOSTILE_TEXT = [...HOSTILE_INLINE, '\n', '\t'];

const seed = runSeed('textes fuzzés');
let sample = 0;
/** A fuzzed text: a marker (to find it), then pieces drawn by fast-check, `minLength` characters at least. */
function fuzz(kind: 'label' | 'text', maxLength: number, minLength = 0): string {
  const pieces = fc.sample(fc.array(fc.constantFrom(...(kind === 'label' ? HOSTILE_INLINE : HOSTILE_TEXT)), { minLength: 3, maxLength: 9 }), { seed: seed + ++sample, numRuns: 1 })[0]!;
  let text = `Zq${sample}x ${pieces.join(' ')}`;
  while (text.length < minLength) text += ` ${fc.sample(fc.constantFrom(...HOSTILE_TEXT.filter((p) => !/[\uD800-\uDFFF]/.test(p) || p.length > 1)), { seed: seed + text.length, numRuns: 1 })[0]!} phrase ${text.length}`;
  return [...text].slice(0, maxLength).join('');
}

type Doc = 'synthese' | 'bilan' | 'kit';
interface Stored {
  field: string;
  typed: string;
  stored: string;
  refusal: string | null;
  docs: Doc[];
}

let root: string;
let db: Catalogue;
let ctx: ServiceContext;
const stored: Stored[] = [];
const refusalProblems: string[] = [];
const texts: Record<Doc, string> = { synthese: '', bilan: '', kit: '' };
let produced: { docx: number; xlsx: number } = { docx: 0, xlsx: 0 };

async function ok<N extends OperationName>(name: N, payload: OperationInput<N>): Promise<OperationOutput<N>> {
  const envelope = await dispatch(handlers, ctx, name, payload, { validateOutput: true });
  if (!envelope.ok) throw new Error(`« ${name} » aurait dû réussir : ${JSON.stringify(envelope.error)}`);
  return envelope.value as OperationOutput<N>;
}

/**
 * Sends `payload(text)`: a text with forbidden characters must be refused (French, located, nothing
 * written), then its cleaned form accepted. Returns the answer; `read` gives what was stored.
 */
async function put<N extends OperationName>(
  field: string, typed: string, docs: Doc[], name: N, payload: (text: string) => OperationInput<N>, read: (value: OperationOutput<N>) => string,
): Promise<OperationOutput<N>> {
  let refusal: string | null = null;
  let text = typed;
  if (findForbiddenCharacter(typed)) {
    const before = catalogueChecksum(db);
    const envelope = await dispatch(handlers, ctx, name, payload(typed), { validateOutput: true });
    if (envelope.ok) {
      refusalProblems.push(`${field} : texte avec ${findForbiddenCharacter(typed)!.code} accepté`);
    } else {
      const error = envelope.error as AppErrorPayload;
      refusal = [error.message, ...(error.issues ?? []).map((i) => `${i.path} : ${i.message}`)].join('\n');
      const problems = frenchProblems(refusal, /caractère[\s\S]*U\+[0-9A-F]{4}/);
      if (error.code !== 'INVALID_INPUT') problems.push(`code ${error.code}`);
      if (catalogueChecksum(db) !== before) problems.push('catalogue modifié par le refus');
      if (problems.length > 0) refusalProblems.push(`${field} : ${problems.join(', ')} — ${refusal.slice(0, 200)}`);
    }
    text = cleanForXml(typed);
  }
  const value = await ok(name, payload(text));
  stored.push({ field, typed, stored: read(value), refusal, docs });
  return value;
}

/** Spaces of every kind, invisible marks and apostrophes set aside: what a reader of the document sees. */
function squash(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
    .replace(/[\s\u00A0\u202F\u2009]+/g, '')
    .replace(/[’‘`]/g, "'");
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'synthese-fuzz-'));
  db = openCatalogue(':memory:');
  ctx = { db, now: () => FIXED_NOW, documentsDir: root };
  await ok('identity.setup', { regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });

  // ── The campaign and what its synthesis prints ──
  // The contact goes in the running footer, which LibreOffice's text export leaves out: checked as kept.
  await put('settings.contact', fuzz('text', 300), [], 'settings.update', (t) => ({ regionCode: 'NAQ', contact: t }), (v) => v.contact);
  // The campaign's title is printed nowhere (the trame's is the document's): stored, checked as kept.
  const campaign = await put('campaigns.title', fuzz('label', 300), [], 'campaigns.create', (t) => aCampaign({
    title: t, shortTitle: 'Fuzz 2021', description: 'Consultation fuzzée.',
    thematiques: [{ number: 1, title: 'Accès au numérique', sujets: ['Débits'] }, { number: 2, title: 'Enseigner avec le numérique' }],
  }), (v) => v.title);
  const campaignId = campaign.id;
  await put('campaigns.description', fuzz('text', 5_000, 1_500), [], 'campaigns.update', (t) => ({ id: campaignId, description: t }), (v) => v.description);
  const [t1, t2] = campaign.thematiques;
  await put('thematiques.title', fuzz('label', 300), ['synthese'], 'thematiques.update', (t) => ({ id: t1!.id, title: t }), (v) => v.title);
  await put('thematiques.sujets', fuzz('label', 300), [], 'thematiques.update', (t) => ({ id: t2!.id, sujets: [t] }), (v) => v.sujets[0]!);
  await ok('settings.update', { activeCampaignId: campaignId });

  const trame = await put('trames.title', fuzz('label', 300), ['synthese'], 'trames.create', (t) => ({
    campaignId, name: 'Trame fuzzée', title: t,
    sections: [
      { key: 'introduction', scope: 'document', title: 'Introduction', source: 'text' },
      { key: 'bilan', scope: 'document', title: 'Bilan des rencontres', source: 'bilan' },
      { key: 'constats', scope: 'thematique', title: 'Constats', source: 'contributions', contributionKinds: ['etat_des_lieux'] },
      { key: 'retex', scope: 'thematique', title: 'Retours d’expérience', source: 'retex', retexMax: 5 },
    ],
  }), (v) => v.title);
  await put('trames.sections.title', fuzz('label', 500), ['synthese'], 'trames.update', (t) => ({ id: trame.id, sections: trame.sections.map((s) => (s.key === 'constats' ? { ...s, title: t } : s)) }), (v) => v.sections.find((s) => s.key === 'constats')!.title);
  await put('trames.subtitle', fuzz('label', 300), ['synthese'], 'trames.update', (t) => ({ id: trame.id, subtitle: t }), (v) => v.subtitle);
  await put('sectionTexts.text', fuzz('text', 50_000, 6_000), ['synthese'], 'sectionTexts.set', (t) => ({ campaignId, sectionKey: 'introduction', thematiqueId: null, text: t }), (v) => v.text);

  // ── Meetings (the Bilan workbook lists them), retex, contributions ──
  const meetingIds: number[] = [];
  for (const [i, departementCode] of (['33', '86'] as const).entries()) {
    const meeting = await put(`meetings.title (${i + 1})`, fuzz('label', 300), ['bilan'], 'meetings.create', (t) => ({
      campaignId, level: 'departemental', title: t, date: `2021-02-0${i + 1}`, departementCode, declaredTotal: 30 + i, thematiqueIds: [t1!.id],
    }), (v) => v.title);
    meetingIds.push(meeting.id);
    await put(`meetings.lieu (${i + 1})`, fuzz('text', 300), ['bilan'], 'meetings.update', (t) => ({ id: meeting.id, lieu: t }), (v) => v.lieu);
  }
  for (const [i, thematique] of [t1!, t2!].entries()) {
    const retex = await put(`retex.title (${i + 1})`, fuzz('label', 300), ['synthese'], 'retex.create', (t) => ({
      campaignId, thematiqueId: thematique.id, title: t, text: 'Texte.', selected: true, sourceMeetingId: meetingIds[0],
    }), (v) => v.title);
    await put(`retex.text (${i + 1})`, fuzz('text', 5_000, 3_000), ['synthese'], 'retex.update', (t) => ({ id: retex.id, text: t }), (v) => v.text);
    await put(`contributions.text (${i + 1})`, fuzz('label', 10_000, i === 0 ? 4_000 : 0), ['synthese'], 'contributions.create', (t) => ({
      campaignId, thematiqueId: thematique.id, kind: 'etat_des_lieux', text: t, sourceMeetingIds: [meetingIds[i]!],
    }), (v) => v.text);
  }

  // ── The 2015 kit: an établissement's meeting, its ateliers' défis, a proposition ──
  const kit = await ok('campaigns.installPreset', { slug: 'concertation-2015' });
  const kitThematique = (n: number) => kit.thematiques.find((t) => t.number === n)!.id;
  await put('etablissements.nom', fuzz('label', 200), ['kit'], 'etablissements.create', (t) => ({
    uai: '0860034V', nom: t, type: 'lycee', commune: 'Poitiers', departementCode: '86',
  }), (v) => v.nom);
  const kitMeeting = await put('meetings.ateliers.defi', fuzz('text', 2_000), ['kit'], 'meetings.create', (t) => ({
    campaignId: kit.id, level: 'etablissement', etablissementUai: '0860034V', date: '2015-02-04', title: 'Rencontre au lycée',
    thematiqueIds: [kitThematique(1), kitThematique(4)], declaredTotal: 30,
    ateliers: [{ thematiqueId: kitThematique(1), defi: t }, { thematiqueId: kitThematique(4), defi: 'Comment ?' }],
  }), (v) => v.ateliers[0]!.defi);
  await put('contributions.text (2015)', fuzz('label', 2_000), ['kit'], 'contributions.create', (t) => ({
    campaignId: kit.id, thematiqueId: kitThematique(4), kind: 'proposition', text: t, sourceMeetingIds: [kitMeeting.id],
  }), (v) => v.text);

  // ── The documents, then LibreOffice: every .docx in one run, the workbook in another ──
  const out = join(root, 'documents');
  mkdirSync(out);
  await ok('settings.update', { activeCampaignId: campaignId });
  const synthesis = await ok('synthesis.generate', { campaignId, trameId: trame.id, outputDir: out });
  const bilan = await ok('spreadsheets.exportBilan', { campaignId, outputPath: join(out, 'bilan.xlsx') });
  const kitOut = join(root, 'kit');
  mkdirSync(kitOut);
  const { archives } = await ok('kit2015.generate', { campaignId: kit.id, outputDir: kitOut });
  const kitFiles: string[] = [];
  for (const archive of archives) {
    const zip = await JSZip.loadAsync(readFileSync(join(kitOut, archive.document.fileName)));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.docx'))) {
      const path = join(kitOut, `kit-${kitFiles.length + 1}.docx`);
      writeFileSync(path, await zip.files[name]!.async('nodebuffer'));
      kitFiles.push(path);
    }
  }
  const synthesisFiles = synthesis.documents.map((d) => d.path);
  const docx = libreOfficeConvertAll([...synthesisFiles, ...kitFiles], 'txt:Text (encoded):UTF8', 'txt').map((p) => readFileSync(p, 'utf8'));
  texts.synthese = docx.slice(0, synthesisFiles.length).join('\n');
  texts.kit = docx.slice(synthesisFiles.length).join('\n');
  texts.bilan = htmlText(readFileSync(libreOfficeConvertAll([bilan.path], 'html', 'html')[0]!, 'utf8'));
  produced = { docx: synthesisFiles.length + kitFiles.length, xlsx: 1 };
  process.stdout.write(`[textes fuzzés] graine ${seed} : ${stored.length} champs, ${stored.filter((s) => s.refusal).length} refus puis textes nettoyés, ${produced.docx} .docx et ${produced.xlsx} .xlsx relus par LibreOffice\n`);
}, 300_000);

afterAll(() => {
  db?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe(`textes fuzzés dans chaque champ libre (graine ${seed})`, () => {
  it('texts with forbidden characters are refused in French, pointing at the character, nothing written; their cleaned form is kept', () => {
    expect(refusalProblems).toEqual([]);
    expect(stored.length).toBeGreaterThanOrEqual(20);
    for (const s of stored) {
      expect(findForbiddenCharacter(s.stored), s.field).toBeNull();
      // What is kept is what was typed, cleaned (and, for a one-line label, its line breaks as spaces).
      expect(squash(s.stored), s.field).toBe(squash(cleanForXml(s.typed)));
    }
  });

  it('LibreOffice opened every document produced', () => {
    expect(produced.docx).toBeGreaterThanOrEqual(5);
    expect(produced.xlsx).toBe(1);
    for (const doc of ['synthese', 'bilan', 'kit'] as const) expect(texts[doc].length, doc).toBeGreaterThan(200);
  });

  for (const doc of ['synthese', 'bilan', 'kit'] as const) {
    it(`every stored text printed in the ${doc === 'synthese' ? 'synthesis (.docx)' : doc === 'bilan' ? 'Bilan workbook (.xlsx)' : '2015 kit (.docx)'} comes out whole`, () => {
      const inDocument = squash(texts[doc]);
      const missing = stored.filter((s) => s.docs.includes(doc) && !inDocument.includes(squash(s.stored)))
        .map((s) => `${s.field} : ${JSON.stringify(s.stored.slice(0, 120))}`);
      expect(stored.filter((s) => s.docs.includes(doc)).length).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });
  }
});
