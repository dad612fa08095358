/**
 * What a bundle carries: for a whole catalogue, everything (settings, trames and style templates
 * included); for an académie or a département, what it owns — its meetings, bassins, établissements,
 * the retex, contributions and restitutions drawn from them, the texts written for it — plus what those
 * point to, so that the receiver can tie every reference (a contribution's group and the restitution
 * it was cut from: a group travels with any of its members), the review history of the
 * contributions and groups it carries, and the maps of thématiques saved (with their consultations).
 * Deletions always travel.
 */
import type { Catalogue } from '../catalogue/database.ts';
import {
  catalogueNames, iterateOwnedRows, iterateReviewEventsOf, iterateRowsByUid, iterateRowsInOrder, storedRecord, type IdentityRow, type StoredRecord,
} from '../catalogue/repos/exchange.repo.ts';
import { campaignUid, etablissementUid, savedMapUids } from '../catalogue/repos/exchange-records.repo.ts';
import { allDepartements } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { ScopeRef } from '../contract/schemas/reports.ts';
import { bundleContent, countKey, packContent } from '../exchange/bundle.ts';
import type { Json } from '../exchange/record.ts';
import { catalogueCounts } from '../catalogue/repos/document.repo.ts';
import { stampCatalogue } from './exchange-state.ts';

export interface BuiltBundle {
  bytes: Buffer;
  scope: string;
  counts: Record<string, number>;
}

export async function buildBundle(db: Catalogue, identity: IdentityRow, scope: ScopeRef | undefined, now: Date): Promise<BuiltBundle> {
  // The national scope is the whole catalogue too (a bundle carries what the catalogue holds).
  const whole = scope === undefined || scope === 'region' || scope === 'national';
  const origins = new Set<string>();
  const counts: Record<string, number> = {};
  // Records read row by row in the bundle's order and written as lines at once: never all of them as objects.
  const content = db.transaction(() => {
    stampCatalogue(db, identity, now);
    const rows = iterateRowsInOrder(db, whole ? null : select(db, scope));
    return bundleContent(lines(rows, (r) => {
      origins.add(r.origin);
      const key = countKey({ kind: r.kind, deleted: r.deleted === 1 });
      counts[key] = (counts[key] ?? 0) + 1;
    }));
  })();
  const known = catalogueNames(db);
  const bytes = await packContent(
    {
      schemaVersion: catalogueCounts(db).schemaVersion,
      source: { uid: identity.uid, name: identity.name, scopeKind: identity.scopeKind, scopeCode: identity.scopeCode, regionCode: identity.regionCode },
      scope: scope ?? 'region', whole, createdAt: now.toISOString(), counts,
      origins: Object.fromEntries([...origins].sort().map((uid) => [uid, uid === identity.uid ? identity.name : (known.get(uid) ?? 'un autre catalogue')])),
    },
    content,
    identity,
  );
  return { bytes, scope: scope ?? 'region', counts };
}

/**
 * Each record's line, as JSON.stringify writes the record (its texts parsed and written again: the same
 * bytes as ever). Stable order (kind, then uid: iterateRowsInOrder): the same catalogue gives the same bundle.
 */
function* lines(rows: Iterable<StoredRecord>, seen: (r: StoredRecord) => void): Generator<string> {
  for (const r of rows) {
    seen(r);
    yield JSON.stringify(storedRecord(r));
  }
}

/** The uids of what an académie's or a département's bundle carries; only their keys are kept. */
function select(db: Catalogue, scope: ScopeRef): string[] {
  const [kind, code] = scope.split(':') as ['academie' | 'departement', string];
  const all = allDepartements(db);
  const departements = all.filter((d) => (kind === 'academie' ? d.academieCode === code : d.code === code));
  if (departements.length === 0) throw conflict(kind === 'academie' ? `Académie inconnue : « ${code} ».` : `Département inconnu : « ${code} ».`);
  const chosen = new Set<string>();
  // What the chosen records point to comes along, so that every reference can be tied at the other end.
  const pointed = new Set<string>();
  const take = (rows: Iterable<StoredRecord>, onlyKept: boolean) => {
    for (const row of rows) {
      if (row.deleted === 1 && onlyKept) continue;
      chosen.add(row.uid);
      if (row.deleted === 0) referencesOf(row, pointed);
    }
  };
  take(iterateOwnedRows(db, {
    departements: departements.map((d) => d.code), academies: [...new Set(departements.map((d) => d.academieCode))],
    academie: kind === 'academie', text: scope,
  }), false);
  // The maps of thématiques the user saved (Comparaison) belong to no territory: every bundle carries them.
  take(iterateRowsByUid(db, savedMapUids(db)), true);
  for (;;) {
    const missing = [...pointed].filter((uid) => !chosen.has(uid));
    pointed.clear();
    if (missing.length === 0) break;
    const before = chosen.size;
    take(iterateRowsByUid(db, missing), true);
    if (chosen.size === before) break;
  }
  // Review entries point to what they are about: those of the contributions and groups carried come along.
  take(iterateReviewEventsOf(db, [...chosen]), true);
  return [...chosen];
}

/** The uids a record points to. */
function referencesOf(row: StoredRecord, into: Set<string>): void {
  const fields = JSON.parse(row.fields) as Record<string, Json>;
  const want = (uid: unknown) => {
    if (typeof uid === 'string') into.add(uid);
  };
  for (const slug of [fields.campaign, fields.fromCampaign, fields.toCampaign]) if (typeof slug === 'string') want(campaignUid(slug));
  const place = (fields.place ?? {}) as Record<string, unknown>;
  const passage = (fields.passage ?? {}) as Record<string, unknown>;
  for (const uid of [fields.bassin, place.bassin, fields.sourceMeeting, fields.parent, fields.meeting, fields.group, passage.restitution, fields.contribution]) {
    want(uid);
  }
  for (const uai of [fields.etablissementUai, place.etablissementUai]) if (typeof uai === 'string') want(etablissementUid(uai));
  if (row.kind === 'contribution') for (const m of fields.sources as string[]) want(m);
}
