-- Visibility computed once per transaction instead of once per statement (issue 8).
--
-- Every policy of the dossier tables asks `household_id IN (SELECT app_visible_household_ids())` (or
-- the editable / summary / resident variant). PostgreSQL evaluates that set once per statement, and a
-- SQL function's body is planned again on every call. On the city data (Utrecht, 30,000 households) a
-- professional of an integrated team sees 1,656 households; building the set cost 12–40 ms, and a
-- dossier runs about a dozen statements, so opening one dossier spent most of its time deciding, again
-- and again, the same thing.
--
-- Now each set is computed at most once per transaction (one request) and kept in a transaction-local
-- setting (set_config(…, true): it disappears at commit or rollback, and a rolled-back savepoint takes
-- its value back with it). The rules themselves are unchanged — the bodies below are those of 0007 and
-- 0010, written in PL/pgSQL so their plans are cached per connection.
--
-- A request about one household (opening a dossier, writing to it) can say so first:
-- set_config('app.focus_household_id', id, true) (narrowToHousehold() in the server). From then on the
-- same rules are asked for that household only — index look-ups instead of the whole caseload — and
-- every set is either that household or empty. Nothing becomes visible that was not: focus can only
-- narrow. A test compares, for every user and household of the privacy fixtures and every kind, the
-- focused answer with membership of the full set.
--
-- The cached sets are thrown away:
--   * by a statement trigger on every table the rules read (household, household_member, case_file,
--     case_professional, case_routing, emergency_access, team, team_membership), so a request that
--     opens a case, involves a professional or routes a case sees the effect in its next statement,
--     exactly as before;
--   * when the actor's identity settings or the focus differ from those the sets were computed for (the
--     key in front of each cached value; withActor sets the identity once at the start of the transaction).

-- plan_cache_mode: planned per call, so a focused call uses the household indexes and a full one the team's.
CREATE FUNCTION app_compute_household_set(p_kind text) RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  v_professional boolean := app_role() IN ('professional', 'teamLead');
  v_front uuid[] := app_front_office_team_ids();
  -- A request about one household (see below) asks the same rules for that household only.
  v_focus uuid := nullif(current_setting('app.focus_household_id', true), '')::uuid;
BEGIN
  IF p_kind = 'editable' THEN
    IF NOT v_professional THEN
      RETURN '{}';
    END IF;
    RETURN ARRAY(
      SELECT p.household_id
      FROM case_professional p
      JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
      WHERE p.municipality_id = app_municipality_id() AND p.user_id = app_user_id() AND p.ended_at IS NULL
        AND (v_focus IS NULL OR p.household_id = v_focus)
        AND NOT (c.team_id = ANY (v_front))
      UNION
      SELECT c.household_id
      FROM case_file c
      WHERE c.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR c.household_id = v_focus)
        AND c.team_id = ANY (app_team_ids())
        AND NOT (c.team_id = ANY (v_front))
        AND (app_role() = 'teamLead'
          OR app_user_id() IN (c.allocated_by_user_id, c.opened_by_user_id)
          OR EXISTS (SELECT 1 FROM case_routing r WHERE r.municipality_id = c.municipality_id AND r.case_id = c.id
                       AND r.to_user_id = app_user_id() AND r.withdrawn_at IS NULL))
      UNION
      SELECT h.id
      FROM household h
      JOIN team t ON t.municipality_id = h.municipality_id AND t.id = h.registered_by_team_id
      WHERE h.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR h.id = v_focus)
        AND h.registered_by_team_id = ANY (app_team_ids())
        AND NOT (h.registered_by_team_id = ANY (v_front))
        AND (t.model <> 'network' OR app_role() = 'teamLead' OR h.registered_by_user_id = app_user_id())
        AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id));
  ELSIF p_kind = 'regular' THEN
    IF NOT v_professional THEN
      RETURN '{}';
    END IF;
    RETURN ARRAY(
      SELECT unnest(app_household_set('editable'))
      UNION
      SELECT c.household_id
      FROM case_file c
      JOIN team t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
      WHERE c.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR c.household_id = v_focus)
        AND c.team_id = ANY (app_team_ids())
        AND t.model = 'integrated'
      UNION
      SELECT r.household_id
      FROM case_routing r
      JOIN team_membership m ON m.municipality_id = r.municipality_id AND m.team_id = r.team_id
        AND m.user_id = app_user_id() AND m.office = 'back'
      WHERE r.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR r.household_id = v_focus)
        AND r.withdrawn_at IS NULL
        AND (r.to_user_id = app_user_id() OR (r.to_user_id IS NULL AND r.to_organisation_id = m.organisation_id)));
  ELSIF p_kind = 'visible' THEN
    IF NOT v_professional THEN
      RETURN '{}';
    END IF;
    RETURN ARRAY(
      SELECT unnest(app_household_set('regular'))
      UNION
      SELECT e.household_id
      FROM emergency_access e
      WHERE e.municipality_id = app_municipality_id()
        AND e.user_id = app_user_id()
        AND (v_focus IS NULL OR e.household_id = v_focus)
        AND e.ended_at IS NULL AND e.starts_at <= now() AND e.expires_at > now());
  ELSIF p_kind = 'front_office' THEN
    IF cardinality(v_front) = 0 THEN
      RETURN '{}';
    END IF;
    RETURN ARRAY(
      SELECT c.household_id FROM case_file c
      WHERE c.municipality_id = app_municipality_id() AND c.team_id = ANY (v_front)
        AND (v_focus IS NULL OR c.household_id = v_focus)
      UNION
      SELECT h.id FROM household h
      WHERE h.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR h.id = v_focus)
        AND h.registered_by_team_id = ANY (v_front)
        AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id));
  ELSIF p_kind = 'summary' THEN
    RETURN ARRAY(SELECT unnest(app_household_set('visible')) UNION SELECT unnest(app_household_set('front_office')));
  ELSIF p_kind = 'registrable' THEN
    RETURN ARRAY(SELECT unnest(app_household_set('editable')) UNION SELECT unnest(app_household_set('front_office')));
  ELSIF p_kind IN ('visible_resident', 'summary_resident', 'editable_resident') THEN
    RETURN ARRAY(
      SELECT DISTINCT m.resident_id FROM household_member m
      WHERE m.municipality_id = app_municipality_id()
        AND m.household_id IN (SELECT unnest(app_household_set(replace(p_kind, '_resident', '')))));
  END IF;
  RAISE EXCEPTION 'unknown household set %', p_kind;
END
$$;
REVOKE ALL ON FUNCTION app_compute_household_set(text) FROM PUBLIC;

-- Computes the set of one kind and keeps it, with the key it was computed for, for the rest of the
-- transaction. Kept as comma-separated text: the policies compare text (see below).
CREATE FUNCTION app_cache_household_set(p_kind text, p_key text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_set text := array_to_string(app_compute_household_set(p_kind), ',');
BEGIN
  PERFORM set_config('app.visibility_' || p_kind, v_set, true),
    set_config('app.visibility_' || p_kind || '_key', p_key, true);
  RETURN v_set;
END
$$;

-- The set of one kind for the acting user: from the transaction's cache when it was computed for the
-- same identity and focus (the key) and not forgotten since, otherwise computed now. No table access.
CREATE FUNCTION app_household_set_text(p_kind text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.visibility_' || p_kind || '_key', true) = c.key
    THEN current_setting('app.visibility_' || p_kind, true)
    ELSE app_cache_household_set(p_kind, c.key) END
  FROM (SELECT concat(current_setting('app.municipality_id', true), '|', current_setting('app.user_id', true), '|',
    current_setting('app.role', true), '|', current_setting('app.team_ids', true), '|',
    current_setting('app.focus_household_id', true)) AS key) c
$$;

CREATE FUNCTION app_household_set(p_kind text) RETURNS uuid[]
LANGUAGE sql STABLE AS $$ SELECT string_to_array(app_household_set_text(p_kind), ',')::uuid[] $$;

-- What the policies ask. Reading 1,656 UUIDs back from text cost 1.3 ms on this machine, in every
-- statement and for every table of a join; splitting the text and comparing the row's id as text
-- costs a third of that. Hence `household_id::text IN (SELECT app_household_texts('visible'))`.
CREATE FUNCTION app_household_texts(p_kind text) RETURNS SETOF text
LANGUAGE sql STABLE AS $$ SELECT unnest(string_to_array(app_household_set_text(p_kind), ',')) $$;

-- Statement trigger on the tables the rules read: the next statement computes the sets afresh.
CREATE FUNCTION app_forget_visibility() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_kind text;
BEGIN
  FOREACH v_kind IN ARRAY ARRAY['editable', 'regular', 'visible', 'front_office', 'summary', 'registrable',
    'visible_resident', 'summary_resident', 'editable_resident'] LOOP
    PERFORM set_config('app.visibility_' || v_kind || '_key', '', true);
  END LOOP;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['household', 'household_member', 'case_file', 'case_professional', 'case_routing',
    'emergency_access', 'team', 'team_membership'] LOOP
    EXECUTE format('CREATE TRIGGER forget_visibility AFTER INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_forget_visibility()', t);
  END LOOP;
END
$$;

-- The functions services and older SQL call keep their names and meaning; they read the cache too.
CREATE OR REPLACE FUNCTION app_editable_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('editable')) $$;
CREATE OR REPLACE FUNCTION app_regular_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('regular')) $$;
CREATE OR REPLACE FUNCTION app_visible_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('visible')) $$;
CREATE OR REPLACE FUNCTION app_front_office_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('front_office')) $$;
CREATE OR REPLACE FUNCTION app_summary_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('summary')) $$;
CREATE OR REPLACE FUNCTION app_registrable_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('registrable')) $$;
CREATE OR REPLACE FUNCTION app_visible_resident_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('visible_resident')) $$;
CREATE OR REPLACE FUNCTION app_summary_resident_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('summary_resident')) $$;
CREATE OR REPLACE FUNCTION app_editable_resident_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY INVOKER RESET search_path AS $$ SELECT unnest(app_household_set('editable_resident')) $$;

-- Every policy written as `x IN (SELECT app_<kind>_household_ids())` (or _resident_ids) becomes
-- `(x)::text IN (SELECT app_household_texts('<kind>'))`: the same set, compared as text. Rewritten from
-- the catalogue so that no policy is forgotten; the check at the end refuses the migration otherwise.
DO $$
DECLARE
  p record;
  v_pattern constant text :=
    '([a-z_.]+) IN \( SELECT app_(editable|regular|visible|front_office|summary|registrable)_household_ids\(\) AS app_[a-z_]+\)';
  v_resident constant text :=
    '([a-z_.]+) IN \( SELECT app_(visible|summary|editable)_resident_ids\(\) AS app_[a-z_]+\)';
  v_qual text;
  v_check text;
BEGIN
  FOR p IN SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public' LOOP
    v_qual := regexp_replace(regexp_replace(p.qual, v_pattern, '(\1)::text IN ( SELECT app_household_texts(''\2''))', 'g'),
      v_resident, '(\1)::text IN ( SELECT app_household_texts(''\2_resident''))', 'g');
    v_check := regexp_replace(regexp_replace(p.with_check, v_pattern, '(\1)::text IN ( SELECT app_household_texts(''\2''))', 'g'),
      v_resident, '(\1)::text IN ( SELECT app_household_texts(''\2_resident''))', 'g');
    IF v_qual IS DISTINCT FROM p.qual THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', p.policyname, p.tablename, v_qual);
    END IF;
    IF v_check IS DISTINCT FROM p.with_check THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', p.policyname, p.tablename, v_check);
    END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_policies WHERE coalesce(qual, '') || coalesce(with_check, '')
      ~ 'app_(editable|regular|visible|front_office|summary|registrable)_household_ids|app_[a-z]+_resident_ids') THEN
    RAISE EXCEPTION 'a policy still asks for a household set as UUIDs';
  END IF;
END
$$;
