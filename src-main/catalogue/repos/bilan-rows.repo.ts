/**
 * The Bilan workbook's records, in the order of its sheets, as plain rows streamed from SQLite: one
 * statement per sheet, iterated (`.iterate()`, raw arrays) while the workbook is written, so that a
 * national catalogue's 300 000 contributions never sit in memory and no record is read twice.
 *
 * Each sheet reads through its own read-only connection when the catalogue is a file: an open iterator
 * keeps its connection busy for writes, and the long-work worker may write (another document's history)
 * while a sheet is being written. WAL: the reader sees the catalogue as it was when the sheet started.
 */
import Database from 'better-sqlite3';
import { PARTICIPANT_CATEGORIES } from '../../contract/domain.ts';
import type { Catalogue } from '../database.ts';
import { contributionIdsOfScope, retexScope } from './scope.repo.ts';
import { scopeMeetings, type StatsScope } from './stats.repo.ts';

/** A sheet's rows, read when iterated (once per iteration). */
export type StreamedRows = Iterable<unknown[]>;

function streamed(db: Catalogue, sql: string, params: unknown[]): StreamedRows {
  return {
    *[Symbol.iterator]() {
      const reader = db.memory ? db : new Database(db.name, { readonly: true, fileMustExist: true, timeout: 30_000 });
      try {
        yield* reader.prepare(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>;
      } finally {
        if (reader !== db) reader.close();
      }
    },
  };
}

/**
 * The scope's meetings by date (meetingsInScope's order): id, level, title, date, lieu, format, académie
 * code, département code, bassin id, UAI, thématique ids (comma-separated, by number), one count per
 * participant category (PARTICIPANT_CATEGORIES's order), declared total, sum of the categories (null
 * without any), restitution received (0/1).
 */
export function meetingRows(db: Catalogue, campaignId: number, scope: StatsScope): StreamedRows {
  const f = scopeMeetings(campaignId, scope);
  const categories = PARTICIPANT_CATEGORIES.map(() => '(SELECT count FROM attendance WHERE meeting_id = m.id AND category_code = ?)');
  return streamed(
    db,
    `SELECT m.id, m.level, m.title, m.date, m.lieu, m.format, m.academie_code, m.departement_code, m.bassin_id, m.etablissement_uai,
       (SELECT group_concat(mt.thematique_id, ',' ORDER BY t.number) FROM meeting_thematique mt JOIN thematique t ON t.id = mt.thematique_id
        WHERE mt.meeting_id = m.id),
       ${categories.join(', ')},
       m.declared_total, (SELECT sum(count) FROM attendance WHERE meeting_id = m.id), m.restitution_received
     FROM meeting m WHERE ${f.sql} ORDER BY m.date, m.id`,
    [...PARTICIPANT_CATEGORIES.map((c) => c.code), ...f.params],
  );
}

/** The ateliers of the scope's meetings, meeting by meeting (by date), each's by position: meeting id, title, thématique id, défi, participants. */
export function atelierRows(db: Catalogue, campaignId: number, scope: StatsScope): StreamedRows {
  const f = scopeMeetings(campaignId, scope);
  return streamed(
    db,
    `SELECT m.id, m.title, a.thematique_id, a.defi, a.participants
     FROM meeting m JOIN atelier a ON a.meeting_id = m.id
     WHERE ${f.sql} ORDER BY m.date, m.id, a.position, a.id`,
    f.params,
  );
}

/**
 * The scope's retex (those its synthesis draws on), in queryRetex's order: id, thématique id, title,
 * text, niveau, classes, UAI, source meeting, selected (0/1), position, links (« label : url » by
 * position, the kind when no label, one a line). The consultation's retex by their narrow index: SQLite
 * took the wide text-sort one (retex_title_sort), 2 to 3 times slower to walk.
 */
export function retexRows(db: Catalogue, campaignId: number, scope: StatsScope): StreamedRows {
  const { joins, where } = retexScope(scope);
  return streamed(
    db,
    `SELECT r.id, r.thematique_id, r.title, r.text, r.niveau, r.classes, r.etablissement_uai, r.source_meeting_id, r.selected, r.position,
       coalesce((SELECT group_concat(CASE WHEN l.label <> '' THEN l.label ELSE l.kind END || ' : ' || l.url, char(10) ORDER BY l.position, l.id)
                 FROM retex_link l WHERE l.retex_id = r.id), '')
     FROM retex r INDEXED BY retex_by_thematique ${joins}
     WHERE r.campaign_id = ? AND ${where.sql}
     ORDER BY r.thematique_id, r.selected DESC, r.position, r.id`,
    [campaignId, ...where.params],
  );
}

/**
 * The scope's contributions, in queryContributions's order: id, thématique id, kind, text, heading,
 * scale, selected (0/1), position, source meetings (« 12, 40 », by id).
 */
export function contributionRows(db: Catalogue, campaignId: number, scope: StatsScope): StreamedRows {
  const ids = contributionIdsOfScope(campaignId, scope);
  return streamed(
    db,
    `SELECT c.id, c.thematique_id, c.kind, c.text, c.heading, c.scale, c.selected, c.position,
       coalesce((SELECT group_concat(cs.meeting_id, ', ' ORDER BY cs.meeting_id) FROM contribution_source cs WHERE cs.contribution_id = c.id), '')
     FROM contribution c WHERE c.id IN (${ids.sql}) AND +c.campaign_id = ?
     ORDER BY c.thematique_id, c.kind, c.position, c.id`,
    [...ids.params, campaignId],
  );
}

/** listBassins's filter and order: id, département, kind, name. */
export function bassinRows(db: Catalogue, territory: { academieCode?: string; departementCode?: string }): StreamedRows {
  return streamed(
    db,
    `SELECT b.id, b.departement_code, b.kind, b.nom FROM bassin b JOIN departement d ON d.code = b.departement_code
     WHERE (? IS NULL OR d.academie_code = ?) AND (? IS NULL OR b.departement_code = ?)
     ORDER BY b.departement_code, b.nom`,
    territoryParams(territory),
  );
}

/** listEtablissements's filter and order: UAI, name, type, commune, département. */
export function etablissementRows(db: Catalogue, territory: { academieCode?: string; departementCode?: string }): StreamedRows {
  return streamed(
    db,
    `SELECT e.uai, e.nom, e.type, e.commune, e.departement_code FROM etablissement e JOIN departement d ON d.code = e.departement_code
     WHERE (? IS NULL OR d.academie_code = ?) AND (? IS NULL OR e.departement_code = ?)
     ORDER BY e.departement_code, e.commune, e.nom, e.uai`,
    territoryParams(territory),
  );
}

function territoryParams(territory: { academieCode?: string; departementCode?: string }): (string | null)[] {
  const academie = territory.academieCode ?? null;
  const departement = territory.departementCode ?? null;
  return [academie, academie, departement, departement];
}
