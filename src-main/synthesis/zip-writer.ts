/**
 * A zip archive written in one pass from its parts, in the order given, every part deflated at level 1:
 * a région's 2.5 MB of body XML deflates to 121 KB in half the time level 6 takes for 75 KB (scale 10),
 * and a synthesis is written six files at a time.
 * Deflate is pako's (pure JavaScript, the one JSZip used): its bytes are the same under every Node and
 * Electron and on every processor, which a native zlib's are not (its builds choose their own hashing),
 * and a reproducible document must be. The checksums are Node's native CRC-32 (a fixed function).
 * No ZIP64: a synthesis is far below 4 GB and 65 535 parts.
 */
import { crc32 } from 'node:zlib';
import pako from 'pako';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20; // 2.0: deflate; "made by" MS-DOS, as JSZip wrote with platform 'DOS'
const DEFLATE = 8;
const UTF8_NAMES = 0x0800;

/** How a part is compressed: pako at level 1 by default (the same bytes everywhere, see above). */
export type Deflate = (data: Uint8Array) => Uint8Array;
const pakoLevel1: Deflate = (data) => pako.deflateRaw(data, { level: 1 });

/**
 * `store`: parts kept as they are (a package to be read again at once, never shipped). `deflate`: another
 * compressor (the exchange's bundles use Node's zlib, faster on their hundreds of MB).
 */
export function writeZip(entries: ZipEntry[], date: Date, { store = false, deflate = pakoLevel1 }: { store?: boolean; deflate?: Deflate } = {}): Buffer {
  const { time, day } = dosDateTime(date);
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : UTF8_NAMES;
    const body = store ? entry.data : deflate(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(store ? 0 : DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(VERSION, 4);
    local.copy(header, 6, 4, 30); // version needed … name length: as in the local header
    // extra, comment, disk, internal and external attributes: 0
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  if (entries.length > 0xffff || offset > 0xffffffff) throw new RangeError('Archive trop grande pour un document Word.');
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** MS-DOS date and time in 2 s steps, from the UTC fields as JSZip wrote them: the same bytes in every time zone. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((Math.min(2107, Math.max(1980, date.getUTCFullYear())) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}
