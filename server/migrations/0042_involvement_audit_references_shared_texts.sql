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

-- ---------------------------------------------------------------------------------------------------
-- The audit trail holds references, not content (issue 19). The services no longer copy free text into
-- audit_event.reason or details (a hash chain cannot forget it when the record's retention ends). The
-- reason of an emergency access stays in emergency_access; the two access logs the resident sees (the
-- portal's and the export's) now read it there, through the emergency access id the event refers to
-- (details.emergencyAccessId, or the resource of an emergencyAccess.* event). audit_event.reason is still
-- read as a fallback: the trigger app_mark_emergency_audit (0007) copies the reason there until the
-- access model (issue 15) rewrites it to store only the id. When retention removes an emergency access,
-- its reason leaves the logs with it.

CREATE FUNCTION app_audit_emergency_access_id(p_event audit_event) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_event.details ->> 'emergencyAccessId' ~ '^[0-9a-f-]{36}$' THEN (p_event.details ->> 'emergencyAccessId')::uuid
    WHEN p_event.resource_type = 'emergencyAccess' AND p_event.resource_id ~ '^[0-9a-f-]{36}$'
      THEN p_event.resource_id::uuid
  END
$$;

CREATE OR REPLACE FUNCTION app_household_access_log(p_household_id uuid, p_resident_id uuid)
RETURNS TABLE (id bigint, occurred_at timestamptz, action text, actor_name text, actor_role text,
  organisation_name text, resource_type text, reason text, break_the_glass boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.id, e.occurred_at, e.action, u.display_name, e.actor_role, o.name, e.resource_type,
    coalesce(ea.reason, e.reason),
    coalesce((e.details ->> 'breakTheGlass')::boolean, false)
  FROM audit_event e
  LEFT JOIN app_user u ON u.municipality_id = e.municipality_id AND u.id = e.actor_user_id
  LEFT JOIN organisation o ON o.municipality_id = e.municipality_id AND o.id = e.actor_organisation_id
  LEFT JOIN emergency_access ea ON ea.municipality_id = e.municipality_id AND ea.id = app_audit_emergency_access_id(e)
  WHERE e.municipality_id = app_municipality_id()
    AND p_household_id IN (SELECT app_visible_household_ids())
    AND (e.household_id = p_household_id OR e.resident_id = p_resident_id)
  ORDER BY e.id
$$;

CREATE OR REPLACE FUNCTION app_portal_access_log(p_household_id uuid, p_limit integer)
RETURNS TABLE (id bigint, occurred_at timestamptz, action text, actor_role text, organisation_name text,
  actor_name text, reason text, emergency boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.id, e.occurred_at, e.action, e.actor_role, o.name,
    CASE WHEN coalesce(s.show_professional_names, false) AND e.actor_role <> 'resident' THEN u.display_name END,
    coalesce(ea.reason, e.reason),
    (e.action LIKE 'emergencyAccess.%' OR coalesce(e.details ->> 'breakTheGlass', '') = 'true')
  FROM audit_event e
  LEFT JOIN organisation o ON o.municipality_id = e.municipality_id AND o.id = e.actor_organisation_id
  LEFT JOIN app_user u ON u.municipality_id = e.municipality_id AND u.id = e.actor_user_id
  LEFT JOIN portal_setting s ON s.municipality_id = e.municipality_id
  LEFT JOIN emergency_access ea ON ea.municipality_id = e.municipality_id AND ea.id = app_audit_emergency_access_id(e)
  WHERE e.municipality_id = app_municipality_id()
    AND p_household_id IN (SELECT app_portal_household_ids())
    AND e.actor_user_id IS DISTINCT FROM app_user_id()
    AND (e.household_id = p_household_id
      OR e.resident_id IN (SELECT m.resident_id FROM household_member m
                           WHERE m.municipality_id = e.municipality_id AND m.household_id = p_household_id))
  ORDER BY e.occurred_at DESC, e.id DESC
  LIMIT least(greatest(p_limit, 1), 500)
$$;

-- ---------------------------------------------------------------------------------------------------
-- Shared texts carry no identifying data (issue 19). Before an agenda question, a decision or a learning
-- note of a conference is saved, it is checked against everyone recorded in the dossiers on its agenda:
-- residents, network members (also removed ones, and those the resident does not want told), people who
-- act in the plan, the person and reporter of signals linked to the household, representatives, and the
-- intake's texts (the server takes the names from them). A member of the conference may not be allowed
-- to open a dossier on the agenda (network model), and must still not be able to write a name from it
-- into the minutes, so this reads as the owner: only for households the actor may see or that are on the
-- agenda of a conference the actor takes part in, and only for professionals and team leads. The server
-- uses the rows to check a text and answers only with what the text itself contains.
CREATE FUNCTION app_dossier_people(p_household_ids uuid[])
RETURNS TABLE (source text, given_name text, family_name text, name text, bsn text, postcode text,
  house_number integer, street text, phone text, email text, birth_date date, free_text text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH allowed AS (
    SELECT h FROM unnest(p_household_ids) AS h
    WHERE app_role() IN ('professional', 'teamLead')
      AND (h IN (SELECT app_visible_household_ids())
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
