/**
 * The chart's PNG (resvg, the costly part of a chart) is drawn for Word only: the preview shows the
 * SVG and never calls the PNG renderer; the document model carries no PNG bytes (issue 11, part 3).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { svgToPng } from '../../src-main/synthesis/chart-png.ts';
import { buildSynthesis } from '../../src-main/synthesis/build.ts';
import { loadSource } from '../../src-main/synthesis/source.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';

vi.mock('../../src-main/synthesis/chart-png.ts', async (importOriginal) => {
  const actual: { svgToPng: typeof svgToPng } = await importOriginal();
  return { ...actual, svgToPng: vi.fn(actual.svgToPng) };
});

let demo: TestCatalogue & { campaignId: number };

beforeAll(async () => {
  demo = await demoCatalogue();
});

beforeEach(() => {
  vi.mocked(svgToPng).mockClear();
});

describe('the chart’s PNG, for Word only', () => {
  it('is never drawn for the preview, which shows the SVG', async () => {
    for (const scope of ['region', 'academie:BORDEAUX', 'departement:87'] as const) {
      const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope });
      expect(html).toContain('<figure class="synthese-figure"><svg');
    }
    expect(svgToPng).not.toHaveBeenCalled();
  });

  it('is not in the document model: its chart is SVG, sizes and figures only', () => {
    const document = buildSynthesis(loadSource(demo.db, { campaignId: demo.campaignId }));
    const images = document.blocks.filter((b) => b.kind === 'image');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(Object.keys(image).sort()).toEqual(['caption', 'chart', 'heightPx', 'kind', 'svg', 'widthPx']);
      expect(image.svg).toMatch(/^<svg /);
    }
    expect(svgToPng).not.toHaveBeenCalled();
  });

  it('is drawn for the Word file, once per chart, at twice the chart’s size, as its fallback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-png-'));
    const { documents } = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: dir });
    const whole = documents.find((d) => d.thematiqueNumber === null)!;
    const zip = await JSZip.loadAsync(readFileSync(whole.path));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    const pngs = media.filter((name) => name.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(pngs.length);
    expect(vi.mocked(svgToPng).mock.calls.length).toBe(pngs.length);
    for (const [svg, width] of vi.mocked(svgToPng).mock.calls) {
      expect(svg).toMatch(/^<svg /);
      expect(width).toBe(605 * 2);
    }
  });
});
