-- 0003 (issue 21): passkeys (WebAuthn credentials), each account's WebAuthn user handle, and
-- the ceremonies in progress (one-use challenges, 5 minutes).

-- A registered passkey. Nothing here is secret: public_key verifies signatures, it cannot make
-- them. id: the credential id (base64url). public_key: the COSE key (base64url). transports: a
-- JSON array of strings as the authenticator reported them.
CREATE TABLE passkeys (
  id           TEXT PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  public_key   TEXT NOT NULL,
  counter      INTEGER NOT NULL DEFAULT 0 CHECK (counter >= 0),
  transports   TEXT NOT NULL DEFAULT '[]',
  name         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER
) STRICT;
CREATE INDEX passkeys_account ON passkeys (account_id, created_at);

-- The WebAuthn user handle of an account (random, base64url; never the username): created with
-- its first passkey ceremony, kept for the account's life.
CREATE TABLE passkey_users (
  account_id  TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  user_handle TEXT NOT NULL UNIQUE
) STRICT;

-- A ceremony in progress. digest: SHA-256 of the ceremony id the client holds. account_id: the
-- signed-in account of a registration; NULL for a sign-in (discoverable credentials).
CREATE TABLE ceremonies (
  digest     TEXT PRIMARY KEY,
  purpose    TEXT NOT NULL CHECK (purpose IN ('registration', 'sign-in')),
  challenge  TEXT NOT NULL,
  account_id TEXT REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  used       INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
) STRICT;
CREATE INDEX ceremonies_expires ON ceremonies (expires_at);
