/**
 * What a bundle carries: for a whole catalogue, everything (settings, trames and style templates
 * included); for an académie or a département, what it owns — its meetings, bassins, établissements,
 * the retex and contributions drawn from them, the texts written for it — plus what those point to,
 * so that the receiver can tie every reference. Deletions always travel.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { catalogueNames, readExchangeStates, readOwnedStates, readStatesByUid, type IdentityRow } from '../catalogue/repos/exchange.repo.ts';
import { campaignUid, etablissementUid } from '../catalogue/repos/exchange-records.repo.ts';
import { allDepartements } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { ScopeRef } from '../contract/schemas/reports.ts';
import { countKey, packBundle } from '../exchange/bundle.ts';
import type { ExchangeRecord } from '../exchange/record.ts';
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
  const chosen = db.transaction(() => {
    stampCatalogue(db, identity, now);
    return whole ? [...readExchangeStates(db).values()].map((s) => s.row()) : select(db, scope);
  })();
  const known = catalogueNames(db);
  const origins = Object.fromEntries(
    [...new Set(chosen.map((r) => r.origin))].sort().map((uid) => [uid, uid === identity.uid ? identity.name : (known.get(uid) ?? 'un autre catalogue')]),
  );
  const counts: Record<string, number> = {};
  for (const r of chosen) counts[countKey(r)] = (counts[countKey(r)] ?? 0) + 1;
  const bytes = await packBundle(
    {
      schemaVersion: catalogueCounts(db).schemaVersion,
      source: { uid: identity.uid, name: identity.name, scopeKind: identity.scopeKind, scopeCode: identity.scopeCode, regionCode: identity.regionCode },
      scope: scope ?? 'region', whole, createdAt: now.toISOString(), counts, origins,
    },
    order(chosen),
    identity,
  );
  return { bytes, scope: scope ?? 'region', counts };
}

/** Stable order (kind, then uid): the same catalogue gives the same bundle. */
function order(records: ExchangeRecord[]): ExchangeRecord[] {
  return [...records].sort((a, b) => (a.kind === b.kind ? (a.uid < b.uid ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}

function select(db: Catalogue, scope: ScopeRef): ExchangeRecord[] {
  const [kind, code] = scope.split(':') as ['academie' | 'departement', string];
  const all = allDepartements(db);
  const departements = all.filter((d) => (kind === 'academie' ? d.academieCode === code : d.code === code));
  if (departements.length === 0) throw conflict(kind === 'academie' ? `Académie inconnue : « ${code} ».` : `Département inconnu : « ${code} ».`);
  const chosen = new Map(
    readOwnedStates(db, {
      departements: departements.map((d) => d.code), academies: [...new Set(departements.map((d) => d.academieCode))],
      academie: kind === 'academie', text: scope,
    }).map((r) => [r.uid, r]),
  );
  // What the chosen records point to comes along, so that every reference can be tied at the other end.
  let wanted = [...chosen.values()].filter((r) => !r.deleted);
  while (wanted.length > 0) {
    const missing = new Set<string>();
    const want = (uid: unknown) => {
      if (typeof uid === 'string' && !chosen.has(uid)) missing.add(uid);
    };
    for (const r of wanted) {
      if (typeof r.fields.campaign === 'string') want(campaignUid(r.fields.campaign));
      const place = (r.fields.place ?? {}) as Record<string, unknown>;
      for (const uid of [r.fields.bassin, place.bassin, r.fields.sourceMeeting, r.fields.parent]) want(uid);
      for (const uai of [r.fields.etablissementUai, place.etablissementUai]) if (typeof uai === 'string') want(etablissementUid(uai));
      if (r.kind === 'contribution') for (const m of r.fields.sources as string[]) want(m);
    }
    wanted = readStatesByUid(db, [...missing]).filter((r) => !r.deleted);
    for (const r of wanted) chosen.set(r.uid, r);
  }
  return [...chosen.values()];
}
