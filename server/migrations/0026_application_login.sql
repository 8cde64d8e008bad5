-- The application connects with a login that owns nothing: wijkwerk_service.
--
-- Before this migration the application connected as the owner of the tables and dropped to
-- wijkwerk_app per request with SET LOCAL ROLE; any statement that ran RESET ROLE was the owner again
-- and could rewrite the audit trail, drop policies or truncate tables. From here on:
--   owner (the migrating login)  owns every table, runs migrations and maintenance (retention, backups)
--   wijkwerk_service (LOGIN)     the application's connections; owns nothing, cannot bypass RLS, inherits
--                                nothing; platform code (sessions, login, public lookups) uses exactly the
--                                grants and the policies "TO wijkwerk_service" below
--   wijkwerk_app (NOLOGIN)       every request, with SET LOCAL ROLE; row-level security applies
-- RESET ROLE from a request now lands on wijkwerk_service, which reads no household data and can only
-- append to the audit trail. Sealing the audit chain goes through app_seal_audit (SECURITY DEFINER),
-- which only ever adds sealed events after the current head.
--
-- The password of wijkwerk_service is set by the application when one DATABASE_URL is the owner (see
-- server/src/platform/db/logins.ts), or by the operator when DATABASE_URL already names this login and
-- DATABASE_OWNER_URL the owner.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wijkwerk_service') THEN
    CREATE ROLE wijkwerk_service LOGIN NOINHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are per server: another database being migrated at the same moment created it
END
$$;
-- Membership only to switch to the request role; NOINHERIT keeps wijkwerk_app's grants out of the login.
GRANT wijkwerk_app TO wijkwerk_service;
GRANT USAGE ON SCHEMA public TO wijkwerk_service;

-- Which tables and rows this login may touch is declared with the rest of the access rules
-- (server/src/platform/access/rules.ts, `platform`), generated into server/sql/policies.sql as policies
-- "TO wijkwerk_service"; sealing the audit chain goes through app_seal_audit (server/sql/functions/audit.sql).
