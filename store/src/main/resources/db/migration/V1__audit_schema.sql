-- RiskAudit schema, version 1. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Timestamps are ISO-8601 UTC text; decimals that must round-trip exactly (risk limits) are text.

CREATE TABLE audit (
  audit_id    VARCHAR(100) NOT NULL PRIMARY KEY,
  name        TEXT NOT NULL,
  stage       VARCHAR(30) NOT NULL,
  risk_limit  VARCHAR(40) NOT NULL,
  seed        VARCHAR(200),
  settings    TEXT NOT NULL,
  created_at  VARCHAR(40) NOT NULL
);

CREATE TABLE county (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  county      VARCHAR(200) NOT NULL,
  audit_type  VARCHAR(20) NOT NULL,
  PRIMARY KEY (audit_id, county)
);

CREATE TABLE contest (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  contest     VARCHAR(500) NOT NULL,
  role        VARCHAR(20) NOT NULL,
  audit_type  VARCHAR(20) NOT NULL,
  winners     INTEGER NOT NULL,
  PRIMARY KEY (audit_id, contest)
);

CREATE TABLE input_file (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  county      VARCHAR(200) NOT NULL,
  name        VARCHAR(500) NOT NULL,
  kind        VARCHAR(40) NOT NULL,
  sha256      CHAR(64) NOT NULL,
  size_bytes  BIGINT NOT NULL,
  imported_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (audit_id, county, name)
);

CREATE TABLE manifest_batch (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  county      VARCHAR(200) NOT NULL,
  tabulator   VARCHAR(200) NOT NULL,
  batch       VARCHAR(200) NOT NULL,
  cards       INTEGER NOT NULL,
  container   VARCHAR(200) NOT NULL,
  PRIMARY KEY (audit_id, county, tabulator, batch)
);

-- Dictionary for the compact vote encoding of cvr.votes (docs/store.md): choice_code 0 is the
-- contest itself, 1.. its choices.
CREATE TABLE vote_code (
  audit_id     VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  contest_code INTEGER NOT NULL,
  choice_code  INTEGER NOT NULL,
  name         VARCHAR(500) NOT NULL,
  PRIMARY KEY (audit_id, contest_code, choice_code)
);

-- One row per card (13 million for the California recall): location, style and votes encoded.
CREATE TABLE cvr (
  audit_id     VARCHAR(100) NOT NULL,
  county       VARCHAR(200) NOT NULL,
  tabulator    VARCHAR(200) NOT NULL,
  batch        VARCHAR(200) NOT NULL,
  position     INTEGER NOT NULL,
  imprinted_id VARCHAR(200) NOT NULL,
  ballot_style VARCHAR(200) NOT NULL,
  precinct     VARCHAR(200) NOT NULL,
  votes        TEXT NOT NULL,
  PRIMARY KEY (audit_id, county, tabulator, batch, position)
);

CREATE TABLE reported_result (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  county      VARCHAR(200) NOT NULL,
  contest     VARCHAR(500) NOT NULL,
  choice      VARCHAR(500) NOT NULL,
  votes       BIGINT NOT NULL,
  PRIMARY KEY (audit_id, county, contest, choice)
);

CREATE TABLE audit_round (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  round_no    INTEGER NOT NULL,
  started_at  VARCHAR(40) NOT NULL,
  ended_at    VARCHAR(40),
  PRIMARY KEY (audit_id, round_no)
);

-- A card drawn for a contest; ticket is the sampler's ticket number as fixed-width text.
CREATE TABLE draw (
  audit_id     VARCHAR(100) NOT NULL,
  round_no     INTEGER NOT NULL,
  contest      VARCHAR(500) NOT NULL,
  card_id      VARCHAR(1000) NOT NULL,
  ticket       VARCHAR(100) NOT NULL,
  generation   INTEGER NOT NULL,
  multiplicity INTEGER NOT NULL,
  PRIMARY KEY (audit_id, contest, card_id, generation),
  FOREIGN KEY (audit_id, round_no) REFERENCES audit_round (audit_id, round_no)
);
CREATE INDEX draw_by_card ON draw (audit_id, card_id);

CREATE TABLE interpretation (
  audit_id     VARCHAR(100) NOT NULL,
  round_no     INTEGER NOT NULL,
  card_id      VARCHAR(1000) NOT NULL,
  revision     INTEGER NOT NULL,
  status       VARCHAR(20) NOT NULL,
  votes        TEXT NOT NULL,
  recorded_by  VARCHAR(200) NOT NULL,
  recorded_at  VARCHAR(40) NOT NULL,
  PRIMARY KEY (audit_id, round_no, card_id, revision),
  FOREIGN KEY (audit_id, round_no) REFERENCES audit_round (audit_id, round_no)
);

CREATE TABLE sign_off (
  audit_id    VARCHAR(100) NOT NULL,
  round_no    INTEGER NOT NULL,
  county      VARCHAR(200) NOT NULL,
  person      VARCHAR(200) NOT NULL,
  signed_at   VARCHAR(40) NOT NULL,
  PRIMARY KEY (audit_id, round_no, county, person),
  FOREIGN KEY (audit_id, round_no) REFERENCES audit_round (audit_id, round_no)
);

CREATE TABLE risk_measurement (
  audit_id    VARCHAR(100) NOT NULL,
  round_no    INTEGER NOT NULL,
  contest     VARCHAR(500) NOT NULL,
  assertion   VARCHAR(1000) NOT NULL,
  sample_size INTEGER NOT NULL,
  p_value     DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (audit_id, round_no, contest, assertion),
  FOREIGN KEY (audit_id, round_no) REFERENCES audit_round (audit_id, round_no)
);

CREATE TABLE activity_log (
  audit_id      VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  seq           BIGINT NOT NULL,
  at            VARCHAR(40) NOT NULL,
  actor         VARCHAR(200) NOT NULL,
  action        VARCHAR(100) NOT NULL,
  details       TEXT NOT NULL,
  previous_hash CHAR(64) NOT NULL,
  hash          CHAR(64) NOT NULL,
  PRIMARY KEY (audit_id, seq)
);
