-- 0003: texts written in the app belong to a scope: the région's descriptif is not an académie's.
CREATE TABLE section_text_v2 (
  campaign_id   INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  scope         TEXT NOT NULL DEFAULT 'region',
  section_key   TEXT NOT NULL,
  thematique_id INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL,
  PRIMARY KEY (campaign_id, scope, section_key, thematique_id)
) WITHOUT ROWID;
INSERT INTO section_text_v2 (campaign_id, scope, section_key, thematique_id, text)
  SELECT campaign_id, 'region', section_key, thematique_id, text FROM section_text;
DROP TABLE section_text;
ALTER TABLE section_text_v2 RENAME TO section_text;
CREATE TRIGGER section_text_insert_changes AFTER INSERT ON section_text BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER section_text_update_changes AFTER UPDATE ON section_text BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER section_text_delete_changes AFTER DELETE ON section_text BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
