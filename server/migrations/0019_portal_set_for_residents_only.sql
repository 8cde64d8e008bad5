-- The portal policies (0008) sit beside the staff policies on 26 dossier tables, so every staff
-- statement also evaluated app_portal_household_ids(): a SQL function planned afresh on each call,
-- about 1 ms on the city data for a professional, for whom it is always empty (issue 8). The same
-- rule in PL/pgSQL answers at once for anyone who is not a resident and caches its plan otherwise.
CREATE OR REPLACE FUNCTION app_portal_household_ids() RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF app_role() IS DISTINCT FROM 'resident' THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT m.household_id
    FROM resident_account a
    JOIN household_member m ON m.municipality_id = a.municipality_id AND m.resident_id = a.resident_id
    WHERE a.municipality_id = app_municipality_id() AND a.user_id = app_user_id()
    UNION
    SELECT r.household_id
    FROM representation r
    WHERE r.municipality_id = app_municipality_id() AND r.representative_user_id = app_user_id()
      AND r.revoked_at IS NULL
      AND current_date BETWEEN r.valid_from AND r.valid_until;
END
$$;
