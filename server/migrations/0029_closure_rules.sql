-- Closure rules (§1.11) in the database, one CHECK per rule (issue 19), the same rules closeCase names in
-- its answer: a closed case has a closing moment, a reason, a final ZRM, whether heavier care was
-- prevented with an explanation, whether the resident was told, how they were told or why not, and an
-- aftercare date. The combined CHECK of 0002 said the same in one expression, except that a resident not
-- told needed no explanation; it is replaced so that a removed rule is noticed by its own name.
--
-- The old expression also let NULL texts through (length(NULL) > 0 is NULL, which a CHECK accepts). Closed
-- cases written around the service before these rules get an explicit marker rather than an invented
-- explanation, so the new CHECKs hold for every row.

UPDATE case_file SET resident_informed_how = 'Niet vastgelegd (afgesloten vóór deze regel).'
WHERE status = 'closed' AND length(btrim(coalesce(resident_informed_how, ''))) = 0;
UPDATE case_file SET escalation_explanation = 'Niet vastgelegd (afgesloten vóór deze regel).'
WHERE status = 'closed' AND length(btrim(coalesce(escalation_explanation, ''))) = 0;

ALTER TABLE case_file DROP CONSTRAINT case_file_check;
ALTER TABLE case_file
  ADD CONSTRAINT case_file_closed_at CHECK (status <> 'closed' OR closed_at IS NOT NULL),
  ADD CONSTRAINT case_file_closed_reason CHECK (status <> 'closed' OR closure_reason IS NOT NULL),
  ADD CONSTRAINT case_file_closed_final_assessment CHECK (status <> 'closed' OR final_assessment_id IS NOT NULL),
  ADD CONSTRAINT case_file_closed_escalation_prevented CHECK (status <> 'closed' OR escalation_prevented IS NOT NULL),
  ADD CONSTRAINT case_file_closed_escalation_explanation
    CHECK (status <> 'closed' OR length(btrim(coalesce(escalation_explanation, ''))) > 0),
  ADD CONSTRAINT case_file_closed_resident_informed CHECK (status <> 'closed' OR resident_informed IS NOT NULL),
  -- Told: how. Not told: why (so the team can still make sure the resident knows).
  ADD CONSTRAINT case_file_closed_resident_informed_how
    CHECK (status <> 'closed' OR length(btrim(coalesce(resident_informed_how, ''))) > 0),
  ADD CONSTRAINT case_file_closed_aftercare_date CHECK (status <> 'closed' OR aftercare_date IS NOT NULL);
