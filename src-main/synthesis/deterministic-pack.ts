/**
 * Makes a packed .docx reproducible: the same catalogue and trame give the same bytes.
 * `docx` stamps the wall-clock time and draws random relationship ids and media names;
 * here they become the catalogue's last change and ids numbered in order of appearance.
 */
import JSZip from 'jszip';

const RANDOM_ID = /^rId(?!\d+$)[\w-]+$/;

export async function makeReproducible(docx: Buffer, timestamp: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();
  const parts = new Map<string, string | Uint8Array>();
  for (const name of names) {
    const isXml = /\.(xml|rels)$/.test(name);
    parts.set(name, isXml ? await zip.file(name)!.async('string') : await zip.file(name)!.async('uint8array'));
  }

  const renames = new Map<string, string>();
  let idCount = 0;
  let mediaCount = 0;
  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    const rels = parts.get(name) as string;
    for (const [, id] of rels.matchAll(/Id="([^"]+)"/g)) {
      if (RANDOM_ID.test(id!) && !renames.has(id!)) renames.set(id!, `rIdR${++idCount}`);
    }
    for (const [, target] of rels.matchAll(/Target="media\/([^"]+)"/g)) {
      if (!renames.has(target!)) renames.set(target!, `image${++mediaCount}${target!.slice(target!.lastIndexOf('.'))}`);
    }
  }

  const out = new JSZip();
  const date = new Date(Math.floor(timestamp.getTime() / 2000) * 2000); // zip dates have a 2 s step
  for (const name of names) {
    let content = parts.get(name)!;
    let target = name;
    if (typeof content === 'string') {
      content = replaceAll(content, renames);
      if (name.includes('/word/') || name.startsWith('word/')) content = renumberDrawings(content);
      if (name === 'docProps/core.xml') content = stampCoreProperties(content, timestamp);
    }
    const media = /^word\/media\/(.+)$/.exec(name);
    if (media && renames.has(media[1]!)) target = `word/media/${renames.get(media[1]!)}`;
    out.file(target, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

function replaceAll(xml: string, renames: Map<string, string>): string {
  if (renames.size === 0) return xml;
  const pattern = new RegExp(`"(${[...renames.keys()].map(escapeRegExp).join('|')})"|media/(${[...renames.keys()].map(escapeRegExp).join('|')})`, 'g');
  return xml.replace(pattern, (match, quoted?: string, media?: string) =>
    quoted ? `"${renames.get(quoted)}"` : `media/${renames.get(media!)}`,
  );
}

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
