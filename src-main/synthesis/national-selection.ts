/**
 * What the national synthesis prints of the régions' selections. A national restitution is a synthesis of
 * the syntheses (seed 002: a few expectations and suggestions per theme, with figures), not the 24 000
 * contributions the régions retained: per thématique and kind, each région académique's first few (in
 * the order its own synthesis prints them), the others counted, every one of them in the Bilan workbook.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { type PlacedRecord, placedSelectedContributions, placedSelectedRetex } from '../catalogue/repos/national.repo.ts';
import { territoryTree } from '../catalogue/repos/territory.repo.ts';

/** Contributions of one kind printed per région académique and thématique. */
export const NATIONAL_PER_REGION = 3;
/** Retex printed per région académique and thématique. */
export const NATIONAL_RETEX_PER_REGION = 2;

export interface NationalSelection {
  /** Régions académiques in the Bilan's order, then '' (records tied to no meeting). */
  regions: { code: string; name: string }[];
  /** Région of each printed contribution and retex, by id. */
  contributionRegion: Map<number, string>;
  retexRegion: Map<number, string>;
  /** Selected records per `${thematiqueId}:${kind}:${region}` (kind 'retex' for the retex). */
  selected: Map<string, number>;
  contributionIds: number[];
  retexIds: number[];
}

export const selectionKey = (thematiqueId: number | null, kind: string, region: string) => `${thematiqueId ?? 0}:${kind}:${region}`;

export function nationalSelection(db: Catalogue, campaignId: number): NationalSelection {
  const selected = new Map<string, number>();
  const keep = (records: PlacedRecord[], perRegion: number) => {
    const kept = new Map<number, string>();
    for (const r of records) {
      const key = selectionKey(r.thematique_id, r.kind, r.region);
      selected.set(key, (selected.get(key) ?? 0) + 1);
      if (r.rank <= perRegion) kept.set(r.id, r.region);
    }
    return kept;
  };
  const contributionRegion = keep(placedSelectedContributions(db, campaignId), NATIONAL_PER_REGION);
  const retexRegion = keep(placedSelectedRetex(db, campaignId), NATIONAL_RETEX_PER_REGION);
  return {
    regions: [...territoryTree(db).map((r) => ({ code: r.code, name: r.nom })), { code: '', name: 'Sans rencontre d’origine' }],
    contributionRegion,
    retexRegion,
    selected,
    contributionIds: [...contributionRegion.keys()],
    retexIds: [...retexRegion.keys()],
  };
}
