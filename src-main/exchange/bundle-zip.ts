/**
 * A bundle's zip, written in one pass by the documents' zip writer, each part deflated by Node's zlib
 * (level 6) in one call. One fixed date (2020-01-01, as the bundles always carried): the bytes depend on
 * the content alone. Any archive tool opens it; JSZip reads it back (bundle.ts).
 */
import { deflateRawSync } from 'node:zlib';
import { writeZip } from '../synthesis/zip-writer.ts';

const BUNDLE_DATE = new Date(Date.UTC(2020, 0, 1));

export function zipParts(parts: { name: string; data: Buffer }[]): Buffer {
  return writeZip(parts, BUNDLE_DATE, { deflate: (data) => deflateRawSync(data, { level: 6 }) });
}
