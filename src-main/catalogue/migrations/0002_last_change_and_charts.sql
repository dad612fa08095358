-- 0002: the catalogue's last change (documents are stamped with it, never with the wall clock,
-- so that the same catalogue gives the same bytes), and trame sections that can hold a chart.

CREATE TABLE catalogue_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  last_change TEXT NOT NULL
);
INSERT INTO catalogue_state (id, last_change) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE trame_section_v2 (
  id                 INTEGER PRIMARY KEY,
  trame_id           INTEGER NOT NULL REFERENCES trame(id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  key                TEXT NOT NULL,
  scope              TEXT NOT NULL CHECK (scope IN ('document', 'thematique')),
  title              TEXT NOT NULL,
  guidance           TEXT NOT NULL DEFAULT '',
  source             TEXT NOT NULL CHECK (source IN ('text', 'contributions', 'retex', 'defis_propositions', 'bilan', 'chart')),
  contribution_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contribution_kinds)),
  retex_min          INTEGER NOT NULL DEFAULT 0,
  retex_max          INTEGER NOT NULL DEFAULT 0,
  numbered           INTEGER NOT NULL DEFAULT 1 CHECK (numbered IN (0, 1)),
  UNIQUE (trame_id, key)
);
INSERT INTO trame_section_v2 SELECT * FROM trame_section;
DROP TABLE trame_section;
ALTER TABLE trame_section_v2 RENAME TO trame_section;

CREATE TRIGGER bassin_insert_changes AFTER INSERT ON bassin BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER bassin_update_changes AFTER UPDATE ON bassin BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER bassin_delete_changes AFTER DELETE ON bassin BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER etablissement_insert_changes AFTER INSERT ON etablissement BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER etablissement_update_changes AFTER UPDATE ON etablissement BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER etablissement_delete_changes AFTER DELETE ON etablissement BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER campaign_insert_changes AFTER INSERT ON campaign BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER campaign_update_changes AFTER UPDATE ON campaign BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER campaign_delete_changes AFTER DELETE ON campaign BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER thematique_insert_changes AFTER INSERT ON thematique BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER thematique_update_changes AFTER UPDATE ON thematique BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER thematique_delete_changes AFTER DELETE ON thematique BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER sujet_insert_changes AFTER INSERT ON sujet BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER sujet_update_changes AFTER UPDATE ON sujet BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER sujet_delete_changes AFTER DELETE ON sujet BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER meeting_insert_changes AFTER INSERT ON meeting BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER meeting_update_changes AFTER UPDATE ON meeting BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER meeting_delete_changes AFTER DELETE ON meeting BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER meeting_thematique_insert_changes AFTER INSERT ON meeting_thematique BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER meeting_thematique_update_changes AFTER UPDATE ON meeting_thematique BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER meeting_thematique_delete_changes AFTER DELETE ON meeting_thematique BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER attendance_insert_changes AFTER INSERT ON attendance BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER attendance_update_changes AFTER UPDATE ON attendance BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER attendance_delete_changes AFTER DELETE ON attendance BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER atelier_insert_changes AFTER INSERT ON atelier BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER atelier_update_changes AFTER UPDATE ON atelier BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER atelier_delete_changes AFTER DELETE ON atelier BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER retex_insert_changes AFTER INSERT ON retex BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER retex_update_changes AFTER UPDATE ON retex BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER retex_delete_changes AFTER DELETE ON retex BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER retex_link_insert_changes AFTER INSERT ON retex_link BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER retex_link_update_changes AFTER UPDATE ON retex_link BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER retex_link_delete_changes AFTER DELETE ON retex_link BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER contribution_insert_changes AFTER INSERT ON contribution BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER contribution_update_changes AFTER UPDATE ON contribution BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER contribution_delete_changes AFTER DELETE ON contribution BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER contribution_source_insert_changes AFTER INSERT ON contribution_source BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER contribution_source_update_changes AFTER UPDATE ON contribution_source BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER contribution_source_delete_changes AFTER DELETE ON contribution_source BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER trame_insert_changes AFTER INSERT ON trame BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER trame_update_changes AFTER UPDATE ON trame BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER trame_delete_changes AFTER DELETE ON trame BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER trame_section_insert_changes AFTER INSERT ON trame_section BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER trame_section_update_changes AFTER UPDATE ON trame_section BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER trame_section_delete_changes AFTER DELETE ON trame_section BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER section_text_insert_changes AFTER INSERT ON section_text BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER section_text_update_changes AFTER UPDATE ON section_text BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER section_text_delete_changes AFTER DELETE ON section_text BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER setting_insert_changes AFTER INSERT ON setting BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER setting_update_changes AFTER UPDATE ON setting BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER setting_delete_changes AFTER DELETE ON setting BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
