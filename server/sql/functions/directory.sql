-- The social map: how often entries are used in plans, without personal data.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_directory_entry_usage(p_entry_id uuid)
 RETURNS TABLE(directory_entry_id uuid, active_plans integer, active_actions integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION app_directory_usage_by_team(p_from date, p_until date)
 RETURNS TABLE(team_id uuid, directory_entry_id uuid, active_plans integer, active_actions integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
$function$;

REVOKE ALL ON FUNCTION app_directory_entry_usage(p_entry_id uuid), app_directory_usage_by_team(p_from date, p_until date) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app_directory_entry_usage(p_entry_id uuid), app_directory_usage_by_team(p_from date, p_until date) TO wijkwerk_app;
