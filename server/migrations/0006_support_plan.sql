-- The one plan (issue 4): goals per life domain, actions on the support ladder (De Kanteling), versions and
-- the resident's agreement, reviews; the resident's network (ecogram); reciprocity offers and matches.
-- Every table hangs off a household and gets the "dossier" policy of 0002. No DELETE: removals are marked.
-- Inserts must not use RETURNING (see 0002); ids come from the application.

CREATE TABLE support_plan (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  start_date date NOT NULL,
  expected_end_date date,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, case_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (expected_end_date IS NULL OR expected_end_date >= start_date)
);
CREATE INDEX support_plan_household ON support_plan (municipality_id, household_id);

-- A goal per life domain. data_category marks the special-category domains (health, addiction, justice).
CREATE TABLE plan_goal (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid,
  domain text NOT NULL CHECK (domain IN ('finances', 'workAndEducation', 'timeUse', 'daytimeActivities', 'housing',
    'domesticRelations', 'mentalHealth', 'physicalHealth', 'substanceUse', 'addiction', 'adl', 'basicAdl',
    'instrumentalAdl', 'socialNetwork', 'communityParticipation', 'justice')),
  data_category text NOT NULL CHECK (data_category IN ('ordinary', 'special')),
  current_level smallint CHECK (current_level BETWEEN 1 AND 5),
  current_level_assessed_on date,
  target_level smallint NOT NULL CHECK (target_level BETWEEN 1 AND 5),
  start_date date NOT NULL,
  target_date date NOT NULL,
  own_words text NOT NULL CHECK (length(btrim(own_words)) BETWEEN 1 AND 2000),
  professional_wording text NOT NULL CHECK (length(btrim(professional_wording)) BETWEEN 1 AND 2000),
  -- Rungs of the ladder the professional and resident considered, in ladder order.
  considered_rungs text[] NOT NULL DEFAULT '{}' CHECK (considered_rungs <@ ARRAY['ownStrength', 'ownNetwork',
    'volunteersAndCollective', 'individualProvision', 'specialistCare']::text[]),
  ladder_note text CHECK (length(ladder_note) <= 2000),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'stopped')),
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES support_plan (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id),
  CHECK (target_date >= start_date),
  CHECK ((data_category = 'special') = (domain IN ('mentalHealth', 'physicalHealth', 'substanceUse', 'addiction', 'justice')))
);
CREATE INDEX plan_goal_plan ON plan_goal (municipality_id, plan_id);

-- The resident's network (ecogram). closeness: 1 inner ring … 3 outer ring.
CREATE TABLE network_member (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  relation text NOT NULL CHECK (relation IN ('family', 'friend', 'neighbour', 'volunteer', 'colleague', 'professional')),
  contact_frequency text NOT NULL CHECK (contact_frequency IN ('daily', 'weekly', 'monthly', 'fewTimesAYear', 'rarely')),
  closeness smallint NOT NULL CHECK (closeness BETWEEN 1 AND 3),
  does_now text CHECK (length(does_now) <= 1000),
  could_do text CHECK (length(could_do) <= 1000),
  overburdened boolean NOT NULL DEFAULT false,
  reluctance text[] NOT NULL DEFAULT '{}' CHECK (reluctance <@ ARRAY['shame', 'conflict', 'distance',
    'doesNotWantThemToKnow']::text[]),
  reluctance_note text CHECK (length(reluctance_note) <= 1000),
  phone text CHECK (phone ~ '^[+0-9 ()-]{6,20}$'),
  version integer NOT NULL DEFAULT 1,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  removed_by_user_id uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id),
  CHECK ((removed_at IS NULL) = (removed_by_user_id IS NULL))
);
CREATE INDEX network_member_household ON network_member (municipality_id, household_id);

-- Actions. The rung follows from who acts; a rung of professional care needs the reason the lower rungs
-- do not suffice (the same rule as plans.ladder.ts, kept here so no path around it exists).
CREATE TABLE plan_action (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  household_id uuid NOT NULL,
  data_category text NOT NULL CHECK (data_category IN ('ordinary', 'special')),
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'inProgress', 'done', 'cancelled')),
  actor_kind text NOT NULL CHECK (actor_kind IN ('resident', 'networkMember', 'volunteer', 'collectiveProvision',
    'teamProfessional', 'individualProvision', 'specialistCare')),
  rung text NOT NULL CHECK (rung IN ('ownStrength', 'ownNetwork', 'volunteersAndCollective', 'individualProvision',
    'specialistCare')),
  network_member_id uuid,
  directory_entry_id uuid,
  professional_user_id uuid,
  actor_name text CHECK (length(btrim(actor_name)) BETWEEN 1 AND 200),
  escalation_reason text CHECK (escalation_reason IN ('noNetwork', 'networkOverburdened', 'shameOrTaboo', 'conflict',
    'crisisFirst', 'needsSpecialistExpertise', 'other')),
  escalation_note text CHECK (length(escalation_note) <= 2000),
  -- Help a neighbour could give (reciprocity): open requests are volunteer actions with tags.
  help_tags text[] NOT NULL DEFAULT '{}',
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  removed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES support_plan (municipality_id, id),
  FOREIGN KEY (municipality_id, goal_id) REFERENCES plan_goal (municipality_id, id),
  FOREIGN KEY (municipality_id, network_member_id) REFERENCES network_member (municipality_id, id),
  FOREIGN KEY (municipality_id, directory_entry_id) REFERENCES directory_entry (municipality_id, id),
  FOREIGN KEY (municipality_id, professional_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (rung = CASE actor_kind WHEN 'resident' THEN 'ownStrength' WHEN 'networkMember' THEN 'ownNetwork'
    WHEN 'volunteer' THEN 'volunteersAndCollective' WHEN 'collectiveProvision' THEN 'volunteersAndCollective'
    WHEN 'specialistCare' THEN 'specialistCare' ELSE 'individualProvision' END),
  CHECK (rung NOT IN ('individualProvision', 'specialistCare')
    OR (escalation_reason IS NOT NULL AND length(btrim(escalation_note)) > 0)),
  CHECK (actor_kind <> 'networkMember' OR network_member_id IS NOT NULL),
  CHECK (actor_kind <> 'collectiveProvision' OR directory_entry_id IS NOT NULL),
  CHECK (actor_kind <> 'volunteer' OR directory_entry_id IS NOT NULL OR network_member_id IS NOT NULL
    OR actor_name IS NOT NULL OR cardinality(help_tags) > 0),
  CHECK (actor_kind <> 'teamProfessional' OR professional_user_id IS NOT NULL),
  CHECK (actor_kind NOT IN ('individualProvision', 'specialistCare') OR directory_entry_id IS NOT NULL OR actor_name IS NOT NULL)
);
CREATE INDEX plan_action_plan ON plan_action (municipality_id, plan_id);
CREATE INDEX plan_action_due ON plan_action (municipality_id, due_date)
  WHERE removed_at IS NULL AND status IN ('planned', 'inProgress');
CREATE INDEX plan_action_professional ON plan_action (municipality_id, professional_user_id)
  WHERE professional_user_id IS NOT NULL AND removed_at IS NULL;
CREATE INDEX plan_action_network_member ON plan_action (municipality_id, network_member_id)
  WHERE network_member_id IS NOT NULL;
CREATE INDEX plan_action_directory_entry ON plan_action (municipality_id, directory_entry_id)
  WHERE directory_entry_id IS NOT NULL;
CREATE INDEX plan_action_open_request ON plan_action (municipality_id)
  WHERE actor_kind = 'volunteer' AND removed_at IS NULL AND status IN ('planned', 'inProgress') AND cardinality(help_tags) > 0;

CREATE TABLE plan_action_progress (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  action_id uuid NOT NULL,
  household_id uuid NOT NULL,
  note text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 2000),
  written_by_user_id uuid NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, action_id) REFERENCES plan_action (municipality_id, id),
  FOREIGN KEY (municipality_id, written_by_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX plan_action_progress_action ON plan_action_progress (municipality_id, action_id);

-- Every change of a plan is a version: who, when, what, and the goals and actions as they then stood.
CREATE TABLE plan_version (
  municipality_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version integer NOT NULL,
  household_id uuid NOT NULL,
  changed_by_user_id uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
  snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
  PRIMARY KEY (municipality_id, plan_id, version),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES support_plan (municipality_id, id),
  FOREIGN KEY (municipality_id, changed_by_user_id) REFERENCES app_user (municipality_id, id)
);

-- The resident's agreement to one version of the plan.
CREATE TABLE plan_agreement (
  municipality_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  plan_version integer NOT NULL,
  household_id uuid NOT NULL,
  agreed_on date NOT NULL,
  how text NOT NULL CHECK (how IN ('inPerson', 'signed', 'digitalLater')),
  note text CHECK (length(note) <= 1000),
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, plan_id, plan_version),
  FOREIGN KEY (municipality_id, plan_id, plan_version) REFERENCES plan_version (municipality_id, plan_id, version),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, id)
);

-- Review moments; one open (not yet held) review per plan.
CREATE TABLE plan_review (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  household_id uuid NOT NULL,
  due_on date NOT NULL,
  held_on date,
  outcome text CHECK (length(outcome) <= 4000),
  held_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES support_plan (municipality_id, id),
  FOREIGN KEY (municipality_id, held_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK ((held_on IS NULL) = (held_by_user_id IS NULL))
);
CREATE UNIQUE INDEX plan_review_one_open ON plan_review (municipality_id, plan_id) WHERE held_on IS NULL;
CREATE INDEX plan_review_due ON plan_review (municipality_id, due_on) WHERE held_on IS NULL;

-- Reciprocity: what a resident can offer, and matches a professional proposes.
CREATE TABLE reciprocity_offer (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  interests text[] NOT NULL DEFAULT '{}',
  time_available text CHECK (length(time_available) <= 500),
  description text CHECK (length(description) <= 2000),
  active boolean NOT NULL DEFAULT true,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id),
  CHECK (cardinality(skills) + cardinality(interests) > 0)
);
CREATE INDEX reciprocity_offer_household ON reciprocity_offer (municipality_id, household_id);

CREATE TABLE reciprocity_match (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  offer_id uuid NOT NULL,
  household_id uuid NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('residentRequest', 'volunteerVacancy')),
  request_action_id uuid,
  request_household_id uuid,
  directory_entry_id uuid,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed', 'declined')),
  proposed_by_user_id uuid NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  agreed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES reciprocity_offer (municipality_id, id),
  FOREIGN KEY (municipality_id, request_action_id) REFERENCES plan_action (municipality_id, id),
  FOREIGN KEY (municipality_id, request_household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, directory_entry_id) REFERENCES directory_entry (municipality_id, id),
  FOREIGN KEY (municipality_id, proposed_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK ((target_kind = 'residentRequest') = (request_action_id IS NOT NULL AND request_household_id IS NOT NULL)),
  CHECK ((target_kind = 'volunteerVacancy') = (directory_entry_id IS NOT NULL)),
  CHECK ((status = 'agreed') = (agreed_at IS NOT NULL))
);
CREATE INDEX reciprocity_match_offer ON reciprocity_match (municipality_id, household_id);
CREATE INDEX reciprocity_match_request ON reciprocity_match (municipality_id, request_household_id)
  WHERE request_household_id IS NOT NULL;

-- Consent per side of a match: who agreed, when, how, recorded by whom.
CREATE TABLE reciprocity_consent (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  match_id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid,
  side text NOT NULL CHECK (side IN ('offering', 'requesting')),
  agreed boolean NOT NULL,
  how text NOT NULL CHECK (how IN ('inPerson', 'phone', 'signed', 'digital')),
  given_on date NOT NULL,
  note text CHECK (length(note) <= 1000),
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, match_id, side),
  FOREIGN KEY (municipality_id, match_id) REFERENCES reciprocity_match (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, id)
);

GRANT SELECT, INSERT, UPDATE ON support_plan, plan_goal, network_member, plan_action, plan_review, reciprocity_offer,
  reciprocity_match TO wijkwerk_app;
GRANT SELECT, INSERT ON plan_action_progress, plan_version, plan_agreement, reciprocity_consent TO wijkwerk_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['support_plan', 'plan_goal', 'network_member', 'plan_action', 'plan_action_progress',
    'plan_version', 'plan_agreement', 'plan_review', 'reciprocity_offer', 'reciprocity_consent']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY dossier ON %I USING (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT app_visible_household_ids()))', t);
  END LOOP;
END
$$;

-- A match concerns two households: either side's professionals see it (each side only its own consent).
ALTER TABLE reciprocity_match ENABLE ROW LEVEL SECURITY;
CREATE POLICY dossier ON reciprocity_match USING (
  municipality_id = (SELECT app_municipality_id())
  AND (household_id IN (SELECT app_visible_household_ids())
       OR request_household_id IN (SELECT app_visible_household_ids())));

-- How many plans of open cases have an open action that uses a social-map entry: a count, no personal data, so
-- the social map's administrators may ask it (they cannot see the plans themselves).
CREATE FUNCTION app_plan_directory_references(p_entry_id uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(DISTINCT a.plan_id)::integer
  FROM plan_action a
  JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
  JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE a.municipality_id = app_municipality_id()
    AND app_role() IN ('administrator', 'teamLead', 'professional', 'policyOfficer')
    AND a.directory_entry_id = p_entry_id
    AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    AND c.status <> 'closed'
$$;

-- Open requests for help from other households' plans, pseudonymised: no name, no household, no text;
-- only the kind of help, the buurt and a stable pseudonym. Staff of a team only.
CREATE FUNCTION app_reciprocity_requests(p_exclude_household uuid)
RETURNS TABLE (action_id uuid, pseudonym text, help_tags text[], neighbourhood_code text, due_date date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id, 'Inwoner ' || upper(substr(md5(a.municipality_id::text || a.id::text), 1, 6)), a.help_tags,
    (SELECT r.neighbourhood_code FROM household_member m JOIN resident r ON r.municipality_id = m.municipality_id
       AND r.id = m.resident_id WHERE m.municipality_id = a.municipality_id AND m.household_id = a.household_id
       ORDER BY m.is_main_contact DESC LIMIT 1),
    a.due_date
  FROM plan_action a
  JOIN support_plan p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
  JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE a.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND a.actor_kind = 'volunteer' AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    AND cardinality(a.help_tags) > 0
    AND a.household_id IS DISTINCT FROM p_exclude_household
    AND c.status <> 'closed'
    AND NOT EXISTS (SELECT 1 FROM reciprocity_match x WHERE x.municipality_id = a.municipality_id
                    AND x.request_action_id = a.id AND x.status = 'agreed')
$$;

-- The household of an open request, so a proposed match can be shown to that household's professionals.
CREATE FUNCTION app_reciprocity_request_household(p_action_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.household_id FROM plan_action a
  WHERE a.municipality_id = app_municipality_id() AND a.id = p_action_id
    AND app_role() IN ('professional', 'teamLead')
    AND a.actor_kind = 'volunteer' AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    AND cardinality(a.help_tags) > 0
$$;

-- Names and contact of both sides of a match, only once both residents agreed, and only to professionals
-- who see one of the two households.
CREATE FUNCTION app_reciprocity_match_parties(p_match_id uuid)
RETURNS TABLE (side text, given_name text, family_name text, phone text, email text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH x AS (
    SELECT * FROM reciprocity_match
    WHERE municipality_id = app_municipality_id() AND id = p_match_id AND status = 'agreed'
      AND target_kind = 'residentRequest'
      AND (household_id IN (SELECT app_visible_household_ids())
           OR request_household_id IN (SELECT app_visible_household_ids()))
  )
  SELECT 'offering', r.given_name, r.family_name, r.phone, r.email
  FROM x JOIN reciprocity_offer o ON o.municipality_id = x.municipality_id AND o.id = x.offer_id
  JOIN resident r ON r.municipality_id = o.municipality_id AND r.id = o.resident_id
  UNION ALL
  SELECT 'requesting', r.given_name, r.family_name, r.phone, r.email
  FROM x JOIN reciprocity_consent k ON k.municipality_id = x.municipality_id AND k.match_id = x.id
    AND k.side = 'requesting' AND k.agreed
  JOIN resident r ON r.municipality_id = k.municipality_id AND r.id = k.resident_id
$$;

REVOKE ALL ON FUNCTION app_plan_directory_references(uuid), app_reciprocity_requests(uuid),
  app_reciprocity_request_household(uuid), app_reciprocity_match_parties(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_plan_directory_references(uuid), app_reciprocity_requests(uuid),
  app_reciprocity_request_household(uuid), app_reciprocity_match_parties(uuid) TO wijkwerk_app;
