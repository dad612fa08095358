/** Finds académies, départements, bassins and établissements from what people type in a sheet. */
import type { Catalogue } from '../catalogue/database.ts';
import type { Bassin } from '../contract/schemas/territory.ts';
import { academieNames, allDepartements, etablissementPlaces, listBassins, territoryFingerprint } from '../catalogue/repos/territory.repo.ts';
import { normaliseHeader as fold } from './attendance-columns.ts';

export interface TerritoryLookup {
  academie(text: string): string | null;
  departement(text: string): { code: string; academieCode: string } | null;
  bassin(text: string, departementCode: string | null, academieCode: string | null): { id: number; departementCode: string } | 'ambigu' | null;
  etablissement(uai: string): { uai: string; departementCode: string } | null;
  departementName(code: string): string;
  bassinNames(departementCode: string | null, academieCode: string | null): string[];
  /** A bassin by its id, from the list read once (the services' `locate` asks for each one a plan meets). */
  bassinById(id: number): Bassin | undefined;
}

/** Names folded, kept from one plan to the next (a pure function of the text): the territory's thousands of bassins. */
const folded = new Map<string, string>();
const FOLDED_MAX = 100_000;

function plainName(text: string): string {
  let name = folded.get(text);
  if (name === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(text, (name = fold(text).replace(/-/g, ' ')));
  }
  return name;
}

/**
 * What the lookup knows of the territory (académies, départements, bassins), built once and kept for the
 * catalogue until its territory changes: a plan of 10 000 rows spent a sixth of its time building it again.
 * The check is exact: the three tables' rows, concatenated by SQLite (about 2 ms at national scale).
 */
interface TerritoryIndex {
  fingerprint: string;
  lookup: Omit<TerritoryLookup, 'etablissement'>;
}

const indexes = new WeakMap<Catalogue, TerritoryIndex>();

export function territoryLookup(db: Catalogue): TerritoryLookup {
  const fingerprint = territoryFingerprint(db);
  let index = indexes.get(db);
  if (index === undefined || index.fingerprint !== fingerprint) indexes.set(db, (index = { fingerprint, lookup: buildIndex(db) }));
  // Read when a row first gives a UAI: 40 000 établissements at national scale, for sheets that name none.
  let etablissements: Map<string, { uai: string; departementCode: string }> | null = null;
  return {
    ...index.lookup,
    etablissement(uai) {
      etablissements ??= new Map(etablissementPlaces(db).map((e) => [e.uai, e]));
      const e = etablissements.get(uai.trim().toUpperCase());
      return e ? { uai: e.uai, departementCode: e.departementCode } : null;
    },
  };
}

/** Answers kept per text typed, at most this many each: a sheet names the same few places thousands of times. */
const ANSWERS_MAX = 50_000;

function remember<V>(answers: Map<string, V>, key: string, answer: V): V {
  if (answers.size >= ANSWERS_MAX) answers.clear();
  answers.set(key, answer);
  return answer;
}

function buildIndex(db: Catalogue): Omit<TerritoryLookup, 'etablissement'> {
  const academies = academieNames(db);
  const departements = allDepartements(db);
  const bassins = listBassins(db, {});
  const bassinsById = new Map(bassins.map((b) => [b.id, b]));
  const academieByText = new Map<string, string>();
  for (const a of academies) {
    for (const key of [a.code, a.nom, `academie de ${a.nom}`, `academie d ${a.nom}`, `academie de la ${a.nom}`]) academieByText.set(fold(key).replace(/-/g, ' '), a.code);
  }
  const departementByText = new Map<string, { code: string; academieCode: string }>();
  const departementNames = new Map(departements.map((d) => [d.code, d.nom]));
  for (const d of departements) {
    const value = { code: d.code, academieCode: d.academieCode };
    for (const key of [d.code, d.nom, `${d.code} ${d.nom}`, `${d.code} - ${d.nom}`, `${d.nom} (${d.code})`]) {
      departementByText.set(fold(key).replace(/-/g, ' '), value);
    }
    if (/^\d{2}$/.test(d.code)) departementByText.set(`0${d.code}`, value); // "033" as some exports write it
  }
  const plain = plainName;
  const bare = (name: string) => name.replace(/^(zap|reseau eclore|eclore|bassin)\s+/, '');
  // Every bassin under its name as typed and without its prefix ("ZAP", "Réseau Éclore"…), folded once:
  // a sheet names the same few bassins thousands of times.
  const bassinsByName = new Map<string, typeof bassins>();
  const keysOfName = new Map<string, string[]>();
  for (const b of bassins) {
    const name = plain(b.nom);
    const keys = [`=${name}`, `~${bare(name)}`];
    keysOfName.set(b.nom, keys);
    for (const key of keys) {
      const list = bassinsByName.get(key);
      if (list) list.push(b);
      else bassinsByName.set(key, [b]);
    }
  }
  // The bassins a text names: typed exactly as the catalogue writes a name (the template's lists, a copy of
  // an export), its keys are known without folding it again; otherwise folded now.
  const named = (text: string) => {
    let keys = keysOfName.get(text);
    if (keys === undefined) {
      const typed = plain(text);
      keys = [`=${typed}`, `~${bare(typed)}`];
    }
    return new Set([...(bassinsByName.get(keys[0]!) ?? []), ...(bassinsByName.get(keys[1]!) ?? [])]);
  };
  const found = new Map<string | null, Map<string | null, Map<string, ReturnType<TerritoryLookup['bassin']>>>>();
  let foundCount = 0;
  // The same few names on every row: each text folded and looked up once.
  const academieOf = new Map<string, string | null>();
  const departementOf = new Map<string, { code: string; academieCode: string } | null>();
  return {
    academie(text) {
      const known = academieOf.get(text);
      return known !== undefined ? known : remember(academieOf, text, academieByText.get(plain(text)) ?? null);
    },
    // Spreadsheets turn "01" into the number 1: pad a lone digit back.
    departement(text) {
      const known = departementOf.get(text);
      if (known !== undefined) return known;
      return remember(departementOf, text, departementByText.get(plain(/^\d$/.test(text.trim()) ? `0${text.trim()}` : text)) ?? null);
    },
    bassin(text, departementCode, academieCode) {
      // By département, académie, then text: maps within maps, no key string made and hashed per row.
      let byAcademie = found.get(departementCode);
      if (byAcademie === undefined) found.set(departementCode, (byAcademie = new Map()));
      let byText = byAcademie.get(academieCode);
      if (byText === undefined) byAcademie.set(academieCode, (byText = new Map()));
      const known = byText.get(text);
      if (known !== undefined) return known;
      const candidates = [...named(text)].filter(
        (b) => (departementCode === null || b.departementCode === departementCode) && (academieCode === null || b.academieCode === academieCode),
      );
      // At most ANSWERS_MAX answers in all: then all forgotten, and found again.
      if (++foundCount > ANSWERS_MAX) {
        found.clear();
        foundCount = 0;
      }
      const answer = candidates.length > 1 ? 'ambigu' : candidates[0] ? { id: candidates[0].id, departementCode: candidates[0].departementCode } : null;
      byText.set(text, answer);
      return answer;
    },
    departementName: (code) => departementNames.get(code) ?? code,
    bassinNames: (departementCode, academieCode) =>
      bassins
        .filter((b) => (departementCode === null || b.departementCode === departementCode) && (academieCode === null || b.academieCode === academieCode))
        .map((b) => b.nom)
        .sort((a, b) => a.localeCompare(b, 'fr')),
    bassinById: (id) => bassinsById.get(id),
  };
}
