-- 0003 (issue 21): passkeys (WebAuthn credentials), each account's WebAuthn user handle, and
-- the ceremonies in progress (one-use challenges, 5 minutes).

-- A registered passkey. Nothing here is secret: public_key verifies signatures, it cannot make
-- them. id: the credential id (base64url). public_key: the COSE key (base64url).
CREATE TABLE passkeys (
  id           text PRIMARY KEY,
  account_id   text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  public_key   text NOT NULL,
  counter      bigint NOT NULL DEFAULT 0 CHECK (counter >= 0),
  transports   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(transports) = 'array'),
  name         text NOT NULL,
  created_at   bigint NOT NULL,
  last_used_at bigint
);
CREATE INDEX passkeys_account ON passkeys (account_id, created_at);

-- The WebAuthn user handle of an account (random, base64url; never the username).
CREATE TABLE passkey_users (
  account_id  text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  user_handle text NOT NULL UNIQUE
);

-- A ceremony in progress. digest: SHA-256 of the ceremony id the client holds. account_id: the
-- signed-in account of a registration; NULL for a sign-in (discoverable credentials).
CREATE TABLE ceremonies (
  digest     text PRIMARY KEY,
  purpose    text NOT NULL CHECK (purpose IN ('registration', 'sign-in')),
  challenge  text NOT NULL,
  account_id text REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at bigint NOT NULL,
  used       boolean NOT NULL DEFAULT false
);
CREATE INDEX ceremonies_expires ON ceremonies (expires_at);
