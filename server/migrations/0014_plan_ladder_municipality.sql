-- Ladder figures for the whole municipality (issue 4), for the policy officer, who sees no plans: counts of
-- plan actions per month and rung, per month, per rung, in total, and per escalation reason. Each cell is
-- returned as NULL ("< 5") when it concerns 1 to 4 households (the unit of a plan; stricter than
-- counting residents), so no code path can hand out the exact small number. Only the policy officer's role
-- gets rows; the month and the day filter are in Dutch time, like the team figures (plans.figures.ts).
-- The application adds secondary suppression (plans.suppression.ts) so a hidden cell cannot be derived
-- from a total minus the visible cells.
CREATE FUNCTION app_ladder_figures_municipality(p_from date, p_until date)
RETURNS TABLE (period text, rung text, reason text, actions integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
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
$$;

REVOKE ALL ON FUNCTION app_ladder_figures_municipality(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_ladder_figures_municipality(date, date) TO wijkwerk_app;
