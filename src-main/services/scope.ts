/** A Bilan's or a synthesis's perimeter, resolved against the territory: names, codes, SQL filter. */
import type { Catalogue } from '../catalogue/database.ts';
import type { StatsScope } from '../catalogue/repos/stats.repo.ts';
import { placeWithParents, regionName } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { ScopeRef } from '../contract/schemas/reports.ts';
import { currentSettings } from './settings.service.ts';
import { academieLabel } from '../contract/domain.ts';

export interface ResolvedScope {
  kind: 'region' | 'academie' | 'departement' | 'national';
  /** 'FR' for the national scope. */
  code: string;
  /** "Nouvelle-Aquitaine", "Bordeaux", "Gironde", "France entière". */
  name: string;
  /** '' for the national scope (no région: the whole country). */
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

export const NATIONAL_NAME = 'France entière';

export function resolveScope(db: Catalogue, ref: ScopeRef = 'region', regionCode?: string): ResolvedScope {
  // The whole country: every région's meetings, whatever région the settings name.
  if (ref === 'national') {
    return {
      kind: 'national', code: 'FR', name: NATIONAL_NAME, regionCode: '', regionName: NATIONAL_NAME, academieCode: null, academieName: null,
      stats: { filterColumn: 'national', filterValue: '', rowColumn: 'academie_code' },
    };
  }
  if (ref === 'region') {
    const region = resolveRegion(db, regionCode);
    return {
      kind: 'region', code: region.code, name: region.name, regionCode: region.code, regionName: region.name,
      academieCode: null, academieName: null, stats: { filterColumn: 'region_code', filterValue: region.code, rowColumn: 'academie_code' },
    };
  }
  const [kind, code] = ref.split(':') as ['academie' | 'departement', string];
  const place = placeWithParents(db, kind, code);
  if (!place) throw conflict(kind === 'academie' ? `Académie inconnue : « ${code} ».` : `Département inconnu : « ${code} ».`);
  // An académie of another région would give an empty Bilan under this région's footer and contact.
  const region = regionCode ?? currentSettings(db).regionCode;
  if (region && region !== place.regionCode) {
    const name = regionName(db, region) ?? region;
    throw conflict(`${kind === 'academie' ? `L’${academieLabel(place.nom)}` : `Le département ${place.nom} (${code})`} n’est pas dans la région académique ${name} : choisissez-en un de la région, ou changez de région dans les Paramètres (ou avec --region).`);
  }
  return {
    kind, code, name: place.nom, regionCode: place.regionCode, regionName: place.regionName, academieCode: place.academieCode,
    academieName: place.academieName,
    stats: {
      filterColumn: kind === 'academie' ? 'academie_code' : 'departement_code',
      filterValue: code,
      rowColumn: 'departement_code',
      ...(kind === 'departement' && place.academieCode ? { academieWide: place.academieCode } : {}),
    },
  };
}
