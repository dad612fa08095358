/**
 * SVG → PNG with resvg and the DejaVu Sans files shipped in assets/fonts/ (never the system's fonts), so
 * that a chart is drawn with the same glyphs, hence the same bytes, on every computer.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { assetPath } from '../catalogue/paths.ts';

export const CHART_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

/** 16 cm, the width of a Word page's text, at 300 dpi. */
export const DEFAULT_PNG_WIDTH = 1890;

export function svgToPng(svg: string, widthPx: number = DEFAULT_PNG_WIDTH): Buffer {
  const width = Math.round(widthPx);
  if (!Number.isFinite(width) || width < 16 || width > 10_000) {
    throw new RangeError(`Largeur d'image invalide : ${widthPx} pixels (de 16 à 10 000).`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: false,
      fontFiles: fontFiles(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}

let cached: string[] | undefined;

/** resvg reads the files itself, outside Electron's asar support: use the unpacked copies when packaged. */
function fontFiles(): string[] {
  cached ??= CHART_FONT_FILES.map((file) => {
    const path = assetPath('fonts', file);
    const unpacked = path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (unpacked !== path && existsSync(unpacked)) return unpacked;
    if (!existsSync(path)) throw new Error(`Police introuvable : ${path}. Installation incomplète.`);
    return path;
  });
  return cached;
}
