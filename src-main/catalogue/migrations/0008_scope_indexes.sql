-- A synthesis, its pre-flight and its preview read one scope (a région, an académie, a département):
-- its meetings are found by the scope's column, not by walking every meeting of the consultation
-- (meeting_by_campaign starts with the level). The level follows, for the Bilan's per-level counts.
CREATE INDEX meeting_by_region ON meeting (campaign_id, region_code, level);
CREATE INDEX meeting_by_academie ON meeting (campaign_id, academie_code, level);
CREATE INDEX meeting_by_departement ON meeting (campaign_id, departement_code, level);

-- What a synthesis prints is the selected retex and contributions: a few among many, in the order the
-- document lists them (the same columns as retex_by_thematique and contribution_by_thematique).
CREATE INDEX retex_selected ON retex (campaign_id, thematique_id, position) WHERE selected = 1;
CREATE INDEX contribution_selected ON contribution (campaign_id, thematique_id, kind, position) WHERE selected = 1;

-- A consultation's thématiques are read with their sujets, one thématique at a time.
CREATE INDEX sujet_by_thematique ON sujet (thematique_id, position);
