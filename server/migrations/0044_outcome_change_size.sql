-- The size of change in the outcome monitor (issue 19). The monitor showed only the direction of ZRM
-- change per domain (improved / same / worse); policy staff could not see "+2 on financiën on average".
-- Now each case's summary row (0017) also carries, per resident and domain, the change in levels from
-- the first regular score to the latest final one (the same two scores as the direction: −4 … +4), and
-- app_outcome_change_size returns, per life domain, how many residents changed by each number of levels
-- in the chosen period (cases closed in it), with the mean. The same rule as the monitor: for policy
-- staff a count of 1–4 residents is withheld (NULL), and the server withholds a second count and the
-- mean where the withheld one could be worked out from them (outcomes.changeSize.ts).
--
-- It is per domain over the teams the role may see, not per team or wijk: a total next to its parts
-- would let a withheld part be found by subtraction. The summary is refreshed by the same triggers, and
-- app_refresh_case_outcomes below is that of 0017 with the one column added (the rebuild fills it).

CREATE TYPE outcome_zrm_delta AS (domain text, delta smallint);
ALTER TABLE case_outcome_summary ADD COLUMN zrm_deltas outcome_zrm_delta[] NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION app_refresh_case_outcomes(p_municipality_ids uuid[], p_case_ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF coalesce(cardinality(p_case_ids), 0) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM case_outcome_summary s
  USING unnest(p_municipality_ids, p_case_ids) AS k (municipality_id, case_id)
  WHERE s.municipality_id = k.municipality_id AND s.case_id = k.case_id
    AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = k.municipality_id AND c.id = k.case_id);
  -- Another transaction that refreshed one of these cases holds its row until it commits. Wait for it
  -- (in case order, so two refreshes cannot deadlock on each other), so that the next statement, which
  -- sees what it committed, does not overwrite its row with a view from before.
  PERFORM 1 FROM case_outcome_summary s
  JOIN unnest(p_municipality_ids, p_case_ids) AS k (municipality_id, case_id)
    ON s.municipality_id = k.municipality_id AND s.case_id = k.case_id
  ORDER BY s.municipality_id, s.case_id
  FOR UPDATE OF s;

  INSERT INTO case_outcome_summary AS s (municipality_id, case_id, team_id, opened_on, closed_on, closure_reason,
    escalation_prevented, resident_informed, neighbourhood_code, wmo_fields, zrm_changes, zrm_deltas, actions,
    first_action_on, last_action_on)
  SELECT c.municipality_id, c.id, c.team_id, (c.opened_at AT TIME ZONE 'Europe/Amsterdam')::date,
    CASE WHEN c.status = 'closed' THEN (c.closed_at AT TIME ZONE 'Europe/Amsterdam')::date END,
    c.closure_reason, c.escalation_prevented, c.resident_informed, contact.neighbourhood_code,
    coalesce(wmo.fields, '{}'), coalesce(zrm.changes, '{}'), coalesce(zrm.deltas, '{}'), coalesce(ladder.actions, '{}'),
    ladder.first_on, ladder.last_on
  FROM unnest(p_municipality_ids, p_case_ids) AS k (municipality_id, case_id)
  JOIN case_file c ON c.municipality_id = k.municipality_id AND c.id = k.case_id
  LEFT JOIN LATERAL (
    SELECT r.neighbourhood_code
    FROM household_member m
    JOIN resident r ON r.municipality_id = m.municipality_id AND r.id = m.resident_id
    WHERE m.municipality_id = c.municipality_id AND m.household_id = c.household_id AND m.is_main_contact
  ) contact ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(ROW(d.domain, CASE WHEN d.intake IS NULL THEN 'missing' WHEN d.final > d.intake THEN 'improved'
        WHEN d.final = d.intake THEN 'same' ELSE 'worse' END)::outcome_zrm_change ORDER BY d.domain, d.resident_id) AS changes,
      array_agg(ROW(d.domain, (d.final - d.intake)::smallint)::outcome_zrm_delta ORDER BY d.domain, d.resident_id)
        FILTER (WHERE d.intake IS NOT NULL) AS deltas
    FROM (
      SELECT a.resident_id, sc.domain,
        (array_agg(sc.level ORDER BY a.assessed_on DESC, a.recorded_at DESC) FILTER (WHERE a.kind = 'final'))[1] AS final,
        (array_agg(sc.level ORDER BY a.assessed_on, a.recorded_at) FILTER (WHERE a.kind = 'regular'))[1] AS intake
      FROM assessment a
      JOIN assessment_score sc ON sc.municipality_id = a.municipality_id AND sc.assessment_id = a.id
      WHERE a.municipality_id = c.municipality_id AND a.case_id = c.id
      GROUP BY a.resident_id, sc.domain
    ) d
    WHERE d.final IS NOT NULL
  ) zrm ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(ROW((a.created_at AT TIME ZONE 'Europe/Amsterdam')::date, a.rung, a.escalation_reason,
        a.household_id)::outcome_action ORDER BY a.created_at, a.id) AS actions,
      min((a.created_at AT TIME ZONE 'Europe/Amsterdam')::date) AS first_on,
      max((a.created_at AT TIME ZONE 'Europe/Amsterdam')::date) AS last_on
    FROM support_plan p
    JOIN plan_action a ON a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.removed_at IS NULL
    WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id
  ) ladder ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT f.field ORDER BY f.field) AS fields
    FROM support_plan p
    JOIN plan_action a ON a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.removed_at IS NULL
    JOIN directory_entry d ON d.municipality_id = a.municipality_id AND d.id = a.directory_entry_id
    CROSS JOIN LATERAL unnest(d.wmo_performance_fields::text[]) AS f (field)
    WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id
  ) wmo ON true
  ON CONFLICT (municipality_id, case_id) DO UPDATE SET
    team_id = EXCLUDED.team_id, opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on,
    closure_reason = EXCLUDED.closure_reason, escalation_prevented = EXCLUDED.escalation_prevented,
    resident_informed = EXCLUDED.resident_informed, neighbourhood_code = EXCLUDED.neighbourhood_code,
    wmo_fields = EXCLUDED.wmo_fields, zrm_changes = EXCLUDED.zrm_changes, zrm_deltas = EXCLUDED.zrm_deltas,
    actions = EXCLUDED.actions,
    first_action_on = EXCLUDED.first_action_on, last_action_on = EXCLUDED.last_action_on
  WHERE (s.team_id, s.opened_on, s.closed_on, s.closure_reason, s.escalation_prevented, s.resident_informed,
      s.neighbourhood_code, s.wmo_fields, s.zrm_changes, s.zrm_deltas, s.actions)
    IS DISTINCT FROM (EXCLUDED.team_id, EXCLUDED.opened_on, EXCLUDED.closed_on, EXCLUDED.closure_reason,
      EXCLUDED.escalation_prevented, EXCLUDED.resident_informed, EXCLUDED.neighbourhood_code, EXCLUDED.wmo_fields,
      EXCLUDED.zrm_changes, EXCLUDED.zrm_deltas, EXCLUDED.actions);
END
$$;

SELECT app_rebuild_case_outcomes();

-- Per domain and change in levels: the residents (NULL when 1–4 for policy staff), the domain's total
-- and mean (NULL for policy staff when the total is under 5 or any count of the domain is withheld: the
-- mean and the total would otherwise give it back).
CREATE FUNCTION app_outcome_change_size(p_from date, p_until date)
RETURNS TABLE (domain text, delta integer, residents integer, suppressed boolean, total integer, mean numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH settings AS (
    SELECT (SELECT app_municipality_id()) AS mid, (SELECT app_role()) = 'policyOfficer' AS protect
    WHERE (SELECT app_role()) IN ('policyOfficer', 'teamLead')
  ),
  cells AS (
    SELECT d.domain, d.delta::integer AS delta, count(*)::integer AS n
    FROM case_outcome_summary c
    CROSS JOIN settings s
    CROSS JOIN LATERAL unnest(c.zrm_deltas) d
    WHERE c.municipality_id = s.mid AND c.closed_on BETWEEN p_from AND p_until
      AND (s.protect OR c.team_id = ANY ((SELECT app_team_ids())::uuid[]))
    GROUP BY 1, 2
  ),
  per_domain AS (
    SELECT domain, sum(n)::integer AS total, round(sum(delta * n)::numeric / sum(n), 2) AS mean, min(n) AS smallest
    FROM cells GROUP BY domain
  )
  SELECT c.domain, c.delta,
    CASE WHEN s.protect AND c.n < 5 THEN NULL ELSE c.n END,
    s.protect AND c.n < 5,
    CASE WHEN s.protect AND p.total < 5 THEN NULL ELSE p.total END,
    CASE WHEN s.protect AND p.smallest < 5 THEN NULL ELSE p.mean END
  FROM cells c
  JOIN per_domain p ON p.domain = c.domain
  CROSS JOIN settings s
$$;
REVOKE ALL ON FUNCTION app_outcome_change_size(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_outcome_change_size(date, date) TO wijkwerk_app;
