-- 0009: full-text search (SQLite FTS5) over meetings, retex, contributions and the texts written in the app.
-- Accents and case folded (remove_diacritics 2), apostrophes and hyphens between words (« l’école » is
-- « l » and « ecole »). Each index keeps its own copy of the words (not external content): a row is
-- replaced by its rowid alone, whatever path wrote the record (forms, imports, merged bundles, restore),
-- and snippet() reads the copy. rowid = the record's id. The triggers run whatever catalogue_state.quiet
-- says: a merged bundle is searchable like anything typed.

CREATE VIRTUAL TABLE meeting_fts USING fts5(
  title, lieu, notes, defis, etablissement,
  tokenize = "unicode61 remove_diacritics 2 separators '''’-'"
);
CREATE VIRTUAL TABLE retex_fts USING fts5(
  title, text, niveau, classes,
  tokenize = "unicode61 remove_diacritics 2 separators '''’-'"
);
CREATE VIRTUAL TABLE contribution_fts USING fts5(
  text, heading,
  tokenize = "unicode61 remove_diacritics 2 separators '''’-'"
);
-- A text is known by its place (section_text has no rowid): the place is kept beside its words, unindexed.
CREATE VIRTUAL TABLE section_text_fts USING fts5(
  text, campaign_id UNINDEXED, scope UNINDEXED, section_key UNINDEXED, thematique_id UNINDEXED,
  tokenize = "unicode61 remove_diacritics 2 separators '''’-'"
);

-- A meeting's words: its own fields, its ateliers' défis, its établissement's name and commune.
CREATE VIEW meeting_fts_source AS
  SELECT m.id,
    m.title, m.lieu, m.notes,
    coalesce((SELECT group_concat(defi, ' ') FROM atelier WHERE meeting_id = m.id AND defi <> ''), '') AS defis,
    coalesce((SELECT e.nom || ' ' || e.commune FROM etablissement e WHERE e.uai = m.etablissement_uai), '') AS etablissement
  FROM meeting m;

CREATE TRIGGER meeting_fts_insert AFTER INSERT ON meeting BEGIN
  DELETE FROM meeting_fts WHERE rowid = new.id;
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = new.id;
END;
CREATE TRIGGER meeting_fts_update AFTER UPDATE OF id, title, lieu, notes, etablissement_uai ON meeting
  WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.lieu IS NOT new.lieu OR old.notes IS NOT new.notes
    OR old.etablissement_uai IS NOT new.etablissement_uai
BEGIN
  DELETE FROM meeting_fts WHERE rowid IN (old.id, new.id);
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = new.id;
END;
CREATE TRIGGER meeting_fts_delete AFTER DELETE ON meeting BEGIN
  DELETE FROM meeting_fts WHERE rowid = old.id;
END;

-- An atelier's défi is its meeting's: the meeting's row is written again (nothing when the meeting is gone).
CREATE TRIGGER atelier_fts_insert AFTER INSERT ON atelier WHEN new.defi <> '' BEGIN
  DELETE FROM meeting_fts WHERE rowid = new.meeting_id;
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = new.meeting_id;
END;
CREATE TRIGGER atelier_fts_update AFTER UPDATE OF defi, meeting_id ON atelier
  WHEN old.defi IS NOT new.defi OR old.meeting_id IS NOT new.meeting_id
BEGIN
  DELETE FROM meeting_fts WHERE rowid IN (old.meeting_id, new.meeting_id);
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id IN (old.meeting_id, new.meeting_id);
END;
CREATE TRIGGER atelier_fts_delete AFTER DELETE ON atelier WHEN old.defi <> '' BEGIN
  DELETE FROM meeting_fts WHERE rowid = old.meeting_id;
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id = old.meeting_id;
END;

-- An établissement renamed (or moved to another commune) renames its meetings' words.
CREATE INDEX meeting_by_etablissement ON meeting (etablissement_uai) WHERE etablissement_uai IS NOT NULL;
CREATE TRIGGER etablissement_fts_update AFTER UPDATE OF nom, commune ON etablissement
  WHEN old.nom IS NOT new.nom OR old.commune IS NOT new.commune
BEGIN
  DELETE FROM meeting_fts WHERE rowid IN (SELECT id FROM meeting WHERE etablissement_uai = new.uai);
  INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
    SELECT s.id, s.title, s.lieu, s.notes, s.defis, s.etablissement
    FROM meeting m JOIN meeting_fts_source s ON s.id = m.id WHERE m.etablissement_uai = new.uai;
END;

CREATE TRIGGER retex_fts_insert AFTER INSERT ON retex BEGIN
  DELETE FROM retex_fts WHERE rowid = new.id;
  INSERT INTO retex_fts (rowid, title, text, niveau, classes) VALUES (new.id, new.title, new.text, new.niveau, new.classes);
END;
CREATE TRIGGER retex_fts_update AFTER UPDATE OF id, title, text, niveau, classes ON retex
  WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.text IS NOT new.text OR old.niveau IS NOT new.niveau
    OR old.classes IS NOT new.classes
BEGIN
  DELETE FROM retex_fts WHERE rowid IN (old.id, new.id);
  INSERT INTO retex_fts (rowid, title, text, niveau, classes) VALUES (new.id, new.title, new.text, new.niveau, new.classes);
END;
CREATE TRIGGER retex_fts_delete AFTER DELETE ON retex BEGIN
  DELETE FROM retex_fts WHERE rowid = old.id;
END;

CREATE TRIGGER contribution_fts_insert AFTER INSERT ON contribution BEGIN
  DELETE FROM contribution_fts WHERE rowid = new.id;
  INSERT INTO contribution_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
END;
CREATE TRIGGER contribution_fts_update AFTER UPDATE OF id, text, heading ON contribution
  WHEN old.id IS NOT new.id OR old.text IS NOT new.text OR old.heading IS NOT new.heading
BEGIN
  DELETE FROM contribution_fts WHERE rowid IN (old.id, new.id);
  INSERT INTO contribution_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
END;
CREATE TRIGGER contribution_fts_delete AFTER DELETE ON contribution BEGIN
  DELETE FROM contribution_fts WHERE rowid = old.id;
END;

-- Texts are few (a few hundred at most): found by their place among them.
CREATE TRIGGER section_text_fts_insert AFTER INSERT ON section_text BEGIN
  DELETE FROM section_text_fts WHERE campaign_id = new.campaign_id AND scope = new.scope AND section_key = new.section_key
    AND thematique_id = new.thematique_id;
  INSERT INTO section_text_fts (text, campaign_id, scope, section_key, thematique_id)
    VALUES (new.text, new.campaign_id, new.scope, new.section_key, new.thematique_id);
END;
CREATE TRIGGER section_text_fts_update AFTER UPDATE ON section_text BEGIN
  DELETE FROM section_text_fts WHERE (campaign_id = old.campaign_id AND scope = old.scope AND section_key = old.section_key
    AND thematique_id = old.thematique_id)
    OR (campaign_id = new.campaign_id AND scope = new.scope AND section_key = new.section_key AND thematique_id = new.thematique_id);
  INSERT INTO section_text_fts (text, campaign_id, scope, section_key, thematique_id)
    VALUES (new.text, new.campaign_id, new.scope, new.section_key, new.thematique_id);
END;
CREATE TRIGGER section_text_fts_delete AFTER DELETE ON section_text BEGIN
  DELETE FROM section_text_fts WHERE campaign_id = old.campaign_id AND scope = old.scope AND section_key = old.section_key
    AND thematique_id = old.thematique_id;
END;

-- What the catalogue already holds.
INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
  SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source;
INSERT INTO retex_fts (rowid, title, text, niveau, classes) SELECT id, title, text, niveau, classes FROM retex;
INSERT INTO contribution_fts (rowid, text, heading) SELECT id, text, heading FROM contribution;
INSERT INTO section_text_fts (text, campaign_id, scope, section_key, thematique_id)
  SELECT text, campaign_id, scope, section_key, thematique_id FROM section_text;

-- The contributions not retained, counted and paged by their index as the retained ones (0008).
CREATE INDEX contribution_unselected ON contribution (campaign_id, thematique_id, kind, position) WHERE selected = 0;

-- The retex list filters by source meeting and by the établissement's place.
CREATE INDEX etablissement_by_departement ON etablissement (departement_code);
CREATE INDEX retex_by_meeting ON retex (source_meeting_id) WHERE source_meeting_id IS NOT NULL;
CREATE INDEX retex_by_etablissement ON retex (etablissement_uai) WHERE etablissement_uai IS NOT NULL;
