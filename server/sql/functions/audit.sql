-- The audit chain: sealing by the one function that may write chain positions and hashes.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

-- Seals up to batch_size unsealed events of one municipality into its SHA-256 chain, in id order, and
-- returns the new head. The hash is the one chainHash() computes in server/src/platform/audit/chain.ts:
-- sha256(previous || '\n' || canonical text). It never touches a sealed event, and it only moves the
-- head forward. witnessed_position/witnessed_hash: the head last written outside the database; when the
-- chain no longer holds that hash at that position, witness_ok is false and the caller keeps its witness.
CREATE OR REPLACE FUNCTION app_seal_audit(target uuid, batch_size integer, witnessed_position bigint, witnessed_hash text)
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
CREATE OR REPLACE FUNCTION app_unsealed_municipalities() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT DISTINCT municipality_id FROM audit_event WHERE chain_position IS NULL $$;

REVOKE ALL ON FUNCTION app_seal_audit(uuid, integer, bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_unsealed_municipalities() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_seal_audit(uuid, integer, bigint, text) TO wijkwerk_service;
GRANT EXECUTE ON FUNCTION app_unsealed_municipalities() TO wijkwerk_service;

-- How many events wait to be sealed (the metrics endpoint; a count, nothing of the events themselves).
CREATE OR REPLACE FUNCTION app_unsealed_count() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT count(*)::integer FROM audit_event WHERE chain_position IS NULL $$;
REVOKE ALL ON FUNCTION app_unsealed_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_unsealed_count() TO wijkwerk_service;
