/**
 * The plans of the hot queries (issue 11, part 3): a synthesis's source, its pre-flight and the Bilan
 * read their scope by its indexes (migration 0008), never by walking the consultation's meetings,
 * contributions, retex or attendance. Checked with EXPLAIN QUERY PLAN on the very statements the
 * services run, captured as they run, with their parameters. The catalogues hold no statistics (no
 * ANALYZE): SQLite plans the demo's few rows as it plans a national catalogue's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src-main/catalogue/database.ts';
import type { ScopeRef } from '../../src-main/contract/schemas/reports.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { aMeeting } from '../support/valid-inputs.ts';

interface Ran {
  sql: string;
  params: unknown[];
}

interface Planned extends Ran {
  plan: string[];
}

const RUNS = new Set(['all', 'get', 'run', 'iterate']);
const BIG_TABLES = /\b(?:FROM|JOIN)\s+(?:meeting|contribution|contribution_source|retex|retex_link|attendance)\b/;

/** Every statement `work` runs on the catalogue, with its parameters. */
async function statementsOf(db: Catalogue, work: () => Promise<unknown>): Promise<Ran[]> {
  const ran: Ran[] = [];
  const prepare = db.prepare;
  db.prepare = ((sql: string) => {
    const statement = prepare.call(db, sql);
    const spied: object = new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (RUNS.has(String(property))) ran.push({ sql, params: args });
          const result: unknown = value.apply(target, args);
          return result === target ? spied : result; // pluck(), raw()… return the statement
        };
      },
    });
    return spied;
  }) as typeof db.prepare;
  try {
    await work();
  } finally {
    db.prepare = prepare;
  }
  return ran;
}

/** The statements that read the large tables, each with its plan (one line per step). */
function planned(db: Catalogue, ran: Ran[], tables = BIG_TABLES): Planned[] {
  const seen = new Set<string>();
  return ran
    .filter((r) => tables.test(r.sql) && !seen.has(r.sql) && seen.add(r.sql))
    .map((r) => ({
      ...r,
      plan: (db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.params) as { detail: string }[]).map((p) => p.detail),
    }));
}

/**
 * A step that reads a table from end to end (only the scoped meetings' own copy, `s`, may be scanned),
 * or walks the whole consultation's rows by an index of the consultation: but for the selected retex
 * and contributions, a few that a document prints (the région's unattached ones are looked for there).
 */
const fullScans = (p: Planned) =>
  p.plan.filter(
    (line) =>
      /^SCAN (?!s$|\(subquery-\d+\)|CONSTANT ROW|json_each )/.test(line) ||
      // A consultation's retained groups are read whole (a few hundred at most, not records of the meetings' scale),
      // and its thématiques (a handful: the checks count what is left to review in each, by partial indexes).
      /USING (?:COVERING )?INDEX (?!retex_selected|contribution_selected|contribution_group_by_thematique|sqlite_autoindex_thematique_1)\w+ \(campaign_id=\?\)/.test(line),
  );
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 160);

const SCOPES: { ref: ScopeRef; index: RegExp }[] = [
  { ref: 'region', index: /SEARCH m USING (?:COVERING )?INDEX meeting_by_region \(campaign_id=\? AND region_code=\?/ },
  // An académie's meetings of given levels: meeting_by_campaign (campaign, level, académie) fits as well.
  {
    ref: 'academie:LIMOGES',
    index: /SEARCH m USING (?:COVERING )?INDEX (?:meeting_by_academie \(campaign_id=\? AND academie_code=\?|meeting_by_campaign \(campaign_id=\? AND level=\? AND academie_code=\?)/,
  },
  // Haute-Vienne: its own meetings, and Limoges's académie-wide concertation (its second level).
  { ref: 'departement:87', index: /SEARCH m USING (?:COVERING )?INDEX meeting_by_departement \(campaign_id=\? AND departement_code=\?/ },
];

let demo: TestCatalogue & { campaignId: number };

beforeAll(async () => {
  demo = await demoCatalogue();
});

describe('plans of the synthesis, pre-flight and Bilan queries (EXPLAIN QUERY PLAN)', () => {
  for (const { ref, index } of SCOPES) {
    describe(`scope ${ref}`, () => {
      let statements: Planned[];
      const find = (pattern: RegExp) => {
        const found = statements.filter((s) => pattern.test(s.sql));
        expect(found.length, `no statement matches ${pattern}`).toBeGreaterThan(0);
        return found;
      };

      beforeAll(async () => {
        const { db, call, campaignId } = demo;
        const ran = await statementsOf(db, async () => {
          await call('synthesis.preflight', { campaignId, scope: ref });
          await call('synthesis.preview', { campaignId, scope: ref });
          await call('stats.bilan', { campaignId, scope: ref });
        });
        statements = planned(db, ran);
      });

      it('never scans the meetings, contributions, retex or attendance, nor walks the consultation’s', () => {
        // The source's three reads, the pre-flight's meetings and the Bilan's queries, at least.
        expect(statements.length).toBeGreaterThanOrEqual(10);
        const scans = statements.filter((s) => fullScans(s).length > 0).map((s) => `${oneLine(s.sql)}\n  → ${fullScans(s).join(' | ')}`);
        expect(scans).toEqual([]);
      });

      it('finds the scope’s meetings by the scope’s index', () => {
        // Every statement that selects meetings by the scope (the Bilan's, the pre-flight's, the contributions')…
        // (A région's selected contributions test their source meetings by key instead: see below.)
        const byScope = statements.filter((s) => /(?:FROM|\bJOIN) meeting m\b/.test(s.sql) && !/FROM retex r\b/.test(s.sql) && !/CROSS JOIN meeting m\b/.test(s.sql) && /\bm\.(?:region|academie|departement)_code = \?/.test(s.sql));
        expect(byScope.length).toBeGreaterThanOrEqual(8);
        for (const s of byScope) expect(s.plan.some((line) => index.test(line)), `${oneLine(s.sql)}\n${s.plan.join('\n')}`).toBe(true);
        if (ref.startsWith('departement:')) {
          // …and a département's académie-wide concertations by the académie's, never the consultation's meetings.
          for (const s of byScope) {
            expect(s.plan, oneLine(s.sql)).toContain('MULTI-INDEX OR');
            expect(s.plan.some((line) => /SEARCH m USING (?:COVERING )?INDEX meeting_by_academie \(campaign_id=\? AND academie_code=\? AND level=\?/.test(line))).toBe(true);
          }
        }
        for (const s of statements) {
          for (const line of s.plan) expect(line, oneLine(s.sql)).not.toMatch(/SEARCH m USING (?:COVERING )?INDEX meeting_by_campaign \(campaign_id=\?\)$/);
        }
      });

      it('reads a région’s selected contributions by their partial index, their source meetings by key', () => {
        if (ref !== 'region') return;
        const [contributions] = find(/INDEXED BY contribution_selected/);
        expect(contributions!.plan).toEqual([
          'SEARCH c USING COVERING INDEX contribution_selected (campaign_id=?)',
          'SEARCH cs USING PRIMARY KEY (contribution_id=?) LEFT-JOIN',
        ]);
        // The kept ones, then, each by its id.
        const [kept] = find(/FROM contribution c WHERE c\.id IN \(SELECT value FROM json_each/);
        expect(kept!.plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
      });

      it('reads a smaller scope’s contributions from its meetings, each by its id', () => {
        if (ref === 'region') return;
        const [contributions] = find(/WHERE c\.id IN \(/);
        const plan = contributions!.plan;
        expect(plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
        expect(plan.some((line) => index.test(line))).toBe(true);
        expect(plan.some((line) => /SEARCH cs USING COVERING INDEX contribution_source_by_meeting \(meeting_id=\?\)/.test(line))).toBe(true);
        // The région's own contributions (no source meeting): among the selected ones only, by their partial index.
        const unattached = plan.filter((line) => /contribution_selected/.test(line));
        expect(unattached).toEqual(ref === 'region' ? ['SEARCH c USING COVERING INDEX contribution_selected (campaign_id=?)'] : []);
        expect(plan.some((line) => /contribution_by_thematique/.test(line))).toBe(false);
      });

      it('reads the source’s retex among the selected ones, by their partial index, each placed by key', () => {
        const [retex] = find(/FROM retex r .*r\.selected = 1/s);
        expect(retex!.plan).toContain('SEARCH r USING INDEX retex_selected (campaign_id=?)');
        expect(retex!.plan).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN');
      });

      it('sums each meeting’s categories by the attendance key, never the whole attendance', () => {
        for (const s of find(/WITH scoped AS MATERIALIZED/)) {
          expect(s.plan).toContain('SEARCH attendance USING PRIMARY KEY (meeting_id=?)');
          expect(s.plan.some((line) => /AUTOMATIC|BLOOM/.test(line)), s.plan.join('\n')).toBe(false);
        }
      });
    });
  }
});

describe('plans of the paged lists (meetings, retex, contributions) and of « ce qui manque »', () => {
  let statements: Planned[];

  beforeAll(async () => {
    const { db, call, campaignId } = demo;
    const campaign = await call('campaigns.get', { id: campaignId });
    const thematique = campaign.thematiques[0]!.id;
    const [meeting] = (await call('meetings.list', { campaignId, academieCode: 'POITIERS', level: 'departemental' })).items;
    const ran = await statementsOf(db, async () => {
      await call('meetings.list', { campaignId, academieCode: 'BORDEAUX', thematiqueId: thematique });
      await call('meetings.list', { campaignId, departementCode: '86', level: 'bassin', sort: { by: 'title', direction: 'desc' } });
      await call('meetings.list', { campaignId, thematiqueId: thematique });
      await call('meetings.list', { campaignId, search: 'concertation' });
      await call('retex.list', { campaignId, thematiqueId: thematique });
      await call('retex.list', { campaignId, academieCode: 'LIMOGES' });
      await call('retex.list', { campaignId, departementCode: '87', sort: { by: 'title' } });
      await call('retex.list', { campaignId, meetingId: meeting!.id });
      await call('retex.list', { campaignId, search: 'élèves' });
      await call('contributions.list', { campaignId, thematiqueId: thematique });
      await call('contributions.list', { campaignId, thematiqueId: thematique, kind: 'attente', selection: 'retenu' });
      await call('contributions.list', { campaignId, academieCode: 'POITIERS', thematiqueId: thematique });
      await call('contributions.list', { campaignId, meetingId: meeting!.id });
      await call('contributions.list', { campaignId, search: 'numérique' });
      await call('stats.missing', { campaignId, scope: 'departement:87' });
      await call('stats.missing', { campaignId, scope: 'academie:BORDEAUX' });
    });
    statements = planned(db, ran);
  });

  it('never scans the meetings, contributions or retex, nor walks the consultation’s when a filter has an index', () => {
    expect(statements.length).toBeGreaterThanOrEqual(20);
    // The search indexes, a page's ids (json_each) and the territory's small tables are read whole, by design;
    // a consultation's thématiques (five or so) by its key.
    const walks = (p: Planned) =>
      p.plan.filter(
        (line) =>
          /^SCAN (?:m|c|r|s|meeting|contribution|contribution_source|retex|retex_link|attendance|atelier|meeting_thematique)\b(?! VIRTUAL)/.test(line) ||
          /USING (?:COVERING )?INDEX (?!retex_selected|contribution_selected|sqlite_autoindex_thematique_1)\w+ \(campaign_id=\?\)/.test(line),
      );
    const scans = statements.filter((s) => walks(s).length > 0).map((s) => `${oneLine(s.sql)}\n  → ${walks(s).join(' | ')}`);
    expect(scans).toEqual([]);
  });

  it('finds a place’s meetings by the place’s index, and a search’s records by the search index', () => {
    const academie = statements.filter((s) => /^SELECT (?:m\.id|count\(\*\)) FROM meeting m\b.*m\.academie_code = \?/s.test(s.sql));
    expect(academie.length).toBeGreaterThan(0);
    for (const s of academie) expect(s.plan.some((l) => /INDEX meeting_by_academie \(campaign_id=\? AND academie_code=\?/.test(l)), s.plan.join('\n')).toBe(true);
    const searched = statements.filter((s) => /_fts MATCH/.test(s.sql));
    expect(searched.length).toBeGreaterThanOrEqual(3);
    for (const s of searched) expect(s.plan.some((l) => /SCAN \w+_fts VIRTUAL TABLE/.test(l)), s.plan.join('\n')).toBe(true);
  });
});

describe('plans of the sorts by a text, and of the catalogue-wide search', () => {
  let statements: Planned[];
  let searches: Planned[];

  beforeAll(async () => {
    const { db, call, campaignId } = demo;
    const thematique = (await call('campaigns.get', { id: campaignId })).thematiques[0]!.id;
    const ran = await statementsOf(db, async () => {
      await call('meetings.list', { campaignId, sort: { by: 'title', direction: 'desc' } });
      await call('retex.list', { campaignId, thematiqueId: thematique, sort: { by: 'title' } });
      await call('contributions.list', { campaignId, thematiqueId: thematique, kind: 'attente', sort: { by: 'text' } });
      await call('search.catalogue', { campaignId, search: 'numérique école' });
      // A second consultation: the hits of the first are then joined to their records to keep its own.
      const other = await call('campaigns.create', { slug: 'autre', title: 'Autre consultation', shortTitle: 'Autre', startDate: '2021-01-04', endDate: '2021-02-26' });
      await call('meetings.create', aMeeting(other.id, { title: 'Numérique à l’école', date: '2021-01-14' }));
      await call('search.catalogue', { campaignId, search: 'numérique école' });
      await call('meetings.delete', { id: (await call('meetings.list', { campaignId: other.id })).items[0]!.id });
    });
    statements = planned(db, ran);
    searches = planned(db, ran.filter((r) => /_fts MATCH/.test(r.sql)), /./);
  });

  it('reads a page sorted by title or text in the order of its sort index (migrations 0010, 0018), never sorting the whole list', () => {
    for (const [table, index] of [['meeting m', 'meeting_title_sort'], ['retex r', 'retex_title_sort'], ['contribution c', 'contribution_text_sort']]) {
      const page = statements.find((s) => s.sql.includes(`FROM ${table}`) && /ORDER BY [mrc]\.sort_key/.test(s.sql) && /LIMIT/.test(s.sql));
      expect(page, `the ${table} page`).toBeDefined();
      expect(page!.plan.some((l) => l.includes(`INDEX ${index}`)), page!.plan.join('\n')).toBe(true);
      expect(page!.plan.filter((l) => /TEMP B-TREE FOR ORDER BY/.test(l)), page!.plan.join('\n')).toEqual([]);
    }
  });

  it('searches each full-text index once, before the records are joined (never once per record of the consultation)', () => {
    const ranked = searches.filter((s) => /\brank\b/.test(s.sql));
    expect(ranked.length).toBeGreaterThanOrEqual(3);
    const joined = ranked.filter((s) => /MATERIALIZED/.test(s.sql));
    // With a second consultation holding a meeting, the meetings' hits are joined to keep this one's (a
    // restitution's too, through its meeting; the texts' always are: their consultation is in their own index).
    expect(joined.map((s) => /FROM (\w+_fts)/.exec(s.sql)![1]).sort()).toEqual(['meeting_fts', 'restitution_fts', 'section_text_fts']);
    for (const s of joined) {
      expect(s.plan.some((l) => /MATERIALIZE hit/.test(l)), s.plan.join('\n')).toBe(true);
      // The records are then found by the hits' ids, not walked.
      expect(s.plan.filter((l) => /^SCAN (?:x|meeting|retex|contribution)\b/.test(l)), s.plan.join('\n')).toEqual([]);
    }
    // A kind whose records are all of this consultation: its index alone, the best few kept as it goes
    // (a sorter bounded by the LIMIT).
    for (const s of ranked.filter((x) => !/MATERIALIZED/.test(x.sql))) {
      expect(s.plan, s.sql).toEqual([expect.stringMatching(/^SCAN \w+_fts VIRTUAL TABLE/), 'USE TEMP B-TREE FOR ORDER BY']);
      expect(s.sql).toMatch(/ORDER BY rank, rowid LIMIT \?$/);
    }
  });
});
