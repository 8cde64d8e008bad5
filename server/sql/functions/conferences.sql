-- Case conferences: who is named in the dossiers on an agenda, for the check of shared texts.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

-- Shared texts carry no identifying data (issue 19). Before an agenda question, a decision or a learning
-- note of a conference is saved, it is checked against everyone recorded in the dossiers on its agenda:
-- residents, network members (also removed ones, and those the resident does not want told), people who
-- act in the plan, the person and reporter of signals linked to the household, representatives, and the
-- intake's texts (the server takes the names from them). A member of the conference may not be allowed
-- to open a dossier on the agenda (network model), and must still not be able to write a name from it
-- into the minutes, so this reads as the owner: only for households the actor may see or that are on the
-- agenda of a conference the actor takes part in, and only for professionals and team leads. The server
-- uses the rows to check a text and answers only with what the text itself contains.
CREATE OR REPLACE FUNCTION app_dossier_people(p_household_ids uuid[])
RETURNS TABLE (source text, given_name text, family_name text, name text, bsn text, postcode text,
  house_number integer, street text, phone text, email text, birth_date date, free_text text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH allowed AS (
    SELECT h FROM unnest(p_household_ids) AS h
    WHERE app_role() IN ('professional', 'teamLead')
      AND (app_has_access(h, 'dossier')
        OR h IN (SELECT a.household_id FROM conference_agenda_item a
                 WHERE a.municipality_id = app_municipality_id() AND a.conference_id IN (SELECT app_conference_ids())))
  )
  SELECT 'resident', r.given_name, r.family_name, NULL, r.bsn, r.postcode, r.house_number, r.street, r.phone,
    r.email, r.birth_date, NULL
  FROM household_member m JOIN resident r ON r.municipality_id = m.municipality_id AND r.id = m.resident_id
  WHERE m.municipality_id = app_municipality_id() AND m.household_id IN (SELECT h FROM allowed)
  UNION ALL
  SELECT 'networkMember', NULL, NULL, n.name, NULL, NULL, NULL, NULL, n.phone, NULL, NULL, NULL
  FROM network_member n
  WHERE n.municipality_id = app_municipality_id() AND n.household_id IN (SELECT h FROM allowed)
  UNION ALL
  SELECT 'planActor', NULL, NULL, a.actor_name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM plan_action a
  WHERE a.municipality_id = app_municipality_id() AND a.household_id IN (SELECT h FROM allowed)
    AND a.actor_name IS NOT NULL
  UNION ALL
  SELECT 'signal', NULL, NULL, s.person_name, NULL, s.postcode, s.house_number, s.street, NULL, NULL, NULL, NULL
  FROM signal s
  WHERE s.municipality_id = app_municipality_id() AND s.household_id IN (SELECT h FROM allowed)
  UNION ALL
  SELECT 'signalReporter', NULL, NULL, s.reporter_name, NULL, NULL, NULL, NULL, s.reporter_phone, s.reporter_email,
    NULL, NULL
  FROM signal s
  WHERE s.municipality_id = app_municipality_id() AND s.household_id IN (SELECT h FROM allowed)
    AND (s.reporter_name IS NOT NULL OR s.reporter_phone IS NOT NULL OR s.reporter_email IS NOT NULL)
  UNION ALL
  SELECT 'representative', NULL, NULL, u.display_name, NULL, NULL, NULL, NULL, NULL, u.email, NULL, NULL
  FROM representation p JOIN app_user u ON u.municipality_id = p.municipality_id AND u.id = p.representative_user_id
  WHERE p.municipality_id = app_municipality_id() AND p.household_id IN (SELECT h FROM allowed)
  UNION ALL
  SELECT 'intake', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    concat_ws(E'\n', i.request_in_own_words, i.underlying_question, i.own_strengths, i.network_summary,
      i.safety_concerns, i.location_note)
  FROM intake i
  WHERE i.municipality_id = app_municipality_id() AND i.household_id IN (SELECT h FROM allowed)
$$;
REVOKE ALL ON FUNCTION app_dossier_people(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_dossier_people(uuid[]) TO wijkwerk_app;

-- Pseudonyms in case conferences name a group, never a person (issue 18): an age band, a wijk and a
-- household size are shown only when at least 5 households of the municipality share them. Counting
-- needs every household, not only those the actor may see, so it is a SECURITY DEFINER function that
-- answers no more than "5 or more" (least(count, 5)): it cannot be used to count people exactly.
--
--   execute: staff in a request (wijkwerk_app with a staff app.role); residents, partners, partner
--            systems and the public get 0 and so always the most general pseudonym
CREATE OR REPLACE FUNCTION app_pseudonym_group_size(age_from integer, age_to integer, district text,
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
