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
-- The triggers that hold these rules on every path are in server/sql/functions/signals.sql.
