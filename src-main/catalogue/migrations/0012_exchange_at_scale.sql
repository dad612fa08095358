-- 0012: exchanges at the scale of the country (30 académie bundles, 420 000 records, merged one by one).
--
-- 1. The exchange states get a rowid: a merged bundle's states are appended, and only the small uid index
-- takes them in uid order. Without rowid, every state (a record's whole text) went in uid order among the
-- others: at 420 000 states each bundle touched pages all over the table, written again at its commit
-- (scale 10: the 30 merges took 81 s of CPU instead of 101, the file 14 % smaller). Same columns, checks.
CREATE TABLE exchange_record_rows (
  uid           TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL,
  origin        TEXT NOT NULL,
  fields        TEXT NOT NULL CHECK (json_valid(fields)),
  local         TEXT CHECK (local IS NULL OR json_valid(local)),
  pending       INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
  clocks        TEXT NOT NULL CHECK (json_valid(clocks)),
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  received_from TEXT,
  received_at   TEXT
);
INSERT INTO exchange_record_rows (uid, kind, origin, fields, local, pending, clocks, deleted, received_from, received_at)
  SELECT uid, kind, origin, fields, local, pending, clocks, deleted, received_from, received_at FROM exchange_record ORDER BY uid;
DROP TABLE exchange_record;
ALTER TABLE exchange_record_rows RENAME TO exchange_record;
CREATE INDEX exchange_record_pending ON exchange_record (pending) WHERE pending = 1;
-- 2. An académie's or a département's bundle finds its records kind by kind (exchange.repo.ts
-- readOwnedStates), each part reading its own kind's records rather than every record of the catalogue.
CREATE INDEX exchange_record_kind ON exchange_record (kind, deleted);

-- 3. A merged bundle indexes its words once, at its end. Written row by row, FTS5 flushes its pending words
-- at every statement (each row's trigger, and every later statement with a trigger of its own): merging
-- 30 000 contributions spent most of its time there, against a tenth for one INSERT … SELECT. While
-- catalogue_state.fts_held = 1 (set inside a merge's transaction only) the triggers that index inserted or
-- updated meetings, ateliers, retex and contributions hold back; the merge then indexes every row it wrote
-- (exchange-apply.repo.ts holdSearchIndex) before it clears the flag. Deletions are indexed as ever.
ALTER TABLE catalogue_state ADD COLUMN fts_held INTEGER NOT NULL DEFAULT 0 CHECK (fts_held IN (0, 1));

DROP TRIGGER meeting_fts_insert;
CREATE TRIGGER meeting_fts_insert AFTER INSERT ON meeting WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 BEGIN
  DELETE FROM meeting_fts WHERE rowid = new.id;
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = new.id;
END;

DROP TRIGGER meeting_fts_update;
CREATE TRIGGER meeting_fts_update AFTER UPDATE OF id, title, lieu, notes, etablissement_uai ON meeting
  WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 AND (old.id IS NOT new.id OR old.title IS NOT new.title OR old.lieu IS NOT new.lieu OR old.notes IS NOT new.notes
    OR old.etablissement_uai IS NOT new.etablissement_uai)
BEGIN
  DELETE FROM meeting_fts WHERE rowid IN (old.id, new.id);
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = new.id;
END;

DROP TRIGGER atelier_fts_insert;
CREATE TRIGGER atelier_fts_insert AFTER INSERT ON atelier WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 AND (new.defi <> '')
BEGIN
  DELETE FROM meeting_fts WHERE rowid = new.meeting_id;
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = new.meeting_id;
END;

DROP TRIGGER atelier_fts_update;
CREATE TRIGGER atelier_fts_update AFTER UPDATE OF defi, meeting_id ON atelier
  WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 AND (old.defi IS NOT new.defi OR old.meeting_id IS NOT new.meeting_id)
BEGIN
  DELETE FROM meeting_fts WHERE rowid IN (old.meeting_id, new.meeting_id);
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id IN (old.meeting_id, new.meeting_id);
END;

DROP TRIGGER atelier_fts_delete;
CREATE TRIGGER atelier_fts_delete AFTER DELETE ON atelier WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 AND (old.defi <> '')
BEGIN
  DELETE FROM meeting_fts WHERE rowid = old.meeting_id;
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = old.meeting_id;
END;

DROP TRIGGER retex_fts_insert;
CREATE TRIGGER retex_fts_insert AFTER INSERT ON retex WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 BEGIN
  DELETE FROM retex_fts WHERE rowid = new.id;
  INSERT INTO retex_fts (rowid, title, text, niveau, classes) VALUES (new.id, new.title, new.text, new.niveau, new.classes);
END;

DROP TRIGGER retex_fts_update;
CREATE TRIGGER retex_fts_update AFTER UPDATE OF id, title, text, niveau, classes ON retex
  WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 AND (old.id IS NOT new.id OR old.title IS NOT new.title OR old.text IS NOT new.text OR old.niveau IS NOT new.niveau
    OR old.classes IS NOT new.classes)
BEGIN
  DELETE FROM retex_fts WHERE rowid IN (old.id, new.id);
  INSERT INTO retex_fts (rowid, title, text, niveau, classes) VALUES (new.id, new.title, new.text, new.niveau, new.classes);
END;

DROP TRIGGER contribution_fts_insert;
CREATE TRIGGER contribution_fts_insert AFTER INSERT ON contribution WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 BEGIN
  DELETE FROM contribution_fts WHERE rowid = new.id;
  INSERT INTO contribution_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
END;

DROP TRIGGER contribution_fts_update;
CREATE TRIGGER contribution_fts_update AFTER UPDATE OF id, text, heading ON contribution
  WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 AND (old.id IS NOT new.id OR old.text IS NOT new.text OR old.heading IS NOT new.heading)
BEGIN
  DELETE FROM contribution_fts WHERE rowid IN (old.id, new.id);
  INSERT INTO contribution_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
END;
