-- How the social map is used by support plans (issue 5, "used by the plan"): counts only, never a plan,
-- a household or a name. The plan tables carry the "dossier" policy (0006), so staff of the social map
-- cannot read them; these SECURITY DEFINER functions (owned by the migration owner) read past that policy
-- but only for the acting municipality (app_municipality_id()) and only aggregated per entry (and team).
--
-- An action counts as active when it is not removed, and its case is not closed, and it is planned or in
-- progress. For a period [p_from, p_until] (dates in Dutch time) an action counts when it was active on at
-- least one day of it: added on or before p_until, and not done, cancelled or closed with its case before
-- p_from. (A cancelled action has no completion time; its last change is when it was cancelled.)

-- Per entry, the whole municipality, now: how many active plans and actions use it. The social map's
-- administrator needs this before taking an entry out of use (directory.service.ts deactivateEntry).
-- p_entry_id NULL: every entry that is used.
CREATE FUNCTION app_directory_entry_usage(p_entry_id uuid)
RETURNS TABLE (directory_entry_id uuid, active_plans integer, active_actions integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.directory_entry_id, count(DISTINCT a.plan_id)::integer, count(*)::integer
  FROM plan_action a
  JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
  JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE a.municipality_id = app_municipality_id()
    AND app_role() IN ('administrator', 'teamLead', 'professional', 'policyOfficer')
    AND a.directory_entry_id IS NOT NULL
    AND (p_entry_id IS NULL OR a.directory_entry_id = p_entry_id)
    AND a.removed_at IS NULL
    AND a.status IN ('planned', 'inProgress')
    AND c.status <> 'closed'
  GROUP BY a.directory_entry_id
$$;

-- Per team and entry, over a period: which provisions a team's plans use most. A team lead or
-- professional sees only their own teams (app_team_ids()); a policy officer sees every team of the
-- municipality, with counts of 1 to 4 returned as NULL (small-cell suppression, done here so no code path
-- can hand out the exact small number). Other roles get nothing.
CREATE FUNCTION app_directory_usage_by_team(p_from date, p_until date)
RETURNS TABLE (team_id uuid, directory_entry_id uuid, active_plans integer, active_actions integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH counted AS (
    SELECT c.team_id, a.directory_entry_id, count(DISTINCT a.plan_id)::integer AS plans, count(*)::integer AS actions
    FROM plan_action a
    JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
    JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
    WHERE a.municipality_id = app_municipality_id()
      AND (app_role() = 'policyOfficer'
           OR (app_role() IN ('teamLead', 'professional') AND c.team_id = ANY (app_team_ids())))
      AND a.directory_entry_id IS NOT NULL
      AND a.removed_at IS NULL
      AND (a.created_at AT TIME ZONE 'Europe/Amsterdam')::date <= p_until
      AND (a.status IN ('planned', 'inProgress')
           OR (coalesce(a.completed_at, a.updated_at) AT TIME ZONE 'Europe/Amsterdam')::date >= p_from)
      AND (c.status <> 'closed' OR (c.closed_at AT TIME ZONE 'Europe/Amsterdam')::date >= p_from)
    GROUP BY c.team_id, a.directory_entry_id
  )
  SELECT team_id, directory_entry_id,
    CASE WHEN app_role() = 'policyOfficer' AND plans < 5 THEN NULL ELSE plans END,
    CASE WHEN app_role() = 'policyOfficer' AND actions < 5 THEN NULL ELSE actions END
  FROM counted
$$;

REVOKE ALL ON FUNCTION app_directory_entry_usage(uuid), app_directory_usage_by_team(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_directory_entry_usage(uuid), app_directory_usage_by_team(date, date) TO wijkwerk_app;
