-- The outcome monitor at city scale (issue 9): one summary row per case, kept current by triggers.
--
-- Why: app_outcome_figures (0011) derived every figure from the work on each call — the first and last
-- ZRM score per resident and domain out of assessment_score (1.9 M rows in the city data), the main
-- contact's buurt, the Wmo fields and the ladder rungs of every plan action. On the city data (Utrecht,
-- 30,000 cases) one monitor took 4–13 s. Now each case carries its outcome in case_outcome_summary, and
-- the monitor aggregates those 30,000 rows.
--
-- What a row holds: the case's team, its opening and closing date (Dutch calendar dates), the
-- closure answers (reason, heavier care prevented, resident told), the buurt of the household's main
-- contact (joined to area when the monitor runs, so reloading CBS areas needs no refresh), the Wmo
-- performance fields of the social-map entries in its plan, per resident and life domain the ZRM change
-- from the first regular score to the latest final one, and every current plan action (date added, rung,
-- escalation reason, household). The definitions are exactly those of 0011 and 0014: both old functions
-- stay, renamed *_live and callable by the owner only, and outcomes.summary.test.ts proves that the new
-- and the live figures are identical (every dimension, granularity and role) before and after new
-- assessments, closures, plan changes, moves and directory edits.
--
-- How it stays current: statement-level AFTER triggers (with transition tables, so one statement that
-- writes a thousand rows refreshes the affected cases in one set-based pass) on every table the summary
-- reads: case_file, assessment, assessment_score, support_plan, plan_action, household_member,
-- resident (buurt) and directory_entry (Wmo fields). Each recomputes the whole row of the cases it
-- touched with app_refresh_case_outcomes(), the same function that fills the table below, so there is
-- one definition and no incremental arithmetic to get wrong. Triggers rather than the services' own
-- writes because cases, scores and plans are written by several modules (cases, assessments, plans,
-- households' merge, retention, portal, demo data, test fixtures written as the owner): a trigger
-- cannot be forgotten by a code path added later. The cost is one refresh per statement that changes
-- an input (a few milliseconds for one case); updates that change nothing the summary reads are skipped.
-- A row lives and dies with its case (the foreign key cascades) and has no household_id of its own, so
-- retention handles it through the case: deleting a household deletes its cases and so their rows, and
-- anonymising one (which keeps the cases) keeps them, refreshed by the deletes of plans. Bulk loads
-- that switch triggers off (session_replication_role = replica, as bench/generate does) call
-- app_rebuild_case_outcomes() afterwards.
--
-- Access: the figures still come only from the SECURITY DEFINER functions with small cells (1–4
-- residents, households, signals or answers) returned as NULL to a policy officer. The table itself is
-- readable by the application role only for the cases the actor may see (the case_file policy), is never
-- written by it, and holds no name or free text (ZRM domains include special categories: health,
-- addiction, justice, so it is dossier data and gets the dossier's visibility).

CREATE TYPE outcome_zrm_change AS (domain text, category text);
CREATE TYPE outcome_action AS (added_on date, rung text, escalation_reason text, household_id uuid);

CREATE TABLE case_outcome_summary (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  team_id uuid NOT NULL,
  opened_on date NOT NULL,
  -- Only for a case whose status is closed (a reopened case counts as open, as in 0011).
  closed_on date,
  closure_reason text,
  escalation_prevented text,
  resident_informed boolean,
  neighbourhood_code text,
  wmo_fields text[] NOT NULL DEFAULT '{}',
  zrm_changes outcome_zrm_change[] NOT NULL DEFAULT '{}',
  actions outcome_action[] NOT NULL DEFAULT '{}',
  first_action_on date,
  last_action_on date,
  PRIMARY KEY (municipality_id, case_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id)
);
CREATE INDEX case_outcome_summary_team ON case_outcome_summary (municipality_id, team_id);

-- The refresh looks assessments up by case (there was no such index); the monitor reads signals by date
-- from the index alone (an index-only scan instead of 5,000 heap pages for a year of city signals).
CREATE INDEX IF NOT EXISTS assessment_case ON assessment (municipality_id, case_id);
CREATE INDEX IF NOT EXISTS signal_received ON signal (municipality_id, received_at)
  INCLUDE (team_id, neighbourhood_code, deadline_at, first_action_at);

GRANT SELECT ON case_outcome_summary TO wijkwerk_app;
ALTER TABLE case_outcome_summary ENABLE ROW LEVEL SECURITY;
CREATE POLICY dossier ON case_outcome_summary FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND case_id IN (SELECT id FROM case_file));

-- Recomputes the rows of the given cases (parallel arrays: municipality, case; no duplicates) from the
-- dossier tables, with the definitions of app_outcome_figures_live: the final level is the latest 'final'
-- score per resident and domain, the intake level the first 'regular' one; the actions are the plan's
-- actions not removed. Per case through its indexes (LATERAL), so one case costs a few index look-ups
-- and the plan cannot degrade into comparing every case's scores with every other's.
CREATE FUNCTION app_refresh_case_outcomes(p_municipality_ids uuid[], p_case_ids uuid[]) RETURNS void
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
    escalation_prevented, resident_informed, neighbourhood_code, wmo_fields, zrm_changes, actions,
    first_action_on, last_action_on)
  SELECT c.municipality_id, c.id, c.team_id, (c.opened_at AT TIME ZONE 'Europe/Amsterdam')::date,
    CASE WHEN c.status = 'closed' THEN (c.closed_at AT TIME ZONE 'Europe/Amsterdam')::date END,
    c.closure_reason, c.escalation_prevented, c.resident_informed, contact.neighbourhood_code,
    coalesce(wmo.fields, '{}'), coalesce(zrm.changes, '{}'), coalesce(ladder.actions, '{}'),
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
        WHEN d.final = d.intake THEN 'same' ELSE 'worse' END)::outcome_zrm_change ORDER BY d.domain, d.resident_id) AS changes
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
    wmo_fields = EXCLUDED.wmo_fields, zrm_changes = EXCLUDED.zrm_changes, actions = EXCLUDED.actions,
    first_action_on = EXCLUDED.first_action_on, last_action_on = EXCLUDED.last_action_on
  WHERE (s.team_id, s.opened_on, s.closed_on, s.closure_reason, s.escalation_prevented, s.resident_informed,
      s.neighbourhood_code, s.wmo_fields, s.zrm_changes, s.actions)
    IS DISTINCT FROM (EXCLUDED.team_id, EXCLUDED.opened_on, EXCLUDED.closed_on, EXCLUDED.closure_reason,
      EXCLUDED.escalation_prevented, EXCLUDED.resident_informed, EXCLUDED.neighbourhood_code, EXCLUDED.wmo_fields,
      EXCLUDED.zrm_changes, EXCLUDED.actions);
END
$$;
REVOKE ALL ON FUNCTION app_refresh_case_outcomes(uuid[], uuid[]) FROM PUBLIC;

-- Every case of every municipality, in one set-based pass: the fill below, and after a bulk load.
CREATE FUNCTION app_rebuild_case_outcomes() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_municipalities uuid[];
  v_cases uuid[];
BEGIN
  SELECT coalesce(array_agg(municipality_id), '{}'), coalesce(array_agg(id), '{}')
  INTO v_municipalities, v_cases FROM case_file;
  PERFORM app_refresh_case_outcomes(v_municipalities, v_cases);
  RETURN cardinality(v_cases);
END
$$;
REVOKE ALL ON FUNCTION app_rebuild_case_outcomes() FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------
-- The triggers. Each one finds the cases its statement touched (for an UPDATE only rows whose columns
-- that matter to the summary changed) and refreshes them. Transition tables are named new_rows/old_rows.

-- One trigger function for all of them. TG_ARGV[0]: the columns whose change matters (the key first);
-- TG_ARGV[1]: a query mapping those rows (%s) to (municipality_id, case_id).
CREATE FUNCTION app_outcomes_after_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
$$;

-- A trigger with transition tables serves one event, so each table gets one trigger per event it needs.
-- An action whose plan went in the same statement (retention) is found through the support_plan trigger.
DO $$
DECLARE
  t record;
  e text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('case_file', ARRAY['INSERT', 'UPDATE'],
      'municipality_id, id, household_id, team_id, status, opened_at, closed_at, closure_reason, '
        || 'escalation_prevented, resident_informed',
      'SELECT municipality_id, id AS case_id FROM (%s) r'),
    ('assessment', ARRAY['INSERT', 'UPDATE', 'DELETE'],
      'municipality_id, case_id, id, resident_id, kind, assessed_on, recorded_at',
      'SELECT municipality_id, case_id FROM (%s) r'),
    ('assessment_score', ARRAY['INSERT', 'UPDATE', 'DELETE'],
      'municipality_id, assessment_id, domain, level',
      'SELECT a.municipality_id, a.case_id FROM (%s) r '
        || 'JOIN assessment a ON a.municipality_id = r.municipality_id AND a.id = r.assessment_id'),
    ('support_plan', ARRAY['INSERT', 'UPDATE', 'DELETE'],
      'municipality_id, case_id, id',
      'SELECT municipality_id, case_id FROM (%s) r'),
    ('plan_action', ARRAY['INSERT', 'UPDATE', 'DELETE'],
      'municipality_id, id, plan_id, rung, escalation_reason, household_id, directory_entry_id, created_at, removed_at',
      'SELECT p.municipality_id, p.case_id FROM (%s) r '
        || 'JOIN support_plan p ON p.municipality_id = r.municipality_id AND p.id = r.plan_id'),
    ('household_member', ARRAY['INSERT', 'UPDATE', 'DELETE'],
      'municipality_id, household_id, resident_id, is_main_contact',
      'SELECT c.municipality_id, c.id AS case_id FROM (%s) r '
        || 'JOIN case_file c ON c.municipality_id = r.municipality_id AND c.household_id = r.household_id'),
    ('resident', ARRAY['UPDATE'],
      'municipality_id, id, neighbourhood_code',
      'SELECT c.municipality_id, c.id AS case_id FROM (%s) r '
        || 'JOIN household_member m ON m.municipality_id = r.municipality_id AND m.resident_id = r.id AND m.is_main_contact '
        || 'JOIN case_file c ON c.municipality_id = m.municipality_id AND c.household_id = m.household_id'),
    ('directory_entry', ARRAY['UPDATE'],
      'municipality_id, id, wmo_performance_fields',
      'SELECT p.municipality_id, p.case_id FROM (%s) r '
        || 'JOIN plan_action a ON a.municipality_id = r.municipality_id AND a.directory_entry_id = r.id '
        || 'JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id')
  ) AS v (tab, events, columns, cases) LOOP
    FOREACH e IN ARRAY t.events LOOP
      EXECUTE format('CREATE TRIGGER outcome_summary_%s AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT '
          || 'EXECUTE FUNCTION app_outcomes_after_change(%L, %L)',
        lower(e), e, t.tab,
        CASE e WHEN 'INSERT' THEN 'NEW TABLE AS new_rows' WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
          ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        t.columns, t.cases);
    END LOOP;
  END LOOP;
END
$$;

-- Fill it for the cases that exist.
SELECT app_rebuild_case_outcomes();

-- ---------------------------------------------------------------------------------------------------
-- The monitor on the summary. Same signature, same rows, same suppression as 0011; the 0011 function
-- stays as app_outcome_figures_live, the reference the summary is tested against (owner only).
ALTER FUNCTION app_outcome_figures(date, date, text, text, timestamptz) RENAME TO app_outcome_figures_live;
REVOKE ALL ON FUNCTION app_outcome_figures_live(date, date, text, text, timestamptz) FROM wijkwerk_app;

CREATE FUNCTION app_outcome_figures(p_from date, p_until date, p_granularity text, p_dimension text, p_now timestamptz)
RETURNS TABLE (metric text, period text, group_key text, subgroup text, category text, value integer, suppressed boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET work_mem = '64MB' SET jit = off AS $$
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
$$;
REVOKE ALL ON FUNCTION app_outcome_figures(date, date, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_outcome_figures(date, date, text, text, timestamptz) TO wijkwerk_app;

-- The municipality's ladder figures (0014) on the summary as well; the 0014 function stays as *_live.
ALTER FUNCTION app_ladder_figures_municipality(date, date) RENAME TO app_ladder_figures_municipality_live;
REVOKE ALL ON FUNCTION app_ladder_figures_municipality_live(date, date) FROM wijkwerk_app;

CREATE FUNCTION app_ladder_figures_municipality(p_from date, p_until date)
RETURNS TABLE (period text, rung text, reason text, actions integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
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
$$;
REVOKE ALL ON FUNCTION app_ladder_figures_municipality(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_ladder_figures_municipality(date, date) TO wijkwerk_app;
