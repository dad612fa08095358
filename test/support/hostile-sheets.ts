/**
 * Hostile workbooks, written by hand part by part: what the budget and the cell guard of read-sheet must
 * refuse. The zip is assembled here, not by jszip, so that its directory can announce sizes that its data
 * does not have; and a part of a gigabyte is deflated once per repeated unit, never held in memory.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A part already deflated (raw DEFLATE), with what it inflates to. */
export interface Deflated {
  deflated: Buffer;
  size: number;
  crc: number;
}

export interface ZipEntry {
  name: string;
  content: string | Buffer | Deflated;
  /** The uncompressed size the zip's headers announce, when they must lie. */
  announcedSize?: number;
}

function isDeflated(content: ZipEntry['content']): content is Deflated {
  return typeof content === 'object' && !Buffer.isBuffer(content);
}

export function deflated(text: string | Buffer): Deflated {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * head + unit × times + tail, deflated without ever being whole in memory: each piece is deflated on its
 * own, ending with a full flush (no back-reference crosses it), so the unit's deflated bytes can be
 * repeated as they are.
 */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string): Deflated {
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const headBytes = Buffer.from(head, 'utf8');
  const unitBytes = Buffer.from(unit, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  const unitDeflated = flushed(unitBytes);
  let crc = crc32(headBytes);
  for (let i = 0; i < times; i++) crc = crc32(unitBytes, crc);
  crc = crc32(tailBytes, crc);
  const deflatedBytes = Buffer.concat([flushed(headBytes), ...Array.from({ length: times }, () => unitDeflated), deflateRawSync(tailBytes)]);
  return { deflated: deflatedBytes, size: headBytes.length + unitBytes.length * times + tailBytes.length, crc };
}

/** A zip of the entries (DEFLATE for deflated ones, stored otherwise), with a central directory. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const content = isDeflated(entry.content)
      ? entry.content
      : (() => {
          const bytes = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
          return { deflated: bytes, size: bytes.length, crc: crc32(bytes) };
        })();
    const method = isDeflated(entry.content) ? 8 : 0;
    const size = entry.announcedSize ?? content.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(content.crc >>> 0, 14);
    local.writeUInt32LE(content.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(content.crc >>> 0, 16);
    central.writeUInt32LE(content.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, content.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + content.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A worksheet's XML: its rows' XML, then its merged ranges. */
export function sheetXml(rows: string, merges: readonly string[] = []): string {
  const merged = merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `${SHEET_HEAD}${rows}</sheetData>${merged}</worksheet>`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One row of inline-string and number cells, from column A: strings as inline strings, numbers as numbers. */
export function rowXml(row: number, values: readonly (string | number | null)[]): string {
  const cells = values
    .map((value, i) => {
      if (value === null) return '';
      const ref = `${String.fromCharCode(65 + i)}${row}`;
      return typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
    })
    .join('');
  return `<row r="${row}">${cells}</row>`;
}

export interface HostileSheet {
  name: string;
  xml: string | Deflated;
  /** Uncompressed size the zip announces for this sheet, when it must lie. */
  announcedSize?: number;
}

/** A workbook of these sheets (xl/worksheets/sheet1.xml…), with shared strings when given. */
export function workbookOf(sheets: readonly HostileSheet[], sharedStrings?: string): Buffer {
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    (sharedStrings !== undefined ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    '</Relationships>';
  const entries: ZipEntry[] = [
    { name: 'xl/workbook.xml', content: deflated(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', content: deflated(rels) },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      content: typeof s.xml === 'string' ? deflated(s.xml) : s.xml,
      ...(s.announcedSize !== undefined ? { announcedSize: s.announcedSize } : {}),
    })),
  ];
  if (sharedStrings !== undefined) entries.push({ name: 'xl/sharedStrings.xml', content: deflated(sharedStrings) });
  return zipOf(entries);
}

/** The shared strings table of these texts, written as given (no escaping: a test may need raw bytes). */
export function sharedStringsXml(texts: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
}
