-- 0011: finding an établissement by name, commune or UAI anywhere in them, at the scale of the country.
-- A LIKE over fold() (a JavaScript function, three calls a row) took 140–230 ms over 40 000 établissements;
-- over these words, folded once when written (built-in functions only, as list-sql.ts sortKey(): lower case,
-- French accents dropped), it takes a few milliseconds.
CREATE TABLE etablissement_search (
  uai   TEXT PRIMARY KEY,
  words TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO etablissement_search (uai, words) SELECT e.uai, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(substr(e.nom || ' ' || e.commune || ' ' || e.uai, 1, 1000)), 'à', 'a'), 'â', 'a'), 'ä', 'a'), 'á', 'a'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Á', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'É', 'e'), 'È', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'î', 'i'), 'ï', 'i'), 'Î', 'i'), 'Ï', 'i'), 'ô', 'o'), 'ö', 'o'), 'Ô', 'o'), 'Ö', 'o'), 'ù', 'u'), 'û', 'u'), 'ü', 'u'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'ÿ', 'y'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae') FROM etablissement e;

CREATE TRIGGER etablissement_search_insert AFTER INSERT ON etablissement BEGIN
  INSERT OR REPLACE INTO etablissement_search (uai, words) VALUES (new.uai, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(substr(new.nom || ' ' || new.commune || ' ' || new.uai, 1, 1000)), 'à', 'a'), 'â', 'a'), 'ä', 'a'), 'á', 'a'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Á', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'É', 'e'), 'È', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'î', 'i'), 'ï', 'i'), 'Î', 'i'), 'Ï', 'i'), 'ô', 'o'), 'ö', 'o'), 'Ô', 'o'), 'Ö', 'o'), 'ù', 'u'), 'û', 'u'), 'ü', 'u'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'ÿ', 'y'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'));
END;
CREATE TRIGGER etablissement_search_update AFTER UPDATE OF uai, nom, commune ON etablissement BEGIN
  DELETE FROM etablissement_search WHERE uai = old.uai;
  INSERT OR REPLACE INTO etablissement_search (uai, words) VALUES (new.uai, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(substr(new.nom || ' ' || new.commune || ' ' || new.uai, 1, 1000)), 'à', 'a'), 'â', 'a'), 'ä', 'a'), 'á', 'a'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Á', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'É', 'e'), 'È', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'î', 'i'), 'ï', 'i'), 'Î', 'i'), 'Ï', 'i'), 'ô', 'o'), 'ö', 'o'), 'Ô', 'o'), 'Ö', 'o'), 'ù', 'u'), 'û', 'u'), 'ü', 'u'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'ÿ', 'y'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'));
END;

CREATE TRIGGER etablissement_search_delete AFTER DELETE ON etablissement BEGIN
  DELETE FROM etablissement_search WHERE uai = old.uai;
END;
