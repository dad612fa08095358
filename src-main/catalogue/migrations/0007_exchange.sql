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

-- Every change counted (last_change has millisecond steps: two edits can share one).
ALTER TABLE catalogue_state ADD COLUMN change_count INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER catalogue_state_counts AFTER UPDATE OF last_change ON catalogue_state
  BEGIN UPDATE catalogue_state SET change_count = change_count + 1 WHERE id = 1; END;

-- A random RFC 4122 version 4 identifier, in SQL so that every insert gets one, whoever wrote it.
ALTER TABLE meeting ADD COLUMN uid TEXT;
ALTER TABLE retex ADD COLUMN uid TEXT;
ALTER TABLE contribution ADD COLUMN uid TEXT;
ALTER TABLE trame ADD COLUMN uid TEXT;

UPDATE meeting SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE retex SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE contribution SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE trame SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;

CREATE UNIQUE INDEX meeting_by_uid ON meeting (uid);
CREATE UNIQUE INDEX retex_by_uid ON retex (uid);
CREATE UNIQUE INDEX contribution_by_uid ON contribution (uid);
CREATE UNIQUE INDEX trame_by_uid ON trame (uid);

CREATE TRIGGER meeting_uid AFTER INSERT ON meeting WHEN NEW.uid IS NULL BEGIN
  UPDATE meeting SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;
CREATE TRIGGER retex_uid AFTER INSERT ON retex WHEN NEW.uid IS NULL BEGIN
  UPDATE retex SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;
CREATE TRIGGER contribution_uid AFTER INSERT ON contribution WHEN NEW.uid IS NULL BEGIN
  UPDATE contribution SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;
CREATE TRIGGER trame_uid AFTER INSERT ON trame WHEN NEW.uid IS NULL BEGIN
  UPDATE trame SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;

-- The exchange state of every record ever stamped, received or deleted (Zotero's syncCache, with a
-- version vector per field): the values as last seen, and for each field which catalogue changed it
-- how many times. A deleted record stays here as a tombstone, so that its deletion travels.
CREATE TABLE exchange_record (
  uid           TEXT PRIMARY KEY,
  kind          TEXT NOT NULL,
  origin        TEXT NOT NULL,
  fields        TEXT NOT NULL CHECK (json_valid(fields)),
  clocks        TEXT NOT NULL CHECK (json_valid(clocks)),
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  received_from TEXT,
  received_at   TEXT
) WITHOUT ROWID;

-- Catalogues this one exchanged with: the key pinned at the first bundle, the last bundle merged.
CREATE TABLE exchange_peer (
  uid             TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  scope_kind      TEXT NOT NULL,
  scope_code      TEXT NOT NULL,
  public_key      TEXT NOT NULL,
  first_seen_at   TEXT NOT NULL,
  last_bundle_sha TEXT,
  last_bundle_at  TEXT,
  last_merged_at  TEXT
) WITHOUT ROWID;

-- The names of the catalogues records were created in, learnt from bundles (« créé par la DSDEN de la Vienne »).
CREATE TABLE exchange_catalogue (
  uid  TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;

-- Every bundle merged (or refused after the signature was checked): the history of the Échanges screen.
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
  peer_uid       TEXT NOT NULL,
  peer_name      TEXT NOT NULL,
  detected_at    TEXT NOT NULL,
  resolved_at    TEXT,
  resolution     TEXT CHECK (resolution IN ('local', 'recu', 'ailleurs'))
);
CREATE UNIQUE INDEX exchange_conflict_open ON exchange_conflict (uid, field) WHERE resolved_at IS NULL;
