-- The outcome monitor: a summary row per case kept current by triggers, and figures without personal data.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_outcome_figures(p_from date, p_until date, p_granularity text, p_dimension text, p_now timestamp with time zone)
 RETURNS TABLE(metric text, period text, group_key text, subgroup text, category text, value integer, suppressed boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET work_mem TO '64MB'
 SET jit TO 'off'
AS $function$
  WITH
  settings AS (
    SELECT (SELECT app_municipality_id()) AS mid, (SELECT app_role()) AS role,
      CASE p_granularity WHEN 'quarter' THEN interval '3 months' ELSE interval '1 month' END AS step,
      CASE p_granularity WHEN 'quarter' THEN 'YYYY-"Q"Q' ELSE 'YYYY-MM' END AS fmt,
      -- buurt code → wijk code, looked up per row (a hash in memory, whatever the row estimates say).
      CASE WHEN p_dimension = 'district' THEN (SELECT jsonb_object_agg(a.code, a.district_code) FROM area a
        WHERE a.municipality_id = (SELECT app_municipality_id())) END AS districts
    WHERE p_granularity IN ('month', 'quarter') AND p_dimension IN ('team', 'district', 'wmoField')
      AND (SELECT app_role()) IN ('policyOfficer', 'teamLead')
  ),
  teams AS (
    SELECT t.id FROM team t, settings s
    WHERE t.municipality_id = s.mid AND (s.role = 'policyOfficer' OR t.id = ANY ((SELECT app_team_ids())::uuid[]))
  ),
  -- The periods as arrays: label, first day and the day after (the last one ends with p_until).
  -- width_bucket(d, starts) is the period of a day d from p_from to p_until; width_bucket(d, stops) counts
  -- the periods that ended on or before d.
  periods AS (
    SELECT array_agg(to_char(p, s.fmt) ORDER BY p) AS labels, array_agg(p::date ORDER BY p) AS starts,
      array_agg(least((p + s.step)::date, p_until + 1) ORDER BY p) AS stops
    FROM settings s, generate_series(date_trunc(p_granularity, p_from::timestamp), p_until::timestamp, s.step) p
    GROUP BY s.fmt
  ),
  -- The summary rows of the teams the role may see: all of them for a policy officer (one scan), the
  -- lead's own teams through the team index.
  visible AS (
    SELECT c.* FROM case_outcome_summary c, settings s WHERE c.municipality_id = s.mid AND s.role = 'policyOfficer'
    UNION ALL
    SELECT c.* FROM case_outcome_summary c, settings s
    WHERE c.municipality_id = s.mid AND s.role = 'teamLead' AND c.team_id = ANY ((SELECT app_team_ids())::uuid[])
  ),
  -- One pass over the summary: per case (once per group it belongs to) what the figures below need. A case
  -- is open at the end of period i when opened_on < stops[i] <= closed_on: the periods open_from..open_until.
  -- The arrays are kept only when a figure reads them. Cases that touch the period in no way (closed before
  -- it, opened after it, no action in it) are left out: they would add nothing to any figure.
  grouped AS MATERIALIZED (
    SELECT k.key,
      CASE WHEN c.opened_on BETWEEN p_from AND p_until THEN per.labels[width_bucket(c.opened_on, per.starts)] END
        AS opened_in,
      CASE WHEN c.closed_on BETWEEN p_from AND p_until THEN per.labels[width_bucket(c.closed_on, per.starts)] END
        AS closed_in,
      c.closure_reason, c.escalation_prevented, c.resident_informed,
      width_bucket(c.opened_on, per.stops) + 1 AS open_from,
      CASE WHEN c.closed_on IS NULL THEN cardinality(per.stops) ELSE width_bucket(c.closed_on, per.stops) END AS open_until,
      CASE WHEN c.closed_on BETWEEN p_from AND p_until THEN c.zrm_changes END AS zrm_changes,
      CASE WHEN c.last_action_on >= p_from AND c.first_action_on <= p_until THEN c.actions END AS actions
    FROM visible c
    CROSS JOIN settings s
    CROSS JOIN periods per
    CROSS JOIN LATERAL unnest(CASE p_dimension
      WHEN 'team' THEN ARRAY[c.team_id::text]
      WHEN 'district' THEN ARRAY[coalesce(s.districts ->> c.neighbourhood_code, 'unknown')]
      ELSE CASE WHEN cardinality(c.wmo_fields) = 0 THEN '{none}' ELSE c.wmo_fields END
    END) AS k (key)
    WHERE (c.opened_on <= p_until AND (c.closed_on IS NULL OR c.closed_on >= p_from))
      OR c.opened_on BETWEEN p_from AND p_until OR c.closed_on BETWEEN p_from AND p_until
      OR (c.last_action_on >= p_from AND c.first_action_on <= p_until)
  ),
  -- Actions in the period per group, period, rung and household: a count of these rows is a count of
  -- distinct households (the ladder is suppressed on households, referrals count them).
  actions AS (
    SELECT g.key, per.labels[width_bucket(a.added_on, per.starts)] AS added_in, a.rung, a.household_id,
      count(*) AS actions
    FROM grouped g
    CROSS JOIN LATERAL unnest(g.actions) a
    CROSS JOIN periods per
    WHERE a.added_on BETWEEN p_from AND p_until
    GROUP BY 1, 2, 3, 4
  ),
  figures (metric, period, group_key, subgroup, category, value, residents) AS (
    -- Cases with the same open periods are counted first, then spread over those periods.
    SELECT 'caseload', per.labels[i], g.key, '', 'open', sum(g.cases)::bigint, sum(g.cases)::bigint
    FROM (SELECT key, open_from, open_until, count(*) AS cases FROM grouped WHERE open_from <= open_until
      GROUP BY key, open_from, open_until) g
    CROSS JOIN periods per
    CROSS JOIN LATERAL generate_series(g.open_from, g.open_until) i
    GROUP BY 2, 3
    UNION ALL
    SELECT 'throughput', g.opened_in, g.key, '', 'opened', count(*), count(*)
    FROM grouped g WHERE g.opened_in IS NOT NULL GROUP BY 2, 3
    UNION ALL
    SELECT 'throughput', g.closed_in, g.key, '', 'closed', count(*), count(*)
    FROM grouped g WHERE g.closed_in IS NOT NULL GROUP BY 2, 3
    UNION ALL
    SELECT 'zrmChange', g.closed_in, g.key, z.domain, z.category, count(*), count(*)
    FROM grouped g CROSS JOIN LATERAL unnest(g.zrm_changes) z
    GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'ladder', a.added_in, a.key, '', a.rung, sum(a.actions)::bigint, count(*)
    FROM actions a GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'referrals', a.added_in, a.key, '', 'specialistCareAction', count(*), count(*)
    FROM actions a WHERE a.rung = 'specialistCare' GROUP BY 2, 3
    UNION ALL
    SELECT 'referrals', g.closed_in, g.key, '', 'closedWithReferral', count(*), count(*)
    FROM grouped g WHERE g.closure_reason = 'referredToSpecialistCare' AND g.closed_in IS NOT NULL GROUP BY 2, 3
    UNION ALL
    SELECT 'escalationPrevented', g.closed_in, g.key, '', g.escalation_prevented, count(*), count(*)
    FROM grouped g WHERE g.closed_in IS NOT NULL GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'residentInformed', g.closed_in, g.key, '',
      CASE WHEN g.resident_informed THEN 'informed' ELSE 'notInformed' END, count(*), count(*)
    FROM grouped g WHERE g.closed_in IS NOT NULL GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'signalDeadlines', per.labels[width_bucket((sg.received_at AT TIME ZONE 'Europe/Amsterdam')::date, per.starts)],
      CASE WHEN p_dimension = 'team' THEN coalesce(sg.team_id::text, 'unassigned')
        ELSE coalesce(s.districts ->> sg.neighbourhood_code, 'unknown') END, '',
      CASE WHEN sg.first_action_at IS NOT NULL AND sg.first_action_at <= sg.deadline_at THEN 'onTime'
        WHEN sg.first_action_at IS NOT NULL THEN 'late'
        WHEN sg.deadline_at < p_now THEN 'openOverdue' ELSE 'openWithinDeadline' END, count(*), count(*)
    FROM signal sg, settings s, periods per
    WHERE sg.municipality_id = s.mid AND p_dimension IN ('team', 'district')
      AND (s.role = 'policyOfficer' OR sg.team_id IN (SELECT id FROM teams))
      -- A day either side of the Dutch dates lets the index narrow the scan; the exact test follows.
      AND sg.received_at >= p_from - 1 AND sg.received_at < p_until + 2
      AND (sg.received_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN p_from AND p_until
    GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'satisfaction', to_char(r.month, s.fmt), r.team_id::text, q.question, q.answer, count(*), count(*)
    FROM satisfaction_response r
    CROSS JOIN LATERAL (VALUES ('feltHelped', r.felt_helped), ('takenSeriously', r.taken_seriously),
      ('knowsNextStep', r.knows_next_step)) q (question, answer)
    CROSS JOIN settings s
    WHERE r.municipality_id = s.mid AND p_dimension = 'team' AND r.team_id IN (SELECT id FROM teams)
      AND r.month BETWEEN date_trunc('month', p_from::timestamp)::date AND p_until
    GROUP BY 2, 3, 4, 5
  )
  SELECT f.metric, f.period, f.group_key, f.subgroup, f.category,
    CASE WHEN s.role = 'policyOfficer' AND f.residents < 5 THEN NULL ELSE f.value::integer END,
    s.role = 'policyOfficer' AND f.residents < 5
  FROM figures f, settings s
$function$;

CREATE OR REPLACE FUNCTION app_outcome_figures_live(p_from date, p_until date, p_granularity text, p_dimension text, p_now timestamp with time zone)
 RETURNS TABLE(metric text, period text, group_key text, subgroup text, category text, value integer, suppressed boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET work_mem TO '64MB'
 SET jit TO 'off'
AS $function$
  WITH
  settings AS (
    SELECT (SELECT app_municipality_id()) AS mid, (SELECT app_role()) AS role,
      CASE p_granularity WHEN 'quarter' THEN interval '3 months' ELSE interval '1 month' END AS step,
      CASE p_granularity WHEN 'quarter' THEN 'YYYY-"Q"Q' ELSE 'YYYY-MM' END AS fmt
    WHERE p_granularity IN ('month', 'quarter') AND p_dimension IN ('team', 'district', 'wmoField')
      AND (SELECT app_role()) IN ('policyOfficer', 'teamLead')
  ),
  teams AS (
    SELECT t.id FROM team t, settings s
    WHERE t.municipality_id = s.mid AND (s.role = 'policyOfficer' OR t.id = ANY ((SELECT app_team_ids())::uuid[]))
  ),
  periods AS (
    SELECT to_char(p, s.fmt) AS label, least((p + s.step)::date, p_until + 1) AS stop
    FROM settings s, generate_series(date_trunc(p_granularity, p_from::timestamp), p_until::timestamp, s.step) p
  ),
  cases AS (
    SELECT c.id, c.team_id, c.household_id, c.closure_reason, c.escalation_prevented, c.resident_informed,
      (c.opened_at AT TIME ZONE 'Europe/Amsterdam')::date AS opened_on,
      CASE WHEN c.status = 'closed' THEN (c.closed_at AT TIME ZONE 'Europe/Amsterdam')::date END AS closed_on
    FROM case_file c, settings s
    WHERE c.municipality_id = s.mid AND c.team_id IN (SELECT id FROM teams)
  ),
  case_groups AS (
    SELECT c.id AS case_id, c.team_id::text AS key FROM cases c WHERE p_dimension = 'team'
    UNION ALL
    SELECT c.id, coalesce(b.district_code, 'unknown')
    FROM cases c
    LEFT JOIN household_member m ON m.municipality_id = (SELECT app_municipality_id()) AND m.household_id = c.household_id
      AND m.is_main_contact
    LEFT JOIN resident r ON r.municipality_id = m.municipality_id AND r.id = m.resident_id
    LEFT JOIN area b ON b.municipality_id = r.municipality_id AND b.code = r.neighbourhood_code
    WHERE p_dimension = 'district'
    UNION ALL
    SELECT c.id, coalesce(f.field, 'none')
    FROM cases c
    LEFT JOIN LATERAL (
      SELECT DISTINCT unnest(d.wmo_performance_fields)::text AS field
      FROM support_plan p
      JOIN plan_action a ON a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.removed_at IS NULL
      JOIN directory_entry d ON d.municipality_id = a.municipality_id AND d.id = a.directory_entry_id
      WHERE p.municipality_id = (SELECT app_municipality_id()) AND p.case_id = c.id
    ) f ON true
    WHERE p_dimension = 'wmoField'
  ),
  grouped AS (SELECT c.*, g.key FROM cases c JOIN case_groups g ON g.case_id = c.id),
  final_scores AS (
    SELECT DISTINCT ON (a.case_id, a.resident_id, sc.domain) a.case_id, a.resident_id, sc.domain, sc.level
    FROM assessment a
    JOIN assessment_score sc ON sc.municipality_id = a.municipality_id AND sc.assessment_id = a.id
    WHERE a.municipality_id = (SELECT app_municipality_id()) AND a.kind = 'final'
      AND a.case_id IN (SELECT id FROM cases WHERE closed_on BETWEEN p_from AND p_until)
    ORDER BY a.case_id, a.resident_id, sc.domain, a.assessed_on DESC, a.recorded_at DESC
  ),
  intake_scores AS (
    SELECT DISTINCT ON (a.case_id, a.resident_id, sc.domain) a.case_id, a.resident_id, sc.domain, sc.level
    FROM assessment a
    JOIN assessment_score sc ON sc.municipality_id = a.municipality_id AND sc.assessment_id = a.id
    WHERE a.municipality_id = (SELECT app_municipality_id()) AND a.kind = 'regular'
      AND a.case_id IN (SELECT case_id FROM final_scores)
    ORDER BY a.case_id, a.resident_id, sc.domain, a.assessed_on, a.recorded_at
  ),
  actions AS (
    SELECT g.key, g.household_id, a.rung, (a.created_at AT TIME ZONE 'Europe/Amsterdam')::date AS added_on
    FROM grouped g
    JOIN support_plan p ON p.municipality_id = (SELECT app_municipality_id()) AND p.case_id = g.id
    JOIN plan_action a ON a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.removed_at IS NULL
  ),
  signals AS (
    SELECT sg.*, (sg.received_at AT TIME ZONE 'Europe/Amsterdam')::date AS received_on
    FROM signal sg, settings s
    WHERE sg.municipality_id = s.mid AND p_dimension IN ('team', 'district')
      AND (s.role = 'policyOfficer' OR sg.team_id IN (SELECT id FROM teams))
  ),
  figures (metric, period, group_key, subgroup, category, value, residents) AS (
    SELECT 'caseload', per.label, g.key, '', 'open', count(*), count(*)
    FROM periods per JOIN grouped g ON g.opened_on < per.stop AND (g.closed_on IS NULL OR g.closed_on >= per.stop)
    GROUP BY 2, 3
    UNION ALL
    SELECT 'throughput', to_char(g.opened_on, s.fmt), g.key, '', 'opened', count(*), count(*)
    FROM grouped g, settings s WHERE g.opened_on BETWEEN p_from AND p_until GROUP BY 2, 3
    UNION ALL
    SELECT 'throughput', to_char(g.closed_on, s.fmt), g.key, '', 'closed', count(*), count(*)
    FROM grouped g, settings s WHERE g.closed_on BETWEEN p_from AND p_until GROUP BY 2, 3
    UNION ALL
    SELECT 'zrmChange', to_char(g.closed_on, s.fmt), g.key, f.domain,
      CASE WHEN i.level IS NULL THEN 'missing' WHEN f.level > i.level THEN 'improved'
        WHEN f.level = i.level THEN 'same' ELSE 'worse' END, count(*), count(*)
    FROM final_scores f
    JOIN grouped g ON g.id = f.case_id
    LEFT JOIN intake_scores i ON i.case_id = f.case_id AND i.resident_id = f.resident_id AND i.domain = f.domain
    CROSS JOIN settings s
    GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'ladder', to_char(a.added_on, s.fmt), a.key, '', a.rung, count(*), count(DISTINCT a.household_id)
    FROM actions a, settings s WHERE a.added_on BETWEEN p_from AND p_until GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'referrals', to_char(a.added_on, s.fmt), a.key, '', 'specialistCareAction',
      count(DISTINCT a.household_id), count(DISTINCT a.household_id)
    FROM actions a, settings s WHERE a.rung = 'specialistCare' AND a.added_on BETWEEN p_from AND p_until GROUP BY 2, 3
    UNION ALL
    SELECT 'referrals', to_char(g.closed_on, s.fmt), g.key, '', 'closedWithReferral', count(*), count(*)
    FROM grouped g, settings s
    WHERE g.closure_reason = 'referredToSpecialistCare' AND g.closed_on BETWEEN p_from AND p_until GROUP BY 2, 3
    UNION ALL
    SELECT 'escalationPrevented', to_char(g.closed_on, s.fmt), g.key, '', g.escalation_prevented, count(*), count(*)
    FROM grouped g, settings s WHERE g.closed_on BETWEEN p_from AND p_until GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'residentInformed', to_char(g.closed_on, s.fmt), g.key, '',
      CASE WHEN g.resident_informed THEN 'informed' ELSE 'notInformed' END, count(*), count(*)
    FROM grouped g, settings s WHERE g.closed_on BETWEEN p_from AND p_until GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'signalDeadlines', to_char(sg.received_on, s.fmt),
      CASE WHEN p_dimension = 'team' THEN coalesce(sg.team_id::text, 'unassigned')
        ELSE coalesce(b.district_code, 'unknown') END, '',
      CASE WHEN sg.first_action_at IS NOT NULL AND sg.first_action_at <= sg.deadline_at THEN 'onTime'
        WHEN sg.first_action_at IS NOT NULL THEN 'late'
        WHEN sg.deadline_at < p_now THEN 'openOverdue' ELSE 'openWithinDeadline' END, count(*), count(*)
    FROM signals sg
    LEFT JOIN area b ON b.municipality_id = sg.municipality_id AND b.code = sg.neighbourhood_code
    CROSS JOIN settings s
    WHERE sg.received_on BETWEEN p_from AND p_until
    GROUP BY 2, 3, 5
    UNION ALL
    SELECT 'satisfaction', to_char(r.month, s.fmt), r.team_id::text, q.question, q.answer, count(*), count(*)
    FROM satisfaction_response r
    CROSS JOIN LATERAL (VALUES ('feltHelped', r.felt_helped), ('takenSeriously', r.taken_seriously),
      ('knowsNextStep', r.knows_next_step)) q (question, answer)
    CROSS JOIN settings s
    WHERE r.municipality_id = s.mid AND p_dimension = 'team' AND r.team_id IN (SELECT id FROM teams)
      AND r.month BETWEEN date_trunc('month', p_from::timestamp)::date AND p_until
    GROUP BY 2, 3, 4, 5
  )
  SELECT f.metric, f.period, f.group_key, f.subgroup, f.category,
    CASE WHEN s.role = 'policyOfficer' AND f.residents < 5 THEN NULL ELSE f.value::integer END,
    s.role = 'policyOfficer' AND f.residents < 5
  FROM figures f, settings s
$function$;

CREATE OR REPLACE FUNCTION app_outcomes_after_change()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
DECLARE
  v_rows text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s FROM new_rows', TG_ARGV[0])
    WHEN 'DELETE' THEN format('SELECT %s FROM old_rows', TG_ARGV[0])
    ELSE format('(SELECT %1$s FROM new_rows EXCEPT SELECT %1$s FROM old_rows) '
      || 'UNION (SELECT %1$s FROM old_rows EXCEPT SELECT %1$s FROM new_rows)', TG_ARGV[0])
  END;
  v_municipalities uuid[];
  v_cases uuid[];
BEGIN
  EXECUTE format('SELECT array_agg(municipality_id), array_agg(case_id) FROM '
    || '(SELECT DISTINCT municipality_id, case_id FROM (%s) q WHERE case_id IS NOT NULL) d', format(TG_ARGV[1], v_rows))
    INTO v_municipalities, v_cases;
  PERFORM app_refresh_case_outcomes(v_municipalities, v_cases);
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION app_rebuild_case_outcomes()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
DECLARE
  v_municipalities uuid[];
  v_cases uuid[];
BEGIN
  SELECT coalesce(array_agg(municipality_id), '{}'), coalesce(array_agg(id), '{}')
  INTO v_municipalities, v_cases FROM case_file;
  PERFORM app_refresh_case_outcomes(v_municipalities, v_cases);
  RETURN cardinality(v_cases);
END
$function$;

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

REVOKE ALL ON FUNCTION app_outcome_figures(p_from date, p_until date, p_granularity text, p_dimension text, p_now timestamp with time zone), app_outcome_figures_live(p_from date, p_until date, p_granularity text, p_dimension text, p_now timestamp with time zone), app_outcomes_after_change(), app_rebuild_case_outcomes(), app_refresh_case_outcomes(p_municipality_ids uuid[], p_case_ids uuid[]) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app_outcome_figures(p_from date, p_until date, p_granularity text, p_dimension text, p_now timestamp with time zone) TO wijkwerk_app;

-- Per domain and change in levels: the residents (NULL when 1–4 for policy staff), the domain's total
-- and mean (NULL for policy staff when the total is under 5 or any count of the domain is withheld: the
-- mean and the total would otherwise give it back).
CREATE OR REPLACE FUNCTION app_outcome_change_size(p_from date, p_until date)
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

-- The functions above may have changed what the summary holds: recompute it.
SELECT app_rebuild_case_outcomes();
