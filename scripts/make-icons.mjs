// Renders the installers' icons from the SVG designs in build/ (electron-builder's build resources):
// the app's icon (icon.svg) and the exchange bundle's (synthese.svg), as PNG (Linux), ICO (Windows) and
// ICNS (macOS). ICO and ICNS are plain containers of PNG images, written here: no image tool to install.
// Same input, same bytes: resvg draws without fonts (the designs have no text) and PNG encoding is fixed.
// Usage: node scripts/make-icons.mjs [output folder, build/ by default]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const BUILD = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const ICO_SIZES = [16, 32, 48, 256];
// ICNS entry types holding PNG data, with their pixel size (ic10 is 512 at 2×, the Retina 512).
const ICNS_TYPES = [['icp4', 16], ['icp5', 32], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];

const out = resolve(process.argv[2] ?? BUILD);
mkdirSync(out, { recursive: true });

for (const name of ['icon', 'synthese']) {
  const svg = readFileSync(join(BUILD, `${name}.svg`), 'utf8');
  const png = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, logLevel: 'off' }).render().asPng();
  writeFileSync(join(out, `${name}.png`), png(512));
  writeFileSync(join(out, `${name}.ico`), ico(ICO_SIZES.map((size) => [size, png(size)])));
  writeFileSync(join(out, `${name}.icns`), icns(ICNS_TYPES.map(([type, size]) => [type, png(size)])));
}

/** ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNG files; 256 is written as 0. */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(([size, data], i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // width
    header.writeUInt8(size % 256, entry + 1); // height
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map(([, data]) => data)]);
}

/** 'icns' and the file's length (big-endian), then per image: its type, its length with this 8-byte header, the PNG. */
function icns(images) {
  const entries = images.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}
