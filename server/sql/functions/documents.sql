-- Documents in the dossier (issue 20): what a household's documents take up, for the limit per household.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

-- Bytes of every document of the household, withdrawn ones too (they are kept), also those the acting
-- user may not read (a medical letter only the case lead sees still counts), for whoever may add one: the team
-- working in the dossier, or the resident in the portal. A number, no content.
CREATE OR REPLACE FUNCTION app_household_document_bytes(p_household_id uuid) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT (app_has_access(p_household_id, 'work') OR app_has_access(p_household_id, 'portal')) THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT coalesce(sum(d.size_bytes), 0) FROM document d
    WHERE d.municipality_id = app_municipality_id() AND d.household_id = p_household_id);
END
$$;
