/**
 * Makes a .docx reproducible: the same content gives the same bytes.
 * `docx` stamps the wall-clock time and draws random relationship ids and media names; here the ids
 * are numbered in order of appearance, and the date is the content's own (see `Stamp`).
 */
import { createHash } from 'node:crypto';
import { writeZip } from './zip-writer.ts';

/** The package's date: given, or the date of its content, known by the digest of its parts (dates left out). */
export type Stamp = Date | ((digest: string) => Date);

/** A package's parts by name: XML as text, media as bytes. */
export type DocxParts = Map<string, string | Uint8Array>;

const RANDOM_ID = /^rId(?!\d+$)[\w-]+$/;
const XML_PART = /\.(xml|rels)$/;

/** The parts as a reproducible package: straight from the renderer, with no zip written and read back. */
export function reproduciblePackage(parts: DocxParts, stamp: Stamp): Buffer {
  const names = [...parts.keys()].sort();
  const renames = new Map<string, string>();
  let idCount = 0;
  let mediaCount = 0;
  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    const rels = text(parts.get(name)!);
    for (const [, id] of rels.matchAll(/Id="([^"]+)"/g)) {
      if (RANDOM_ID.test(id!) && !renames.has(id!)) renames.set(id!, `rIdR${++idCount}`);
    }
    for (const [, target] of rels.matchAll(/Target="media\/([^"]+)"/g)) {
      if (!renames.has(target!)) renames.set(target!, `image${++mediaCount}${target!.slice(target!.lastIndexOf('.'))}`);
    }
  }

  const rename = renamer(renames);
  const entries = names.map((name) => {
    let content = parts.get(name)!;
    let target = name;
    if (XML_PART.test(name)) {
      content = rename(text(content));
      if (name.startsWith('word/')) content = renumberDrawings(content);
      if (name === CORE) content = stampCoreProperties(content, UNDATED);
    }
    const media = /^word\/media\/(.+)$/.exec(name);
    if (media && renames.has(media[1]!)) target = `word/media/${renames.get(media[1]!)}`;
    return { name: target, data: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
  });
  const timestamp = typeof stamp === 'function' ? stamp(digestOf(entries)) : stamp;
  const core = entries.find((entry) => entry.name === CORE);
  if (core) core.data = Buffer.from(stampCoreProperties(text(core.data), timestamp), 'utf8');
  return writeZip(entries, new Date(Math.floor(timestamp.getTime() / 2000) * 2000)); // zip dates have a 2 s step
}

const CORE = 'docProps/core.xml';
const UNDATED = new Date(0);

function digestOf(entries: { name: string; data: Uint8Array }[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.name}\0${entry.data.byteLength}\0`).update(entry.data);
  return hash.digest('hex');
}

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
}

/**
 * One pass per part: every quoted relationship id and every media path, looked up among the renames (a
 * pattern of the hundreds of random ids themselves was tried at every quote of a 3 MB document).
 */
function renamer(renames: Map<string, string>): (xml: string) => string {
  if (renames.size === 0) return (xml) => xml;
  return (xml) => xml.replace(RENAMABLE, (match, quoted?: string, media?: string) => {
    const renamed = renames.get(quoted ?? media!);
    if (renamed === undefined) return match;
    return quoted ? `"${renamed}"` : `media/${renamed}`;
  });
}

const RENAMABLE = /"(rId[\w-]+)"|media\/([^"<>\s]+)/g;

/** Drawing ids come from a process-wide counter in `docx`: number them per part instead. */
function renumberDrawings(xml: string): string {
  let n = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
}

function stampCoreProperties(xml: string, timestamp: Date): string {
  const iso = timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
}
