-- The date a generated document carries (its properties, its zip entries) is the one its content first
-- had: the same content keeps the same date, so storing or choosing a style template, or any change that
-- prints nothing, leaves a later generation's bytes as they were. Local to this catalogue, never exchanged.
CREATE TABLE document_stamp (
  digest TEXT PRIMARY KEY,
  stamp TEXT NOT NULL
) WITHOUT ROWID;
