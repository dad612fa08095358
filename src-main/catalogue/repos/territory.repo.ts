import type { Catalogue } from '../database.ts';
import type { Page } from '../../contract/schemas/lists.ts';
import { pageOfItems, sortKeyContains, Where } from './list-sql.ts';
import type { Bassin, Etablissement, RegionAcademique } from '../../contract/schemas/territory.ts';

interface BassinRow { id: number; departement_code: string; kind: 'ZAP' | 'ECLORE'; nom: string; academie_code: string }
interface EtablissementRow {
  uai: string; nom: string; type: Etablissement['type']; commune: string; departement_code: string;
  bassin_id: number | null; academie_code: string;
}

export function territoryTree(db: Catalogue): RegionAcademique[] {
  const regions = db.prepare('SELECT code, nom FROM region_academique ORDER BY nom').all() as { code: string; nom: string }[];
  const academies = db.prepare('SELECT code, numero, nom, region_code FROM academie ORDER BY nom').all() as {
    code: string; numero: string; nom: string; region_code: string;
  }[];
  const departements = db.prepare('SELECT code, nom, academie_code FROM departement ORDER BY code').all() as {
    code: string; nom: string; academie_code: string;
  }[];
  return regions.map((r) => ({
    code: r.code,
    nom: r.nom,
    academies: academies
      .filter((a) => a.region_code === r.code)
      .map((a) => ({
        code: a.code,
        numero: a.numero,
        nom: a.nom,
        regionCode: r.code,
        departements: departements
          .filter((d) => d.academie_code === a.code)
          .map((d) => ({ code: d.code, nom: d.nom, academieCode: a.code })),
      })),
  }));
}

export function regionName(db: Catalogue, code: string): string | undefined {
  return db.prepare('SELECT nom FROM region_academique WHERE code = ?').pluck().get(code) as string | undefined;
}

export function academieOfDepartement(db: Catalogue, code: string): string | undefined {
  return db.prepare('SELECT academie_code FROM departement WHERE code = ?').pluck().get(code) as string | undefined;
}

export function regionOfAcademie(db: Catalogue, code: string): string | undefined {
  return db.prepare('SELECT region_code FROM academie WHERE code = ?').pluck().get(code) as string | undefined;
}

export interface PlaceName { code: string; nom: string }

export function academieNames(db: Catalogue, regionCode?: string): PlaceName[] {
  return db
    .prepare('SELECT code, nom FROM academie WHERE @region IS NULL OR region_code = @region ORDER BY nom')
    .all({ region: regionCode ?? null }) as PlaceName[];
}

/** Départements by code, narrowed to a région, an académie or one département. */
export function departementNames(
  db: Catalogue, filter: { regionCode?: string | null; academieCode?: string | null; departementCode?: string | null },
): PlaceName[] {
  return db
    .prepare(
      `SELECT d.code, d.nom FROM departement d JOIN academie a ON a.code = d.academie_code
       WHERE (@region IS NULL OR a.region_code = @region) AND (@academie IS NULL OR a.code = @academie)
         AND (@departement IS NULL OR d.code = @departement) ORDER BY d.code`,
    )
    .all({ region: filter.regionCode ?? null, academie: filter.academieCode ?? null, departement: filter.departementCode ?? null }) as PlaceName[];
}

export function departementName(db: Catalogue, code: string): string | undefined {
  return db.prepare('SELECT nom FROM departement WHERE code = ?').pluck().get(code) as string | undefined;
}

/** An académie or a département with the académie and région it belongs to. */
export interface PlaceWithParents {
  nom: string; academieCode: string; academieName: string; regionCode: string; regionName: string;
}

export function placeWithParents(db: Catalogue, kind: 'academie' | 'departement', code: string): PlaceWithParents | undefined {
  const row = db
    .prepare(
      kind === 'academie'
        ? `SELECT a.nom, a.code AS academie, a.nom AS academie_nom, r.code AS region, r.nom AS region_nom FROM academie a
           JOIN region_academique r ON r.code = a.region_code WHERE a.code = ?`
        : `SELECT d.nom, a.code AS academie, a.nom AS academie_nom, r.code AS region, r.nom AS region_nom FROM departement d
           JOIN academie a ON a.code = d.academie_code JOIN region_academique r ON r.code = a.region_code WHERE d.code = ?`,
    )
    .get(code) as { nom: string; academie: string; academie_nom: string; region: string; region_nom: string } | undefined;
  return row && {
    nom: row.nom, academieCode: row.academie, academieName: row.academie_nom, regionCode: row.region, regionName: row.region_nom,
  };
}

/** Every département with its académie: what a spreadsheet import matches typed names against. */
export function allDepartements(db: Catalogue): { code: string; nom: string; academieCode: string }[] {
  return db.prepare('SELECT code, nom, academie_code AS academieCode FROM departement ORDER BY code').all() as {
    code: string; nom: string; academieCode: string;
  }[];
}

/**
 * The académies, départements and bassins as one text, row by row: equal texts, equal territories. What a
 * kept territory index is checked against (spreadsheets/territory-lookup.ts); about 2 ms at national scale.
 */
export function territoryFingerprint(db: Catalogue): string {
  return db.prepare(
    `SELECT coalesce((SELECT group_concat(id || '|' || departement_code || '|' || kind || '|' || nom, char(10)) FROM bassin), '')
       || char(11) || coalesce((SELECT group_concat(code || '|' || nom || '|' || academie_code, char(10)) FROM departement), '')
       || char(11) || coalesce((SELECT group_concat(code || '|' || nom, char(10)) FROM academie), '')`,
  ).pluck().get() as string;
}

/** Every établissement's UAI and département, for matching rows without loading whole records. */
export function etablissementPlaces(db: Catalogue): { uai: string; departementCode: string }[] {
  return db.prepare('SELECT uai, departement_code AS departementCode FROM etablissement').all() as {
    uai: string; departementCode: string;
  }[];
}

const BASSIN_SELECT = `SELECT b.*, d.academie_code FROM bassin b JOIN departement d ON d.code = b.departement_code`;

export function listBassins(db: Catalogue, filter: { academieCode?: string; departementCode?: string }): Bassin[] {
  const rows = db
    .prepare(
      `${BASSIN_SELECT}
       WHERE (@academieCode IS NULL OR d.academie_code = @academieCode)
         AND (@departementCode IS NULL OR b.departement_code = @departementCode)
       ORDER BY b.departement_code, b.nom`,
    )
    .all({ academieCode: filter.academieCode ?? null, departementCode: filter.departementCode ?? null }) as BassinRow[];
  return rows.map(toBassin);
}

export function getBassin(db: Catalogue, id: number): Bassin | undefined {
  const row = db.prepare(`${BASSIN_SELECT} WHERE b.id = ?`).get(id) as BassinRow | undefined;
  return row && toBassin(row);
}

export function insertBassin(db: Catalogue, b: Omit<Bassin, 'id' | 'academieCode'>): number {
  return Number(
    db.prepare('INSERT INTO bassin (departement_code, kind, nom) VALUES (@departementCode, @kind, @nom)').run(b)
      .lastInsertRowid,
  );
}

export function updateBassin(db: Catalogue, b: Omit<Bassin, 'academieCode'>): void {
  db.prepare('UPDATE bassin SET departement_code = @departementCode, kind = @kind, nom = @nom WHERE id = @id').run(b);
}

/** What sits in a bassin or an établissement: moving them would leave those records behind. */
export function placeUsage(db: Catalogue, place: { bassinId?: number; uai?: string }): number {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM meeting WHERE bassin_id = @b OR etablissement_uai = @u)
            + (SELECT count(*) FROM etablissement WHERE bassin_id = @b)`,
    )
    .pluck()
    .get({ b: place.bassinId ?? null, u: place.uai ?? null }) as number;
}

export function deleteBassin(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM bassin WHERE id = ?').run(id).changes > 0;
}

const ETABLISSEMENT_SELECT = `SELECT e.*, d.academie_code FROM etablissement e JOIN departement d ON d.code = e.departement_code`;

/** Every établissement of a territory (the Bilan workbook's sheet), by département, commune, name. */
export function listEtablissements(db: Catalogue, filter: { academieCode?: string; departementCode?: string }): Etablissement[] {
  const where = territoryWhere(filter);
  return (db.prepare(`${ETABLISSEMENT_SELECT} WHERE ${where.sql} ORDER BY ${ETABLISSEMENT_ORDER}`).all(...where.params) as EtablissementRow[])
    .map(toEtablissement);
}

/**
 * One page of the établissements found by name, commune or UAI (anywhere in them, accents and case
 * folded), and how many in all: a picker asks for 20 of the 40 000 of the country.
 */
export function pageEtablissements(
  db: Catalogue,
  filter: { academieCode?: string; departementCode?: string; search?: string; offset: number; limit: number },
): Page<Etablissement> {
  const where = territoryWhere(filter);
  const pattern = sortKeyContains(filter.search);
  if (pattern) where.add(`e.uai IN (SELECT uai FROM etablissement_search WHERE words LIKE ? ESCAPE '\\')`, pattern);
  const rows = db
    .prepare(`${ETABLISSEMENT_SELECT} WHERE ${where.sql} ORDER BY ${ETABLISSEMENT_ORDER} LIMIT ? OFFSET ?`)
    .all(...where.params, filter.limit, filter.offset) as EtablissementRow[];
  const total =
    rows.length < filter.limit && (rows.length > 0 || filter.offset === 0)
      ? filter.offset + rows.length
      : (db.prepare(`SELECT count(*) FROM etablissement e JOIN departement d ON d.code = e.departement_code WHERE ${where.sql}`)
          .pluck().get(...where.params) as number);
  return pageOfItems(rows.map(toEtablissement), total, filter);
}

const ETABLISSEMENT_ORDER = 'e.departement_code, e.commune, e.nom, e.uai';

function territoryWhere(filter: { academieCode?: string; departementCode?: string }): Where {
  return new Where()
    .when(filter.academieCode, 'd.academie_code = ?', filter.academieCode)
    .when(filter.departementCode, 'e.departement_code = ?', filter.departementCode);
}

export function getEtablissement(db: Catalogue, uai: string): Etablissement | undefined {
  const row = db.prepare(`${ETABLISSEMENT_SELECT} WHERE e.uai = ?`).get(uai) as EtablissementRow | undefined;
  return row && toEtablissement(row);
}

export function upsertEtablissement(db: Catalogue, e: Omit<Etablissement, 'academieCode'>): void {
  db.prepare(
    `INSERT INTO etablissement (uai, nom, type, commune, departement_code, bassin_id)
     VALUES (@uai, @nom, @type, @commune, @departementCode, @bassinId)
     ON CONFLICT(uai) DO UPDATE SET nom = excluded.nom, type = excluded.type, commune = excluded.commune,
       departement_code = excluded.departement_code, bassin_id = excluded.bassin_id`,
  ).run(e);
}

export function deleteEtablissement(db: Catalogue, uai: string): boolean {
  return db.prepare('DELETE FROM etablissement WHERE uai = ?').run(uai).changes > 0;
}

function toBassin(row: BassinRow): Bassin {
  return { id: row.id, departementCode: row.departement_code, kind: row.kind, nom: row.nom, academieCode: row.academie_code };
}

function toEtablissement(row: EtablissementRow): Etablissement {
  return {
    uai: row.uai, nom: row.nom, type: row.type, commune: row.commune,
    departementCode: row.departement_code, bassinId: row.bassin_id, academieCode: row.academie_code,
  };
}
