-- A new ZRM refreshed its case's outcome summary (0017) twice: once after the assessment row and once
-- after its scores. The summary's ZRM changes are built from scores, and an assessment without scores
-- changes nothing in it, so the refresh after the insert of an assessment is left out; the one after
-- its scores stays, as do those after an assessment is changed or deleted. On the city benchmark the
-- refreshes were the largest cost of recording a ZRM. outcomes.summary.test.ts still compares the
-- summary with the live computation after assessments are recorded.
DROP TRIGGER outcome_summary_insert ON assessment;
