-- RiskAudit schema, version 3: the web application's accounts, sessions and sign-in throttling.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL (ids are assigned by the application, as
-- identity columns differ between the two). Nothing here is kept in a server's
-- memory, so several server instances can share one database. Times in these tables are UTC text
-- of one fixed width (yyyy-MM-ddTHH:mm:ss.SSSZ), so they compare correctly as strings.

-- State and county administrators. Passwords are stored only as a modern slow hash (Argon2id,
-- docs/web.md); the TOTP secret is required before an administrator can do anything.
-- must_change_password: the account was created with a one-time password (a county administrator
-- invited by the state), which must be replaced at first sign-in. totp_pending: a secret offered
-- during enrollment, not yet confirmed by a code. totp_last_step: the last TOTP time step accepted,
-- so a code is never accepted twice.
CREATE TABLE web_user (
  user_id        BIGINT NOT NULL PRIMARY KEY,
  username       VARCHAR(100) NOT NULL UNIQUE,
  role           VARCHAR(20) NOT NULL,
  audit_id       VARCHAR(100),
  county         VARCHAR(200),
  password_hash  VARCHAR(500) NOT NULL,
  totp_secret    VARCHAR(100),
  created_at     VARCHAR(40) NOT NULL,
  disabled       INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  totp_pending   VARCHAR(100),
  totp_last_step BIGINT NOT NULL DEFAULT 0
);

-- Sessions: the cookie carries a random id; only its SHA-256 is stored. A session whose role is
-- PENDING_TOTP or PENDING_SETUP has passed the password step only and grants nothing.
CREATE TABLE web_session (
  id_hash        VARCHAR(64) NOT NULL PRIMARY KEY,
  role           VARCHAR(20) NOT NULL,
  name           VARCHAR(200) NOT NULL,
  audit_id       VARCHAR(100),
  county         VARCHAR(200),
  board_id       BIGINT,
  user_id        BIGINT,
  csrf_token     VARCHAR(100) NOT NULL,
  created_at     VARCHAR(40) NOT NULL,
  last_seen_at   VARCHAR(40) NOT NULL,
  expires_at     VARCHAR(40) NOT NULL
);
CREATE INDEX web_session_by_expiry ON web_session (expires_at);

-- Failed sign-ins, by account and by client address, for throttling.
CREATE TABLE login_failure (
  subject        VARCHAR(300) NOT NULL,
  at             VARCHAR(40) NOT NULL
);
CREATE INDEX login_failure_by_subject ON login_failure (subject, at);

-- The account log: sign-ins, failures, sign-outs and account changes that belong to no audit (a
-- state administrator's, an unknown user name's). Hash-chained exactly like activity_log
-- (org.riskaudit.core.audit.log.HashChain); events of a county administrator or audit board are
-- also written to their audit's activity log.
CREATE TABLE web_account_log (
  seq           BIGINT NOT NULL PRIMARY KEY,
  at            VARCHAR(40) NOT NULL,
  actor         VARCHAR(200) NOT NULL,
  action        VARCHAR(100) NOT NULL,
  details       TEXT NOT NULL,
  previous_hash CHAR(64) NOT NULL,
  hash          CHAR(64) NOT NULL
);
