-- A conference decision that became a plan action (0018) follows that action's status.
--
-- Completing the decision on Mijn werk already completed its plan action. The other way round, a case
-- lead who marked the action done in the plan left the decision "open" on the conference page. Now a
-- decision with a plan action is done exactly when its action is: done with it, and open again when the
-- action is reopened. The plan change itself is audited by the plans module; this is derived state.
-- SECURITY DEFINER: whoever may change the plan need not be able to change the conference's decisions.
CREATE FUNCTION app_decision_follows_plan_action() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_status text := CASE WHEN NEW.status = 'done' THEN 'done' ELSE 'open' END;
BEGIN
  UPDATE conference_decision d
  SET status = v_status,
    completed_at = CASE WHEN v_status = 'done' THEN coalesce(NEW.completed_at, now()) END
  WHERE d.municipality_id = NEW.municipality_id AND d.plan_action_id = NEW.id AND d.status <> v_status;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION app_decision_follows_plan_action() FROM PUBLIC;

CREATE TRIGGER decision_follows_plan_action
  AFTER UPDATE OF status ON plan_action
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND 'done' IN (OLD.status, NEW.status))
  EXECUTE FUNCTION app_decision_follows_plan_action();
