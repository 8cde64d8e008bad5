-- Resident portal (issue 10): resident accounts and one-time codes, representation, the resident's own
-- self-assessment, planned closure and anonymous satisfaction, secure messages, goal proposals and
-- comments, privacy export requests, the case lead's contact card, and the outbox for e-mail.
-- A resident reads only the households of app_portal_household_ids(): their own household (through
-- resident_account) and the households of the people they are authorised to act for, today.
-- Inserts into household-scoped tables must not use RETURNING (see 0002).

-- Per municipality: whether residents see the names of individual professionals in "who looked at my data".
CREATE TABLE portal_setting (
  municipality_id uuid PRIMARY KEY REFERENCES municipality (id),
  show_professional_names boolean NOT NULL DEFAULT false,
  updated_by_user_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A resident's login account linked to their resident record (one account per resident).
CREATE TABLE resident_account (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  linked_by_user_id uuid,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id),
  UNIQUE (municipality_id, resident_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id)
);

-- One-time login codes: only the SHA-256 (keyed) is kept; 10 minutes, single use, few attempts.
-- Platform plumbing read before anyone is logged in: owner only, no grant to the application role.
CREATE TABLE one_time_code (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX one_time_code_user ON one_time_code (municipality_id, user_id, created_at DESC);

-- E-mail waiting to be sent. Notifications carry no personal details; the address is looked up when sending.
CREATE TABLE outbox_message (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  recipient_user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('loginCode', 'newMessage')),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, recipient_user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX outbox_message_unsent ON outbox_message (municipality_id, created_at) WHERE sent_at IS NULL;

-- A parent, legal representative or authorised person acting for a household member, for a period.
CREATE TABLE representation (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  represented_resident_id uuid NOT NULL,
  representative_user_id uuid NOT NULL,
  basis text NOT NULL CHECK (basis IN ('parent', 'legalRepresentative', 'authorisedPerson')),
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  note text CHECK (length(note) <= 1000),
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, represented_resident_id) REFERENCES resident (municipality_id, id),
  FOREIGN KEY (municipality_id, representative_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (valid_until >= valid_from)
);
CREATE INDEX representation_representative ON representation (municipality_id, representative_user_id);
CREATE INDEX representation_household ON representation (municipality_id, household_id);

-- The resident's own view of the life domains (client version in the spirit of the ZRM).
CREATE TABLE self_assessment (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  case_id uuid,
  submitted_by_user_id uuid NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id)
);
CREATE INDEX self_assessment_household ON self_assessment (municipality_id, household_id, submitted_at);

-- Special-category domains (health, substance use, justice) are marked as in assessment_score.
CREATE TABLE self_assessment_score (
  municipality_id uuid NOT NULL,
  self_assessment_id uuid NOT NULL,
  household_id uuid NOT NULL,
  domain text NOT NULL,
  data_category text NOT NULL CHECK (data_category IN ('ordinary', 'special')),
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (municipality_id, self_assessment_id, domain),
  FOREIGN KEY (municipality_id, self_assessment_id) REFERENCES self_assessment (municipality_id, id)
);

-- Ending well: the planned end date and what happens after, told to the resident before closure.
CREATE TABLE case_closure_plan (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  planned_end_date date NOT NULL,
  aftercare_contact_date date,
  after_closure_note text CHECK (length(after_closure_note) <= 2000),
  planned_by_user_id uuid NOT NULL,
  planned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, case_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, planned_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (aftercare_contact_date IS NULL OR aftercare_contact_date >= planned_end_date)
);

-- Anonymous satisfaction after closure: team and month only, no link to a case or a person.
CREATE TABLE satisfaction_response (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  felt_helped text NOT NULL CHECK (felt_helped IN ('yes', 'somewhat', 'no')),
  taken_seriously text NOT NULL CHECK (taken_seriously IN ('yes', 'somewhat', 'no')),
  knows_next_step text NOT NULL CHECK (knows_next_step IN ('yes', 'somewhat', 'no')),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id)
);
CREATE INDEX satisfaction_response_team ON satisfaction_response (municipality_id, team_id, month);

-- Only that a closed case's household answered (so it is asked once), not what or when.
CREATE TABLE satisfaction_invitation (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, case_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id)
);

-- Secure messages between the household and its case lead: plain text only.
CREATE TABLE portal_message (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  case_id uuid NOT NULL,
  author_user_id uuid NOT NULL,
  author_kind text NOT NULL CHECK (author_kind IN ('resident', 'professional')),
  body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, author_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX portal_message_household ON portal_message (municipality_id, household_id, created_at);

-- A goal the resident proposes in their own words; the case lead accepts or declines it.
CREATE TABLE goal_proposal (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  case_id uuid NOT NULL,
  text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 1000),
  proposed_by_user_id uuid NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
  decided_by_user_id uuid,
  decided_at timestamptz,
  decision_note text CHECK (length(decision_note) <= 1000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  CHECK ((status = 'proposed') = (decided_at IS NULL))
);
CREATE INDEX goal_proposal_case ON goal_proposal (municipality_id, case_id);

-- A resident's comment on a goal of the plan. goal_id refers to the plan module's goal (no FK: the plan
-- tables arrive in their own migration).
CREATE TABLE goal_comment (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  case_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 1000),
  author_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id)
);
CREATE INDEX goal_comment_goal ON goal_comment (municipality_id, goal_id);

-- The resident asks for the full export of their data; the privacy module produces it.
CREATE TABLE export_request (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  requested_by_user_id uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'delivered')),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id)
);

-- How residents can reach a professional, with an optional small photo (type-checked by the app).
CREATE TABLE case_lead_profile (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  phone text CHECK (phone ~ '^[+0-9 ()-]{6,20}$'),
  reachability text CHECK (length(reachability) <= 500),
  photo bytea CHECK (octet_length(photo) <= 204800),
  photo_type text CHECK (photo_type IN ('image/png', 'image/jpeg', 'image/webp')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id),
  CHECK ((photo IS NULL) = (photo_type IS NULL))
);

-- The households a resident may see: their own, and those of people they represent today.
CREATE FUNCTION app_portal_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT m.household_id
  FROM resident_account a
  JOIN household_member m ON m.municipality_id = a.municipality_id AND m.resident_id = a.resident_id
  WHERE a.municipality_id = app_municipality_id() AND a.user_id = app_user_id() AND app_role() = 'resident'
  UNION
  SELECT r.household_id
  FROM representation r
  WHERE r.municipality_id = app_municipality_id() AND r.representative_user_id = app_user_id()
    AND app_role() = 'resident' AND r.revoked_at IS NULL
    AND current_date BETWEEN r.valid_from AND r.valid_until
$$;

-- The case lead's card for a portal household: name, organisation, how to reach them.
CREATE FUNCTION app_portal_case_lead(p_household_id uuid)
RETURNS TABLE (case_id uuid, user_id uuid, display_name text, organisation_name text, phone text,
  reachability text, has_photo boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, u.id, u.display_name, o.name, p.phone, p.reachability, p.photo IS NOT NULL
  FROM case_file c
  JOIN case_professional cp ON cp.municipality_id = c.municipality_id AND cp.case_id = c.id AND cp.is_case_lead
  JOIN app_user u ON u.municipality_id = cp.municipality_id AND u.id = cp.user_id
  JOIN organisation o ON o.municipality_id = cp.municipality_id AND o.id = cp.organisation_id
  LEFT JOIN case_lead_profile p ON p.municipality_id = u.municipality_id AND p.user_id = u.id
  WHERE c.municipality_id = app_municipality_id() AND c.household_id = p_household_id
    AND p_household_id IN (SELECT app_portal_household_ids())
  ORDER BY c.opened_at DESC
  LIMIT 1
$$;

CREATE FUNCTION app_portal_case_lead_photo(p_household_id uuid)
RETURNS TABLE (photo bytea, photo_type text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.photo, p.photo_type
  FROM app_portal_case_lead(p_household_id) l
  JOIN case_lead_profile p ON p.municipality_id = app_municipality_id() AND p.user_id = l.user_id
  WHERE p.photo IS NOT NULL
$$;

-- "Who looked at my data": the audit trail of a portal household and its members, without the
-- resident's own events. Names of professionals only when the municipality chose to show them.
CREATE FUNCTION app_portal_access_log(p_household_id uuid, p_limit integer)
RETURNS TABLE (id bigint, occurred_at timestamptz, action text, actor_role text, organisation_name text,
  actor_name text, reason text, emergency boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.id, e.occurred_at, e.action, e.actor_role, o.name,
    CASE WHEN coalesce(s.show_professional_names, false) AND e.actor_role <> 'resident' THEN u.display_name END,
    e.reason,
    (e.action LIKE 'emergencyAccess.%' OR coalesce(e.details ->> 'breakTheGlass', '') = 'true')
  FROM audit_event e
  LEFT JOIN organisation o ON o.municipality_id = e.municipality_id AND o.id = e.actor_organisation_id
  LEFT JOIN app_user u ON u.municipality_id = e.municipality_id AND u.id = e.actor_user_id
  LEFT JOIN portal_setting s ON s.municipality_id = e.municipality_id
  WHERE e.municipality_id = app_municipality_id()
    AND p_household_id IN (SELECT app_portal_household_ids())
    AND e.actor_user_id IS DISTINCT FROM app_user_id()
    AND (e.household_id = p_household_id
      OR e.resident_id IN (SELECT m.resident_id FROM household_member m
                           WHERE m.municipality_id = e.municipality_id AND m.household_id = p_household_id))
  ORDER BY e.occurred_at DESC, e.id DESC
  LIMIT least(greatest(p_limit, 1), 500)
$$;

REVOKE ALL ON FUNCTION app_portal_case_lead(uuid), app_portal_case_lead_photo(uuid),
  app_portal_access_log(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_portal_case_lead(uuid), app_portal_case_lead_photo(uuid),
  app_portal_access_log(uuid, integer) TO wijkwerk_app;

-- Privileges: no DELETE; history is kept.
GRANT SELECT, INSERT, UPDATE ON portal_setting, resident_account, representation, case_closure_plan, goal_proposal,
  case_lead_profile TO wijkwerk_app;
GRANT SELECT, INSERT ON self_assessment, self_assessment_score, portal_message, goal_comment, export_request,
  satisfaction_invitation TO wijkwerk_app;
GRANT SELECT, INSERT ON satisfaction_response TO wijkwerk_app;
GRANT INSERT ON outbox_message TO wijkwerk_app;

ALTER TABLE one_time_code ENABLE ROW LEVEL SECURITY;

ALTER TABLE outbox_message ENABLE ROW LEVEL SECURITY;
CREATE POLICY append ON outbox_message FOR INSERT WITH CHECK (municipality_id = (SELECT app_municipality_id()));

ALTER TABLE portal_setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON portal_setting FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY manage ON portal_setting FOR ALL USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'administrator');

ALTER TABLE case_lead_profile ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON case_lead_profile USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead'));
CREATE POLICY own ON case_lead_profile FOR ALL USING (
  municipality_id = (SELECT app_municipality_id()) AND user_id = (SELECT app_user_id())
  AND (SELECT app_role()) IN ('professional', 'teamLead'));

-- Resident accounts: the resident's own link; professionals see the links of households they see.
ALTER TABLE resident_account ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON resident_account FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND user_id = (SELECT app_user_id()));
CREATE POLICY dossier ON resident_account USING (
  municipality_id = (SELECT app_municipality_id())
  AND resident_id IN (SELECT app_visible_resident_ids()));

-- Satisfaction: a resident may add an answer; team leads read their teams, policy officers all.
ALTER TABLE satisfaction_response ENABLE ROW LEVEL SECURITY;
CREATE POLICY answer ON satisfaction_response FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'resident');
CREATE POLICY monitor ON satisfaction_response FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'policyOfficer'
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));

-- Household-scoped portal tables: the dossier's professionals, and the household's own portal users.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['representation', 'self_assessment', 'self_assessment_score', 'case_closure_plan',
    'satisfaction_invitation', 'portal_message', 'goal_proposal', 'goal_comment', 'export_request']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY dossier ON %I USING (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT app_visible_household_ids()))', t);
    EXECUTE format('CREATE POLICY portal ON %I FOR SELECT USING (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT app_portal_household_ids()))', t);
  END LOOP;
  -- What a resident writes: inserts only, never changes to what is recorded.
  FOREACH t IN ARRAY ARRAY['self_assessment', 'self_assessment_score', 'satisfaction_invitation', 'portal_message',
    'goal_proposal', 'goal_comment', 'export_request']
  LOOP
    EXECUTE format('CREATE POLICY portal_write ON %I FOR INSERT WITH CHECK (
      municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = ''resident''
      AND household_id IN (SELECT app_portal_household_ids()))', t);
  END LOOP;
END
$$;

-- A representative sees their own authorisations, also expired ones (to be told why access ended).
CREATE POLICY representative ON representation FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND representative_user_id = (SELECT app_user_id()));

-- Read-only portal access to the dossier rows a resident's portal shows (queries pick the columns).
CREATE POLICY portal ON household FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_portal_household_ids()));
CREATE POLICY portal ON household_member FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND household_id IN (SELECT app_portal_household_ids()));
CREATE POLICY portal ON resident FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (
    SELECT m.resident_id FROM household_member m
    WHERE m.household_id IN (SELECT app_portal_household_ids())));
CREATE POLICY portal ON case_file FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND household_id IN (SELECT app_portal_household_ids()));

-- The plan (0006) as the resident sees it: read-only, and their own agreement to a version.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['support_plan', 'plan_goal', 'plan_action', 'plan_review', 'plan_version', 'plan_agreement',
    'network_member']
  LOOP
    EXECUTE format('CREATE POLICY portal ON %I FOR SELECT USING (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT app_portal_household_ids()))', t);
  END LOOP;
END
$$;
CREATE POLICY portal_write ON plan_agreement FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'resident'
  AND household_id IN (SELECT app_portal_household_ids()));
