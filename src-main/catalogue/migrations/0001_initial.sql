-- Catalogue of a consultation's meetings and what they produced.
-- snake_case here, camelCase in TypeScript; dates are ISO 'YYYY-MM-DD' texts.

CREATE TABLE region_academique (
  code TEXT PRIMARY KEY,
  nom  TEXT NOT NULL
);

CREATE TABLE academie (
  code        TEXT PRIMARY KEY,
  numero      TEXT NOT NULL,
  nom         TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES region_academique(code)
);

CREATE TABLE departement (
  code          TEXT PRIMARY KEY,
  nom           TEXT NOT NULL,
  academie_code TEXT NOT NULL REFERENCES academie(code)
);

CREATE TABLE bassin (
  id               INTEGER PRIMARY KEY,
  departement_code TEXT NOT NULL REFERENCES departement(code),
  kind             TEXT NOT NULL CHECK (kind IN ('ZAP', 'ECLORE')),
  nom              TEXT NOT NULL,
  UNIQUE (departement_code, nom)
);

CREATE TABLE etablissement (
  uai              TEXT PRIMARY KEY CHECK (length(uai) = 8),
  nom              TEXT NOT NULL,
  type             TEXT NOT NULL CHECK (type IN ('ecole', 'college', 'lycee', 'lycee_professionnel', 'cite_scolaire', 'autre')),
  commune          TEXT NOT NULL,
  departement_code TEXT NOT NULL REFERENCES departement(code),
  bassin_id        INTEGER REFERENCES bassin(id) ON DELETE SET NULL
);

CREATE TABLE campaign (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  short_title  TEXT NOT NULL,
  start_date   TEXT NOT NULL,
  end_date     TEXT NOT NULL,
  reserve_date TEXT,
  description  TEXT NOT NULL DEFAULT '',
  CHECK (start_date <= end_date)
);

CREATE TABLE thematique (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  UNIQUE (campaign_id, number)
);

CREATE TABLE sujet (
  id            INTEGER PRIMARY KEY,
  thematique_id INTEGER NOT NULL REFERENCES thematique(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  title         TEXT NOT NULL
);

CREATE TABLE meeting (
  id                   INTEGER PRIMARY KEY,
  campaign_id          INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  level                TEXT NOT NULL CHECK (level IN ('etablissement', 'bassin', 'departemental', 'academique', 'regional')),
  title                TEXT NOT NULL,
  date                 TEXT NOT NULL,
  lieu                 TEXT NOT NULL DEFAULT '',
  format               TEXT NOT NULL CHECK (format IN ('presentiel', 'distanciel', 'hybride')),
  region_code          TEXT REFERENCES region_academique(code),
  academie_code        TEXT REFERENCES academie(code),
  departement_code     TEXT REFERENCES departement(code),
  bassin_id            INTEGER REFERENCES bassin(id),
  etablissement_uai    TEXT REFERENCES etablissement(uai),
  declared_total       INTEGER CHECK (declared_total >= 0),
  restitution_received INTEGER NOT NULL DEFAULT 0 CHECK (restitution_received IN (0, 1)),
  notes                TEXT NOT NULL DEFAULT '',
  updated_at           TEXT NOT NULL
);
CREATE INDEX meeting_by_campaign ON meeting (campaign_id, level, academie_code, date);

CREATE TABLE meeting_thematique (
  meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  thematique_id INTEGER NOT NULL REFERENCES thematique(id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, thematique_id)
) WITHOUT ROWID;
CREATE INDEX meeting_thematique_by_thematique ON meeting_thematique (thematique_id);

CREATE TABLE attendance (
  meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  category_code TEXT NOT NULL,
  count         INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (meeting_id, category_code)
) WITHOUT ROWID;

CREATE TABLE atelier (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  thematique_id INTEGER NOT NULL REFERENCES thematique(id),
  position      INTEGER NOT NULL,
  defi          TEXT NOT NULL DEFAULT '',
  participants  INTEGER CHECK (participants >= 0)
);
CREATE INDEX atelier_by_meeting ON atelier (meeting_id);

CREATE TABLE retex (
  id                INTEGER PRIMARY KEY,
  campaign_id       INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  thematique_id     INTEGER NOT NULL REFERENCES thematique(id),
  title             TEXT NOT NULL,
  text              TEXT NOT NULL DEFAULT '',
  niveau            TEXT,
  classes           TEXT,
  etablissement_uai TEXT REFERENCES etablissement(uai) ON DELETE SET NULL,
  source_meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  selected          INTEGER NOT NULL DEFAULT 0 CHECK (selected IN (0, 1)),
  position          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX retex_by_thematique ON retex (campaign_id, thematique_id, position);

CREATE TABLE retex_link (
  id       INTEGER PRIMARY KEY,
  retex_id INTEGER NOT NULL REFERENCES retex(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('video', 'fiche', 'article', 'autre')),
  url      TEXT NOT NULL,
  label    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX retex_link_by_retex ON retex_link (retex_id);

CREATE TABLE contribution (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  thematique_id INTEGER NOT NULL REFERENCES thematique(id),
  kind          TEXT NOT NULL CHECK (kind IN ('etat_des_lieux', 'attente', 'action', 'defi', 'proposition')),
  text          TEXT NOT NULL,
  heading       TEXT,
  scale         TEXT CHECK (scale IN ('national', 'academique', 'etablissement')),
  parent_id     INTEGER REFERENCES contribution(id) ON DELETE SET NULL,
  selected      INTEGER NOT NULL DEFAULT 1 CHECK (selected IN (0, 1)),
  position      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contribution_by_thematique ON contribution (campaign_id, thematique_id, kind, position);

CREATE TABLE contribution_source (
  contribution_id INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
  meeting_id      INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  PRIMARY KEY (contribution_id, meeting_id)
) WITHOUT ROWID;
CREATE INDEX contribution_source_by_meeting ON contribution_source (meeting_id);

CREATE TABLE trame (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER REFERENCES campaign(id) ON DELETE CASCADE,
  preset_slug  TEXT,
  name         TEXT NOT NULL,
  title        TEXT NOT NULL,
  subtitle     TEXT NOT NULL DEFAULT '',
  closing_note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE trame_section (
  id                 INTEGER PRIMARY KEY,
  trame_id           INTEGER NOT NULL REFERENCES trame(id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  key                TEXT NOT NULL,
  scope              TEXT NOT NULL CHECK (scope IN ('document', 'thematique')),
  title              TEXT NOT NULL,
  guidance           TEXT NOT NULL DEFAULT '',
  source             TEXT NOT NULL CHECK (source IN ('text', 'contributions', 'retex', 'defis_propositions', 'bilan')),
  contribution_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contribution_kinds)),
  retex_min          INTEGER NOT NULL DEFAULT 0,
  retex_max          INTEGER NOT NULL DEFAULT 0,
  numbered           INTEGER NOT NULL DEFAULT 1 CHECK (numbered IN (0, 1)),
  UNIQUE (trame_id, key)
);

-- Text written in the app for a section; thematique_id 0 means "for the whole document".
CREATE TABLE section_text (
  campaign_id   INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  section_key   TEXT NOT NULL,
  thematique_id INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL,
  PRIMARY KEY (campaign_id, section_key, thematique_id)
) WITHOUT ROWID;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE generated_document (
  id                INTEGER PRIMARY KEY,
  campaign_id       INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
  trame_id          INTEGER NOT NULL,
  scope             TEXT NOT NULL,
  thematique_number INTEGER,
  file_name         TEXT NOT NULL,
  path              TEXT NOT NULL,
  sha256            TEXT NOT NULL,
  bytes             INTEGER NOT NULL,
  generated_at      TEXT NOT NULL
);
