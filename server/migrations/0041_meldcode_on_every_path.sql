-- The meldcode huiselijk geweld en kindermishandeling on every path (issue 19). A signal of domestic
-- violence or a concern about a child (categories domesticViolence, childConcern) leaves triage only
--   * after all five steps are recorded: steps 1–4 by whoever took them, or skipped by a team lead who
--     writes down why (skipped = true, the note is the reason); step 5 ("beslissen") is the decision
--     itself, which the service records as the step when it is taken;
--   * and, when it ends without a case or a report to Veilig Thuis, by a team lead with a reason.
-- The service (signals.triage.service.ts, signals.insight.ts) refuses with a Dutch message first; the
-- triggers below hold for any other path (a new module, a script as the owner).

ALTER TABLE signal ADD COLUMN reported_to_veilig_thuis boolean NOT NULL DEFAULT false;
ALTER TABLE signal ADD CONSTRAINT signal_veilig_thuis_report
  CHECK (NOT reported_to_veilig_thuis OR (triage_state = 'referred' AND referred_to = 'Veilig Thuis'));

ALTER TABLE signal_meldcode_step ADD COLUMN skipped boolean NOT NULL DEFAULT false;

-- A skipped step is the team lead's decision.
CREATE FUNCTION app_assert_meldcode_skip() RETURNS trigger
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
CREATE TRIGGER meldcode_skip BEFORE INSERT OR UPDATE ON signal_meldcode_step
  FOR EACH ROW WHEN (NEW.skipped) EXECUTE FUNCTION app_assert_meldcode_skip();

-- Leaving triage: five steps, and without a case or report only by a team lead with a reason.
CREATE FUNCTION app_assert_meldcode_decision() RETURNS trigger
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
CREATE TRIGGER meldcode_decision BEFORE UPDATE ON signal
  FOR EACH ROW
  WHEN (OLD.triage_state IN ('new', 'outreach') AND NEW.triage_state NOT IN ('new', 'outreach')
    AND NEW.category IN ('domesticViolence', 'childConcern'))
  EXECUTE FUNCTION app_assert_meldcode_decision();
