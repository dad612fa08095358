/**
 * Who a catalogue is for: a région académique, an académie or a département, with a name (« DSDEN de
 * la Vienne ») and its own signing key. A first launch asks; the demo is a choice, never forced.
 */
import { join } from 'node:path';
import { backupCatalogue } from '../catalogue/backup.ts';
import { backupsDirFor } from '../catalogue/paths.ts';
import { inTransaction, type Catalogue } from '../catalogue/database.ts';
import { holdsData, readIdentity, wipeCatalogueData, writeIdentity, type IdentityRow } from '../catalogue/repos/exchange.repo.ts';
import { readSettings, writeSetting } from '../catalogue/repos/setting.repo.ts';
import { placeWithParents, regionName } from '../catalogue/repos/territory.repo.ts';
import { newUid } from '../catalogue/uid.ts';
import { academieLabel } from '../contract/domain.ts';
import { conflict } from '../contract/errors.ts';
import type { CatalogueIdentity, ScopeKind } from '../contract/schemas/exchange.ts';
import type { ParsedInput } from '../contract/operations.ts';
import { fingerprint, newKeyPair } from '../exchange/signing.ts';
import { installPreset, PRESET_SLUGS } from './campaigns.service.ts';
import { stampCatalogue } from './exchange-state.ts';
import type { HandlerGroup, ServiceContext } from './context.ts';

export function scopeLabel(db: Catalogue, kind: ScopeKind, code: string): string {
  if (kind === 'region') return `Région académique ${regionName(db, code) ?? code}`;
  const place = placeWithParents(db, kind, code);
  if (!place) return code;
  return kind === 'academie' ? academieLabel(place.nom, true) : `${place.nom} (${code})`;
}

export function toIdentity(db: Catalogue, row: IdentityRow): CatalogueIdentity {
  return {
    uid: row.uid, name: row.name, scopeKind: row.scopeKind, scopeCode: row.scopeCode, scopeLabel: scopeLabel(db, row.scopeKind, row.scopeCode),
    regionCode: row.regionCode, isDemo: row.isDemo, fingerprint: fingerprint(row.publicKey), createdAt: row.createdAt,
  };
}

/** What every exchange needs: the identity given at setup or by `nouveau` (never guessed), refused in French without. */
export function requireIdentity(db: Catalogue): IdentityRow {
  const row = readIdentity(db);
  if (!row) {
    throw conflict('Ce catalogue n’a pas encore d’identité : dites d’abord pour qui il est (région académique, académie ou département), au premier lancement ou avec la commande « nouveau ».');
  }
  return row;
}

type Setup = ParsedInput<'identity.setup'>;

function resolveSetup(db: Catalogue, input: Setup): { scopeKind: ScopeKind; scopeCode: string } {
  if (!regionName(db, input.regionCode)) throw conflict(`Région académique inconnue : « ${input.regionCode} ».`);
  const kind: ScopeKind = input.departementCode ? 'departement' : input.academieCode ? 'academie' : 'region';
  if (kind === 'region') return { scopeKind: kind, scopeCode: input.regionCode };
  const code = (input.departementCode ?? input.academieCode)!;
  const place = placeWithParents(db, kind, code);
  if (!place) throw conflict(kind === 'academie' ? `Académie inconnue : « ${code} ».` : `Département inconnu : « ${code} ».`);
  if (place.regionCode !== input.regionCode) {
    throw conflict(`${kind === 'academie' ? academieLabel(place.nom, true) : `Le département ${place.nom} (${code})`} n’est pas dans la région académique ${regionName(db, input.regionCode)}.`);
  }
  return { scopeKind: kind, scopeCode: code };
}

/** A new catalogue: its identity, its région in the settings, the consultations' presets. */
export function setUpCatalogue(db: Catalogue, input: Setup, now: Date): IdentityRow {
  const scope = resolveSetup(db, input);
  return inTransaction(db, () => {
    const existing = readIdentity(db);
    if (existing) throw conflict(`Ce catalogue est déjà « ${existing.name} » : pour un autre, créez un nouveau catalogue.`);
    writeIdentity(db, {
      uid: newUid(), name: input.name, ...scope, regionCode: input.regionCode, isDemo: input.demo, ...newKeyPair(), createdAt: now.toISOString(),
    });
    writeSetting(db, 'regionCode', input.regionCode);
    const presets = PRESET_SLUGS.map((slug) => installPreset(db, slug));
    if (readSettings(db).activeCampaignId === undefined) writeSetting(db, 'activeCampaignId', presets[0]!.id);
    // What the catalogue holds now is its starting point: an edit made before the first exchange is then an edit.
    const identity = readIdentity(db)!;
    stampCatalogue(db, identity, now);
    return identity;
  });
}

async function loadDemoHere(ctx: ServiceContext): Promise<void> {
  // Through the contract, as the CLI's demo command does (loaded lazily: the transport sits above the services).
  const [{ localCaller }, { loadDemos }] = await Promise.all([import('../transport/local.ts'), import('../demo/demo-catalogue.ts')]);
  await loadDemos(localCaller(ctx));
}

export const identityHandlers: HandlerGroup<'identity'> = {
  'identity.get': (_input, { db }) => {
    const row = readIdentity(db);
    return row ? toIdentity(db, row) : null;
  },
  // A catalogue made before identities, without a région to name it after, is asked too: its data stay.
  'identity.setup': (input, { db, now }) => toIdentity(db, setUpCatalogue(db, input, now())),
  'identity.loadDemo': async (_input, ctx) => {
    if (holdsData(ctx.db) || readIdentity(ctx.db)) throw conflict('La démonstration ne s’ouvre que dans un catalogue neuf.');
    await loadDemoHere(ctx);
    return toIdentity(ctx.db, readIdentity(ctx.db)!);
  },
  /** The demo makes way for one's own catalogue; a copy of it is kept first (what was typed there is not lost). */
  'identity.leaveDemo': async (input, { db, now, cataloguePath, documentsDir }) => {
    const current = readIdentity(db);
    if (!current?.isDemo) throw conflict('Ce catalogue n’est pas la démonstration : il n’y a rien à quitter.');
    resolveSetup(db, input);
    const dir = cataloguePath && cataloguePath !== ':memory:' ? backupsDirFor(cataloguePath) : documentsDir ? join(documentsDir, 'sauvegardes') : null;
    const copy = dir ? await backupCatalogue(db, dir, now()) : null;
    // On any error the transaction leaves the demo as it was, and the dispatcher says it in French.
    inTransaction(db, () => {
      wipeCatalogueData(db);
      setUpCatalogue(db, { ...input, demo: false }, now());
    });
    return { identity: toIdentity(db, readIdentity(db)!), demoCopy: copy?.path ?? null };
  },
};
