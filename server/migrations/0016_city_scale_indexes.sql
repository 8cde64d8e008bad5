-- Indexes found missing at city scale (issue 8). Every table with household_id gets one on
-- (municipality_id, household_id).
-- The dossier reads each of its parts by household, and every policy adds municipality_id = …; without
-- these indexes PostgreSQL scanned the whole table (case_status_change: 168,533 rows on the city data,
-- 28 ms for the five rows of one household). A schema test keeps new tables from forgetting it.

CREATE INDEX IF NOT EXISTS case_closure_plan_household ON case_closure_plan (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS case_lead_handover_household ON case_lead_handover (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS case_professional_household ON case_professional (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS case_routing_household ON case_routing (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS case_status_change_household ON case_status_change (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS conference_decision_household ON conference_decision (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS emergency_access_household ON emergency_access (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS export_request_household ON export_request (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS goal_comment_household ON goal_comment (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS goal_proposal_household ON goal_proposal (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS impact_entry_household ON impact_entry (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS intake_household ON intake (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS plan_action_household ON plan_action (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS plan_action_progress_household ON plan_action_progress (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS plan_agreement_household ON plan_agreement (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS plan_goal_household ON plan_goal (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS plan_review_household ON plan_review (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS plan_version_household ON plan_version (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS reciprocity_consent_household ON reciprocity_consent (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS resident_correction_household ON resident_correction (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS satisfaction_invitation_household ON satisfaction_invitation (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS self_assessment_score_household ON self_assessment_score (municipality_id, household_id);
CREATE INDEX IF NOT EXISTS signal_household ON signal (municipality_id, household_id);

-- The worklist (issue 8): a lead's assessments by case, and the signals a professional goes out to.
CREATE INDEX IF NOT EXISTS assessment_case ON assessment (municipality_id, case_id);
CREATE INDEX IF NOT EXISTS signal_outreach_open ON signal (municipality_id, outreach_user_id)
  WHERE triage_state IN ('new', 'outreach');
