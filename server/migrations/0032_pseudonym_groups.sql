-- Pseudonyms in case conferences name a group, never a person (issue 18): an age band, a wijk and a
-- household size are shown only when at least 5 households of the municipality share them. Counting
-- needs every household, not only those the actor may see, so it is a SECURITY DEFINER function that
-- answers no more than "5 or more" (least(count, 5)): it cannot be used to count people exactly.
--
-- access: app_pseudonym_group_size (function)
--   execute: staff in a request (wijkwerk_app with a staff app.role); residents, partners, partner
--            systems and the public get 0 and so always the most general pseudonym
CREATE FUNCTION app_pseudonym_group_size(age_from integer, age_to integer, district text,
  household_size integer, on_date date)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE WHEN app_role() IN ('administrator', 'teamLead', 'professional', 'policyOfficer') THEN
    least((
      SELECT count(DISTINCT m.household_id) FROM household_member m
      JOIN household h ON h.municipality_id = m.municipality_id AND h.id = m.household_id
      JOIN resident r ON r.municipality_id = m.municipality_id AND r.id = m.resident_id
      LEFT JOIN area b ON b.municipality_id = r.municipality_id AND b.code = r.neighbourhood_code
      WHERE m.municipality_id = app_municipality_id() AND h.merged_into_id IS NULL
        AND (age_from IS NULL OR extract(year FROM age(on_date, r.birth_date)) BETWEEN age_from AND age_to)
        AND (district IS NULL OR b.district_code = district)
        AND (household_size IS NULL OR (SELECT count(*) FROM household_member x
          WHERE x.municipality_id = m.municipality_id AND x.household_id = m.household_id) = household_size)
    ), 5)::integer
  ELSE 0 END
$$;
REVOKE ALL ON FUNCTION app_pseudonym_group_size(integer, integer, text, integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_pseudonym_group_size(integer, integer, text, integer, date) TO wijkwerk_app;
