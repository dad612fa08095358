/** Loads the shipped reference territory (régions académiques, académies, départements) into a catalogue. */
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { assetPath } from './paths.ts';

interface TerritoryFile {
  regionsAcademiques: {
    code: string;
    nom: string;
    academies: { code: string; numero: string; nom: string; departements: { code: string; nom: string }[] }[];
  }[];
}

let cached: TerritoryFile | undefined;
export function territoryFile(): TerritoryFile {
  cached ??= JSON.parse(readFileSync(assetPath('reference', 'territoires.json'), 'utf8')) as TerritoryFile;
  return cached;
}

/** Upserts the reference data, so that a corrected reference file reaches existing catalogues. */
export function loadTerritory(db: Database.Database): void {
  const data = territoryFile();
  // Written only when it differs: opening a catalogue must not need to write (another program may hold it).
  if (sameTerritory(db, data)) return;
  const region = db.prepare(
    'INSERT INTO region_academique (code, nom) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET nom = excluded.nom',
  );
  const academie = db.prepare(
    `INSERT INTO academie (code, numero, nom, region_code) VALUES (?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET numero = excluded.numero, nom = excluded.nom, region_code = excluded.region_code`,
  );
  const departement = db.prepare(
    `INSERT INTO departement (code, nom, academie_code) VALUES (?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET nom = excluded.nom, academie_code = excluded.academie_code`,
  );
  db.transaction(() => {
    for (const r of data.regionsAcademiques) {
      region.run(r.code, r.nom);
      for (const a of r.academies) {
        academie.run(a.code, a.numero, a.nom, r.code);
        for (const d of a.departements) departement.run(d.code, d.nom, a.code);
      }
    }
  })();
}

function sameTerritory(db: Database.Database, data: TerritoryFile): boolean {
  const stored = (sql: string) => new Set((db.prepare(sql).raw().all() as unknown[][]).map((row) => JSON.stringify(row)));
  const regions = stored('SELECT code, nom FROM region_academique');
  const academies = stored('SELECT code, numero, nom, region_code FROM academie');
  const departements = stored('SELECT code, nom, academie_code FROM departement');
  return data.regionsAcademiques.every(
    (r) =>
      regions.has(JSON.stringify([r.code, r.nom])) &&
      r.academies.every(
        (a) =>
          academies.has(JSON.stringify([a.code, a.numero, a.nom, r.code])) &&
          a.departements.every((d) => departements.has(JSON.stringify([d.code, d.nom, a.code]))),
      ),
  );
}
