/** A Bilan's or a synthesis's perimeter, resolved against the territory: names, codes, SQL filter. */
import type { Catalogue } from '../catalogue/database.ts';
import type { StatsScope } from '../catalogue/repos/stats.repo.ts';
import { regionName } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { ScopeRef } from '../contract/schemas/reports.ts';
import { currentSettings } from './settings.service.ts';

export interface ResolvedScope {
  kind: 'region' | 'academie' | 'departement';
  code: string;
  /** "Nouvelle-Aquitaine", "Bordeaux", "Gironde". */
  name: string;
  regionCode: string;
  regionName: string;
  /** The académie of an académie or département scope. */
  academieCode: string | null;
  academieName: string | null;
  stats: StatsScope;
}

export function resolveRegion(db: Catalogue, regionCode?: string): { code: string; name: string } {
  const code = regionCode ?? currentSettings(db).regionCode;
  if (!code) {
    throw conflict('Aucune région académique choisie : indiquez-la dans les Paramètres (ou avec --region).');
  }
  const name = regionName(db, code);
  if (!name) throw conflict(`Région académique inconnue : « ${code} ».`);
  return { code, name };
}

export function resolveScope(db: Catalogue, ref: ScopeRef = 'region', regionCode?: string): ResolvedScope {
  if (ref === 'region') {
    const region = resolveRegion(db, regionCode);
    return {
      kind: 'region', code: region.code, name: region.name, regionCode: region.code, regionName: region.name,
      academieCode: null, academieName: null, stats: { filterColumn: 'region_code', filterValue: region.code, rowColumn: 'academie_code' },
    };
  }
  const [kind, code] = ref.split(':') as ['academie' | 'departement', string];
  const place = db
    .prepare(
      kind === 'academie'
        ? `SELECT a.nom, a.code AS academie, a.nom AS academie_nom, r.code AS region, r.nom AS region_nom FROM academie a
           JOIN region_academique r ON r.code = a.region_code WHERE a.code = ?`
        : `SELECT d.nom, a.code AS academie, a.nom AS academie_nom, r.code AS region, r.nom AS region_nom FROM departement d
           JOIN academie a ON a.code = d.academie_code JOIN region_academique r ON r.code = a.region_code WHERE d.code = ?`,
    )
    .get(code) as { nom: string; academie: string; academie_nom: string; region: string; region_nom: string } | undefined;
  if (!place) throw conflict(`${kind === 'academie' ? 'Académie' : 'Département'} inconnu(e) : « ${code} ».`);
  if (regionCode && regionCode !== place.region) {
    throw conflict(`« ${place.nom} » n’est pas dans la région académique ${regionCode}.`);
  }
  return {
    kind, code, name: place.nom, regionCode: place.region, regionName: place.region_nom, academieCode: place.academie,
    academieName: place.academie_nom,
    stats: {
      filterColumn: kind === 'academie' ? 'academie_code' : 'departement_code',
      filterValue: code,
      rowColumn: 'departement_code',
    },
  };
}
