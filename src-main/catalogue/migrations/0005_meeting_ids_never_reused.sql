-- 0005: a deleted meeting's reference is never given to another. Sheets sent out name meetings by it,
-- and SQLite gives the highest id again once it is free: an old sheet would then overwrite a newer
-- meeting. The highest id ever used is kept here; new meetings are numbered after it.
ALTER TABLE catalogue_state ADD COLUMN meeting_high INTEGER NOT NULL DEFAULT 0;
UPDATE catalogue_state SET meeting_high = (SELECT coalesce(max(id), 0) FROM meeting) WHERE id = 1;
CREATE TRIGGER meeting_high_insert AFTER INSERT ON meeting
  BEGIN UPDATE catalogue_state SET meeting_high = max(meeting_high, NEW.id) WHERE id = 1; END;
