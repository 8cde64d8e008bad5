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

-- The meldcode on every path (issue 19): a signal of domestic violence or a concern about a child
-- leaves triage only after five steps, and without a case or report to Veilig Thuis only by a team lead.
-- A skipped step is the team lead's decision.
CREATE OR REPLACE FUNCTION app_assert_meldcode_skip() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM app_user u WHERE u.municipality_id = NEW.municipality_id
                 AND u.id = NEW.recorded_by_user_id AND u.role = 'teamLead') THEN
    RAISE EXCEPTION 'meldcode: only a team lead skips step % of signal %', NEW.step, NEW.signal_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'signal_meldcode_step_skipped_by_team_lead';
  END IF;
  RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER meldcode_skip BEFORE INSERT OR UPDATE ON signal_meldcode_step
  FOR EACH ROW WHEN (NEW.skipped) EXECUTE FUNCTION app_assert_meldcode_skip();

-- Leaving triage: five steps, and without a case or report only by a team lead with a reason.
CREATE OR REPLACE FUNCTION app_assert_meldcode_decision() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_steps integer;
BEGIN
  SELECT count(*) INTO v_steps FROM signal_meldcode_step s
  WHERE s.municipality_id = NEW.municipality_id AND s.signal_id = NEW.id;
  IF v_steps < 5 THEN
    RAISE EXCEPTION 'meldcode: signal % leaves triage with % of the 5 steps recorded', NEW.id, v_steps
      USING ERRCODE = 'check_violation', CONSTRAINT = 'signal_meldcode_steps';
  END IF;
  IF NOT (NEW.triage_state = 'caseOpened' OR (NEW.triage_state = 'linked' AND NEW.case_id IS NOT NULL)
          OR NEW.reported_to_veilig_thuis)
     AND NOT (length(btrim(coalesce(NEW.decision_reason, ''))) > 0
              AND EXISTS (SELECT 1 FROM app_user u WHERE u.municipality_id = NEW.municipality_id
                          AND u.id = NEW.decided_by_user_id AND u.role = 'teamLead')) THEN
    RAISE EXCEPTION 'meldcode: signal % ends without a case or a report to Veilig Thuis without a team lead''s reasoned decision', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'signal_meldcode_team_lead_decision';
  END IF;
  RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER meldcode_decision BEFORE UPDATE ON signal
  FOR EACH ROW
  WHEN (OLD.triage_state IN ('new', 'outreach') AND NEW.triage_state NOT IN ('new', 'outreach')
    AND NEW.category IN ('domesticViolence', 'childConcern'))
  EXECUTE FUNCTION app_assert_meldcode_decision();
REVOKE ALL ON FUNCTION app_assert_meldcode_skip(), app_assert_meldcode_decision() FROM PUBLIC;
