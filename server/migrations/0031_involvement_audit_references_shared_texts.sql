-- Ending involvement (issue 19): a professional, the case lead or the team lead ends someone's
-- involvement in a case with a reason (POST /api/cases/{id}/professionals/{userId}/end). ended_at already
-- existed and every household set already ignores ended involvement, so access follows at once; these
-- columns say why and who. The reason is free text of the case: it is removed with the case by retention,
-- and the audit event (case.involvementEnded) holds only the ids.

ALTER TABLE case_professional
  ADD COLUMN ended_reason text CHECK (length(ended_reason) <= 2000),
  ADD COLUMN ended_by_user_id uuid,
  ADD FOREIGN KEY (municipality_id, ended_by_user_id) REFERENCES app_user (municipality_id, id),
  -- A reason and who ended it only with an end (involving someone again clears all three).
  ADD CHECK (ended_at IS NOT NULL OR (ended_reason IS NULL AND ended_by_user_id IS NULL));

-- The functions of this change (the emergency reason read from its record in the access logs; the people
-- in a dossier for the check of shared texts) are in server/sql/functions/access.sql and conferences.sql.
