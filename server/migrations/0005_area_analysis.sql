-- Area analysis (issue 9, parts 3–5): CBS key figures per wijk and buurt, the demand-index weights,
-- the staffing norm and roster per team. No resident data lives here; caseload per area is read as
-- counts only, through a SECURITY DEFINER function that never returns a household.
-- Join keys for a later outcome monitor: (municipality_id, area_code, year) on the figures, and
-- team.area_codes / team_id on the staffing tables.

-- One import of one CBS file: what was read, what was stored, and the validation report.
CREATE TABLE cbs_import (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  source_table text NOT NULL CHECK (source_table ~ '^[A-Za-z0-9._-]{2,40}$'),
  year smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  layout text NOT NULL CHECK (layout IN ('kwbShortNames', 'statlineOdata', 'pdokWijkenBuurten')),
  file_name text CHECK (length(file_name) <= 200),
  rows_read integer NOT NULL CHECK (rows_read >= 0),
  rows_imported integer NOT NULL CHECK (rows_imported >= 0),
  values_stored integer NOT NULL CHECK (values_stored >= 0),
  report jsonb NOT NULL DEFAULT '{}',
  imported_by_user_id uuid,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, imported_by_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX cbs_import_recent ON cbs_import (municipality_id, imported_at DESC);

-- Regions as CBS names them in the imported files (gemeente, wijk, buurt), newest name wins.
CREATE TABLE cbs_region (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  code text NOT NULL CHECK (code ~ '^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$'),
  kind text NOT NULL CHECK (kind IN ('municipality', 'district', 'neighbourhood')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  district_code text,
  name_year smallint NOT NULL,
  PRIMARY KEY (municipality_id, code)
);

-- One figure: area × year × indicator × source table. value NULL = CBS "." (unknown/secret), never 0.
CREATE TABLE area_indicator_value (
  municipality_id uuid NOT NULL,
  area_code text NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  indicator text NOT NULL CHECK (indicator ~ '^[a-zA-Z0-9]{2,60}$'),
  source_table text NOT NULL,
  value numeric,
  import_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, area_code, year, indicator, source_table),
  FOREIGN KEY (municipality_id, area_code) REFERENCES cbs_region (municipality_id, code),
  FOREIGN KEY (municipality_id, import_id) REFERENCES cbs_import (municipality_id, id)
);
CREATE INDEX area_indicator_value_year ON area_indicator_value (municipality_id, year, indicator);

-- Weights of the demand index per municipality; the service checks that they sum to 1.
CREATE TABLE area_demand_weight (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  component text NOT NULL CHECK (component IN ('elderly', 'singlePersonHouseholds', 'lowIncome',
    'socialAssistance', 'corporationHousing', 'density')),
  weight numeric(6, 5) NOT NULL CHECK (weight >= 0 AND weight <= 1),
  updated_by_user_id uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, component),
  FOREIGN KEY (municipality_id, updated_by_user_id) REFERENCES app_user (municipality_id, id)
);

-- The staffing norm of a team (Nieuwegein: 2 people per half-day, 80 hours a week).
CREATE TABLE team_staffing_norm (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  people_per_half_day smallint NOT NULL CHECK (people_per_half_day BETWEEN 0 AND 50),
  hours_per_week numeric(6, 1) NOT NULL CHECK (hours_per_week >= 0 AND hours_per_week <= 2000),
  hours_per_half_day numeric(3, 1) NOT NULL DEFAULT 4 CHECK (hours_per_half_day > 0 AND hours_per_half_day <= 6),
  updated_by_user_id uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, team_id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, updated_by_user_id) REFERENCES app_user (municipality_id, id)
);

-- Roster: which member is present on which weekday (1 = Monday … 5 = Friday) and half-day.
CREATE TABLE staffing_roster_slot (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
  half_day text NOT NULL CHECK (half_day IN ('morning', 'afternoon')),
  PRIMARY KEY (municipality_id, team_id, user_id, weekday, half_day),
  FOREIGN KEY (municipality_id, team_id, user_id) REFERENCES team_membership (municipality_id, team_id, user_id)
    ON DELETE CASCADE
);

-- Open cases per neighbourhood (households whose main contact lives there), counted past the
-- household policies: only the count leaves the function, for the roles that steer on aggregates.
CREATE FUNCTION app_open_cases_per_neighbourhood() RETURNS TABLE (area_code text, open_cases bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.neighbourhood_code, count(DISTINCT c.household_id)
  FROM case_file c
  JOIN household_member m ON m.municipality_id = c.municipality_id AND m.household_id = c.household_id
    AND m.is_main_contact
  JOIN resident r ON r.municipality_id = m.municipality_id AND r.id = m.resident_id
  WHERE c.municipality_id = app_municipality_id()
    AND app_role() IN ('administrator', 'policyOfficer', 'teamLead')
    AND c.status <> 'closed'
    AND r.neighbourhood_code IS NOT NULL
  GROUP BY r.neighbourhood_code
$$;
REVOKE ALL ON FUNCTION app_open_cases_per_neighbourhood() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_open_cases_per_neighbourhood() TO wijkwerk_app;

-- Life domains a team's open cases need (latest ZRM score per resident and domain at level 1 or 2),
-- as counts of households per domain.
CREATE FUNCTION app_team_domain_needs(p_team_id uuid) RETURNS TABLE (domain text, households bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH latest AS (
    SELECT DISTINCT ON (a.resident_id, s.domain) a.household_id, s.domain, s.level
    FROM assessment a
    JOIN assessment_score s ON s.municipality_id = a.municipality_id AND s.assessment_id = a.id
    JOIN case_file c ON c.municipality_id = a.municipality_id AND c.id = a.case_id
    WHERE a.municipality_id = app_municipality_id()
      AND app_role() IN ('administrator', 'policyOfficer', 'teamLead')
      AND c.team_id = p_team_id AND c.status <> 'closed'
    ORDER BY a.resident_id, s.domain, a.assessed_on DESC, a.recorded_at DESC
  )
  SELECT domain, count(DISTINCT household_id) FROM latest WHERE level <= 2 GROUP BY domain
$$;
REVOKE ALL ON FUNCTION app_team_domain_needs(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_team_domain_needs(uuid) TO wijkwerk_app;

GRANT SELECT, INSERT ON cbs_import TO wijkwerk_app;
GRANT SELECT, INSERT, UPDATE ON cbs_region, area_indicator_value, area_demand_weight, team_staffing_norm TO wijkwerk_app;
GRANT SELECT, INSERT, DELETE ON staffing_roster_slot TO wijkwerk_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cbs_import', 'cbs_region', 'area_indicator_value', 'area_demand_weight']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (municipality_id = (SELECT app_municipality_id()))', t);
  END LOOP;
END
$$;

-- Norm and roster: everyone of the municipality reads (the service decides who sees names); only an
-- administrator or a team lead of that team writes.
ALTER TABLE team_staffing_norm ENABLE ROW LEVEL SECURITY;
ALTER TABLE staffing_roster_slot ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON team_staffing_norm FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY read ON staffing_roster_slot FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY write_insert ON team_staffing_norm FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));
CREATE POLICY write_update ON team_staffing_norm FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));
CREATE POLICY write_insert ON staffing_roster_slot FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));
CREATE POLICY write_delete ON staffing_roster_slot FOR DELETE USING (
  municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));
