-- Reciprocity: pseudonymised requests for help across households, and the parties of an agreed match.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_reciprocity_match_parties(p_match_id uuid)
 RETURNS TABLE(side text, given_name text, family_name text, phone text, email text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  WITH x AS (
    SELECT * FROM reciprocity_match
    WHERE municipality_id = app_municipality_id() AND id = p_match_id AND status = 'agreed'
      AND target_kind = 'residentRequest'
      AND (app_has_access(household_id, 'dossier') OR app_has_access(request_household_id, 'dossier'))
  )
  SELECT 'offering', r.given_name, r.family_name, r.phone, r.email
  FROM x JOIN reciprocity_offer o ON o.municipality_id = x.municipality_id AND o.id = x.offer_id
  JOIN resident r ON r.municipality_id = o.municipality_id AND r.id = o.resident_id
  UNION ALL
  SELECT 'requesting', r.given_name, r.family_name, r.phone, r.email
  FROM x JOIN reciprocity_consent k ON k.municipality_id = x.municipality_id AND k.match_id = x.id
    AND k.side = 'requesting' AND k.agreed
  JOIN resident r ON r.municipality_id = k.municipality_id AND r.id = k.resident_id
$function$;

CREATE OR REPLACE FUNCTION app_reciprocity_request_household(p_action_id uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT a.household_id FROM plan_action a
  WHERE a.municipality_id = app_municipality_id() AND a.id = p_action_id
    AND app_role() IN ('professional', 'teamLead')
    AND a.actor_kind = 'volunteer' AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    AND cardinality(a.help_tags) > 0
$function$;

CREATE OR REPLACE FUNCTION app_reciprocity_requests(p_exclude_household uuid)
 RETURNS TABLE(action_id uuid, pseudonym text, help_tags text[], neighbourhood_code text, due_date date)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT a.id, 'Inwoner ' || upper(substr(md5(a.municipality_id::text || a.id::text), 1, 6)), a.help_tags,
    (SELECT r.neighbourhood_code FROM household_member m JOIN resident r ON r.municipality_id = m.municipality_id
       AND r.id = m.resident_id WHERE m.municipality_id = a.municipality_id AND m.household_id = a.household_id
       ORDER BY m.is_main_contact DESC LIMIT 1),
    a.due_date
  FROM plan_action a
  JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
  JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE a.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND a.actor_kind = 'volunteer' AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    AND cardinality(a.help_tags) > 0
    AND a.household_id IS DISTINCT FROM p_exclude_household
    AND c.status <> 'closed'
    AND NOT EXISTS (SELECT 1 FROM reciprocity_match x WHERE x.municipality_id = a.municipality_id
                    AND x.request_action_id = a.id AND x.status = 'agreed')
$function$;

REVOKE ALL ON FUNCTION app_reciprocity_match_parties(p_match_id uuid), app_reciprocity_request_household(p_action_id uuid), app_reciprocity_requests(p_exclude_household uuid) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app_reciprocity_match_parties(p_match_id uuid), app_reciprocity_request_household(p_action_id uuid), app_reciprocity_requests(p_exclude_household uuid) TO wijkwerk_app;
