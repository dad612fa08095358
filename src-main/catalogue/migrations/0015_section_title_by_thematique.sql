-- 0015: a thématique section may word its heading for some thématiques ({"4": "Actions et acteurs mobilisés"}),
-- as seed 004 does. The 2020 preset's trame, where its headings are still the preset's, takes the seed's wordings
-- (assets/presets/egn-2020.json); a heading someone rewrote stays theirs. Like adding the column, the correction
-- is no edit of this catalogue's: the change triggers hold back (the next exchange stamps the trames as they are).
ALTER TABLE trame_section ADD COLUMN title_by_thematique TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(title_by_thematique));
UPDATE catalogue_state SET quiet = 1 WHERE id = 1;
UPDATE trame_section
   SET title_by_thematique = '{"2":"Principales actions et acteurs à mobiliser","3":"Actions à conduire et acteurs à mobiliser","4":"Actions et acteurs mobilisés"}'
 WHERE key = 'actions' AND title = 'Principales actions et acteurs mobilisés' AND title_by_thematique = '{}'
   AND trame_id IN (SELECT id FROM trame WHERE preset_slug = 'egn-2020');
UPDATE trame_section
   SET title_by_thematique = '{"4":"Description de 2 à 3 retours d’expérience présentés lors des ateliers {{en_perimetre}} et dans les établissements.","5":"Description de 2 à 3 retours d’expérience présentés lors des ateliers {{en_perimetre}} et dans les établissements."}'
 WHERE key = 'retex' AND title_by_thematique = '{}'
   AND title IN ('Description de 2 à 3 retours d’expérience présentés lors des ateliers {{du_perimetre}} et dans les établissements.',
                 'Description de 2 à 3 retours d’expérience présentés lors des ateliers de la région académique et dans les établissements.')
   AND trame_id IN (SELECT id FROM trame WHERE preset_slug = 'egn-2020');
UPDATE catalogue_state SET quiet = 0 WHERE id = 1;
