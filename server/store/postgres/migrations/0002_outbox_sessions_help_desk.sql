-- 0002 (issue 19): the help-desk role, idle sessions, enrollment held with the pending login,
-- the message outbox and the request rate-limit counters (shared by every instance).

ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
  CHECK (role IN ('producer', 'delegate', 'help-desk'));
-- typing: the template as the engine wrote it (opaque to the store): a SealedValue
-- ({v, kid, iv, ct}, AES-256-GCM); rows written before 0002 may still hold a plain template,
-- which the engine accepts and seals on its next write.
COMMENT ON COLUMN accounts.typing IS
  'SealedValue {v,kid,iv,ct} (AES-256-GCM) or, in rows written before 0002, a plain template';

-- The last call made with a session (idle timeout). Existing sessions count from their start.
ALTER TABLE sessions ADD COLUMN last_seen_at bigint;
UPDATE sessions SET last_seen_at = issued_at;
ALTER TABLE sessions ALTER COLUMN last_seen_at SET NOT NULL;

-- A typing pattern enrolled during this login (a SealedValue), written to the account only
-- when the login's code verification succeeds.
ALTER TABLE pendings ADD COLUMN enrolled jsonb
  CHECK (enrolled IS NULL OR jsonb_typeof(enrolled) = 'object');

-- Messages waiting to be sent (payload: a SealedValue; it holds codes and links).
-- available_at: not before (a retry's back-off or a claim's lease).
CREATE TABLE outbox (
  id           text PRIMARY KEY,
  payload      jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
  created_at   bigint NOT NULL,
  available_at bigint NOT NULL,
  attempts     integer NOT NULL DEFAULT 0
);
CREATE INDEX outbox_due ON outbox (available_at, created_at);

-- Request rate-limit counters, shared by every instance (rate-limiter-flexible's
-- RateLimiterPostgres layout; key = `<operation>:<client|account>:<address or digest>`).
CREATE TABLE rate_limits (
  key    varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX rate_limits_expire ON rate_limits (expire);
