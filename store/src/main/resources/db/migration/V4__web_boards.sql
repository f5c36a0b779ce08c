-- RiskAudit schema, version 4: audit boards of the web application and their submissions.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL (board ids are assigned by the
-- application: one more than the largest, in the inserting transaction).

-- An audit board of a county: two (or more) members named with their party, and a passphrase
-- stored only as a slow hash (Argon2id). signed_off_round is the last round the board signed off.
CREATE TABLE audit_board (
  board_id         BIGINT NOT NULL PRIMARY KEY,
  audit_id         VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  county           VARCHAR(200) NOT NULL,
  name             VARCHAR(200) NOT NULL,
  members_json     VARCHAR(4000) NOT NULL,
  passphrase_hash  VARCHAR(500) NOT NULL,
  created_at       VARCHAR(40) NOT NULL,
  signed_off_round INTEGER,
  signed_off_at    VARCHAR(40),
  UNIQUE (audit_id, county, name)
);

-- Idempotency of board submissions: a client's submission id is recorded in the same transaction
-- as the interpretation, so a re-sent entry (after a dropped connection) is never recorded twice.
CREATE TABLE board_submission (
  submission_id   VARCHAR(100) NOT NULL PRIMARY KEY,
  audit_id        VARCHAR(100) NOT NULL,
  board_id        BIGINT NOT NULL,
  card_id         VARCHAR(500) NOT NULL,
  revision        INTEGER NOT NULL,
  received_at     VARCHAR(40) NOT NULL
);
CREATE INDEX board_submission_by_board ON board_submission (board_id);
