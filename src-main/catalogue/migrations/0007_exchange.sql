-- 0007: catalogues exchanged between laptops (docs/ARCHITECTURE.md, « Échanges »).
-- Every record gets a stable identity: a uid column where rows have a local integer id (meetings,
-- retex, contributions, trames), derived from the natural key elsewhere (établissement by UAI, bassin
-- by département and name, consultation by slug, text by its place, setting by key, style by checksum).

CREATE TABLE catalogue_identity (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  uid          TEXT NOT NULL,
  name         TEXT NOT NULL,
  scope_kind   TEXT NOT NULL CHECK (scope_kind IN ('region', 'academie', 'departement')),
  scope_code   TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  is_demo      INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  public_key   TEXT NOT NULL,
  private_key  TEXT NOT NULL,
  -- This catalogue's own counter in the version vectors: bumped once per pass that finds local edits.
  clock        INTEGER NOT NULL DEFAULT 0,
  -- catalogue_state.change_count when the records were last compared with their exchange state:
  -- nothing changed since means there is nothing to stamp.
  stamped_count INTEGER NOT NULL DEFAULT -1,
  created_at   TEXT NOT NULL
);

-- Every change counted (last_change has millisecond steps: two edits can share one), by the same
-- triggers that keep last_change. `quiet`, set only inside a bulk write's transaction (a merged
-- bundle), holds them back row by row: the bulk write counts itself once, before it commits.
ALTER TABLE catalogue_state ADD COLUMN change_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE catalogue_state ADD COLUMN quiet INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER bassin_insert_changes;
CREATE TRIGGER bassin_insert_changes AFTER INSERT ON bassin WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER bassin_update_changes;
CREATE TRIGGER bassin_update_changes AFTER UPDATE ON bassin WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER bassin_delete_changes;
CREATE TRIGGER bassin_delete_changes AFTER DELETE ON bassin WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER etablissement_insert_changes;
CREATE TRIGGER etablissement_insert_changes AFTER INSERT ON etablissement WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER etablissement_update_changes;
CREATE TRIGGER etablissement_update_changes AFTER UPDATE ON etablissement WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER etablissement_delete_changes;
CREATE TRIGGER etablissement_delete_changes AFTER DELETE ON etablissement WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER campaign_insert_changes;
CREATE TRIGGER campaign_insert_changes AFTER INSERT ON campaign WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER campaign_update_changes;
CREATE TRIGGER campaign_update_changes AFTER UPDATE ON campaign WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER campaign_delete_changes;
CREATE TRIGGER campaign_delete_changes AFTER DELETE ON campaign WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER thematique_insert_changes;
CREATE TRIGGER thematique_insert_changes AFTER INSERT ON thematique WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER thematique_update_changes;
CREATE TRIGGER thematique_update_changes AFTER UPDATE ON thematique WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER thematique_delete_changes;
CREATE TRIGGER thematique_delete_changes AFTER DELETE ON thematique WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER sujet_insert_changes;
CREATE TRIGGER sujet_insert_changes AFTER INSERT ON sujet WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER sujet_update_changes;
CREATE TRIGGER sujet_update_changes AFTER UPDATE ON sujet WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER sujet_delete_changes;
CREATE TRIGGER sujet_delete_changes AFTER DELETE ON sujet WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER meeting_insert_changes;
CREATE TRIGGER meeting_insert_changes AFTER INSERT ON meeting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER meeting_update_changes;
CREATE TRIGGER meeting_update_changes AFTER UPDATE ON meeting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER meeting_delete_changes;
CREATE TRIGGER meeting_delete_changes AFTER DELETE ON meeting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER meeting_thematique_insert_changes;
CREATE TRIGGER meeting_thematique_insert_changes AFTER INSERT ON meeting_thematique WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER meeting_thematique_update_changes;
CREATE TRIGGER meeting_thematique_update_changes AFTER UPDATE ON meeting_thematique WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER meeting_thematique_delete_changes;
CREATE TRIGGER meeting_thematique_delete_changes AFTER DELETE ON meeting_thematique WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER attendance_insert_changes;
CREATE TRIGGER attendance_insert_changes AFTER INSERT ON attendance WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER attendance_update_changes;
CREATE TRIGGER attendance_update_changes AFTER UPDATE ON attendance WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER attendance_delete_changes;
CREATE TRIGGER attendance_delete_changes AFTER DELETE ON attendance WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER atelier_insert_changes;
CREATE TRIGGER atelier_insert_changes AFTER INSERT ON atelier WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER atelier_update_changes;
CREATE TRIGGER atelier_update_changes AFTER UPDATE ON atelier WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER atelier_delete_changes;
CREATE TRIGGER atelier_delete_changes AFTER DELETE ON atelier WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER retex_insert_changes;
CREATE TRIGGER retex_insert_changes AFTER INSERT ON retex WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER retex_update_changes;
CREATE TRIGGER retex_update_changes AFTER UPDATE ON retex WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER retex_delete_changes;
CREATE TRIGGER retex_delete_changes AFTER DELETE ON retex WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER retex_link_insert_changes;
CREATE TRIGGER retex_link_insert_changes AFTER INSERT ON retex_link WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER retex_link_update_changes;
CREATE TRIGGER retex_link_update_changes AFTER UPDATE ON retex_link WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER retex_link_delete_changes;
CREATE TRIGGER retex_link_delete_changes AFTER DELETE ON retex_link WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER contribution_insert_changes;
CREATE TRIGGER contribution_insert_changes AFTER INSERT ON contribution WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER contribution_update_changes;
CREATE TRIGGER contribution_update_changes AFTER UPDATE ON contribution WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER contribution_delete_changes;
CREATE TRIGGER contribution_delete_changes AFTER DELETE ON contribution WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER contribution_source_insert_changes;
CREATE TRIGGER contribution_source_insert_changes AFTER INSERT ON contribution_source WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER contribution_source_update_changes;
CREATE TRIGGER contribution_source_update_changes AFTER UPDATE ON contribution_source WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER contribution_source_delete_changes;
CREATE TRIGGER contribution_source_delete_changes AFTER DELETE ON contribution_source WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER trame_insert_changes;
CREATE TRIGGER trame_insert_changes AFTER INSERT ON trame WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER trame_update_changes;
CREATE TRIGGER trame_update_changes AFTER UPDATE ON trame WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER trame_delete_changes;
CREATE TRIGGER trame_delete_changes AFTER DELETE ON trame WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER trame_section_insert_changes;
CREATE TRIGGER trame_section_insert_changes AFTER INSERT ON trame_section WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER trame_section_update_changes;
CREATE TRIGGER trame_section_update_changes AFTER UPDATE ON trame_section WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER trame_section_delete_changes;
CREATE TRIGGER trame_section_delete_changes AFTER DELETE ON trame_section WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER section_text_insert_changes;
CREATE TRIGGER section_text_insert_changes AFTER INSERT ON section_text WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER section_text_update_changes;
CREATE TRIGGER section_text_update_changes AFTER UPDATE ON section_text WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER section_text_delete_changes;
CREATE TRIGGER section_text_delete_changes AFTER DELETE ON section_text WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER setting_insert_changes;
CREATE TRIGGER setting_insert_changes AFTER INSERT ON setting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER setting_update_changes;
CREATE TRIGGER setting_update_changes AFTER UPDATE ON setting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER setting_delete_changes;
CREATE TRIGGER setting_delete_changes AFTER DELETE ON setting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER style_template_insert_changes;
CREATE TRIGGER style_template_insert_changes AFTER INSERT ON style_template WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER style_template_update_changes;
CREATE TRIGGER style_template_update_changes AFTER UPDATE ON style_template WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER style_template_delete_changes;
CREATE TRIGGER style_template_delete_changes AFTER DELETE ON style_template WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;

-- An RFC 9562 version 7 identifier (the time in milliseconds, then random bits), in SQL so that every
-- insert gets one, whoever wrote it. Ordered by time, the records of a bundle go into the indexes of
-- the receiving catalogue side by side, not scattered over every page.
ALTER TABLE meeting ADD COLUMN uid TEXT;
ALTER TABLE retex ADD COLUMN uid TEXT;
ALTER TABLE contribution ADD COLUMN uid TEXT;
ALTER TABLE trame ADD COLUMN uid TEXT;

UPDATE meeting SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE retex SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE contribution SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE trame SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;

CREATE UNIQUE INDEX meeting_by_uid ON meeting (uid);
CREATE UNIQUE INDEX retex_by_uid ON retex (uid);
CREATE UNIQUE INDEX contribution_by_uid ON contribution (uid);
CREATE UNIQUE INDEX trame_by_uid ON trame (uid);

CREATE TRIGGER meeting_uid AFTER INSERT ON meeting WHEN NEW.uid IS NULL BEGIN
  UPDATE meeting SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;
CREATE TRIGGER retex_uid AFTER INSERT ON retex WHEN NEW.uid IS NULL BEGIN
  UPDATE retex SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;
CREATE TRIGGER contribution_uid AFTER INSERT ON contribution WHEN NEW.uid IS NULL BEGIN
  UPDATE contribution SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;
CREATE TRIGGER trame_uid AFTER INSERT ON trame WHEN NEW.uid IS NULL BEGIN
  UPDATE trame SET uid = substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;

-- The exchange state of every record ever stamped, received or deleted (Zotero's syncCache, with a
-- version vector per field): the values as last seen, and for each field which catalogue changed it
-- how many times. A deleted record stays here as a tombstone, so that its deletion travels.
-- What the tables held of it when last written or stamped (its references tied to what exists here)
-- is `fields` itself, unless `pending`: then `local`, NULL when it has no row here (received but not
-- yet writable). A local edit is a row that differs from that, never from `fields`.
CREATE TABLE exchange_record (
  uid           TEXT PRIMARY KEY,
  kind          TEXT NOT NULL,
  origin        TEXT NOT NULL,
  fields        TEXT NOT NULL CHECK (json_valid(fields)),
  local         TEXT CHECK (local IS NULL OR json_valid(local)),
  -- 1 while the tables hold less than the record: tried again after merges.
  pending       INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
  clocks        TEXT NOT NULL CHECK (json_valid(clocks)),
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  received_from TEXT,
  received_at   TEXT
) WITHOUT ROWID;
CREATE INDEX exchange_record_pending ON exchange_record (pending) WHERE pending = 1;

-- Catalogues this one exchanged with: the key pinned at the first bundle, the last bundle merged.
CREATE TABLE exchange_peer (
  uid             TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  scope_kind      TEXT NOT NULL,
  scope_code      TEXT NOT NULL,
  public_key      TEXT NOT NULL,
  first_seen_at   TEXT NOT NULL,
  last_merged_at  TEXT
) WITHOUT ROWID;

-- The names of the catalogues records were created in, learnt from bundles (« créé par la DSDEN de la Vienne »).
CREATE TABLE exchange_catalogue (
  uid  TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;

-- Every bundle written or merged: the history of the Échanges screen.
CREATE TABLE exchange_log (
  id           INTEGER PRIMARY KEY,
  direction    TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  peer_uid     TEXT NOT NULL,
  peer_name    TEXT NOT NULL,
  scope        TEXT NOT NULL,
  bundle_sha   TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  at           TEXT NOT NULL,
  added        INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  deleted      INTEGER NOT NULL DEFAULT 0,
  conflicts    INTEGER NOT NULL DEFAULT 0
);

-- A field changed on both sides: the local value stays until someone chooses.
CREATE TABLE exchange_conflict (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL,
  kind           TEXT NOT NULL,
  field          TEXT NOT NULL,
  local_value    TEXT NOT NULL CHECK (json_valid(local_value)),
  incoming_value TEXT NOT NULL CHECK (json_valid(incoming_value)),
  incoming_clock TEXT NOT NULL CHECK (json_valid(incoming_clock)),
  -- The local value's clock when it was found: settled elsewhere means a later value has seen both.
  local_clock    TEXT NOT NULL CHECK (json_valid(local_clock)),
  peer_uid       TEXT NOT NULL,
  peer_name      TEXT NOT NULL,
  detected_at    TEXT NOT NULL,
  resolved_at    TEXT,
  resolution     TEXT CHECK (resolution IN ('local', 'recu', 'ailleurs'))
);
CREATE UNIQUE INDEX exchange_conflict_open ON exchange_conflict (uid, field) WHERE resolved_at IS NULL;
