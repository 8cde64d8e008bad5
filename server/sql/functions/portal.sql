-- The resident portal's own views: who looked at my data, and my case lead's card.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_portal_access_log(p_household_id uuid, p_limit integer)
 RETURNS TABLE(id bigint, occurred_at timestamp with time zone, action text, actor_role text, organisation_name text, actor_name text, reason text, emergency boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT e.id, e.occurred_at, e.action, e.actor_role, o.name,
    CASE WHEN coalesce(s.show_professional_names, false) AND e.actor_role <> 'resident' THEN u.display_name END,
    coalesce(g.reason, e.reason),
    (e.action LIKE 'emergencyAccess.%' OR coalesce(e.details ->> 'breakTheGlass', '') = 'true')
  FROM audit_event e
  LEFT JOIN emergency_access g ON g.municipality_id = e.municipality_id
    AND g.id = app_audit_emergency_access_id(e)
  LEFT JOIN organisation o ON o.municipality_id = e.municipality_id AND o.id = e.actor_organisation_id
  LEFT JOIN app_user u ON u.municipality_id = e.municipality_id AND u.id = e.actor_user_id
  LEFT JOIN portal_setting s ON s.municipality_id = e.municipality_id
  WHERE e.municipality_id = app_municipality_id()
    AND app_has_access(p_household_id, 'portal')
    AND e.actor_user_id IS DISTINCT FROM app_user_id()
    AND (e.household_id = p_household_id
      OR e.resident_id IN (SELECT m.resident_id FROM household_member m
                           WHERE m.municipality_id = e.municipality_id AND m.household_id = p_household_id))
  ORDER BY e.occurred_at DESC, e.id DESC
  LIMIT least(greatest(p_limit, 1), 500)
$function$;

CREATE OR REPLACE FUNCTION app_portal_case_lead(p_household_id uuid)
 RETURNS TABLE(case_id uuid, user_id uuid, display_name text, organisation_name text, phone text, reachability text, has_photo boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT c.id, u.id, u.display_name, o.name, p.phone, p.reachability, p.photo IS NOT NULL
  FROM case_file c
  JOIN case_professional cp ON cp.municipality_id = c.municipality_id AND cp.case_id = c.id AND cp.is_case_lead
  JOIN app_user u ON u.municipality_id = cp.municipality_id AND u.id = cp.user_id
  JOIN organisation o ON o.municipality_id = cp.municipality_id AND o.id = cp.organisation_id
  LEFT JOIN case_lead_profile p ON p.municipality_id = u.municipality_id AND p.user_id = u.id
  WHERE c.municipality_id = app_municipality_id() AND c.household_id = p_household_id
    AND app_has_access(p_household_id, 'portal')
  ORDER BY c.opened_at DESC
  LIMIT 1
$function$;

CREATE OR REPLACE FUNCTION app_portal_case_lead_photo(p_household_id uuid)
 RETURNS TABLE(photo bytea, photo_type text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT p.photo, p.photo_type
  FROM app_portal_case_lead(p_household_id) l
  JOIN case_lead_profile p ON p.municipality_id = app_municipality_id() AND p.user_id = l.user_id
  WHERE p.photo IS NOT NULL
$function$;

REVOKE ALL ON FUNCTION app_portal_access_log(p_household_id uuid, p_limit integer), app_portal_case_lead(p_household_id uuid), app_portal_case_lead_photo(p_household_id uuid) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app_portal_access_log(p_household_id uuid, p_limit integer), app_portal_case_lead(p_household_id uuid), app_portal_case_lead_photo(p_household_id uuid) TO wijkwerk_app;
