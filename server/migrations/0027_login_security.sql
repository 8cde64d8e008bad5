-- Login security: throttling shared by every app instance, recovery codes for two-step verification,
-- one-time set-password links, a pending TOTP secret (changing 2FA never switches it off), and the
-- e-mail kinds for those links and for security notices.

-- Counters of the rate limits and login throttles (server/src/platform/auth/throttle.ts), written only
-- by platform code. The key is the SHA-256 of the limit's name and its subject (an account name, a
-- client address, an API key), so the table holds no address or username in clear. It has no
-- municipality_id: a limit also counts attempts on accounts that do not exist and public requests
-- before any municipality is known. Rows whose window ended are deleted by the next writer.
CREATE TABLE rate_limit_bucket (
  key text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}$'),
  hits integer NOT NULL CHECK (hits >= 0),
  window_ends_at timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (window_ends_at);

-- Recovery codes for two-step verification: shown once, stored as HMAC-SHA256, each usable once.
CREATE TABLE mfa_recovery_code (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (municipality_id, user_id, code_hash),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE
);
-- access (declared in server/src/platform/access/rules.ts): mfa_recovery_code
--   select: platform code (wijkwerk_service) when a user signs in with a recovery code; no request role
--   insert: platform code, after the user re-authenticated to create new codes
--   update: platform code, to mark one code used
--   delete: platform code, when codes are replaced or two-step verification is reset or removed
-- An administrator resetting a user's two-step verification (request role wijkwerk_app):
--   select: which rows belong to the user (no hashes: only the key columns are granted)
--   delete: an administrator of the municipality removes the user's codes

-- One-time set-password links: the token's SHA-256, who asked, until when; used once.
CREATE TABLE password_setup_token (
  municipality_id uuid NOT NULL,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL,
  requested_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (municipality_id, token_hash),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, requested_by_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE UNIQUE INDEX password_setup_token_hash ON password_setup_token (token_hash);
CREATE INDEX password_setup_token_user ON password_setup_token (municipality_id, user_id);
-- access (declared in server/src/platform/access/rules.ts): password_setup_token
--   select: platform code, when the holder of a link opens it or sets the password
--   insert: platform code, when an administrator (or onboarding) issues a link
--   update: platform code, to use a link up or to expire older links of the same user
--   delete: nobody (rows go with their user)
-- The same use case also runs inside an administrator's request (issuePasswordSetup with ctx.trx):
--   select: an administrator of the municipality (to expire the user's older links)
--   insert: an administrator of the municipality, as the requester
--   update: an administrator of the municipality (expire older links)

-- A new TOTP secret waits here until the user confirms it with a code; the active one stays on.
ALTER TABLE app_user ADD COLUMN totp_pending_secret text;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;

ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
  CHECK (kind IN ('loginCode', 'newMessage', 'exportReady', 'accountChanged', 'passwordSetup', 'securityNotice'));
