/**
 * Issue 12, item 6: the regional synthesis of the demo catalogue read back by python-docx and held
 * against seed 004 (test/fixtures/seed-004-outline.json, taken from the seed in its order): every
 * heading, retex entry and link in order, and every figure of its Bilan.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue } from '../support/catalogue.ts';

type Item = { kind: 'p'; style: string; text: string; links: string[]; listItem: boolean } | { kind: 'table'; rows: string[][] };
type Entry = { heading: string } | { retex: number; filled: boolean } | { link: string };

const seed = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/seed-004-outline.json', import.meta.url)), 'utf8')) as {
  title: string; subtitle: string; outline: Entry[];
  bilan: { bassinMeetings: Record<string, number>; participants: Record<string, number>; departements: Record<string, number>; total: number; day: string };
};
/** Typography aside (the app prints French apostrophes and non-breaking spaces). */
const plain = (text: string) => text.replace(/[’]/g, "'").replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ').trim();

let items: Item[];

beforeAll(async () => {
  const { call, campaignId } = await demoCatalogue();
  const { documents } = await call('synthesis.generate', { campaignId, outputDir: mkdtempSync(join(tmpdir(), 'synthese-seed-')) });
  const script = fileURLToPath(new URL('../support/docx-outline.py', import.meta.url));
  items = JSON.parse(execFileSync('/usr/bin/python3', [script, documents[0]!.path], { encoding: 'utf8' })) as Item[];
});

/** The generated document's outline, as the fixture writes the seed's. */
function outline(): Entry[] {
  const entries: Entry[] = [];
  for (const item of items) {
    if (item.kind !== 'p') continue;
    if (/^Heading[12]$/.test(item.style)) entries.push({ heading: plain(item.text) });
    const retex = /^Retex (\d) :(.*)$/.exec(plain(item.text));
    if (retex) entries.push({ retex: Number(retex[1]), filled: retex[2]!.trim() !== '' });
    for (const link of item.links) if (!link.startsWith('mailto:')) entries.push({ link });
  }
  return entries;
}

describe('the regional synthesis held against seed 004', () => {
  it('has the seed’s title and subtitle', () => {
    const [title, subtitle] = items.filter((i): i is Extract<Item, { kind: 'p' }> => i.kind === 'p');
    expect([title!.style, plain(title!.text)]).toEqual(['Title', seed.title]);
    expect([subtitle!.style, plain(subtitle!.text)]).toEqual(['Subtitle', seed.subtitle]);
  });

  it('has every heading, retex entry and link of the seed, in the seed’s order', () => {
    const ours = outline();
    const expected = seed.outline.map((entry) => ('heading' in entry ? { heading: plain(entry.heading) } : entry));
    expect(ours).toEqual(expected);
  });

  it('has every figure of the seed’s Bilan', () => {
    const tables = items.filter((i): i is Extract<Item, { kind: 'table' }> => i.kind === 'table');
    /** A figure of the Bilan table whose header has `header`, for the row named `name`. */
    const row = (name: string, header: string) => {
      const table = tables.find((t) => t.rows[0]!.map(plain).includes(header))!;
      const column = table.rows[0]!.map(plain).indexOf(header);
      return Number(plain(table.rows.find((r) => plain(r[0]!) === name)![column]!).replace(/\s/g, ''));
    };
    for (const [academie, count] of Object.entries(seed.bilan.bassinMeetings)) expect(row(academie, 'Rencontres')).toBe(count);
    for (const [academie, count] of Object.entries(seed.bilan.participants)) expect(row(academie, 'Participants')).toBe(count);
    for (const [academie, count] of Object.entries(seed.bilan.departements)) expect(row(academie, 'Départements')).toBe(count);
    expect(row('Total', 'Participants')).toBe(seed.bilan.total);
    const text = items.map((i) => (i.kind === 'p' ? plain(i.text) : '')).join('\n');
    expect(text).toContain(`Au total, ${seed.bilan.total} personnes ont été mobilisées en présentiel le ${seed.bilan.day} 2020`);
  });
});
