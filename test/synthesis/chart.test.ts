import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bilan } from '../../src-main/contract/schemas/reports.ts';
import { bilanChartSvg, svgToPng } from '../../src-main/synthesis/chart.ts';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { demoCatalogue, emptyCatalogue } from '../support/catalogue.ts';

const NNBSP = '\u202F';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Strict XML parse (expat, through Python's minidom); returns the root element's name and attributes. */
function parseXml(svg: string): { root: string; attributes: Record<string, string> } {
  const script = [
    'import json, sys, xml.dom.minidom',
    'root = xml.dom.minidom.parseString(sys.stdin.buffer.read()).documentElement',
    'print(json.dumps({"root": root.tagName, "attributes": dict(root.attributes.items())}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script], { input: svg, encoding: 'utf8' }));
}

/** Width and height from the IHDR chunk, which always follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The text nodes of the SVG, unescaped. */
function texts(svg: string): string[] {
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));
}

function bilanOf(rows: Array<[name: string, bassin: number, second: number, participants: number]>): Bilan {
  const zero = {
    departements: 0, meetingsWithDeclaredTotal: 0, meetingsCountedByCategories: 0, meetingsWithoutFigure: 0,
    etablissementMeetings: 0, etablissementParticipants: 0,
  };
  const sum = (k: 1 | 2 | 3) => rows.reduce((s, r) => s + r[k], 0);
  return {
    campaignId: 1,
    regionCode: 'NAQ',
    regionName: 'Nouvelle-Aquitaine',
    scope: { kind: 'region', code: 'NAQ', name: 'Nouvelle-Aquitaine' },
    rowKind: 'academie',
    rows: rows.map(([name, bassin, second, participants], i) => ({
      ...zero,
      code: `ACAD-${String.fromCharCode(65 + i)}`,
      name,
      bassinKinds: ['ZAP'],
      academiqueLevel: false,
      bassinMeetings: bassin,
      secondLevelMeetings: second,
      participants,
    })),
    totals: { ...zero, bassinMeetings: sum(1), secondLevelMeetings: sum(2), participants: sum(3) },
    regional: { meetings: 0, participants: 0 },
    categories: [],
    meetingsWithCategories: 0,
    secondLevelDates: ['2020-10-14'],
    secondLevelFormats: ['presentiel'],
  };
}

const TEN: Array<[string, number, number, number]> = [
  ['Aix-Marseille', 24, 5, 1_250],
  ['Amiens', 0, 0, 0],
  ['Besançon', 120, 12, 80],
  ['Clermont-Ferrand', 3, 1, 12_345],
  ['Orléans-Tours', 45, 4, 430],
  ['Nancy-Metz', 9, 2, 999],
  ['Normandie', 1, 1, 5],
  ['Nouvelle-Calédonie', 30, 3, 700],
  ['La Réunion', 7, 1, 60],
  ['Grenoble', 88, 9, 2_100],
];

describe('chart of the Bilan des rencontres', () => {
  let demo: Bilan;
  let svg: string;

  beforeAll(async () => {
    const { call, campaignId } = await demoCatalogue();
    demo = await call('stats.bilan', { campaignId });
    svg = bilanChartSvg(demo);
  });

  it('prints no text under 8 pt at its place in the document (11 px), even the Limoges académie’s long row', async () => {
    const { call, campaignId } = await demoCatalogue();
    for (const scope of ['region', 'academie:LIMOGES', 'academie:POITIERS', 'departement:86'] as const) {
      const chart = bilanChartSvg(await call('stats.bilan', { campaignId, scope }), { width: 605, height: 360 });
      const sizes = [...chart.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes), scope).toBeGreaterThanOrEqual(11);
    }
  });

  it('is a standalone, well-formed SVG without external references', () => {
    const { root, attributes } = parseXml(svg);
    expect(root).toBe('svg');
    expect(attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(attributes.viewBox).toBe(`0 0 ${attributes.width} ${attributes.height}`);
    expect(attributes['font-family']).toBe('DejaVu Sans, Arial, sans-serif');
    expect(svg).not.toMatch(/href|url\(|@import|<image|<style/i);
  });

  it('shows the demo académies, their figures, the title and the legend', () => {
    const all = texts(svg);
    expect(all).toContain('Participants et rencontres par académie');
    for (const name of ['Bordeaux', 'Limoges', 'Poitiers']) expect(all).toContain(name);
    // Participants, then bassin meetings and second-level meetings, each printed on its bar.
    for (const value of ['425', '50', '325', '24', '14', '29', '5', '1', '4']) expect(all).toContain(value);
    expect(all).toContain('Participants aux concertations de second niveau');
    expect(all).toContain('Rencontres de bassin (ZAP / ECLORE)');
    expect(all).toContain('Concertations de second niveau');
    expect(all).toContain('Participants');
    expect(all).toContain('Nombre de rencontres');
  });

  it('charts a consultation held in établissements (2015) by those meetings and their participants', async () => {
    const demo2015 = emptyCatalogue();
    await loadDemos(demo2015.call);
    const kit = (await demo2015.call('campaigns.list', {})).find((c) => c.slug === 'concertation-2015')!.id;
    const bilan = await demo2015.call('stats.bilan', { campaignId: kit, regionCode: 'NAQ' });
    const all = texts(bilanChartSvg(bilan));
    expect(all).not.toContain('Aucune rencontre enregistrée');
    expect(all).toContain('Participants aux rencontres en établissement');
    expect(all).toContain('Rencontres en établissement');
    expect(all).not.toContain('Concertations de second niveau');
    for (const r of bilan.rows.filter((row) => row.etablissementMeetings > 0)) {
      expect(all).toContain(String(r.etablissementParticipants));
      expect(all).toContain(String(r.etablissementMeetings));
    }
  });

  it('is deterministic', () => {
    expect(bilanChartSvg(structuredClone(demo))).toBe(svg);
  });

  it('escapes names and keeps French number formatting', () => {
    const tricky = bilanChartSvg(bilanOf([['Tours & <Orléans> "Centre" l\'Ouest', 1, 1, 12_345]]));
    expect(() => parseXml(tricky)).not.toThrow();
    expect(tricky).toContain('&amp;');
    expect(tricky).toContain('&lt;Orléans&gt;');
    expect(tricky).not.toContain('<Orléans>');
    expect(tricky).not.toMatch(/& /);
    expect(texts(tricky)).toContain(`12${NNBSP}345`);
    expect(texts(tricky).join(' ')).toContain('Tours &');
  });

  it('draws an empty Bilan and a ten-académie Bilan', () => {
    const empty = bilanChartSvg(bilanOf([['Bordeaux', 0, 0, 0], ['Limoges', 0, 0, 0], ['Poitiers', 0, 0, 0]]));
    expect(() => parseXml(empty)).not.toThrow();
    expect(texts(empty)).toContain('Aucune rencontre enregistrée');
    expect(empty).not.toMatch(/NaN|Infinity/);
    const none = bilanChartSvg(bilanOf([]));
    expect(() => parseXml(none)).not.toThrow();
    expect(none).not.toMatch(/NaN|Infinity/);

    const ten = bilanChartSvg(bilanOf(TEN));
    expect(() => parseXml(ten)).not.toThrow();
    expect(ten).not.toMatch(/NaN|Infinity/);
    const all = texts(ten).join('\n');
    for (const [name] of TEN) {
      // A long name may be wrapped after its hyphen or at its space, never lost.
      for (const part of name.split(/(?<=-)| /)) expect(all).toContain(part);
    }
    expect(texts(ten)).toContain(`12${NNBSP}345`);
    for (const png of [svgToPng(empty, 400), svgToPng(none, 400), svgToPng(ten, 400)]) {
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
  });

  it('honours the requested size', () => {
    const small = bilanChartSvg(demo, { width: 605, height: 360 });
    const { attributes } = parseXml(small);
    expect([attributes.width, attributes.height, attributes.viewBox]).toEqual(['605', '360', '0 0 605 360']);
  });

  it('rasterises to the same PNG bytes every time, at the requested width, with its text drawn', () => {
    const png = svgToPng(svg, 1200);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const { width, height } = pngSize(png);
    const [w, h] = [Number(/width="(\d+)"/.exec(svg)![1]), Number(/height="(\d+)"/.exec(svg)![1])];
    expect(width).toBe(1200);
    expect(height).toBe(Math.round((1200 * h) / w));
    expect(svgToPng(svg, 1200).equals(png)).toBe(true);

    // Not blank: far larger than a white page of the same size; and text counts (fonts were found).
    const blank = svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#FFFFFF"/></svg>`, 1200);
    expect(png.length).toBeGreaterThan(blank.length * 10);
    const withoutText = svgToPng(svg.replace(/<text [^>]*>[^<]*<\/text>/g, ''), 1200);
    expect(png.length).toBeGreaterThan(withoutText.length * 1.5);
    // By default, 16 cm at 300 dpi.
    expect(pngSize(svgToPng(svg)).width).toBe(1890);
  });

  it('refuses an absurd width', () => {
    expect(() => svgToPng(svg, 0)).toThrow(/Largeur/);
    expect(() => svgToPng(svg, Number.NaN)).toThrow(/Largeur/);
  });
});
