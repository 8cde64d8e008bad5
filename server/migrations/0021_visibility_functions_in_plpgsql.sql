-- The two functions every dossier policy calls, in PL/pgSQL (issue 8).
--
-- A policy asks `household_id::text IN (SELECT app_household_texts('<kind>'))` for every table of every
-- statement. Written in SQL (0015, 0020), neither function can be inlined there, and a SQL function that
-- is not inlined is planned again on each call: pg_stat_statements counted one plan per call, and the
-- city benchmark planned both functions tens of thousands of times a minute. In PL/pgSQL the key is
-- compared with simple expressions and the one query keeps its plan for the connection. Same answers:
-- the cache key, the cache and the fallback to app_cache_household_set are unchanged.
-- Measured with pgbench on the city data (a dossier's 11 statements for one household, 8 clients,
-- prepared): 359 → 495 transactions per second.
CREATE OR REPLACE FUNCTION app_household_set_text(p_kind text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_key text := concat(current_setting('app.municipality_id', true), '|', current_setting('app.user_id', true), '|',
    current_setting('app.role', true), '|', current_setting('app.team_ids', true), '|',
    current_setting('app.focus_household_ids', true));
BEGIN
  IF current_setting('app.visibility_' || p_kind || '_key', true) = v_key THEN
    RETURN current_setting('app.visibility_' || p_kind, true);
  END IF;
  RETURN app_cache_household_set(p_kind, v_key);
END
$$;
CREATE OR REPLACE FUNCTION app_household_texts(p_kind text) RETURNS SETOF text
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT unnest(string_to_array(app_household_set_text(p_kind), ','));
END
$$;
