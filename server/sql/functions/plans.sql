-- Support plans: ladder figures for the municipality, directory references, and decisions that follow their plan action.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_ladder_figures_municipality(p_from date, p_until date)
 RETURNS TABLE(period text, rung text, reason text, actions integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  WITH a AS (
    SELECT to_char(x.added_on, 'YYYY-MM') AS period, x.rung, x.escalation_reason AS reason, x.household_id
    FROM case_outcome_summary s
    CROSS JOIN LATERAL unnest(s.actions) x
    WHERE s.municipality_id = (SELECT app_municipality_id())
      AND (SELECT app_role()) = 'policyOfficer'
      AND s.last_action_on >= p_from AND s.first_action_on <= p_until
      AND x.added_on BETWEEN p_from AND p_until
  )
  SELECT period, rung, reason,
    CASE WHEN count(DISTINCT household_id) BETWEEN 1 AND 4 THEN NULL ELSE count(*)::integer END
  FROM a
  GROUP BY GROUPING SETS ((period, rung), (period), (rung), (), (reason))
  HAVING NOT (GROUPING(reason) = 0 AND reason IS NULL)
$function$;

CREATE OR REPLACE FUNCTION app_ladder_figures_municipality_live(p_from date, p_until date)
 RETURNS TABLE(period text, rung text, reason text, actions integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  WITH a AS (
    SELECT to_char(a.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS period, a.rung,
      a.escalation_reason AS reason, a.household_id
    FROM plan_action a
    JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
    WHERE a.municipality_id = app_municipality_id()
      AND app_role() = 'policyOfficer'
      AND a.removed_at IS NULL
      AND (a.created_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN p_from AND p_until
  )
  SELECT period, rung, reason,
    CASE WHEN count(DISTINCT household_id) BETWEEN 1 AND 4 THEN NULL ELSE count(*)::integer END
  FROM a
  GROUP BY GROUPING SETS ((period, rung), (period), (rung), (), (reason))
  HAVING NOT (GROUPING(reason) = 0 AND reason IS NULL)
$function$;

CREATE OR REPLACE FUNCTION app_plan_directory_references(p_entry_id uuid)
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT count(DISTINCT a.plan_id)::integer
  FROM plan_action a
  JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
  JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE a.municipality_id = app_municipality_id()
    AND app_role() IN ('administrator', 'teamLead', 'professional', 'policyOfficer')
    AND a.directory_entry_id = p_entry_id
    AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    AND c.status <> 'closed'
$function$;

CREATE OR REPLACE FUNCTION app_decision_follows_plan_action()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
DECLARE
  v_status text := CASE WHEN NEW.status = 'done' THEN 'done' ELSE 'open' END;
BEGIN
  UPDATE conference_decision d
  SET status = v_status,
    completed_at = CASE WHEN v_status = 'done' THEN coalesce(NEW.completed_at, now()) END
  WHERE d.municipality_id = NEW.municipality_id AND d.plan_action_id = NEW.id AND d.status <> v_status;
  RETURN NULL;
END
$function$;

REVOKE ALL ON FUNCTION app_ladder_figures_municipality(p_from date, p_until date), app_ladder_figures_municipality_live(p_from date, p_until date), app_plan_directory_references(p_entry_id uuid), app_decision_follows_plan_action() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app_ladder_figures_municipality(p_from date, p_until date), app_plan_directory_references(p_entry_id uuid) TO wijkwerk_app;
