-- 0004 (issue 22): the activity log (every security event of an account, never a secret) and
-- the deactivation of an account by its producer or the Internet Help Desk.

-- Epoch ms of the deactivation; NULL while the account is active.
ALTER TABLE accounts ADD COLUMN deactivated_at INTEGER;

-- One entry of an account's activity log. type / method / outcome / actor_role: the closed
-- lists of ActivityType / ActivityMethod (src/adapter/types.ts), checked by the engine. reason:
-- the free text a help-desk user gave for an action. Deleted after the engine's retention
-- (ACTIVITY_RETENTION_DAYS, default 365).
CREATE TABLE activity (
  id         TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  type       TEXT NOT NULL,
  method     TEXT,
  outcome    TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
  actor_role TEXT NOT NULL CHECK (actor_role IN ('self', 'producer', 'help-desk', 'system')),
  actor_id   TEXT,
  actor_name TEXT,
  reason     TEXT
) STRICT;
CREATE INDEX activity_account ON activity (account_id, at DESC, id DESC);
CREATE INDEX activity_at ON activity (at);
