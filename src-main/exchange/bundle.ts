/**
 * A bundle: one zip (written by bundle-zip.ts, read with jszip) holding `manifest.json` (who sent it,
 * what scope, schema version, counts, the content's SHA-256), `records.jsonl` (one record a line) and
 * `signature.json` (the manifest's SHA-256 signed with the sender's Ed25519 key). Anyone can open it
 * with an archive tool and read it.
 */
import { inflateRawSync } from 'node:zlib';
import { zipParts } from './bundle-zip.ts';
import JSZip from 'jszip';
import { z } from 'zod';
import { AppError } from '../contract/errors.ts';
import { RECORD_KIND_LABELS, RECORD_KINDS, RecordKind, ScopeKind } from '../contract/schemas/exchange.ts';
import { UID_PATTERN } from '../catalogue/uid.ts';
import type { ExchangeRecord, Json } from './record.ts';
import { naturalUid } from '../catalogue/repos/exchange-records.repo.ts';
import { FIELD_SCHEMAS } from './record-schemas.ts';
import { sha256, signDigest, verifyDigest } from './signing.ts';

export const BUNDLE_EXTENSION = '.synthese';
export const BUNDLE_FORMAT = 'synthese-regionale/paquet';
export const MAX_BUNDLE_BYTES = 300 * 1024 * 1024;
export const FORMAT_VERSION = 1;
// Under V8's longest string: records are decoded as one text.
const MAX_RECORDS_BYTES = 400 * 1024 * 1024;
const MAX_SMALL_PART_BYTES = 1024 * 1024;
const ENTRIES = ['manifest.json', 'records.jsonl', 'signature.json'] as const;

const Uid = z.string().regex(UID_PATTERN);

export const Manifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  source: z.object({
    uid: Uid, name: z.string().min(1).max(200), scopeKind: ScopeKind, scopeCode: z.string().max(20), regionCode: z.string().regex(/^[A-Z]{3}$/),
  }),
  /** `region` for a whole catalogue, else `academie:CODE` / `departement:CODE`. */
  scope: z.string().regex(/^(region|academie:[A-Z][A-Z-]*|departement:(\d{2}|2[AB]|97\d))$/),
  whole: z.boolean(),
  createdAt: z.string().max(40),
  counts: z.record(z.string(), z.number().int().min(0)),
  /** The names of the catalogues the records were created in, as the sender knows them. */
  origins: z.record(Uid, z.string().min(1).max(200)),
  content: z.object({ file: z.literal('records.jsonl'), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) }),
});
export type Manifest = z.infer<typeof Manifest>;

const Signature = z.object({
  algorithm: z.literal('Ed25519'),
  publicKey: z.string().max(1_000),
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().max(200),
});

const Line = z.object({
  uid: Uid,
  kind: RecordKind,
  origin: Uid,
  fields: z.record(z.string(), z.unknown()),
  clocks: z.record(z.string(), z.record(Uid, z.number().int().min(1).max(Number.MAX_SAFE_INTEGER))),
  deleted: z.boolean(),
});

/** What a manifest counts: records by kind, deletions apart. */
export const countKey = (r: Pick<ExchangeRecord, 'kind' | 'deleted'>) => (r.deleted ? 'deleted' : r.kind);

export async function packBundle(
  manifest: Omit<Manifest, 'format' | 'formatVersion' | 'content'>,
  records: ExchangeRecord[],
  keys: { publicKey: string; privateKey: string },
): Promise<Buffer> {
  return packContent(manifest, bundleContent(records.map((r) => JSON.stringify(r))), keys);
}

/** Lines joined into Buffers of about this many characters: the content is never one long string. */
const CONTENT_PIECE = 1 << 20;

/** `records.jsonl` from its lines (each `JSON.stringify` of an ExchangeRecord), gathered as they come. */
export function bundleContent(lines: Iterable<string>): Buffer {
  const pieces: Buffer[] = [];
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    pieces.push(Buffer.from(batch.join(''), 'utf8'));
    batch = [];
    size = 0;
  };
  for (const line of lines) {
    batch.push(line, '\n');
    size += line.length + 1;
    if (size >= CONTENT_PIECE) flush();
  }
  if (size > 0) flush();
  return Buffer.concat(pieces);
}

/**
 * The signed bundle around its content, deflated by Node's zlib in one call (JSZip's JavaScript deflater
 * took most of an export's time, and held the content several times over).
 */
export async function packContent(
  manifest: Omit<Manifest, 'format' | 'formatVersion' | 'content'>,
  content: Buffer,
  keys: { publicKey: string; privateKey: string },
): Promise<Buffer> {
  const full: Manifest = {
    format: BUNDLE_FORMAT, formatVersion: FORMAT_VERSION, ...manifest,
    content: { file: 'records.jsonl', sha256: sha256(content), bytes: content.length },
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(full, null, 2)}\n`, 'utf8');
  const digest = sha256(manifestBytes);
  const signature = { algorithm: 'Ed25519', publicKey: keys.publicKey, manifestSha256: digest, signature: signDigest(Buffer.from(digest, 'hex'), keys.privateKey) };
  return zipParts([
    { name: 'manifest.json', data: manifestBytes },
    { name: 'records.jsonl', data: content },
    { name: 'signature.json', data: Buffer.from(`${JSON.stringify(signature, null, 2)}\n`, 'utf8') },
  ]);
}

/**
 * The part inflated by Node's zlib, in one call, stopped at `limit` (jszip's own inflater is written in
 * JavaScript and yields between chunks: a third of a merge's time). Null when jszip keeps the part in
 * a shape this does not know: jszip reads it then.
 */
function inflated(file: JSZip.JSZipObject, limit: number): Buffer | null {
  const data = (file as unknown as { _data?: { compressedContent?: Uint8Array; compression?: { magic?: string } } })._data;
  const content = data?.compressedContent;
  if (!(content instanceof Uint8Array) || typeof data?.compression?.magic !== 'string') return null;
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (data.compression.magic === '\x00\x00') return bytes;
  if (data.compression.magic === '\x08\x00') return inflateRawSync(bytes, { maxOutputLength: limit + 1 });
  return null;
}

/**
 * A bundle's records, checked and read a chunk at a time in the order a merge takes them (kind by kind,
 * RECORD_KINDS' order, the file's order within a kind): a large académie's records are never all
 * objects at once. Each line is checked (schema, form rules, natural key, duplicates) as it is read;
 * a refused line throws, and the merge's transaction takes back whatever was written before it.
 */
export interface BundleRecords {
  readonly count: number;
  chunks(size: number): Generator<ExchangeRecord[]>;
}

const NO_RECORDS: BundleRecords = { count: 0, *chunks() {} };

export interface OpenedBundle {
  manifest: Manifest;
  records: BundleRecords;
  publicKey: string;
  /** SHA-256 of the whole file: how the history and the shared folder know a bundle. */
  sha256: string;
}

const refuse = (name: string, why: string) => new AppError('FILE', `Paquet « ${name} » refusé : ${why}. Le catalogue n’a pas été modifié.`);

/** Only the manifest, checked and signed: what the shared folder shows before anything is merged. */
export async function readManifest(bytes: Buffer, name: string, schemaVersion: number): Promise<OpenedBundle> {
  return openBundle(bytes, name, schemaVersion);
}

/**
 * The whole bundle. `accept` sees the checked, signed manifest before any record is read: who sent it
 * and for which région are settled before the content is even inflated.
 */
export async function readBundle(
  bytes: Buffer, name: string, schemaVersion: number, accept: (bundle: OpenedBundle) => void = () => {},
): Promise<OpenedBundle> {
  return openBundle(bytes, name, schemaVersion, accept);
}

async function openBundle(bytes: Buffer, name: string, schemaVersion: number, accept?: (bundle: OpenedBundle) => void): Promise<OpenedBundle> {
  if (bytes.length > MAX_BUNDLE_BYTES) throw refuse(name, `fichier trop gros (${Math.round(bytes.length / 1048576)} Mo, 300 Mo au plus)`);
  let zip: JSZip;
  try {
    // No CRC check here: it would inflate every part before their sizes are checked. The content's
    // SHA-256, signed, is the stronger check, made below.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw refuse(name, 'ce n’est pas un paquet d’échange lisible (archive tronquée ou endommagée ; demandez à l’expéditeur de le renvoyer)');
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const missing = ENTRIES.filter((e) => !names.includes(e));
  if (missing.length > 0) throw refuse(name, `il y manque ${missing.map((m) => `« ${m} »`).join(', ')} (ce n’est pas un paquet de Synthèse régionale)`);
  const extra = names.filter((n) => !(ENTRIES as readonly string[]).includes(n));
  if (extra.length > 0) throw refuse(name, `il contient des fichiers inattendus (${extra.slice(0, 3).map((e) => `« ${e.slice(0, 60)} »`).join(', ')})`);

  const text = async (entry: (typeof ENTRIES)[number], limit: number) => {
    const file = zip.files[entry]!;
    // Declared sizes are checked before inflating: a zip bomb is refused without being opened.
    const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (declared > limit) throw refuse(name, `« ${entry} » est trop gros une fois décompressé`);
    try {
      const data = inflated(file, limit) ?? (await file.async('nodebuffer'));
      if (data.length > limit) throw refuse(name, `« ${entry} » est trop gros une fois décompressé`);
      return data;
    } catch (error) {
      if (error instanceof AppError) throw error;
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw refuse(name, `« ${entry} » est trop gros une fois décompressé`);
      throw refuse(name, `« ${entry} » est endommagé (archive abîmée pendant la copie ?)`);
    }
  };
  const parse = <T>(schema: z.ZodType<T>, data: Buffer, entry: string): T => {
    let value: unknown;
    try {
      value = JSON.parse(data.toString('utf8'), refuseProtoKey);
    } catch (error) {
      if (error === PROTO_KEY) throw refuse(name, `« ${entry} » est mal formé (champ « __proto__ »)`);
      throw refuse(name, `« ${entry} » n’est pas du JSON valide`);
    }
    const result = schema.safeParse(value);
    if (!result.success) throw refuse(name, `« ${entry} » est mal formé (${result.error.issues[0]?.path.join('.') || 'racine'})`);
    return result.data;
  };

  const manifestBytes = await text('manifest.json', MAX_SMALL_PART_BYTES);
  const signature = parse(Signature, await text('signature.json', MAX_SMALL_PART_BYTES), 'signature.json');
  const digest = sha256(manifestBytes);
  if (digest !== signature.manifestSha256 || !verifyDigest(Buffer.from(digest, 'hex'), signature.signature, signature.publicKey)) {
    throw refuse(name, 'sa signature ne correspond pas à son contenu (il a été modifié après sa création, ou abîmé)');
  }
  const raw = parse(z.object({ format: z.string(), schemaVersion: z.number() }).passthrough(), manifestBytes, 'manifest.json');
  if (raw.format !== BUNDLE_FORMAT) throw refuse(name, 'ce n’est pas un paquet de Synthèse régionale');
  if (raw.schemaVersion > schemaVersion) {
    throw refuse(name, `il vient d’une version plus récente de Synthèse régionale (schéma ${raw.schemaVersion}, celle-ci connaît ${schemaVersion}) : mettez l’application à jour`);
  }
  const manifest = parse(Manifest, manifestBytes, 'manifest.json');
  if (manifest.formatVersion > FORMAT_VERSION) throw refuse(name, 'il vient d’une version plus récente de Synthèse régionale : mettez l’application à jour');
  if (manifest.whole !== (manifest.scope === 'region')) throw refuse(name, '« manifest.json » est mal formé (scope)');
  const opened: OpenedBundle = { manifest, records: NO_RECORDS, publicKey: signature.publicKey, sha256: sha256(bytes) };
  if (!accept) return opened;
  accept(opened);

  const content = await text('records.jsonl', MAX_RECORDS_BYTES);
  if (sha256(content) !== manifest.content.sha256 || content.length !== manifest.content.bytes) {
    throw refuse(name, 'son contenu ne correspond pas à sa signature (il a été modifié après sa création, ou abîmé)');
  }
  const { records, counts } = indexRecords(content, name);
  opened.records = records;
  for (const key of new Set([...Object.keys(counts), ...Object.keys(manifest.counts)])) {
    if ((counts[key] ?? 0) !== (manifest.counts[key] ?? 0)) throw refuse(name, `ses comptes ne correspondent pas à son contenu (${key})`);
  }
  return opened;
}

/**
 * JSON.parse keeps a "__proto__" key as a plain property, but zod copies records by assignment, where
 * it would replace the object's prototype instead: such a key is refused before any schema sees it.
 */
const PROTO_KEY = new Error('__proto__');
function refuseProtoKey(key: string, value: unknown): unknown {
  if (key === '__proto__') throw PROTO_KEY;
  return value;
}

/** What a line says it is, read from its first and last bytes (as packBundle writes it), checked again when parsed. */
const LINE_HEAD = /^\{"uid":"[0-9A-Za-z-]{1,64}","kind":"([A-Za-z]{1,20})",/;
const DELETED_TAIL = '"deleted":true}';
const KEPT_TAIL = '"deleted":false}';
const KIND_RANK = new Map<string, number>(RECORD_KINDS.map((k, i) => [k, i]));

/**
 * Finds every line and its kind without parsing it (a line written otherwise is parsed and checked
 * now), counts them for the manifest's counts, and gives the lines back a chunk at a time, parsed
 * and checked then.
 */
function indexRecords(content: Buffer, name: string): { records: BundleRecords; counts: Record<string, number> } {
  const starts: number[] = [];
  const ends: number[] = [];
  const deleted: boolean[] = [];
  const byKind: number[][] = RECORD_KINDS.map(() => []);
  const counts: Record<string, number> = {};
  for (let start = 0; start < content.length; ) {
    let end = content.indexOf(10, start);
    if (end === -1) end = content.length;
    const line = starts.length;
    const head = LINE_HEAD.exec(content.toString('latin1', start, Math.min(end, start + 128)));
    const tail = content.toString('latin1', Math.max(start, end - KEPT_TAIL.length), end);
    let kind = head ? KIND_RANK.get(head[1]!) : undefined;
    let gone = tail.endsWith(DELETED_TAIL) ? true : tail === KEPT_TAIL ? false : undefined;
    if (kind === undefined || gone === undefined) {
      const r = checkLine(content.toString('utf8', start, end), line, name);
      kind = KIND_RANK.get(r.kind)!;
      gone = r.deleted;
    }
    starts.push(start);
    ends.push(end);
    deleted.push(gone);
    byKind[kind]!.push(line);
    const key = countKey({ kind: RECORD_KINDS[kind]!, deleted: gone });
    counts[key] = (counts[key] ?? 0) + 1;
    start = end + 1;
  }
  const records: BundleRecords = {
    count: starts.length,
    *chunks(size) {
      const uids = new Set<string>();
      for (const [rank, lines] of byKind.entries()) {
        for (let i = 0; i < lines.length; i += size) {
          yield lines.slice(i, i + size).map((line) => {
            const r = checkLine(content.toString('utf8', starts[line], ends[line]), line, name);
            const where = `ligne ${line + 1} de « records.jsonl »`;
            if (KIND_RANK.get(r.kind) !== rank || r.deleted !== deleted[line]) throw refuse(name, `${where} : enregistrement mal formé (kind)`);
            if (uids.has(r.uid)) throw refuse(name, `${where} : l’enregistrement ${r.uid} y figure deux fois`);
            uids.add(r.uid);
            return r;
          });
        }
      }
    },
  };
  return { records, counts };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `Line`'s checks, written out: most lines pass them, and zod's copy of every clock was a tenth of a
 * merge. Null when one fails: `Line` then says which, in its words.
 */
function wellFormed(v: unknown): ExchangeRecord | null {
  if (!isObject(v)) return null;
  const { uid, kind, origin, fields, clocks, deleted } = v;
  if (typeof uid !== 'string' || !UID_PATTERN.test(uid) || typeof origin !== 'string' || !UID_PATTERN.test(origin)) return null;
  if (typeof kind !== 'string' || !KIND_RANK.has(kind) || typeof deleted !== 'boolean' || !isObject(fields) || !isObject(clocks)) return null;
  for (const clock of Object.values(clocks)) {
    if (!isObject(clock)) return null;
    for (const [by, count] of Object.entries(clock)) {
      if (!UID_PATTERN.test(by) || !Number.isSafeInteger(count) || (count as number) < 1) return null;
    }
  }
  return { uid, kind: kind as RecordKind, origin, fields: fields as Record<string, Json>, clocks: clocks as ExchangeRecord['clocks'], deleted };
}

/** One line of records.jsonl (index: from 0), parsed and checked as the forms would check its fields. */
function checkLine(line: string, index: number, name: string): ExchangeRecord {
  const where = `ligne ${index + 1} de « records.jsonl »`;
  let value: unknown;
  try {
    value = JSON.parse(line, refuseProtoKey);
  } catch (error) {
    if (error === PROTO_KEY) throw refuse(name, `${where} : champ « __proto__ » : champ inconnu de cette version`);
    throw refuse(name, `${where} : ce n’est pas du JSON valide`);
  }
  let r = wellFormed(value);
  if (!r) {
    const parsed = Line.safeParse(value);
    if (!parsed.success) throw refuse(name, `${where} : enregistrement mal formé (${parsed.error.issues[0]?.path.join('.') || 'racine'})`);
    r = parsed.data as ExchangeRecord;
  }
  const fields = FIELD_SCHEMAS[r.kind].safeParse(r.fields);
  const label = RECORD_KIND_LABELS[r.kind].one;
  if (!fields.success) {
    const issue = fields.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? `${issue.path.join('.')}${issue.path.length ? '.' : ''}${issue.keys[0]}` : issue.path.join('.');
    const why = issue.code === 'unrecognized_keys' ? 'champ inconnu de cette version' : issue.message;
    throw refuse(name, `${where} (${label}) : champ « ${field.slice(0, 60) || '?'} » : ${why}`);
  }
  // Known by its natural key (a UAI, a slug): its identity must be the one every catalogue derives from it.
  const natural = naturalUid(r.kind, fields.data as Record<string, Json>);
  if (natural !== null && natural !== r.uid) throw refuse(name, `${where} (${label}) : son identifiant ne correspond pas à sa clé`);
  // The values as the forms would keep them (trimmed, codes in capitals, defaults filled).
  return { ...r, fields: fields.data as Record<string, Json> };
}
