-- RiskAudit schema, version 2: what the audit workflow commands need beyond version 1.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.

-- The 1-based number of a draw in its contest's ticket stream (the order the risk is measured in).
ALTER TABLE draw ADD COLUMN draw_no INTEGER NOT NULL DEFAULT 0;
CREATE INDEX draw_by_contest ON draw (audit_id, contest, draw_no);

-- The social choice function of a contest and a supermajority's winning share (exact decimal text).
ALTER TABLE contest ADD COLUMN rule VARCHAR(20) NOT NULL DEFAULT 'PLURALITY';
ALTER TABLE contest ADD COLUMN share VARCHAR(40) NOT NULL DEFAULT '0.5';

-- Contest definitions from the CVR exports (Vote For, ranks), for the reconciliation.
CREATE TABLE contest_definition (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  contest     VARCHAR(500) NOT NULL,
  vote_for    INTEGER NOT NULL,
  ranks       INTEGER NOT NULL,
  PRIMARY KEY (audit_id, contest)
);

-- Per-county tallies computed when the inputs are committed: source 'cvr' is the independent
-- tabulation of the CVRs, 'pool' the sum of a ONEAudit county's batch totals.
CREATE TABLE tally (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  source      VARCHAR(20) NOT NULL,
  county      VARCHAR(200) NOT NULL,
  contest     VARCHAR(500) NOT NULL,
  choice      VARCHAR(500) NOT NULL,
  votes       BIGINT NOT NULL,
  PRIMARY KEY (audit_id, source, county, contest, choice)
);

-- Reported votes per batch, for counties audited with ONEAudit pools (only batch totals).
CREATE TABLE batch_result (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  county      VARCHAR(200) NOT NULL,
  tabulator   VARCHAR(200) NOT NULL,
  batch       VARCHAR(200) NOT NULL,
  contest     VARCHAR(500) NOT NULL,
  choice      VARCHAR(500) NOT NULL,
  votes       BIGINT NOT NULL,
  PRIMARY KEY (audit_id, county, tabulator, batch, contest, choice)
);

-- Hand-counted votes per batch, tally sheet, contest and choice (full hand count).
CREATE TABLE hand_tally (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  county      VARCHAR(200) NOT NULL,
  tabulator   VARCHAR(200) NOT NULL,
  batch       VARCHAR(200) NOT NULL,
  contest     VARCHAR(500) NOT NULL,
  choice      VARCHAR(500) NOT NULL,
  sheet       INTEGER NOT NULL,
  votes       BIGINT NOT NULL,
  recorded_by VARCHAR(200) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (audit_id, county, tabulator, batch, contest, choice, sheet)
);

-- Documents kept with an audit, e.g. the reconciliation report frozen with the inputs.
CREATE TABLE audit_document (
  audit_id    VARCHAR(100) NOT NULL REFERENCES audit (audit_id),
  name        VARCHAR(200) NOT NULL,
  content     TEXT NOT NULL,
  created_at  VARCHAR(40) NOT NULL,
  PRIMARY KEY (audit_id, name)
);

CREATE INDEX interpretation_by_card ON interpretation (audit_id, card_id, revision);
