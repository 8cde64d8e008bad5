-- Performance at city scale (issue 8), found with bench/generate (Utrecht: 30,000 households) and
-- EXPLAIN ANALYZE under the row-level-security settings of a professional.
--
-- app_front_office_team_ids() is SECURITY DEFINER, so PostgreSQL cannot inline it: written as a plain
-- call inside a WHERE clause it runs once per candidate row (a query on team_membership each time).
-- In app_editable_household_ids() that is once per case of the user's teams (80 ms for a team of
-- 1,500 cases), and in app_front_office_household_ids() once per case of the whole municipality —
-- and every policy of the dossier tables evaluates these sets, so a dossier paid it a dozen times.
-- Wrapped in a scalar sub-select the call becomes an InitPlan, evaluated once per statement, exactly as
-- the policies already do with (SELECT app_municipality_id()). Same function, same value within a
-- statement (STABLE): the results are identical, only the number of calls changes.

CREATE OR REPLACE FUNCTION app_editable_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.household_id
  FROM case_professional p
  JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE p.municipality_id = app_municipality_id() AND p.user_id = app_user_id() AND p.ended_at IS NULL
    AND app_role() IN ('professional', 'teamLead')
    AND NOT (c.team_id = ANY ((SELECT app_front_office_team_ids())::uuid[]))
  UNION
  SELECT c.household_id
  FROM case_file c
  WHERE c.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND c.team_id = ANY (app_team_ids())
    AND NOT (c.team_id = ANY ((SELECT app_front_office_team_ids())::uuid[]))
    AND (app_role() = 'teamLead'
      OR app_user_id() IN (c.allocated_by_user_id, c.opened_by_user_id)
      OR EXISTS (SELECT 1 FROM case_routing r WHERE r.municipality_id = c.municipality_id AND r.case_id = c.id
                   AND r.to_user_id = app_user_id() AND r.withdrawn_at IS NULL))
  UNION
  SELECT h.id
  FROM household h
  JOIN team t ON t.municipality_id = h.municipality_id AND t.id = h.registered_by_team_id
  WHERE h.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND h.registered_by_team_id = ANY (app_team_ids())
    AND NOT (h.registered_by_team_id = ANY ((SELECT app_front_office_team_ids())::uuid[]))
    AND (t.model <> 'network' OR app_role() = 'teamLead' OR h.registered_by_user_id = app_user_id())
    AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id)
$$;

CREATE OR REPLACE FUNCTION app_front_office_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.household_id FROM case_file c
  WHERE c.municipality_id = app_municipality_id() AND c.team_id = ANY ((SELECT app_front_office_team_ids())::uuid[])
  UNION
  SELECT h.id FROM household h
  WHERE h.municipality_id = app_municipality_id()
    AND h.registered_by_team_id = ANY ((SELECT app_front_office_team_ids())::uuid[])
    AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id)
$$;
