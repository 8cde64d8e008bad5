-- Areas and staffing: open cases per buurt, a team's needs per life domain, distances.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_open_cases_per_neighbourhood()
 RETURNS TABLE(area_code text, open_cases bigint)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION app_team_domain_needs(p_team_id uuid)
 RETURNS TABLE(domain text, households bigint)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION distance_km(lon1 double precision, lat1 double precision, lon2 double precision, lat2 double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT 6371.0 * sqrt(power(radians(lat2 - lat1), 2)
     + power(radians(lon2 - lon1) * cos(radians((lat1 + lat2) / 2)), 2)) $function$;

REVOKE ALL ON FUNCTION app_open_cases_per_neighbourhood(), app_team_domain_needs(p_team_id uuid) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app_open_cases_per_neighbourhood(), app_team_domain_needs(p_team_id uuid) TO wijkwerk_app;
