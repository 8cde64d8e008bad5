-- Resident portal (issue 10): a resident who agrees to the plan in the portal agrees digitally, now — not
-- "digitally later". The plan agreement (0006) gains the way 'digital'; staff keep recording the other three.
ALTER TABLE plan_agreement DROP CONSTRAINT plan_agreement_how_check;
ALTER TABLE plan_agreement ADD CONSTRAINT plan_agreement_how_check
  CHECK (how IN ('inPerson', 'signed', 'digitalLater', 'digital'));
