import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../src-main/contract/schemas/reports.ts';
import { demoCatalogue } from '../support/catalogue.ts';
import { hyperlinkTargets, pdfText } from '../support/office.ts';

const THEMATIQUES = [
  'Thématique 1 : Un égal accès au numérique pour tous / Fracture numérique',
  'Thématique 2 : Enseigner et apprendre avec le numérique',
  'Thématique 3 : Travailler ensemble autrement / Culture numérique professionnelle commune',
  'Thématique 4 : Un numérique responsable et souverain',
  'Thématique 5 : Gouvernance et anticipation',
];
const SECTIONS = [
  '1. État des lieux',
  '2. Principales actions et acteurs mobilisés',
  '3. Description de 2 à 3 retours d\'expérience',
  '4. Défis à relever et propositions identifiées',
];
/** Seed 004 words the « actions » heading per thématique (the trame's `titleByThematique`). */
const ACTIONS = ['Principales actions et acteurs mobilisés', 'Principales actions et acteurs à mobiliser', 'Actions à conduire et acteurs à mobiliser', 'Actions et acteurs mobilisés', 'Principales actions et acteurs mobilisés'];
const sectionsOf = (n: number) => SECTIONS.map((s, i) => (i === 1 ? `2. ${ACTIONS[n - 1]}` : s));

/** Positions of `needles` in `haystack`, in order; fails on the first one missing after the previous. */
function inOrder(haystack: string, needles: string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const at = haystack.indexOf(needle, from);
    expect(at, `« ${needle} » absent (ou hors ordre)`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
    return at;
  });
}

/** pdftotext wraps long lines: compare texts with all whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('regional synthesis of the demo catalogue, read back by LibreOffice', () => {
  let documents: GeneratedDocument[];
  let whole: string;

  beforeAll(async () => {
    const { call, campaignId } = await demoCatalogue();
    const outputDir = mkdtempSync(join(tmpdir(), 'synthese-docx-'));
    ({ documents } = await call('synthesis.generate', { campaignId, outputDir }));
    whole = flat(pdfText(documents[0]!.path));
  });

  it('writes the whole synthesis and one file per thématique, named after the région', () => {
    expect(documents.map((d) => d.fileName)).toEqual([
      'Synthese_Nouvelle-Aquitaine.docx',
      ...[1, 2, 3, 4, 5].map((n) => `Synthese_Nouvelle-Aquitaine_Thematique-${n}.docx`),
    ]);
  });

  it('defines every style it uses once, with Normal as the default paragraph style (python-docx reads them)', () => {
    const script = [
      'import sys, docx, collections',
      'd = docx.Document(sys.argv[1])',
      'ids = collections.Counter(s.style_id for s in d.styles)',
      'print([i for i, n in ids.items() if n > 1])',
      'print(sorted({p.style.name for p in d.paragraphs}))',
    ].join('\n');
    const [twice, used] = execFileSync('/usr/bin/python3', ['-c', script, documents[0]!.path], { encoding: 'utf8' }).trim().split('\n');
    expect(twice).toBe('[]');
    expect(used).toBe("['Heading 1', 'Heading 2', 'List Paragraph', 'Normal', 'Note', 'Subtitle', 'Title']");
  });

  it('keeps a caption with its table and a retex with its links on one page; figures right, words left (python-docx reads it)', () => {
    const script = [
      'import sys, json, docx',
      'd = docx.Document(sys.argv[1])',
      'keep = lambda start: [bool(p.paragraph_format.keep_with_next) for p in d.paragraphs if p.text.startswith(start)]',
      'entry = next(i for i, p in enumerate(d.paragraphs) if p.text.startswith("Retex 1") and "Un lieu de formation" in p.text)',
      'bassins = d.tables[0]',
      'align = lambda cell: str(cell.paragraphs[0].alignment)',
      'print(json.dumps({',
      '  "caption": keep("Nombre de rencontres ZAP"),',
      '  "retex": [bool(p.paragraph_format.keep_with_next) for p in d.paragraphs[entry:entry + 3]],',
      '  "retexTexts": [p.text.replace("\\u00a0", " ").replace("\\u202f", " ")[:12] for p in d.paragraphs[entry:entry + 3]],',
      '  "row": [c.text for c in bassins.rows[1].cells],',
      '  "aligns": [align(c) for c in bassins.rows[1].cells],',
      '}))',
    ].join('\n');
    const found = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, documents[0]!.path], { encoding: 'utf8' }));
    expect(found.caption).toEqual([true]);
    // Its title and text, its niveau, its one link: the first two kept with what follows, the last free.
    expect(found.retexTexts).toEqual(['Retex 1 : Un', 'Niveau : col', 'Vidéo de Mon']);
    expect(found.retex).toEqual([true, true, false]);
    expect(found.row).toEqual(['Bordeaux', 'ZAP', '24']);
    expect(found.aligns).toEqual(['LEFT (0)', 'LEFT (0)', 'RIGHT (2)']);
  });

  it('opens with the title, the descriptif and the Bilan des rencontres', () => {
    inOrder(whole, [
      'Concertation sur les États généraux du numérique territorialisés',
      'Synthèse de région académique',
      'Descriptif de la concertation',
      'Bilan des rencontres',
      'Nombre de rencontres ZAP / ECLORE',
    ]);
  });

  it('carries every figure of seed 004\'s Bilan, computed from the catalogue', () => {
    const bilan = whole.slice(whole.indexOf('Bilan des rencontres'), whole.indexOf('Thématique 1 :'));
    expect(bilan).toMatch(/Bordeaux ZAP 24/);
    expect(bilan).toMatch(/Limoges ZAP 14/);
    expect(bilan).toMatch(/Poitiers ECLORE 29/);
    expect(bilan).toMatch(/Total 67/);
    expect(bilan).toMatch(/14 octobre 2020/);
    expect(bilan).toMatch(/Bordeaux 5 départemental 5 425/);
    expect(bilan).toMatch(/Limoges 1 académique — 50/);
    expect(bilan).toMatch(/Poitiers 4 départemental 4 325/);
    expect(bilan).toMatch(/Total 10 9 800/);
    expect(bilan).toMatch(/Au total, 800 personnes ont été mobilisées en présentiel le 14 octobre 2020, dans 10 concertations de second niveau\./);
  });

  it('has the five thématiques in order, each with the trame\'s four sections in order and its closing note', () => {
    const starts = inOrder(whole, THEMATIQUES);
    starts.forEach((start, index) => {
      const part = whole.slice(start, starts[index + 1] ?? whole.length);
      inOrder(part, [...sectionsOf(index + 1), 'Note : des pièces jointes peuvent être transmises']);
    });
  });

  it('numbers the retex and keeps the trame\'s empty slots (seed 004: "Retex 2 :" left blank)', () => {
    const starts = inOrder(whole, THEMATIQUES);
    const part = (n: number) => whole.slice(starts[n - 1]!, starts[n] ?? whole.length);
    expect(part(1)).toMatch(/Retex 4 : \S/);
    expect(part(2)).toMatch(/Retex 3 : \S/);
    expect(part(3)).toMatch(/Retex 1 : Une visite virtuelle/i);
    expect(part(3)).toMatch(/Retex 2 : Retex 3 : 4\. Défis/);
    expect(part(4)).toMatch(/Retex 1 : Retex 2 : Retex 3 : 4\. Défis/);
    expect(part(5)).toMatch(/Retex 1 : Retex 2 : Retex 3 : 4\. Défis/);
  });

  it('makes every link of seed 004 a clickable hyperlink', async () => {
    const expected = readFileSync(join(__dirname, '../fixtures/seed-004-links.txt'), 'utf8').trim().split('\n');
    expect(expected).toHaveLength(11);
    const targets = await hyperlinkTargets(documents[0]!.path);
    expect([...targets].sort()).toEqual([...expected].sort());
  });

  it('prints the running footer with the région and its role contact on the pages', () => {
    expect(whole).toContain('Région académique Nouvelle-Aquitaine');
    expect(whole).toContain('Contact : dane@region-academique-nouvelle-aquitaine.fr');
    expect(whole).toMatch(/Page 2 \/ \d+/);
  });

  it('writes one thématique alone in its own file', () => {
    const third = flat(pdfText(documents[3]!.path));
    expect(third).toContain(THEMATIQUES[2]);
    expect(third).not.toContain('Thématique 1 :');
    expect(third).not.toContain('Bilan des rencontres');
    inOrder(third, sectionsOf(3));
  });
});
