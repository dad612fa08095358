/**
 * A bundle's zip, written in one pass: each part deflated by Node's zlib (level 6) in one call, its
 * CRC-32 Node's too. One fixed date (2020-01-01, as the bundles always carried): the bytes depend on the
 * content alone. Any archive tool opens it; JSZip reads it back (bundle.ts). No ZIP64: a bundle is
 * under 300 MB and has three parts.
 */
import { crc32, deflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20; // 2.0: deflate; "made by" MS-DOS
const DEFLATE = 8;
const DOS_TIME = 0;
const DOS_DAY = ((2020 - 1980) << 9) | (1 << 5) | 1;

export function zipParts(parts: { name: string; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'ascii');
    const body = deflateRawSync(part.data, { level: 6 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DAY, 12);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(VERSION, 4);
    local.copy(header, 6, 4, 30); // version needed … name length, as in the local header
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
