-- 0004: Word style templates (a rectorat's own .docx): its styles and header logo, kept in the
-- catalogue so that a synthesis can be regenerated identically on another laptop.
CREATE TABLE style_template (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  sha256          TEXT NOT NULL UNIQUE,
  styles_xml      TEXT NOT NULL,
  fonts           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fonts)),
  heading_font    TEXT,
  body_font       TEXT,
  logo            BLOB,
  logo_type       TEXT CHECK (logo_type IN ('png', 'jpg', 'gif', 'bmp')),
  logo_width_emu  INTEGER,
  logo_height_emu INTEGER,
  imported_at     TEXT NOT NULL
);
CREATE TRIGGER style_template_insert_changes AFTER INSERT ON style_template BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER style_template_update_changes AFTER UPDATE ON style_template BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
CREATE TRIGGER style_template_delete_changes AFTER DELETE ON style_template BEGIN UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1; END;
