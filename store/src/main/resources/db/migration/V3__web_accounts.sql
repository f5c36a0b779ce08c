-- RiskAudit schema, version 3: the web application's accounts, sessions and sign-in throttling.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL (ids are assigned by the application, as
-- identity columns differ between the two). Nothing here is kept in a server's
-- memory, so several server instances can share one database.

-- State and county administrators. Passwords are stored only as a modern slow hash (docs/web.md);
-- the TOTP secret is required before an administrator can do anything.
CREATE TABLE web_user (
  user_id        BIGINT NOT NULL PRIMARY KEY,
  username       VARCHAR(100) NOT NULL UNIQUE,
  role           VARCHAR(20) NOT NULL,
  audit_id       VARCHAR(100),
  county         VARCHAR(200),
  password_hash  VARCHAR(500) NOT NULL,
  totp_secret    VARCHAR(100),
  created_at     VARCHAR(40) NOT NULL,
  disabled       INTEGER NOT NULL DEFAULT 0
);

-- Sessions: the cookie carries a random id; only its SHA-256 is stored.
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

-- Failed sign-ins, by account and by client address, for throttling.
CREATE TABLE login_failure (
  subject        VARCHAR(300) NOT NULL,
  at             VARCHAR(40) NOT NULL
);
CREATE INDEX login_failure_by_subject ON login_failure (subject, at);
