-- 0019: restitutions as sources, contributions cut from their passages, review states with their
-- history, groups of contributions that say the same thing, and the map of one consultation's
-- thématiques onto another's (issue 13).

-- A meeting's restitution: a file received (its name and the SHA-256 of its bytes) or a text typed
-- (format 'saisie', the SHA-256 of its UTF-8 text). Its text is kept as the passages it was read into;
-- the file itself is not kept (a restitution is read once, its passages are what contributions point to).
CREATE TABLE restitution (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  file_name  TEXT NOT NULL DEFAULT '',
  format     TEXT NOT NULL CHECK (format IN ('docx', 'odt', 'pdf', 'texte', 'saisie')),
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  added_at   TEXT NOT NULL,
  UNIQUE (meeting_id, sha256)
);
CREATE INDEX restitution_by_meeting ON restitution (meeting_id);

-- Its passages in order (restitutions/passages.ts): a contribution's range names a passage by `idx`.
CREATE TABLE restitution_passage (
  id             INTEGER PRIMARY KEY,
  restitution_id INTEGER NOT NULL REFERENCES restitution(id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL CHECK (idx >= 0),
  text           TEXT NOT NULL,
  heading        INTEGER NOT NULL DEFAULT 0 CHECK (heading IN (0, 1)),
  UNIQUE (restitution_id, idx)
);

-- Searchable like the lists (0009's tokenizer); passages are written once and never updated.
CREATE VIRTUAL TABLE restitution_fts USING fts5(
  text,
  tokenize = "unicode61 remove_diacritics 2 separators '''’-'"
);
CREATE TRIGGER restitution_passage_fts_insert AFTER INSERT ON restitution_passage WHEN (SELECT fts_held FROM catalogue_state WHERE id = 1) = 0 BEGIN
  INSERT INTO restitution_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER restitution_passage_fts_delete AFTER DELETE ON restitution_passage BEGIN
  DELETE FROM restitution_fts WHERE rowid = old.id;
END;

-- Groups: contributions of one thématique and kind that say the same thing, printed once in the
-- synthesis under their wording when retained. `review`: proposed by the app (à traiter), accepted
-- (retenue) or set aside (écartée). A thématique deleted takes its groups (its contributions, which block the
-- deletion while they exist, are gone by then).
CREATE TABLE contribution_group (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  campaign_id   INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  thematique_id INTEGER NOT NULL REFERENCES thematique(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('etat_des_lieux', 'attente', 'action', 'defi', 'proposition')),
  wording       TEXT NOT NULL,
  review        TEXT NOT NULL DEFAULT 'a_traiter' CHECK (review IN ('a_traiter', 'retenue', 'ecartee')),
  position      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contribution_group_by_thematique ON contribution_group (campaign_id, thematique_id, kind, position);

-- A contribution: its group (one at most), the restitution and the range it was cut from
-- (passages.ts PassageRange as JSON), and whether it is still to be read. Three review states from two
-- columns: retenue = selected; écartée = not selected and not pending; à traiter = pending. `selected`
-- stays what the synthesis and the lists read; contributions typed before this migration were read.
ALTER TABLE contribution ADD COLUMN group_id INTEGER REFERENCES contribution_group(id) ON DELETE SET NULL;
ALTER TABLE contribution ADD COLUMN restitution_id INTEGER REFERENCES restitution(id) ON DELETE SET NULL;
ALTER TABLE contribution ADD COLUMN passage_range TEXT CHECK (passage_range IS NULL OR json_valid(passage_range));
ALTER TABLE contribution ADD COLUMN pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1) AND NOT (pending = 1 AND selected = 1));
CREATE INDEX contribution_by_group ON contribution (group_id, position) WHERE group_id IS NOT NULL;
CREATE INDEX contribution_by_restitution ON contribution (restitution_id) WHERE restitution_id IS NOT NULL;
CREATE INDEX contribution_pending ON contribution (campaign_id, thematique_id) WHERE pending = 1;

-- Who changed what and when: a contribution's or a group's review state, a group's wording, a
-- contribution's group. Appended, never edited; `who` is the catalogue's name and contact at the time.
CREATE TABLE review_event (
  id              INTEGER PRIMARY KEY,
  uid             TEXT NOT NULL UNIQUE,
  contribution_id INTEGER REFERENCES contribution(id) ON DELETE CASCADE,
  group_id        INTEGER REFERENCES contribution_group(id) ON DELETE CASCADE,
  at              TEXT NOT NULL,
  who             TEXT NOT NULL,
  what            TEXT NOT NULL CHECK (what IN ('etat', 'libelle', 'groupe')),
  from_value      TEXT,
  to_value        TEXT,
  CHECK ((contribution_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX review_event_by_contribution ON review_event (contribution_id) WHERE contribution_id IS NOT NULL;
CREATE INDEX review_event_by_group ON review_event (group_id) WHERE group_id IS NOT NULL;

-- One consultation's thématiques mapped onto another's (2015 → 2020). Until the user saves a map for a
-- pair of consultations (a row in thematique_map_saved), a default one is proposed.
CREATE TABLE thematique_map (
  from_thematique_id INTEGER NOT NULL REFERENCES thematique(id) ON DELETE CASCADE,
  to_thematique_id   INTEGER NOT NULL REFERENCES thematique(id) ON DELETE CASCADE,
  PRIMARY KEY (from_thematique_id, to_thematique_id)
) WITHOUT ROWID;
CREATE TABLE thematique_map_saved (
  from_campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  to_campaign_id   INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  saved_at         TEXT NOT NULL,
  PRIMARY KEY (from_campaign_id, to_campaign_id)
) WITHOUT ROWID;

-- A contributions section may order its items by how many meetings raised them and say so
-- (« évoquée dans 7 rencontres (Charente, Vienne, Corrèze…) »).
ALTER TABLE trame_section ADD COLUMN meeting_counts INTEGER NOT NULL DEFAULT 0 CHECK (meeting_counts IN (0, 1));

-- Every new table's writes are changes of the catalogue (0007's rule).
CREATE TRIGGER restitution_insert_changes AFTER INSERT ON restitution WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER restitution_update_changes AFTER UPDATE ON restitution WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER restitution_delete_changes AFTER DELETE ON restitution WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER contribution_group_insert_changes AFTER INSERT ON contribution_group WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER contribution_group_update_changes AFTER UPDATE ON contribution_group WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER contribution_group_delete_changes AFTER DELETE ON contribution_group WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER review_event_insert_changes AFTER INSERT ON review_event WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER thematique_map_insert_changes AFTER INSERT ON thematique_map WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
CREATE TRIGGER thematique_map_delete_changes AFTER DELETE ON thematique_map WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1; END;
