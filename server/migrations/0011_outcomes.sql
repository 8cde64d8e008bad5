-- Evidence and steering (issue 9, parts 1 and 2): the outcome monitor and the Effectencalculator.
--
-- Outcome monitor: figures derived from the work itself (cases, ZRM, plans, signals, satisfaction), no
-- extra forms. Policy officers may not read any dossier (the "dossier" policy of 0002 gives them no
-- household), so the figures are computed in one SECURITY DEFINER function that returns only counts,
-- for the acting municipality, for the teams the role may see, with counts of 1 to 4 returned as NULL
-- to a policy officer (small-cell suppression in the database: no code path can hand out the small number).
--
-- Effectencalculator: the municipality's social price list (item, unit, price, source, year), and per case
-- the entries the team places on the timeline: support given (who, hours) and the counterfactual scenario.
-- Entries hang off a household and get the dossier policy. Inserts must not use RETURNING (see 0002).

CREATE TABLE social_price (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z][A-Za-z0-9]{1,49}$'),
  item text NOT NULL CHECK (length(btrim(item)) BETWEEN 2 AND 200),
  unit text NOT NULL CHECK (unit IN ('hour', 'day', 'month', 'year', 'occurrence')),
  price numeric(12, 2) NOT NULL CHECK (price >= 0),
  stakeholder text NOT NULL CHECK (stakeholder IN ('municipality', 'healthInsurer', 'housingCorporation', 'resident')),
  source text NOT NULL CHECK (length(btrim(source)) BETWEEN 2 AND 500),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  active boolean NOT NULL DEFAULT true,
  updated_by_user_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code),
  FOREIGN KEY (municipality_id, updated_by_user_id) REFERENCES app_user (municipality_id, id)
);

-- A small default list. Every amount is INDICATIVE: an order of magnitude for a first conversation, with
-- its basis named; a municipality replaces them with amounts from its own contracts or the maintained
-- Maatschappelijke prijslijst of the Effectencalculator (HAN / Ecorys) before drawing conclusions.
CREATE FUNCTION app_seed_default_prices(p_municipality_id uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO social_price (municipality_id, code, item, unit, price, stakeholder, source, year)
  SELECT p_municipality_id, v.code, v.item, v.unit, v.price, v.stakeholder, v.source, v.year
  FROM (VALUES
    ('teamProfessionalHour', 'Uur inzet wijkteamprofessional', 'hour', 80.00, 'municipality',
     'Indicatief: orde van grootte van een integraal uurtarief sociaal werk (Berenschot, Kostprijsberekeningen Sociaal Werk, 2018). Vervang door het eigen contracttarief.', 2024),
    ('volunteerHour', 'Uur inzet vrijwilliger (coördinatie en onkosten)', 'hour', 10.00, 'municipality',
     'Indicatief: schatting Wijkwerk van coördinatie- en onkostenvergoeding per vrijwilligersuur; geen gepubliceerde bron. Vervang door eigen bedrag.', 2024),
    ('eviction', 'Huisuitzetting (procedure, ontruiming, opslag, leegstand)', 'occurrence', 8000.00, 'housingCorporation',
     'Indicatief: orde van grootte uit openbare MKBA''s over preventie van huisuitzetting; niet geverifieerd tegen één bron. Vervang door cijfers van de eigen corporaties.', 2024),
    ('rentArrearsWriteOff', 'Afgeschreven huurachterstand', 'occurrence', 2500.00, 'housingCorporation',
     'Indicatief: schatting Wijkwerk; vervang door het gemiddelde van de eigen corporaties.', 2024),
    ('shelterMonth', 'Maand maatschappelijke opvang', 'month', 3000.00, 'municipality',
     'Indicatief: orde van grootte van een maand verblijf in de maatschappelijke opvang (centrumgemeente); niet geverifieerd. Vervang door het eigen tarief.', 2024),
    ('debtCounsellingTrajectory', 'Schuldhulpverleningstraject', 'occurrence', 3500.00, 'municipality',
     'Indicatief: orde van grootte van een minnelijk traject; vervang door het eigen tarief.', 2024),
    ('assistedLivingMonth', 'Maand ambulante begeleiding (Wmo, maatwerk)', 'month', 900.00, 'municipality',
     'Indicatief: orde van grootte van enkele uren begeleiding per week; vervang door het eigen Wmo-tarief.', 2024),
    ('mentalHealthTreatment', 'GGZ-behandeltraject (basis/specialistisch)', 'occurrence', 4500.00, 'healthInsurer',
     'Indicatief: orde van grootte van een behandeltraject in de Zorgverzekeringswet; niet geverifieerd. Vervang door cijfers van de zorgverzekeraar.', 2024),
    ('crisisIntervention', 'Crisisinterventie (GGZ-crisisdienst)', 'occurrence', 1500.00, 'healthInsurer',
     'Indicatief: schatting Wijkwerk; vervang door cijfers van de zorgverzekeraar.', 2024),
    ('emergencyDepartmentVisit', 'Bezoek spoedeisende hulp', 'occurrence', 300.00, 'healthInsurer',
     'Indicatief: orde van grootte; vervang door cijfers van de zorgverzekeraar.', 2024),
    ('socialAssistanceMonth', 'Maand bijstandsuitkering', 'month', 1300.00, 'municipality',
     'Indicatief: orde van grootte van de bijstandsnorm voor een alleenstaande; controleer de actuele norm (Rijksoverheid).', 2024),
    ('lostIncomeMonth', 'Maand inkomensverlies voor de inwoner', 'month', 400.00, 'resident',
     'Indicatief: schatting Wijkwerk van inkomensverlies (boetes, incassokosten, verlies toeslagen); vervang door een eigen schatting.', 2024)
  ) AS v(code, item, unit, price, stakeholder, source, year)
  ON CONFLICT (municipality_id, code) DO NOTHING
$$;

CREATE FUNCTION app_seed_prices_on_new_municipality() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_seed_default_prices(NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER seed_prices AFTER INSERT ON municipality FOR EACH ROW EXECUTE FUNCTION app_seed_prices_on_new_municipality();
SELECT app_seed_default_prices(id) FROM municipality;
REVOKE ALL ON FUNCTION app_seed_default_prices(uuid) FROM PUBLIC;

-- What the team places on a case's timeline. scenario 'actual': support given and what it cost (who, hours);
-- 'counterfactual': what would have happened without this approach ("eviction in month 4, shelter 6 months").
-- month_offset counts from the month the case was opened (0 = that month).
CREATE TABLE impact_entry (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  scenario text NOT NULL CHECK (scenario IN ('actual', 'counterfactual')),
  price_id uuid NOT NULL,
  month_offset smallint NOT NULL CHECK (month_offset BETWEEN 0 AND 120),
  quantity numeric(8, 2) NOT NULL CHECK (quantity > 0 AND quantity <= 10000),
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 500),
  professional_user_id uuid,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, price_id) REFERENCES social_price (municipality_id, id),
  FOREIGN KEY (municipality_id, professional_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX impact_entry_case ON impact_entry (municipality_id, case_id) WHERE removed_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON social_price TO wijkwerk_app;
GRANT SELECT, INSERT ON impact_entry TO wijkwerk_app;
GRANT UPDATE (removed_at) ON impact_entry TO wijkwerk_app;

ALTER TABLE social_price ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON social_price FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY write_insert ON social_price FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('administrator', 'policyOfficer'));
CREATE POLICY write_update ON social_price FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('administrator', 'policyOfficer'));

ALTER TABLE impact_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY dossier ON impact_entry USING (municipality_id = (SELECT app_municipality_id())
  AND household_id IN (SELECT app_visible_household_ids()));

-- ---------------------------------------------------------------------------------------------------
-- The outcome monitor. One row per figure: metric, period label ('2026-03' or '2026-Q1'), group key (team id,
-- wijk code or Wmo performance field 1–9; 'unknown' / 'none' / 'unassigned' when the work does not say),
-- subgroup (life domain for ZRM, question for satisfaction, else ''), category, value, and whether it was
-- suppressed. Dates are Dutch calendar dates. Who sees what:
--   policyOfficer  every team of the municipality; a figure about 1–4 residents (households, signals or
--                  answers) comes back as NULL with suppressed = true;
--   teamLead       the teams they lead, unsuppressed (they already see these dossiers);
--   anyone else    nothing.
-- Units: caseload, throughput, escalation and closure figures count cases (= households); ZRM counts
-- residents per domain; the ladder counts actions, suppressed on the households behind them; signals count
-- signals; satisfaction counts answers.
CREATE FUNCTION app_outcome_figures(p_from date, p_until date, p_granularity text, p_dimension text, p_now timestamptz)
RETURNS TABLE (metric text, period text, group_key text, subgroup text, category text, value integer, suppressed boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET work_mem = '64MB' SET jit = off AS $$
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
$$;
REVOKE ALL ON FUNCTION app_outcome_figures(date, date, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_outcome_figures(date, date, text, text, timestamptz) TO wijkwerk_app;
