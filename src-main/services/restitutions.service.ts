/**
 * Restitutions as sources (issue 13): a meeting's report read into passages and kept, passages cut into
 * contributions that keep their link to the span, a folder of reports matched to their meetings.
 * Reading (mammoth, LibreOffice, pdftotext) is slow and happens before any transaction; each write is one.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { inTransaction, type Catalogue } from '../catalogue/database.ts';
import { getContribution, insertContribution } from '../catalogue/repos/contribution.repo.ts';
import { getMeeting } from '../catalogue/repos/meeting.repo.ts';
import * as repo from '../catalogue/repos/restitution.repo.ts';
import { AppError, conflict } from '../contract/errors.ts';
import type { Contribution } from '../contract/schemas/content.ts';
import type { FolderMatch, Passage, PassagePoint, Restitution, RestitutionFormat } from '../contract/schemas/restitutions.ts';
import type { ContributionKind } from '../contract/domain.ts';
import { passageRange, splitPlainText } from '../restitutions/passages.ts';
import { ACCEPTED_EXTENSIONS, checkRestitutionBytes, readRestitution } from '../restitutions/read-restitution.ts';
import { MAX_RESTITUTION_BYTES, readRestitutionBytes } from '../restitutions/restitution-file.ts';
import { frenchDate } from '../text/french.ts';
import type { HandlerGroup, Progress, ServiceContext } from './context.ts';
import { readGivenFile } from './input-files.ts';
import { requireCampaign, requireThematique } from './ownership.ts';
import { deleted, found } from './require.ts';
import { meetingLabel, nameMatcher } from './restitution-folder.ts';

/** What a reading gives, ready to be stored. */
interface ReadRestitution {
  fileName: string;
  format: RestitutionFormat;
  sha256: string;
  passages: Passage[];
}

/** A contribution's text is 10 000 characters at most (contract ContributionFields). */
const MAX_CUT_CHARS = 10_000;
/** The span a contribution cites, at most (what an exchange bundle carries of it). */
const MAX_SPAN_CHARS = 100_000;

/** How often a long reading asks the transport whether the call was cancelled (its progress callback throws then). */
const CANCEL_POLL_MS = 300;

/** The errors that said « Opération annulée. » during a reading: never taken for an unreadable file. */
const cancellations = new WeakSet<object>();

/**
 * Runs a reading that only an AbortSignal can stop (a child process, mammoth): the call is cancelled
 * through its progress callback, which throws once « Annuler » is pressed, so the callback is asked
 * again and again while the work runs, and its refusal aborts the signal.
 */
async function cancellable<T>(ctx: ServiceContext, progress: Progress, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const report = () => {
    try {
      ctx.onProgress?.(progress);
    } catch (error) {
      controller.abort(error);
    }
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    report();
    controller.signal.throwIfAborted();
    timer = setInterval(report, CANCEL_POLL_MS);
    const value = await work(controller.signal);
    controller.signal.throwIfAborted(); // a reading that did not listen is still cancelled
    return value;
  } catch (error) {
    if (controller.signal.aborted) {
      const reason: unknown = controller.signal.reason;
      if (typeof reason === 'object' && reason !== null) cancellations.add(reason);
      throw reason;
    }
    throw error;
  } finally {
    clearInterval(timer);
  }
}

/** A file's content sent by a browser: read from a folder of its own, under its name (its extension says its format). */
async function readSentFile(fileName: string, contentBase64: string, signal: AbortSignal): Promise<ReadRestitution> {
  const name = basename(fileName.replace(/\\/g, '/')).trim();
  if (name === '' || name === '.' || name === '..') throw new AppError('FILE', 'Le nom du fichier envoyé est vide : choisissez la restitution à nouveau.');
  const { bytes } = readGivenFile({ fileName: name, contentBase64 }, MAX_RESTITUTION_BYTES);
  const dir = await mkdtemp(join(tmpdir(), 'restitution-'));
  try {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return await readRestitution(path, { signal });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A text typed or pasted: its passages (blank lines part them), the SHA-256 of its UTF-8. */
export function typedRestitution(text: string): ReadRestitution {
  const passages = splitPlainText(text);
  if (passages.length === 0) throw new AppError('INVALID_INPUT', 'Le texte de la restitution est vide : collez ou saisissez-le.', [{ path: 'text', message: 'texte vide' }]);
  return { fileName: '', format: 'saisie', sha256: createHash('sha256').update(text, 'utf8').digest('hex'), passages };
}

function alreadyAttached(existing: { fileName: string; addedAt: string }): AppError {
  const what = existing.fileName === '' ? 'un texte saisi identique' : `« ${existing.fileName} »`;
  return conflict(
    `Cette restitution est déjà jointe à la rencontre (${what}, ajoutée le ${frenchDate(existing.addedAt.slice(0, 10))}) : rien n’a été ajouté. ` +
      'Ouvrez-la dans la liste des restitutions de la rencontre.',
  );
}

/** Stores a reading for its meeting (inside the caller's transaction); the meeting's restitution is then received. */
function store(db: Catalogue, meetingId: number, read: ReadRestitution, now: Date): number {
  const id = repo.insertRestitution(db, { meetingId, fileName: read.fileName, format: read.format, sha256: read.sha256, addedAt: now.toISOString() }, read.passages);
  repo.markRestitutionReceived(db, meetingId, now.toISOString());
  return id;
}

export function getRestitution(db: Catalogue, id: number): Restitution {
  const info = found(repo.getRestitutionInfo(db, id), 'Restitution');
  return { ...info, passages: repo.restitutionPassages(db, id), cuts: repo.restitutionCuts(db, id) };
}

type AddInput = { meetingId: number; path?: string | undefined; fileName?: string | undefined; contentBase64?: string | undefined; text?: string | undefined };

export async function addRestitution(ctx: ServiceContext, input: AddInput): Promise<Restitution> {
  const { db } = ctx;
  found(getMeeting(db, input.meetingId), 'Rencontre');
  const shown = input.text !== undefined ? 'le texte saisi' : basename(input.path ?? input.fileName ?? '');
  const progress = { operation: 'restitutions.add', done: 0, total: 1, message: `Lecture de ${shown === 'le texte saisi' ? shown : `« ${shown} »`}…` };
  const read = input.text !== undefined
    ? typedRestitution(input.text)
    : await cancellable(ctx, progress, (signal) =>
      input.path !== undefined ? readRestitution(input.path, { signal }) : readSentFile(input.fileName!, input.contentBase64!, signal));
  const id = inTransaction(db, () => {
    found(getMeeting(db, input.meetingId), 'Rencontre'); // again: it may have been deleted while the file was read
    const existing = repo.restitutionWithSha(db, input.meetingId, read.sha256);
    if (existing) throw alreadyAttached(existing);
    return store(db, input.meetingId, read, ctx.now());
  });
  ctx.onProgress?.({ ...progress, done: 1, message: `${read.passages.length} passages lus` });
  return getRestitution(db, id);
}

interface CutInput {
  restitutionId: number;
  start: PassagePoint;
  end: PassagePoint;
  thematiqueId: number;
  kind: ContributionKind;
  text?: string | undefined;
}

/** A selected span made a contribution « à traiter », at the end of its thématique's contributions of its kind. */
export function cutRestitution(db: Catalogue, input: CutInput): Contribution {
  return inTransaction(db, () => {
    const info = found(repo.getRestitutionInfo(db, input.restitutionId), 'Restitution');
    const meeting = found(getMeeting(db, info.meetingId), 'Rencontre');
    requireThematique(db, meeting.campaignId, input.thematiqueId);
    const range = passageRange(repo.restitutionPassages(db, info.id), input.start, input.end);
    const twin = repo.restitutionCuts(db, info.id).find((c) =>
      c.kind === input.kind && c.thematiqueId === input.thematiqueId && samePoint(c.start, range.start) && samePoint(c.end, range.end));
    if (twin) throw conflict(`Ce passage est déjà une contribution de ce type pour cette thématique (n° ${twin.contributionId}).`);
    // The span travels with the contribution (a bundle carries 100 000 characters of it at most).
    if (range.text.length > MAX_SPAN_CHARS) {
      throw new AppError(
        'INVALID_INPUT',
        `La sélection compte ${range.text.length} caractères, plus que les ${MAX_SPAN_CHARS} qu’un passage cité peut garder : sélectionnez un passage plus court.`,
        [{ path: 'end', message: 'sélection trop longue' }],
      );
    }
    // A contribution's text is one line (contract label): passages joined by a space.
    const text = oneLine(input.text ?? '') || oneLine(range.text);
    if (text.length > MAX_CUT_CHARS) {
      throw new AppError(
        'INVALID_INPUT',
        `La sélection compte ${text.length} caractères, plus que les ${MAX_CUT_CHARS} d’une contribution : sélectionnez un passage plus court.`,
        [{ path: 'end', message: 'sélection trop longue' }],
      );
    }
    const id = insertContribution(db, {
      campaignId: meeting.campaignId, thematiqueId: input.thematiqueId, kind: input.kind, text, heading: null, scale: null,
      parentId: null, sourceMeetingIds: [meeting.id], selected: false, review: 'a_traiter',
      position: repo.nextContributionPosition(db, meeting.campaignId, input.thematiqueId, input.kind),
      groupId: null, passage: { restitutionId: info.id, ...range },
    });
    return getContribution(db, id)!;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function samePoint(a: PassagePoint, b: PassagePoint): boolean {
  return a.passage === b.passage && a.offset === b.offset;
}

// ─── A folder of restitutions ───────────────────────────────────────────────────────────────────

/** A folder the user named: relative ones under the documents folder, as for the files the app writes. */
function folderPath(ctx: ServiceContext, folder: string): string {
  return isAbsolute(folder) ? folder : resolve(ctx.documentsDir ?? process.cwd(), folder);
}

/** The folder's files (not its sub-folders, nor the hidden or lock files an office suite leaves), by name. */
async function folderFiles(path: string, shown: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new AppError('FILE', `Dossier introuvable : « ${shown} ». Vérifiez le chemin.`);
    if (code === 'ENOTDIR') throw new AppError('FILE', `« ${shown} » est un fichier, pas un dossier : indiquez le dossier des restitutions.`);
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('FILE', `Le dossier « ${shown} » ne peut pas être ouvert : accès refusé.`);
    throw new AppError('FILE', `Le dossier « ${shown} » n’a pas pu être lu.`);
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && !e.name.startsWith('~$'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'fr'));
}

/** Why a file of the folder is not read (its format, its size), or null. */
async function fileProblem(path: string, name: string): Promise<string | null> {
  const extension = extname(name).toLowerCase();
  if (!ACCEPTED_EXTENSIONS.includes(extension)) {
    return `format non lu ici${extension ? ` (${extension})` : ''} : Word (.docx), OpenDocument (.odt), PDF, texte (.txt, .md)`;
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'ce n’est pas un fichier';
    if (info.size === 0) return 'fichier vide';
    if (info.size > MAX_RESTITUTION_BYTES) return `plus de ${MAX_RESTITUTION_BYTES / (1024 * 1024)} Mo`;
  } catch {
    return 'fichier illisible';
  }
  return null;
}

export async function previewFolder(ctx: ServiceContext, campaignId: number, folder: string): Promise<{ folder: string; files: FolderMatch[] }> {
  const { db } = ctx;
  requireCampaign(db, campaignId);
  const path = folderPath(ctx, folder);
  const names = await folderFiles(path, folder);
  const meetings = repo.meetingsToMatch(db, campaignId);
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const match = nameMatcher(meetings);
  const files: FolderMatch[] = [];
  for (const [index, fileName] of names.entries()) {
    ctx.onProgress?.({ operation: 'restitutions.previewFolder', done: index, total: names.length, message: `${index} fichiers sur ${names.length} examinés` });
    const problem = await fileProblem(join(path, fileName), fileName);
    if (problem) {
      files.push({ fileName, meetingId: null, meetingLabel: null, reason: 'ignoré', alreadyThere: false, problem });
      continue;
    }
    let sha256: string;
    try {
      const file = await readRestitutionBytes(join(path, fileName), fileName);
      // Its container only (not its text): a file that cannot be read is said here, before the import.
      await checkRestitutionBytes(file.bytes, fileName);
      sha256 = file.sha256;
    } catch (error) {
      files.push({ fileName, meetingId: null, meetingLabel: null, reason: 'ignoré', alreadyThere: false, problem: error instanceof AppError ? error.message : 'fichier illisible' });
      continue;
    }
    // The same bytes already attached to one meeting name it better than any word of the file name.
    const holders = repo.meetingsWithSha(db, campaignId, sha256);
    const named = holders.length === 1 ? { meetingId: holders[0]!, reason: 'déjà jointe à cette rencontre' } : match(fileName);
    const meeting = named.meetingId === null ? undefined : byId.get(named.meetingId);
    files.push({
      fileName,
      meetingId: meeting?.id ?? null,
      meetingLabel: meeting ? meetingLabel(meeting) : null,
      reason: named.reason,
      alreadyThere: meeting ? holders.includes(meeting.id) : false,
      problem: null,
    });
  }
  return { folder: path, files };
}

interface FolderImportInput {
  campaignId: number;
  folder: string;
  assignments: { fileName: string; meetingId: number }[];
}

/**
 * Every assigned file read first, outside the transaction (a file that cannot be read is skipped and
 * said, the others go on); then all the readings stored in one transaction.
 */
export async function importFolder(ctx: ServiceContext, input: FolderImportInput) {
  const { db } = ctx;
  requireCampaign(db, input.campaignId);
  const path = folderPath(ctx, input.folder);
  const meetings = new Set(repo.meetingsToMatch(db, input.campaignId).map((m) => m.id));
  const skipped: { fileName: string; reason: string }[] = [];
  const readings: { fileName: string; meetingId: number; read: ReadRestitution }[] = [];
  const total = input.assignments.length;
  for (const [index, { fileName, meetingId }] of input.assignments.entries()) {
    const progress = { operation: 'restitutions.importFolder', done: index, total, message: `Lecture de « ${fileName} » (${index + 1} sur ${total})` };
    if (basename(fileName) !== fileName || fileName === '..' || fileName.includes('\\')) {
      ctx.onProgress?.(progress);
      skipped.push({ fileName, reason: 'nom de fichier invalide : un nom de fichier du dossier, sans chemin' });
      continue;
    }
    if (!meetings.has(meetingId)) {
      ctx.onProgress?.(progress);
      skipped.push({ fileName, reason: `la rencontre ${meetingId} n’existe pas dans cette consultation` });
      continue;
    }
    try {
      const read = await cancellable(ctx, progress, (signal) => readRestitution(join(path, fileName), { signal }));
      readings.push({ fileName, meetingId, read });
    } catch (error) {
      if (typeof error === 'object' && error !== null && cancellations.has(error)) throw error;
      skipped.push({ fileName, reason: error instanceof AppError ? error.message : 'fichier illisible' });
    }
  }
  const added = inTransaction(db, () => {
    const done: { fileName: string; meetingId: number; restitutionId: number }[] = [];
    for (const [index, r] of readings.entries()) {
      ctx.onProgress?.({ operation: 'restitutions.importFolder', done: index, total: readings.length, message: `${index} restitutions enregistrées sur ${readings.length}` });
      if (repo.restitutionWithSha(db, r.meetingId, r.read.sha256)) {
        skipped.push({ fileName: r.fileName, reason: 'déjà jointe à cette rencontre' });
        continue;
      }
      // Reading takes minutes for a large folder: a meeting deleted meanwhile is said, not a failed import.
      if (!getMeeting(db, r.meetingId)) {
        skipped.push({ fileName: r.fileName, reason: `la rencontre ${r.meetingId} a été supprimée pendant la lecture` });
        continue;
      }
      done.push({ fileName: r.fileName, meetingId: r.meetingId, restitutionId: store(db, r.meetingId, r.read, ctx.now()) });
    }
    return done;
  });
  return { added, skipped };
}

/** restitutions.progress is another module's (what is left to read). */
export const restitutionHandlers: Omit<HandlerGroup<'restitutions'>, 'restitutions.progress'> = {
  'restitutions.list': ({ meetingId }, { db }) => {
    found(getMeeting(db, meetingId), 'Rencontre');
    return repo.restitutionsOfMeeting(db, meetingId);
  },
  'restitutions.get': ({ id }, { db }) => getRestitution(db, id),
  'restitutions.add': (input, ctx) => addRestitution(ctx, input),
  'restitutions.delete': ({ id }, { db }) => inTransaction(db, () => deleted(repo.deleteRestitution(db, id), 'Restitution')),
  'restitutions.cut': (input, { db }) => cutRestitution(db, input),
  'restitutions.previewFolder': ({ campaignId, folder }, ctx) => previewFolder(ctx, campaignId, folder),
  'restitutions.importFolder': (input, ctx) => importFolder(ctx, input),
};
