/**
 * What a bundle carries: for a whole catalogue, everything (settings, trames and style templates
 * included); for an académie or a département, what it owns — its meetings, bassins, établissements,
 * the retex and contributions drawn from them, the texts written for it — plus what those point to,
 * so that the receiver can tie every reference. Deletions always travel.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { catalogueNames, readExchangeStates, type IdentityRow } from '../catalogue/repos/exchange.repo.ts';
import { campaignUid, etablissementUid } from '../catalogue/repos/exchange-records.repo.ts';
import { allDepartements } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { ScopeRef } from '../contract/schemas/reports.ts';
import { packBundle } from '../exchange/bundle.ts';
import type { ExchangeRecord } from '../exchange/record.ts';
import { catalogueCounts } from '../catalogue/repos/document.repo.ts';
import { stampCatalogue } from './exchange-state.ts';

export interface BuiltBundle {
  bytes: Buffer;
  scope: string;
  counts: Record<string, number>;
}

export async function buildBundle(db: Catalogue, identity: IdentityRow, scope: ScopeRef | undefined, now: Date): Promise<BuiltBundle> {
  const records = db.transaction(() => {
    stampCatalogue(db, identity);
    return [...readExchangeStates(db).values()].map((s) => s.row());
  })();
  const chosen = scope === undefined || scope === 'region' ? records : select(db, records, scope);
  const known = catalogueNames(db);
  const origins = Object.fromEntries(
    [...new Set(chosen.map((r) => r.origin))].sort().map((uid) => [uid, uid === identity.uid ? identity.name : (known.get(uid) ?? 'un autre catalogue')]),
  );
  const counts: Record<string, number> = {};
  for (const r of chosen) counts[r.deleted ? 'suppressions' : r.kind] = (counts[r.deleted ? 'suppressions' : r.kind] ?? 0) + 1;
  const bytes = await packBundle(
    {
      schemaVersion: catalogueCounts(db).schemaVersion,
      source: { uid: identity.uid, name: identity.name, scopeKind: identity.scopeKind, scopeCode: identity.scopeCode, regionCode: identity.regionCode },
      scope: scope ?? 'region', whole: scope === undefined || scope === 'region', createdAt: now.toISOString(), counts, origins,
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

function select(db: Catalogue, records: ExchangeRecord[], scope: ScopeRef): ExchangeRecord[] {
  const [kind, code] = scope.split(':') as ['academie' | 'departement', string];
  const departements = new Set(
    allDepartements(db).filter((d) => (kind === 'academie' ? d.academieCode === code : d.code === code)).map((d) => d.code),
  );
  if (departements.size === 0) throw conflict(kind === 'academie' ? `Académie inconnue : « ${code} ».` : `Département inconnu : « ${code} ».`);
  const academies = new Set(allDepartements(db).filter((d) => departements.has(d.code)).map((d) => d.academieCode));
  const byUid = new Map(records.map((r) => [r.uid, r]));
  const alive = records.filter((r) => !r.deleted);
  const f = (r: ExchangeRecord, key: string) => r.fields[key];
  const inPlace = (dep: unknown, aca: unknown) =>
    typeof dep === 'string' ? departements.has(dep) : kind === 'academie' && typeof aca === 'string' && academies.has(aca);

  const chosen = new Set<string>();
  const meetings = new Set<string>();
  for (const r of alive) {
    if (r.kind === 'meeting' && inPlace(f(r, 'departementCode'), f(r, 'academieCode'))) meetings.add(r.uid);
  }
  const etablissementPlace = new Map(alive.filter((r) => r.kind === 'etablissement').map((r) => [f(r, 'uai'), f(r, 'departementCode')]));
  for (const r of alive) {
    const owned =
      (r.kind === 'meeting' && meetings.has(r.uid)) ||
      ((r.kind === 'bassin' || r.kind === 'etablissement') && departements.has(f(r, 'departementCode') as string)) ||
      (r.kind === 'retex' &&
        (f(r, 'etablissementUai') !== null && etablissementPlace.has(f(r, 'etablissementUai'))
          ? departements.has(etablissementPlace.get(f(r, 'etablissementUai')) as string)
          : meetings.has(f(r, 'sourceMeeting') as string))) ||
      (r.kind === 'contribution' && (f(r, 'sources') as string[]).some((m) => meetings.has(m))) ||
      (r.kind === 'sectionText' && textInScope(f(r, 'scope') as string, scope, departements));
    if (owned) chosen.add(r.uid);
  }
  // What the chosen records point to comes along, so that every reference can be tied at the other end.
  const queue = [...chosen];
  const add = (uid: unknown) => {
    if (typeof uid === 'string' && byUid.has(uid) && !chosen.has(uid)) {
      chosen.add(uid);
      queue.push(uid);
    }
  };
  while (queue.length > 0) {
    const r = byUid.get(queue.pop()!)!;
    if (typeof r.fields.campaign === 'string') add(campaignUid(r.fields.campaign));
    for (const key of ['bassin', 'sourceMeeting', 'parent']) add(r.fields[key]);
    for (const key of ['etablissementUai']) if (typeof r.fields[key] === 'string') add(etablissementUid(r.fields[key] as string));
    if (r.kind === 'contribution') for (const m of r.fields.sources as string[]) add(m);
  }
  return records.filter((r) => r.deleted || chosen.has(r.uid));
}

/** An académie's texts and its départements'; a département's own. */
function textInScope(textScope: string, scope: ScopeRef, departements: Set<string>): boolean {
  if (textScope === scope) return true;
  return scope.startsWith('academie:') && textScope.startsWith('departement:') && departements.has(textScope.slice('departement:'.length));
}
