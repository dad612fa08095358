-- Storing a Word style template, or choosing one, changes nothing a document prints: it still counts as a
-- change (exchanges and backups follow change_count) but no longer moves last_change, the date a new
-- document's content takes (document_stamp, 0013). Else a plain synthesis generated after a template was
-- stored would not have the bytes of the same synthesis generated before.
DROP TRIGGER style_template_insert_changes;
CREATE TRIGGER style_template_insert_changes AFTER INSERT ON style_template WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER style_template_update_changes;
CREATE TRIGGER style_template_update_changes AFTER UPDATE ON style_template WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER style_template_delete_changes;
CREATE TRIGGER style_template_delete_changes AFTER DELETE ON style_template WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN UPDATE catalogue_state SET change_count = change_count + 1 WHERE id = 1; END;
DROP TRIGGER setting_insert_changes;
CREATE TRIGGER setting_insert_changes AFTER INSERT ON setting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN
  UPDATE catalogue_state SET change_count = change_count + 1,
    last_change = CASE WHEN NEW.key = 'styleTemplateId' THEN last_change ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END WHERE id = 1; END;
DROP TRIGGER setting_update_changes;
CREATE TRIGGER setting_update_changes AFTER UPDATE ON setting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN
  UPDATE catalogue_state SET change_count = change_count + 1,
    last_change = CASE WHEN NEW.key = 'styleTemplateId' THEN last_change ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END WHERE id = 1; END;
DROP TRIGGER setting_delete_changes;
CREATE TRIGGER setting_delete_changes AFTER DELETE ON setting WHEN (SELECT quiet FROM catalogue_state WHERE id = 1) = 0 BEGIN
  UPDATE catalogue_state SET change_count = change_count + 1,
    last_change = CASE WHEN OLD.key = 'styleTemplateId' THEN last_change ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END WHERE id = 1; END;
