-- 0006: what a retex section calls each entry: "Retex 1 :" (2020), "Réalisation 1 :" (the 2015 kit's
-- "1 à 2 réalisations présentées lors des ateliers").
ALTER TABLE trame_section ADD COLUMN entry_label TEXT NOT NULL DEFAULT 'Retex';
UPDATE trame_section SET entry_label = 'Réalisation' WHERE source = 'retex' AND key = 'realisations';
