-- Narrowing to several households, for "Mijn werk" (issue 8).
--
-- 0015 let a request about one household ask the access rules for that household only
-- (app.focus_household_id). The worklist is about a professional's own cases, yet every one of its
-- statements made the rules build the whole set the user may see: 1,656 households for a professional
-- of an integrated Utrecht team, computed three times (editable, regular, visible) and unpacked again
-- for each table of each statement. The worklist answered 38 times a second at 32 connections.
--
-- The focus becomes a list: app.focus_household_ids holds comma-separated ids, and every rule is asked
-- for those households only. As before it can only narrow: a household outside the list is invisible to
-- the rest of the request, whatever the rules say; one inside it is visible only if the rules say so.
-- The rules below are those of 0015, with `= v_focus` become `= ANY (v_focus)`.

-- plan_cache_mode: planned per call, so a focused call uses the household indexes and a full one the team's.
CREATE OR REPLACE FUNCTION app_compute_household_set(p_kind text) RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  v_professional boolean := app_role() IN ('professional', 'teamLead');
  v_front uuid[] := app_front_office_team_ids();
  -- A request about some households only asks the same rules for those households.
  v_focus uuid[] := string_to_array(nullif(current_setting('app.focus_household_ids', true), ''), ',')::uuid[];
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
        AND (v_focus IS NULL OR p.household_id = ANY (v_focus))
        AND NOT (c.team_id = ANY (v_front))
      UNION
      SELECT c.household_id
      FROM case_file c
      WHERE c.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR c.household_id = ANY (v_focus))
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
        AND (v_focus IS NULL OR h.id = ANY (v_focus))
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
        AND (v_focus IS NULL OR c.household_id = ANY (v_focus))
        AND c.team_id = ANY (app_team_ids())
        AND t.model = 'integrated'
      UNION
      SELECT r.household_id
      FROM case_routing r
      JOIN team_membership m ON m.municipality_id = r.municipality_id AND m.team_id = r.team_id
        AND m.user_id = app_user_id() AND m.office = 'back'
      WHERE r.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR r.household_id = ANY (v_focus))
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
        AND (v_focus IS NULL OR e.household_id = ANY (v_focus))
        AND e.ended_at IS NULL AND e.starts_at <= now() AND e.expires_at > now());
  ELSIF p_kind = 'front_office' THEN
    IF cardinality(v_front) = 0 THEN
      RETURN '{}';
    END IF;
    RETURN ARRAY(
      SELECT c.household_id FROM case_file c
      WHERE c.municipality_id = app_municipality_id() AND c.team_id = ANY (v_front)
        AND (v_focus IS NULL OR c.household_id = ANY (v_focus))
      UNION
      SELECT h.id FROM household h
      WHERE h.municipality_id = app_municipality_id()
        AND (v_focus IS NULL OR h.id = ANY (v_focus))
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

CREATE OR REPLACE FUNCTION app_household_set_text(p_kind text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.visibility_' || p_kind || '_key', true) = c.key
    THEN current_setting('app.visibility_' || p_kind, true)
    ELSE app_cache_household_set(p_kind, c.key) END
  FROM (SELECT concat(current_setting('app.municipality_id', true), '|', current_setting('app.user_id', true), '|',
    current_setting('app.role', true), '|', current_setting('app.team_ids', true), '|',
    current_setting('app.focus_household_ids', true)) AS key) c
$$;

-- The households "Mijn werk" is about, for the given professionals (the actor; for a team lead, the
-- members of the actor's own teams): where one of them is an active professional on a case of the
-- actor's teams, does an open plan action, or holds an open conference decision. Only ids, and only
-- to narrow with: the worklist's own queries, under the access rules, decide what is shown.
CREATE FUNCTION app_worklist_household_ids(p_user_ids uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH users AS (
    SELECT u FROM unnest(p_user_ids) AS u
    WHERE u = app_user_id()
      OR (app_role() = 'teamLead' AND EXISTS (SELECT 1 FROM team_membership m
            WHERE m.municipality_id = app_municipality_id() AND m.user_id = u AND m.team_id = ANY (app_team_ids())))
  )
  SELECT coalesce(array_agg(DISTINCT x.household_id), '{}') FROM (
    SELECT p.household_id
    FROM case_professional p
    JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
    WHERE p.municipality_id = app_municipality_id() AND p.user_id IN (SELECT u FROM users) AND p.ended_at IS NULL
      AND c.team_id = ANY (app_team_ids())
    UNION ALL
    SELECT a.household_id
    FROM plan_action a
    WHERE a.municipality_id = app_municipality_id() AND a.professional_user_id IN (SELECT u FROM users)
      AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    UNION ALL
    SELECT d.household_id
    FROM conference_decision d
    WHERE d.municipality_id = app_municipality_id() AND d.assignee_user_id IN (SELECT u FROM users)
      AND d.status = 'open'
  ) x
$$;
REVOKE ALL ON FUNCTION app_worklist_household_ids(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_worklist_household_ids(uuid[]) TO wijkwerk_app;

-- The household of a case, for a request about one case (recording a ZRM or an intake) to narrow to
-- before it reads the case. Only the id, only in the actor's municipality, and only to narrow with: the
-- case itself is then read under the access rules as always.
CREATE FUNCTION app_case_household_id(p_case_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.household_id FROM case_file c WHERE c.municipality_id = app_municipality_id() AND c.id = p_case_id
$$;
REVOKE ALL ON FUNCTION app_case_household_id(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_case_household_id(uuid) TO wijkwerk_app;
