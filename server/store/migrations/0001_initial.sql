-- 0001: the reference server's schema. One table per engine entity (src/adapter/engine/store.ts).
-- Times are epoch milliseconds (INTEGER); booleans are 0/1. Every bearer token a client holds
-- (link, flow id, pending-login id, device token, session token) is stored only as its SHA-256
-- digest (base64url), and one-time codes only as a salted SHA-256.
--
-- Foreign keys tie an account's own rows (states, password history, producer) to it. The
-- short-lived records that name an account (links, flows, pending logins, devices, sessions,
-- tickets) carry an indexed account_id without a FOREIGN KEY: the store contract lets them name
-- any id (src/adapter/engine/store-conformance.ts), accounts are never deleted, and a store in
-- Redis could not enforce one either.

-- Server secrets (the placeholder pepper) and other single values.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
  id                  TEXT PRIMARY KEY,
  role                TEXT NOT NULL CHECK (role IN ('producer', 'delegate')),
  username            TEXT NOT NULL,
  username_key        TEXT NOT NULL UNIQUE,
  email               TEXT NOT NULL,
  email_key           TEXT NOT NULL,
  first_name          TEXT NOT NULL,
  last_name           TEXT NOT NULL,
  mobile              TEXT NOT NULL,
  producer_id         TEXT,
  producer_account_id TEXT REFERENCES accounts (id) ON DELETE CASCADE,
  created_at          INTEGER NOT NULL,
  email_confirmed     INTEGER NOT NULL DEFAULT 0 CHECK (email_confirmed IN (0, 1)),
  -- The current password hash (JSON: {alg, salt, hash, …parameters}); NULL until created.
  password            TEXT,
  -- The enrolled typing template (JSON, opaque to the store); NULL until enrolled.
  typing              TEXT,
  pattern_failures    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX accounts_email_key ON accounts (email_key);
CREATE INDEX accounts_producer ON accounts (producer_account_id);

-- The states an account is licensed in / assigned to, in the order given.
CREATE TABLE account_states (
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('IL', 'MT', 'NM', 'OK', 'TX')),
  PRIMARY KEY (account_id, position),
  UNIQUE (account_id, state)
) STRICT;

-- The last passwords (PASSWORD_HISTORY_SIZE), oldest first; includes the current one.
CREATE TABLE password_history (
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  password   TEXT NOT NULL,
  PRIMARY KEY (account_id, position)
) STRICT;

-- Confirm Your Email Address links.
CREATE TABLE links (
  digest     TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER,
  voided     INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))
) STRICT;
CREATE INDEX links_account ON links (account_id);

-- Create / reset password flows. The code_* columns are the flow's current one-time code
-- (all NULL when no code was sent yet).
CREATE TABLE flows (
  digest          TEXT PRIMARY KEY,
  purpose         TEXT NOT NULL CHECK (purpose IN ('create', 'reset')),
  account_id      TEXT,
  throttle_key    TEXT NOT NULL,
  masked_email    TEXT NOT NULL,
  masked_sms      TEXT NOT NULL,
  expires_at      INTEGER NOT NULL,
  verified        INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  code_salt       TEXT,
  code_hash       TEXT,
  code_channel    TEXT CHECK (code_channel IN ('email', 'sms')),
  code_expires_at INTEGER,
  code_failures   INTEGER,
  code_used       INTEGER CHECK (code_used IN (0, 1))
) STRICT;
CREATE INDEX flows_expires ON flows (expires_at);

-- Pending logins (password accepted, verification outstanding), with their current code.
CREATE TABLE pendings (
  digest          TEXT PRIMARY KEY,
  account_id      TEXT NOT NULL,
  stage           TEXT NOT NULL CHECK (stage IN ('enroll', 'code-only', 'verify')),
  expires_at      INTEGER NOT NULL,
  code_salt       TEXT,
  code_hash       TEXT,
  code_channel    TEXT CHECK (code_channel IN ('email', 'sms')),
  code_expires_at INTEGER,
  code_failures   INTEGER,
  code_used       INTEGER CHECK (code_used IN (0, 1))
) STRICT;
CREATE INDEX pendings_expires ON pendings (expires_at);
CREATE INDEX pendings_account ON pendings (account_id);

-- Remembered devices.
CREATE TABLE devices (
  digest     TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX devices_account ON devices (account_id);
CREATE INDEX devices_expires ON devices (expires_at);

-- Failed-login counters per username (key: SHA-256 of the username key, known or not).
CREATE TABLE login_guards (
  key          TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  locked_until INTEGER
) STRICT;

-- Sends counted by the send throttles (key: SHA-256 of scope:value), one row per send.
CREATE TABLE throttle_sends (
  key     TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  at      INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  PRIMARY KEY (key, seq)
) STRICT;

-- Signed-in sessions (key: SHA-256 of the session cookie's token).
CREATE TABLE sessions (
  digest     TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  issued_at  INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Report an Issue tickets (the report itself is emailed to support).
CREATE TABLE tickets (
  ticket_id  TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX tickets_account ON tickets (account_id);
