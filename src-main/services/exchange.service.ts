/**
 * The « Échanges » operations: write a bundle, preview and merge one, settle conflicts, and the shared
 * folder that a sync service (the ministry's Nextcloud, a network share) keeps in step between laptops.
 * The app never opens a network connection: it writes and reads files.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Catalogue } from '../catalogue/database.ts';
import {
  countOpenConflicts, listLog, listPeers, localUid, mergedBundleShas, openConflicts, catalogueNames, recordOrigin, writeLog,
  type IdentityRow,
} from '../catalogue/repos/exchange.repo.ts';
import { readSettings, writeSetting } from '../catalogue/repos/setting.repo.ts';
import { catalogueCounts } from '../catalogue/repos/document.repo.ts';
import { AppError, conflict } from '../contract/errors.ts';
import type { ParsedInput } from '../contract/operations.ts';
import { BUNDLE_EXTENSION, MAX_BUNDLE_BYTES, readBundle, readManifest } from '../exchange/bundle.ts';
import { fingerprint, sha256 } from '../exchange/signing.ts';
import { asciiLetters, frenchDate } from '../text/french.ts';
import type { HandlerGroup, ServiceContext } from './context.ts';
import { describeConflicts, settleConflict } from './exchange-conflicts.ts';
import { buildBundle } from './exchange-export.ts';
import { bundleScopeLabel, checkSender, mergeBundle } from './exchange-merge.ts';
import { requireIdentity, scopeLabel, toIdentity } from './identity.service.ts';
import { readGivenFile } from './input-files.ts';
import { makeDir, outputFile, outputFolder, writeAtomically } from './output-files.ts';

const FOLDER_SETTING = 'exchangeFolder';

async function writeBundle(ctx: ServiceContext, identity: IdentityRow, scope: ParsedInput<'exchange.export'>['scope'], path: string) {
  const built = await buildBundle(ctx.db, identity, scope, ctx.now());
  makeDir(resolve(path, '..'));
  writeAtomically(path, built.bytes);
  const digest = sha256(built.bytes);
  ctx.db.transaction(() =>
    writeLog(ctx.db, {
      direction: 'sent', peerUid: identity.uid, peerName: identity.name, scope: built.scope, bundleSha: digest, fileName: basename(path),
      createdAt: ctx.now().toISOString(), at: ctx.now().toISOString(), added: 0, updated: 0, deleted: 0, conflicts: 0,
    }),
  )();
  return { path, fileName: basename(path), sha256: digest, bytes: built.bytes.length, scope: built.scope, counts: built.counts };
}

/** This catalogue's bundle in the shared folder: one stable name, replaced at each publication. */
function publishName(identity: IdentityRow): string {
  const stem = asciiLetters(identity.name).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'catalogue';
  return `${stem}-${identity.uid.slice(0, 8)}${BUNDLE_EXTENSION}`;
}

function ownScope(identity: IdentityRow) {
  return identity.scopeKind === 'region' ? undefined : (`${identity.scopeKind}:${identity.scopeCode}` as ParsedInput<'exchange.export'>['scope']);
}

function exchangeFolder(db: Catalogue): string | null {
  const folder = readSettings(db)[FOLDER_SETTING];
  return typeof folder === 'string' && folder !== '' ? folder : null;
}

async function merge(input: ParsedInput<'exchange.merge'>, ctx: ServiceContext, dryRun: boolean) {
  const identity = requireIdentity(ctx.db);
  // A bare name is where this app writes it: under the documents folder, not wherever the app was started.
  const file = readGivenFile(input.path !== undefined ? { path: outputFolder(ctx, input.path) } : input, MAX_BUNDLE_BYTES);
  const bundle = await readBundle(file.bytes, file.fileName, catalogueCounts(ctx.db).schemaVersion, (opened) =>
    checkSender(ctx.db, identity, opened, { acceptNewKey: input.acceptNewKey, fileName: file.fileName }),
  );
  const report = ctx.onProgress ? (d: number, t: number) => ctx.onProgress!({ operation: 'exchange.merge', done: d, total: t, message: 'Fusion du paquet' }) : undefined;
  return mergeBundle(ctx.db, identity, bundle, { dryRun, acceptNewKey: input.acceptNewKey, fileName: file.fileName, onProgress: report }, ctx.now());
}

/**
 * The folder is looked at every half minute while the app is open: a bundle is read again only when
 * its size or date changed (a sync service replaced it), not at every look.
 */
const manifests = new Map<string, { stamp: string; bundle?: Awaited<ReturnType<typeof readManifest>>; error?: unknown }>();
async function manifestOf(path: string, fileName: string, schemaVersion: number) {
  const stat = statSync(path);
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  let entry = manifests.get(path);
  if (entry?.stamp !== stamp) {
    // A file that could not be read is not read again either, until it changes.
    try {
      entry = { stamp, bundle: await readManifest(readGivenFile({ path }, MAX_BUNDLE_BYTES).bytes, fileName, schemaVersion) };
    } catch (error) {
      entry = { stamp, error };
    }
    if (manifests.size > 500) manifests.clear();
    manifests.set(path, entry);
  }
  if (entry.error !== undefined) throw entry.error;
  return entry.bundle!;
}

export const exchangeHandlers: HandlerGroup<'exchange'> = {
  'exchange.overview': (_input, { db }) => {
    const identity = requireIdentity(db);
    return {
      identity: toIdentity(db, identity),
      peers: listPeers(db).map((p) => ({
        uid: p.uid, name: p.name, scopeLabel: scopeLabel(db, p.scopeKind as 'region', p.scopeCode), fingerprint: fingerprint(p.publicKey),
        firstSeenAt: p.firstSeenAt, lastMergedAt: p.lastMergedAt,
      })),
      log: listLog(db).map((l) => ({
        id: l.id, direction: l.direction, peerName: l.peerName, scope: l.scope, fileName: l.fileName, at: l.at, added: l.added,
        updated: l.updated, deleted: l.deleted, conflicts: l.conflicts,
      })),
      openConflicts: countOpenConflicts(db),
      folder: exchangeFolder(db),
      publishName: publishName(identity),
    };
  },
  'exchange.export': async (input, ctx) => {
    const identity = requireIdentity(ctx.db);
    return writeBundle(ctx, identity, input.scope, outputFile(ctx, input.outPath, BUNDLE_EXTENSION));
  },
  'exchange.preview': (input, ctx) => merge(input, ctx, true),
  'exchange.merge': (input, ctx) => merge(input, ctx, false),
  'exchange.conflicts': (_input, { db }) => describeConflicts(db, openConflicts(db)),
  'exchange.resolve': ({ id, keep }, { db, now }) => {
    settleConflict(db, requireIdentity(db), id, keep, now());
    return { remaining: countOpenConflicts(db) };
  },
  'exchange.setFolder': ({ folder: given }, ctx) => {
    const { db } = ctx;
    const folder = given === null ? null : outputFolder(ctx, given);
    if (folder !== null && (!existsSync(folder) || !statSync(folder).isDirectory())) {
      throw new AppError('FILE', `Dossier introuvable : « ${folder} ». Choisissez le dossier que votre service de synchronisation (Nextcloud, partage réseau) tient à jour.`);
    }
    db.transaction(() => writeSetting(db, FOLDER_SETTING, folder ?? ''))();
    return { folder: exchangeFolder(db) };
  },
  'exchange.publish': async (_input, ctx) => {
    const identity = requireIdentity(ctx.db);
    const folder = exchangeFolder(ctx.db);
    if (!folder) throw conflict('Aucun dossier partagé choisi : indiquez-le d’abord dans l’écran Échanges.');
    return writeBundle(ctx, identity, ownScope(identity), join(folder, publishName(identity)));
  },
  'exchange.inbox': async (_input, { db }) => {
    const identity = requireIdentity(db);
    const folder = exchangeFolder(db);
    if (!folder) return [];
    if (!existsSync(folder)) throw new AppError('FILE', `Le dossier partagé « ${folder} » est introuvable (le service de synchronisation est-il lancé ?).`);
    const merged = mergedBundleShas(db);
    const names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith(BUNDLE_EXTENSION)).sort();
    const schemaVersion = catalogueCounts(db).schemaVersion;
    const found = [];
    for (const fileName of names) {
      const path = join(folder, fileName);
      try {
        const bundle = await manifestOf(path, fileName, schemaVersion);
        const mine = bundle.manifest.source.uid === identity.uid;
        found.push({
          fileName, path, sourceName: bundle.manifest.source.name, scopeLabel: bundleScopeLabel(db, bundle), createdAt: bundle.manifest.createdAt,
          sha256: bundle.sha256, status: mine ? ('le-mien' as const) : merged.has(bundle.sha256) ? ('fusionne' as const) : ('nouveau' as const),
          problem: null,
        });
      } catch (error) {
        found.push({
          fileName, path, sourceName: null, scopeLabel: null, createdAt: null, sha256: null, status: 'illisible' as const,
          problem: error instanceof AppError ? error.message : 'fichier illisible',
        });
      }
    }
    return found;
  },
  'exchange.provenance': ({ kind, id }, { db }) => {
    const identity = requireIdentity(db);
    const uid = localUid(db, kind, id);
    const origin = uid ? recordOrigin(db, uid) : undefined;
    if (!uid || !origin) return { uid, createdIn: null, receivedFrom: null, receivedAt: null, summary: null };
    const names = catalogueNames(db);
    const nameOf = (u: string) => (u === identity.uid ? 'ce catalogue' : (names.get(u) ?? 'un autre catalogue'));
    const receivedFrom = origin.receivedFrom ? nameOf(origin.receivedFrom) : null;
    // Names are the catalogues' own (« DSDEN de la Vienne »): quoted, they read right without an article.
    const quoted = (name: string) => (name === 'ce catalogue' ? name : `« ${name} »`);
    return {
      uid,
      createdIn: nameOf(origin.origin),
      receivedFrom,
      receivedAt: origin.receivedAt,
      summary: receivedFrom && origin.receivedAt
        ? `reçu de ${quoted(receivedFrom)} le ${frenchDate(origin.receivedAt.slice(0, 10))}${origin.origin !== origin.receivedFrom ? ` (créé par ${quoted(nameOf(origin.origin))})` : ''}`
        : origin.origin === identity.uid ? null : `créé par ${quoted(nameOf(origin.origin))}`,
    };
  },
};
