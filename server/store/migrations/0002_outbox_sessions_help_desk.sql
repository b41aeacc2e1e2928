-- 0002 (issue 19): the help-desk role, idle sessions, enrollment held with the pending login,
-- the message outbox and the request rate-limit counters.
--
-- SQLite cannot change a CHECK constraint in place: `accounts` is rebuilt (new table, copy,
-- drop, rename; https://sqlite.org/lang_altertable.html#otheralter). The migration runner
-- (migrate.ts) turns foreign keys off around every migration, so dropping the old table does
-- not cascade to account_states / password_history, and checks `PRAGMA foreign_key_check`
-- before it commits.

CREATE TABLE accounts_v2 (
  id                  TEXT PRIMARY KEY,
  role                TEXT NOT NULL CHECK (role IN ('producer', 'delegate', 'help-desk')),
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
  -- The typing template as the engine wrote it (JSON, opaque to the store): a SealedValue
  -- ({v, kid, iv, ct}, AES-256-GCM); rows written before 0002 may still hold a plain template,
  -- which the engine accepts and seals on its next write. NULL until enrolled and verified.
  typing              TEXT,
  pattern_failures    INTEGER NOT NULL DEFAULT 0
) STRICT;
-- Same rowids: listByEmail / listDelegates keep their creation order.
INSERT INTO accounts_v2 (rowid, id, role, username, username_key, email, email_key, first_name,
    last_name, mobile, producer_id, producer_account_id, created_at, email_confirmed, password,
    typing, pattern_failures)
  SELECT rowid, id, role, username, username_key, email, email_key, first_name, last_name,
    mobile, producer_id, producer_account_id, created_at, email_confirmed, password, typing,
    pattern_failures
  FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_v2 RENAME TO accounts;
CREATE INDEX accounts_email_key ON accounts (email_key);
CREATE INDEX accounts_producer ON accounts (producer_account_id);

-- The last call made with a session (idle timeout). Existing sessions count from their start.
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = issued_at;

-- A typing pattern enrolled during this login (a SealedValue as JSON), written to the account
-- only when the login's code verification succeeds.
ALTER TABLE pendings ADD COLUMN enrolled TEXT;

-- Messages waiting to be sent (payload: a SealedValue as JSON; it holds codes and links).
-- available_at: not before (a retry's back-off or a claim's lease).
CREATE TABLE outbox (
  id           TEXT PRIMARY KEY,
  payload      TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  available_at INTEGER NOT NULL,
  attempts     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX outbox_due ON outbox (available_at, created_at);

-- Request rate-limit counters (rate-limiter-flexible's RateLimiterSQLite layout; key =
-- `<operation>:<client|account>:<address or account digest>`, expire = epoch ms).
CREATE TABLE rate_limits (
  key    TEXT PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  expire INTEGER
);
CREATE INDEX rate_limits_expire ON rate_limits (expire);
