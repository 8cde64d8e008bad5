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

-- Platform tables without row-level security (no tenant user ever reads them).
GRANT SELECT, INSERT, UPDATE, DELETE ON session TO wijkwerk_service;
GRANT SELECT ON schema_migration TO wijkwerk_service;

-- Tables with row-level security that platform code reads or writes before a user's identity is set.
GRANT SELECT, UPDATE ON app_user TO wijkwerk_service;
GRANT SELECT ON municipality, organisation, team, team_membership, resident_account, directory_entry
  TO wijkwerk_service;
GRANT SELECT, INSERT, UPDATE ON one_time_code TO wijkwerk_service;
GRANT SELECT, INSERT ON outbox_message TO wijkwerk_service;
GRANT SELECT ON partner_api_key TO wijkwerk_service;
-- Appending events names only what an event says: never its time, chain position or hash, so no login
-- of the application can back-date an event or slip in one that looks sealed.
REVOKE INSERT ON audit_event FROM wijkwerk_app;
GRANT INSERT (municipality_id, action, actor_user_id, actor_role, actor_organisation_id, team_id,
  resource_type, resource_id, household_id, resident_id, client_ip, reason, details)
  ON audit_event TO wijkwerk_app, wijkwerk_service;

-- access: app_user (platform login wijkwerk_service; the request policies are unchanged)
--   select: platform code, to find an account by username at login and to load a session's user
--   insert: nobody through this login (administrators create users as wijkwerk_app)
--   update: platform code, for failed-login state, passwords and two-step verification of one account
--   delete: nobody
CREATE POLICY platform_read ON app_user FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_update ON app_user FOR UPDATE TO wijkwerk_service USING (true) WITH CHECK (true);

-- access: municipality, organisation, team, team_membership, resident_account, directory_entry (platform)
--   select: platform code: the session's municipality, organisation and teams; a public page's
--           municipality by CBS code; a resident's account at code login; municipalities with a public
--           social map
--   insert, update, delete: nobody through this login
CREATE POLICY platform_read ON municipality FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_read ON organisation FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_read ON team FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_read ON team_membership FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_read ON resident_account FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_read ON directory_entry FOR SELECT TO wijkwerk_service
  USING (is_public AND deactivated_at IS NULL);

-- access: one_time_code (platform)
--   select: platform code, to check a resident's login code
--   insert: platform code, a new login code
--   update: platform code, to use up or expire a code
--   delete: nobody
CREATE POLICY platform_read ON one_time_code FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON one_time_code FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON one_time_code FOR UPDATE TO wijkwerk_service USING (true) WITH CHECK (true);

-- access: outbox_message (platform)
--   select: platform code (the demo page of login codes, refused in production)
--   insert: platform code: login codes, set-password links, security notices
--   update, delete: nobody through this login (the mail relay marks messages sent)
CREATE POLICY platform_read ON outbox_message FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON outbox_message FOR INSERT TO wijkwerk_service WITH CHECK (true);

-- access: partner_api_key (platform)
--   select: platform code, to find a key by its hash before the transaction drops to the request role
--   insert, update, delete: nobody through this login
CREATE POLICY platform_read ON partner_api_key FOR SELECT TO wijkwerk_service USING (true);

-- access: audit_event (platform)
--   select: nobody through this login (verification runs as the owner or an auditor)
--   insert: platform code: events before a user context exists (login, logout, lock)
--   update: only app_seal_audit, which fills chain_position and hash of unsealed events
--   delete: nobody
CREATE POLICY platform_append ON audit_event FOR INSERT TO wijkwerk_service WITH CHECK (true);

-- Seals up to batch_size unsealed events of one municipality into its SHA-256 chain, in id order, and
-- returns the new head. The hash is the one chainHash() computes in server/src/platform/audit/chain.ts:
-- sha256(previous || '\n' || canonical text). It never touches a sealed event, and it only moves the
-- head forward. witnessed_position/witnessed_hash: the head last written outside the database; when the
-- chain no longer holds that hash at that position, witness_ok is false and the caller keeps its witness.
CREATE FUNCTION app_seal_audit(target uuid, batch_size integer, witnessed_position bigint, witnessed_hash text)
RETURNS TABLE (sealed integer, head_position bigint, head_hash text, witness_ok boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  pos bigint;
  h text;
  n integer := 0;
  ev record;
BEGIN
  INSERT INTO audit_chain_head (municipality_id, position, hash)
  VALUES (target, 0, repeat('0', 64)) ON CONFLICT (municipality_id) DO NOTHING;
  SELECT ach.position, ach.hash INTO pos, h FROM audit_chain_head ach
  WHERE ach.municipality_id = target FOR UPDATE;
  FOR ev IN
    SELECT e.id, concat_ws('|', e.municipality_id::text, e.id::text,
      to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.action,
      coalesce(e.actor_user_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.actor_organisation_id::text, ''),
      coalesce(e.team_id::text, ''), e.resource_type, coalesce(e.resource_id, ''), coalesce(e.household_id::text, ''),
      coalesce(e.resident_id::text, ''), coalesce(e.client_ip, ''), coalesce(e.reason, ''), e.details::text) AS text
    FROM audit_event e
    WHERE e.municipality_id = target AND e.chain_position IS NULL
    ORDER BY e.id LIMIT batch_size
  LOOP
    pos := pos + 1;
    h := encode(sha256(convert_to(h || E'\n' || ev.text, 'UTF8')), 'hex');
    UPDATE audit_event SET chain_position = pos, hash = h WHERE municipality_id = target AND id = ev.id;
    n := n + 1;
  END LOOP;
  IF n > 0 THEN
    UPDATE audit_chain_head SET position = pos, hash = h WHERE municipality_id = target;
  END IF;
  RETURN QUERY SELECT n, pos, h,
    witnessed_position IS NULL OR witnessed_position = 0 OR EXISTS (
      SELECT 1 FROM audit_event w WHERE w.municipality_id = target
        AND w.chain_position = witnessed_position AND w.hash = witnessed_hash);
END
$$;

-- Municipalities with events waiting to be sealed (the sealer's loop; ids only).
CREATE FUNCTION app_unsealed_municipalities() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT DISTINCT municipality_id FROM audit_event WHERE chain_position IS NULL $$;

REVOKE ALL ON FUNCTION app_seal_audit(uuid, integer, bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_unsealed_municipalities() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_seal_audit(uuid, integer, bigint, text) TO wijkwerk_service;
GRANT EXECUTE ON FUNCTION app_unsealed_municipalities() TO wijkwerk_service;
