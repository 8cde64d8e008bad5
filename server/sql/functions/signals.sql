-- Signals: facts without personal data, grouping by address, and the status a reporter may see.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_signal_facts()
 RETURNS TABLE(id uuid, source text, category text, subject_kind text, urgency text, neighbourhood_code text, team_id uuid, received_at timestamp with time zone, deadline_at timestamp with time zone, first_action_at timestamp with time zone, first_contact_at timestamp with time zone, triage_state text, referred_to text, initiative_id uuid)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT s.id, s.source, s.category, s.subject_kind, s.urgency, s.neighbourhood_code, s.team_id, s.received_at,
    s.deadline_at, s.first_action_at, s.first_contact_at, s.triage_state, s.referred_to, s.initiative_id
  FROM signal s
  WHERE s.municipality_id = app_municipality_id()
    AND (app_role() IN ('policyOfficer', 'administrator')
      OR (app_role() IN ('professional', 'teamLead') AND s.team_id = ANY (app_team_ids())))
$function$;

CREATE OR REPLACE FUNCTION app_signal_group_for_address(p_address_key text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT s.group_id FROM signal s
  WHERE s.municipality_id = app_municipality_id() AND s.address_key = p_address_key
    AND s.triage_state IN ('new', 'outreach')
  ORDER BY s.received_at LIMIT 1
$function$;

CREATE OR REPLACE FUNCTION app_signal_status(p_reference_code text)
 RETURNS TABLE(triage_state text, received_at timestamp with time zone, decided_at timestamp with time zone, first_action_at timestamp with time zone)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  SELECT s.triage_state, s.received_at, s.decided_at, s.first_action_at FROM signal s
  WHERE s.municipality_id = app_municipality_id() AND s.reference_code = p_reference_code AND s.source = 'public'
$function$;

REVOKE ALL ON FUNCTION app_signal_facts(), app_signal_group_for_address(p_address_key text), app_signal_status(p_reference_code text) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app_signal_facts(), app_signal_group_for_address(p_address_key text), app_signal_status(p_reference_code text) TO wijkwerk_app;
