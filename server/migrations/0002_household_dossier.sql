-- Household dossier (issue 3): CBS areas, residents, households, cases with one case lead, intake,
-- the self-sufficiency matrix (ZRM), journal and closure.
-- Personal data is visible only through app_visible_household_ids(): one function decides who sees
-- which household, so the team models (issue 7) can refine it in one place.
-- Inserts into these tables must not use RETURNING: a row is checked against the SELECT policy, and
-- the visibility function cannot see rows of the statement that inserts them. Ids come from the app.

-- CBS reference areas (wijken and buurten) per municipality; loaded by the application.
CREATE TABLE area (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  code text NOT NULL CHECK (code ~ '^(WK[0-9]{6}|BU[0-9]{8})$'),
  kind text NOT NULL CHECK (kind IN ('district', 'neighbourhood')),
  name text NOT NULL,
  district_code text,
  PRIMARY KEY (municipality_id, code),
  CHECK ((kind = 'district') = (district_code IS NULL))
);

CREATE TABLE household (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  registered_by_team_id uuid NOT NULL,
  registered_by_user_id uuid NOT NULL,
  merged_into_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, registered_by_team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, registered_by_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, merged_into_id) REFERENCES household (municipality_id, id),
  CHECK (merged_into_id IS DISTINCT FROM id)
);
CREATE INDEX household_registered_by_team ON household (municipality_id, registered_by_team_id);

CREATE TABLE resident (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  birth_date date NOT NULL CHECK (birth_date >= DATE '1900-01-01'),
  bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  postcode text CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
  house_number integer CHECK (house_number BETWEEN 1 AND 99999),
  house_number_addition text CHECK (house_number_addition ~ '^[A-Za-z0-9 -]{1,6}$'),
  street text CHECK (length(street) <= 200),
  city text CHECK (length(city) <= 100),
  neighbourhood_code text,
  phone text CHECK (phone ~ '^[+0-9 ()-]{6,20}$'),
  email text CHECK (length(email) <= 200 AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  preferred_language text NOT NULL DEFAULT 'nl' CHECK (preferred_language ~ '^[a-z]{2,3}$'),
  interpreter_needed boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, neighbourhood_code) REFERENCES area (municipality_id, code)
);
CREATE INDEX resident_bsn ON resident (municipality_id, bsn) WHERE bsn IS NOT NULL;
CREATE INDEX resident_name_birth ON resident (municipality_id, lower(family_name), birth_date);
CREATE INDEX resident_address ON resident (municipality_id, postcode, house_number);

-- Membership: one household per resident at a time, with the relation and one main contact.
CREATE TABLE household_member (
  municipality_id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  relation text NOT NULL CHECK (relation IN ('self', 'partner', 'child', 'parent', 'other')),
  is_main_contact boolean NOT NULL DEFAULT false,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, household_id, resident_id),
  UNIQUE (municipality_id, resident_id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id)
);
CREATE UNIQUE INDEX household_one_main_contact ON household_member (municipality_id, household_id) WHERE is_main_contact;

CREATE TABLE household_merge (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  merged_household_id uuid NOT NULL,
  merged_by_user_id uuid NOT NULL,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  merged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, merged_household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, merged_by_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX household_merge_household ON household_merge (municipality_id, household_id);

-- The case ("case" is reserved in SQL). Status: aanmelding → intake → plan → uitvoering → evaluatie → afgesloten (→ heropend).
CREATE TABLE case_file (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  team_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'registration'
    CHECK (status IN ('registration', 'intake', 'plan', 'execution', 'evaluation', 'closed', 'reopened')),
  version integer NOT NULL DEFAULT 1,
  acute boolean NOT NULL DEFAULT false,
  -- Allocation: who decided to take the case on, and on what grounds (§1.14, mandate).
  allocated_by_user_id uuid NOT NULL,
  allocation_grounds text NOT NULL CHECK (length(allocation_grounds) BETWEEN 1 AND 2000),
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by_user_id uuid NOT NULL,
  -- Closure (§1.11): reason, final ZRM, heavier care prevented, resident told, aftercare.
  closed_at timestamptz,
  closure_reason text CHECK (closure_reason IN ('goalsAchieved', 'referredToSpecialistCare', 'referredToCollectiveProvision',
    'residentDeclined', 'movedAway', 'deceased', 'other')),
  closure_note text,
  final_assessment_id uuid,
  escalation_prevented text CHECK (escalation_prevented IN ('yes', 'no', 'unknown')),
  escalation_explanation text,
  resident_informed boolean,
  resident_informed_how text,
  aftercare_date date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, allocated_by_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, opened_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (status <> 'closed' OR (closed_at IS NOT NULL AND closure_reason IS NOT NULL AND final_assessment_id IS NOT NULL
    AND escalation_prevented IS NOT NULL AND length(escalation_explanation) > 0 AND resident_informed IS NOT NULL
    AND (resident_informed = false OR length(resident_informed_how) > 0) AND aftercare_date IS NOT NULL))
);
CREATE INDEX case_file_household ON case_file (municipality_id, household_id);
CREATE INDEX case_file_team ON case_file (municipality_id, team_id, status);
CREATE UNIQUE INDEX case_file_one_open_per_household ON case_file (municipality_id, household_id)
  WHERE status <> 'closed';

-- Involved professionals; exactly one current case lead per case is a unique index, not an if-statement.
CREATE TABLE case_professional (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  household_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  role_in_case text NOT NULL CHECK (length(role_in_case) BETWEEN 1 AND 100),
  is_case_lead boolean NOT NULL DEFAULT false,
  added_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  PRIMARY KEY (municipality_id, case_id, user_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisation (municipality_id, id),
  CHECK (NOT (is_case_lead AND ended_at IS NOT NULL))
);
CREATE UNIQUE INDEX case_one_case_lead ON case_professional (municipality_id, case_id) WHERE is_case_lead;
CREATE INDEX case_professional_user ON case_professional (municipality_id, user_id, case_id) WHERE ended_at IS NULL;

CREATE TABLE case_lead_handover (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  from_user_id uuid,
  to_user_id uuid NOT NULL,
  note text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 4000),
  handed_over_by_user_id uuid NOT NULL,
  handed_over_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, to_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX case_lead_handover_case ON case_lead_handover (municipality_id, case_id);

CREATE TABLE case_status_change (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  details jsonb NOT NULL DEFAULT '{}',
  changed_by_user_id uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id)
);
CREATE INDEX case_status_change_case ON case_status_change (municipality_id, case_id);

-- Intake (vraagverheldering): the first conversation, "de vraag achter de vraag".
CREATE TABLE intake (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  conversation_date date NOT NULL,
  location text NOT NULL CHECK (location IN ('homeVisit', 'desk', 'elsewhere')),
  location_note text,
  request_in_own_words text NOT NULL CHECK (length(request_in_own_words) BETWEEN 1 AND 4000),
  underlying_question text NOT NULL CHECK (length(underlying_question) BETWEEN 1 AND 4000),
  life_domains text[] NOT NULL DEFAULT '{}',
  own_strengths text,
  network_summary text,
  urgency text NOT NULL CHECK (urgency IN ('low', 'normal', 'high', 'acute')),
  safety_concerns text,
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id)
);
CREATE INDEX intake_case ON intake (municipality_id, case_id);

-- Zelfredzaamheid-Matrix: one assessment per resident and moment; a score per life domain.
CREATE TABLE assessment (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  zrm_version text NOT NULL CHECK (zrm_version IN ('2010', '2017')),
  kind text NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'final')),
  assessed_on date NOT NULL,
  assessor_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id),
  FOREIGN KEY (municipality_id, assessor_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX assessment_household ON assessment (municipality_id, household_id, assessed_on);
ALTER TABLE case_file ADD FOREIGN KEY (municipality_id, final_assessment_id) REFERENCES assessment (municipality_id, id);

-- Special-category data (GDPR art. 9): the health, substance-use and justice domains. data_category
-- marks them so access rules, exports and retention can treat them apart.
CREATE TABLE assessment_score (
  municipality_id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  household_id uuid NOT NULL,
  domain text NOT NULL CHECK (domain IN ('finances', 'workAndEducation', 'timeUse', 'daytimeActivities', 'housing',
    'domesticRelations', 'mentalHealth', 'physicalHealth', 'substanceUse', 'addiction', 'adl', 'basicAdl',
    'instrumentalAdl', 'socialNetwork', 'communityParticipation', 'justice')),
  data_category text NOT NULL CHECK (data_category IN ('ordinary', 'special')),
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  resident_level smallint CHECK (resident_level BETWEEN 1 AND 5),
  note text CHECK (length(note) <= 2000),
  assessed_on date NOT NULL,
  assessor_user_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, assessment_id, domain),
  FOREIGN KEY (municipality_id, assessment_id) REFERENCES assessment (municipality_id, id)
);
CREATE INDEX assessment_score_household ON assessment_score (municipality_id, household_id);

-- A municipality that holds the official per-level descriptions loads its own text (not shipped).
CREATE TABLE zrm_level_description (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  zrm_version text NOT NULL CHECK (zrm_version IN ('2010', '2017')),
  domain text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  PRIMARY KEY (municipality_id, zrm_version, domain, level)
);

CREATE TABLE journal_entry (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  case_id uuid,
  kind text NOT NULL CHECK (kind IN ('homeVisit', 'phoneCall', 'consultation', 'meeting')),
  occurred_on date NOT NULL,
  participants text CHECK (length(participants) <= 500),
  text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 10000),
  author_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, author_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX journal_entry_household ON journal_entry (municipality_id, household_id, occurred_on);

-- Who sees which household. Integrated and front/back-office teams: every member of a team that
-- holds (or held) a case of the household. Network teams: the team lead, and the professionals
-- involved in the case (including its case lead, and whoever opened or allocated it). A household without a case: the team that registered it.
-- SECURITY DEFINER so it reads the tables without recursing into their own policies; it still reads
-- only the acting user's municipality, role and teams from the transaction settings.
CREATE FUNCTION app_visible_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT h.id
  FROM household h
  WHERE h.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND (
      EXISTS (
        SELECT 1 FROM case_file c
        JOIN team t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
        WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id
          AND c.team_id = ANY (app_team_ids())
          AND (
            t.model <> 'network'
            OR app_role() = 'teamLead'
            OR app_user_id() IN (c.allocated_by_user_id, c.opened_by_user_id)
            OR EXISTS (SELECT 1 FROM case_professional p
                       WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id
                         AND p.user_id = app_user_id() AND p.ended_at IS NULL)
          )
      )
      OR (
        h.registered_by_team_id = ANY (app_team_ids())
        AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id)
      )
    )
$$;

CREATE FUNCTION app_visible_resident_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT m.resident_id FROM household_member m
  WHERE m.municipality_id = app_municipality_id()
    AND m.household_id IN (SELECT app_visible_household_ids())
$$;

-- Duplicate detection has to look past the user's own dossiers (the existing record may sit with
-- another team) but may only say where the user has no access that a match exists.
CREATE FUNCTION app_find_duplicate_residents(p_bsn text, p_family_name text, p_birth_date date, p_postcode text,
  p_house_number integer, p_addition text)
RETURNS TABLE (resident_id uuid, household_id uuid, by_bsn boolean, by_name_birth_postcode boolean, by_address boolean, visible boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.id, m.household_id,
    coalesce(r.bsn = p_bsn, false),
    coalesce(lower(r.family_name) = lower(p_family_name) AND r.birth_date = p_birth_date AND r.postcode = p_postcode, false),
    coalesce(r.postcode = p_postcode AND r.house_number = p_house_number
      AND coalesce(upper(r.house_number_addition), '') = coalesce(upper(p_addition), ''), false),
    m.household_id IN (SELECT app_visible_household_ids())
  FROM resident r
  LEFT JOIN household_member m ON m.municipality_id = r.municipality_id AND m.resident_id = r.id
  WHERE r.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND (
      (p_bsn IS NOT NULL AND r.bsn = p_bsn)
      OR (lower(r.family_name) = lower(p_family_name) AND r.birth_date = p_birth_date AND r.postcode = p_postcode)
      OR (p_postcode IS NOT NULL AND r.postcode = p_postcode AND r.house_number = p_house_number
          AND coalesce(upper(r.house_number_addition), '') = coalesce(upper(p_addition), ''))
    )
  LIMIT 20
$$;
REVOKE ALL ON FUNCTION app_find_duplicate_residents(text, text, date, text, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_find_duplicate_residents(text, text, date, text, integer, text) TO wijkwerk_app;

-- Privileges: no DELETE anywhere; history is kept.
GRANT SELECT ON area TO wijkwerk_app;
-- The administrator chooses the municipality's ZRM version (the tenant policy limits it to their own).
GRANT UPDATE (zrm_version) ON municipality TO wijkwerk_app;
GRANT SELECT, INSERT, UPDATE ON household, resident, household_member, case_file, case_professional, zrm_level_description
  TO wijkwerk_app;
GRANT DELETE ON zrm_level_description TO wijkwerk_app;
GRANT SELECT, INSERT ON household_merge, case_lead_handover, case_status_change, intake, assessment, assessment_score,
  journal_entry TO wijkwerk_app;
-- A merge moves history rows to the surviving household; nothing else in them can change.
GRANT UPDATE (household_id) ON case_lead_handover, case_status_change, intake, assessment, assessment_score, journal_entry
  TO wijkwerk_app;

ALTER TABLE area ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON area USING (municipality_id = (SELECT app_municipality_id()));

ALTER TABLE zrm_level_description ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON zrm_level_description USING (municipality_id = (SELECT app_municipality_id()));

-- Household: visible per the function; a team member registers new households for their own team.
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON household FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_visible_household_ids()));
CREATE POLICY change ON household FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_visible_household_ids()));
CREATE POLICY register ON household FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id())
  AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND registered_by_team_id = ANY ((SELECT app_team_ids())::uuid[]));

-- Resident: visible through their household; a new resident row is written just before its membership.
ALTER TABLE resident ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON resident FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_visible_resident_ids()));
CREATE POLICY change ON resident FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_visible_resident_ids()));
CREATE POLICY register ON resident FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead'));

-- Every other table hangs off a household: one policy shape, read and write.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['household_member', 'household_merge', 'case_file', 'case_professional', 'case_lead_handover',
    'case_status_change', 'intake', 'assessment', 'assessment_score', 'journal_entry']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY dossier ON %I USING (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT app_visible_household_ids()))', t);
  END LOOP;
END
$$;
