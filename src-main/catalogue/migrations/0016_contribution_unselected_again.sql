-- The index of 0009 over the contributions not retained was added to that migration after some
-- catalogues had passed it (the scale-10 benchmark catalogue among them): created here where it is missing.
CREATE INDEX IF NOT EXISTS contribution_unselected ON contribution (campaign_id, thematique_id, kind, position) WHERE selected = 0;
