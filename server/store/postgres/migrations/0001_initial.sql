-- 0001: the PostgreSQL store's schema. One table per engine entity (src/adapter/engine/store.ts).
-- Runs with search_path set to the store's schema (PostgresStore option `schema`).
-- Times are epoch milliseconds (bigint). Every bearer token a client holds (link, flow id,
-- pending-login id, device token, session token) is stored only as its SHA-256 digest
-- (base64url), one-time codes only as a salted SHA-256, passwords only as KDF hashes.
--
-- The short-lived records that name an account (links, flows, pending logins, devices,
-- sessions, tickets) carry an indexed account_id without a FOREIGN KEY: the store contract lets
-- them name any id (store-conformance.ts) and accounts are never deleted.

-- Server secrets (the placeholder pepper) and other single values.
CREATE TABLE meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE accounts (
  -- Creation order (listByEmail, listDelegates).
  seq                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id                  text PRIMARY KEY,
  role                text NOT NULL CHECK (role IN ('producer', 'delegate')),
  username            text NOT NULL,
  username_key        text NOT NULL UNIQUE,
  email               text NOT NULL,
  email_key           text NOT NULL,
  first_name          text NOT NULL,
  last_name           text NOT NULL,
  mobile              text NOT NULL,
  -- Licensed / assigned states, in the order given.
  states              text[] NOT NULL DEFAULT '{}'
                      CHECK (states <@ ARRAY['IL', 'MT', 'NM', 'OK', 'TX']::text[]),
  producer_id         text,
  producer_account_id text REFERENCES accounts (id),
  created_at          bigint NOT NULL,
  email_confirmed     boolean NOT NULL DEFAULT false,
  -- The current password hash ({alg, salt, hash, …parameters}); NULL until created.
  password            jsonb CHECK (password IS NULL OR jsonb_typeof(password) = 'object'),
  -- The last passwords (PASSWORD_HISTORY_SIZE), oldest first; includes the current one.
  password_history    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(password_history) = 'array'),
  -- The enrolled typing template (opaque to the store); NULL until enrolled.
  typing              jsonb,
  pattern_failures    integer NOT NULL DEFAULT 0
);
CREATE INDEX accounts_email_key ON accounts (email_key, seq);
CREATE INDEX accounts_producer ON accounts (producer_account_id, seq)
  WHERE producer_account_id IS NOT NULL;

-- Confirm Your Email Address links.
CREATE TABLE links (
  digest     text PRIMARY KEY,
  account_id text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at    bigint,
  voided     boolean NOT NULL DEFAULT false
);
CREATE INDEX links_account ON links (account_id);

-- Create / reset password flows. The code_* columns are the flow's current one-time code (all
-- NULL when no code was sent yet).
CREATE TABLE flows (
  digest          text PRIMARY KEY,
  purpose         text NOT NULL CHECK (purpose IN ('create', 'reset')),
  account_id      text,
  throttle_key    text NOT NULL,
  masked_email    text NOT NULL,
  masked_sms      text NOT NULL,
  expires_at      bigint NOT NULL,
  verified        boolean NOT NULL DEFAULT false,
  code_salt       text,
  code_hash       text,
  code_channel    text CHECK (code_channel IN ('email', 'sms')),
  code_expires_at bigint,
  code_failures   integer,
  code_used       boolean,
  CHECK (num_nulls(code_salt, code_hash, code_channel, code_expires_at, code_failures, code_used)
         IN (0, 6))
);
CREATE INDEX flows_expires ON flows (expires_at);

-- Pending logins (password accepted, verification outstanding), with their current code.
CREATE TABLE pendings (
  digest          text PRIMARY KEY,
  account_id      text NOT NULL,
  stage           text NOT NULL CHECK (stage IN ('enroll', 'code-only', 'verify')),
  expires_at      bigint NOT NULL,
  code_salt       text,
  code_hash       text,
  code_channel    text CHECK (code_channel IN ('email', 'sms')),
  code_expires_at bigint,
  code_failures   integer,
  code_used       boolean,
  CHECK (num_nulls(code_salt, code_hash, code_channel, code_expires_at, code_failures, code_used)
         IN (0, 6))
);
CREATE INDEX pendings_expires ON pendings (expires_at);
CREATE INDEX pendings_account ON pendings (account_id);

-- Remembered devices.
CREATE TABLE devices (
  digest     text PRIMARY KEY,
  account_id text NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX devices_account ON devices (account_id);
CREATE INDEX devices_expires ON devices (expires_at);

-- Failed-login counters per username (key: SHA-256 of the username key, known or not).
CREATE TABLE login_guards (
  key          text PRIMARY KEY,
  failures     integer NOT NULL,
  locked_until bigint
);

-- Send throttles (key: SHA-256 of scope:value): the recent sends as one JSON array, oldest
-- first, replaced whole under the engine's throttle lock; last_at = the newest send (NULL for
-- none) so stale keys are found by index.
CREATE TABLE throttles (
  key     text PRIMARY KEY,
  sends   jsonb NOT NULL CHECK (jsonb_typeof(sends) = 'array'),
  last_at bigint
);
CREATE INDEX throttles_last_at ON throttles (last_at);

-- Signed-in sessions (key: SHA-256 of the session cookie's token).
CREATE TABLE sessions (
  digest     text PRIMARY KEY,
  account_id text NOT NULL,
  issued_at  bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Report an Issue tickets (the report itself is emailed to support).
CREATE TABLE tickets (
  ticket_id  text PRIMARY KEY,
  account_id text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX tickets_account ON tickets (account_id);
