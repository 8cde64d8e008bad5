-- Early signalling (issue 6): signals from partners (web), residents (public form) and partner systems
-- (API keys); routing rules; per-municipality triage deadlines; triage with outreach and the meldcode;
-- neighbourhood initiatives.
--
-- Session roles that reach these tables: 'partner' (a logged-in ketenpartner: only their own signals),
-- 'public' (the resident form: insert only, status through a function), 'partnerSystem' (an API key:
-- its own organisation's signals), and team staff (their teams' signals). Inserts by partners, the
-- public and partner systems do not use RETURNING (the row need not be visible to the inserter); ids
-- come from the application.

CREATE FUNCTION app_organisation_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;

-- Deadlines per urgency in working days (0 = the same day), per municipality; a missing row means the defaults.
CREATE TABLE signal_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipality (id),
  acute_working_days smallint NOT NULL DEFAULT 0 CHECK (acute_working_days BETWEEN 0 AND 30),
  high_working_days smallint NOT NULL DEFAULT 2 CHECK (high_working_days BETWEEN 0 AND 30),
  normal_working_days smallint NOT NULL DEFAULT 5 CHECK (normal_working_days BETWEEN 0 AND 30),
  low_working_days smallint NOT NULL DEFAULT 10 CHECK (low_working_days BETWEEN 0 AND 60),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Routing rules: the most specific matching rule wins (buurt before wijk before anywhere; then category,
-- then source); without a matching rule the team whose area_codes hold the buurt or its wijk.
CREATE TABLE signal_routing_rule (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  area_code text CHECK (area_code ~ '^(WK[0-9]{6}|BU[0-9]{8})$'),
  category text,
  source text CHECK (source IN ('partner', 'public', 'api')),
  team_id uuid NOT NULL,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (area_code IS NOT NULL OR category IS NOT NULL OR source IS NOT NULL)
);
CREATE UNIQUE INDEX signal_routing_rule_unique ON signal_routing_rule
  (municipality_id, coalesce(area_code, ''), coalesce(category, ''), coalesce(source, ''));

-- API keys of partner systems: only the SHA-256 of the key is stored; the prefix helps recognise it.
CREATE TABLE partner_api_key (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  key_prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  issued_by_user_id uuid NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by_user_id uuid,
  last_used_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisation (municipality_id, id),
  FOREIGN KEY (municipality_id, issued_by_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, revoked_by_user_id) REFERENCES app_user (municipality_id, id)
);

CREATE TABLE neighbourhood_initiative (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  team_id uuid NOT NULL,
  neighbourhood_code text NOT NULL,
  category text NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
  started_by_user_id uuid NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, neighbourhood_code) REFERENCES area (municipality_id, code),
  FOREIGN KEY (municipality_id, started_by_user_id) REFERENCES app_user (municipality_id, id)
);

CREATE TABLE signal (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  reference_code text NOT NULL CHECK (reference_code ~ '^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  source text NOT NULL CHECK (source IN ('partner', 'public', 'api')),
  reporter_user_id uuid,
  reporter_organisation_id uuid,
  api_key_id uuid,
  external_reference text CHECK (external_reference ~ '^[A-Za-z0-9._:/-]{1,100}$'),
  -- What the signal is about: a person or household at an address, or a place (a buurt, a street).
  subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'place')),
  person_name text CHECK (length(btrim(person_name)) BETWEEN 1 AND 200),
  postcode text CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
  house_number integer CHECK (house_number BETWEEN 1 AND 99999),
  house_number_addition text CHECK (house_number_addition ~ '^[A-Za-z0-9 -]{1,6}$'),
  street text CHECK (length(street) <= 200),
  neighbourhood_code text NOT NULL,
  -- "1234 AB|12|A": the key that groups signals about one address.
  address_key text,
  category text NOT NULL CHECK (category IN ('finances', 'workAndEducation', 'daytimeActivities', 'housing',
    'domesticRelations', 'mentalHealth', 'physicalHealth', 'addiction', 'adl', 'socialNetwork',
    'communityParticipation', 'justice', 'nuisance', 'pollution', 'debtsRentArrears', 'loneliness',
    'childConcern', 'domesticViolence')),
  -- Special-category data (GDPR art. 9): health, addiction and justice.
  data_category text NOT NULL CHECK (data_category IN ('ordinary', 'special')),
  urgency text NOT NULL CHECK (urgency IN ('low', 'normal', 'high', 'acute')),
  observation text NOT NULL CHECK (length(btrim(observation)) BETWEEN 10 AND 4000),
  resident_aware boolean NOT NULL,
  anonymous boolean NOT NULL DEFAULT false,
  reporter_name text CHECK (length(reporter_name) <= 200),
  reporter_phone text CHECK (reporter_phone ~ '^[+0-9 ()-]{6,20}$'),
  reporter_email text CHECK (length(reporter_email) <= 200 AND reporter_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  team_id uuid,
  routing_rule_id uuid,
  group_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  deadline_at timestamptz NOT NULL,
  -- Triage: new → outreach → one of the decisions (linked, caseOpened, referred, neighbourhood, noAction).
  triage_state text NOT NULL DEFAULT 'new' CHECK (triage_state IN ('new', 'outreach', 'linked', 'caseOpened',
    'referred', 'neighbourhood', 'noAction')),
  first_action_at timestamptz,
  first_contact_at timestamptz,
  decided_at timestamptz,
  decided_by_user_id uuid,
  decision_reason text CHECK (length(decision_reason) <= 2000),
  referred_to text CHECK (length(referred_to) <= 200),
  outreach_user_id uuid,
  household_id uuid,
  case_id uuid,
  initiative_id uuid,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, reference_code),
  FOREIGN KEY (municipality_id, reporter_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, reporter_organisation_id) REFERENCES organisation (municipality_id, id),
  FOREIGN KEY (municipality_id, api_key_id) REFERENCES partner_api_key (municipality_id, id),
  FOREIGN KEY (municipality_id, neighbourhood_code) REFERENCES area (municipality_id, code),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, decided_by_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, outreach_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, initiative_id) REFERENCES neighbourhood_initiative (municipality_id, id),
  CHECK ((source = 'partner') = (reporter_user_id IS NOT NULL)),
  CHECK ((source = 'api') = (api_key_id IS NOT NULL AND external_reference IS NOT NULL)),
  CHECK (source = 'public' OR reporter_organisation_id IS NOT NULL),
  CHECK (subject_kind = 'place' OR (person_name IS NOT NULL AND postcode IS NOT NULL AND house_number IS NOT NULL)),
  CHECK ((data_category = 'special') = (category IN ('mentalHealth', 'physicalHealth', 'addiction', 'justice'))),
  CHECK (triage_state IN ('new', 'outreach') OR decided_at IS NOT NULL),
  CHECK (triage_state <> 'noAction' OR length(btrim(decision_reason)) > 0),
  CHECK (triage_state <> 'referred' OR length(btrim(referred_to)) > 0),
  CHECK (triage_state NOT IN ('linked', 'caseOpened') OR household_id IS NOT NULL)
);
-- Idempotency of the API: one signal per sender's own reference, per partner organisation.
CREATE UNIQUE INDEX signal_external_reference ON signal (municipality_id, reporter_organisation_id, external_reference)
  WHERE external_reference IS NOT NULL;
CREATE INDEX signal_team_queue ON signal (municipality_id, team_id, triage_state, deadline_at);
CREATE INDEX signal_reporter ON signal (municipality_id, reporter_user_id, received_at) WHERE reporter_user_id IS NOT NULL;
CREATE INDEX signal_reporter_organisation ON signal (municipality_id, reporter_organisation_id, received_at);
CREATE INDEX signal_address_open ON signal (municipality_id, address_key) WHERE triage_state IN ('new', 'outreach');
CREATE INDEX signal_group ON signal (municipality_id, group_id);
CREATE INDEX signal_neighbourhood ON signal (municipality_id, neighbourhood_code, category, received_at);

CREATE TABLE signal_contact_attempt (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  signal_id uuid NOT NULL,
  user_id uuid NOT NULL,
  attempted_at timestamptz NOT NULL,
  method text NOT NULL CHECK (method IN ('homeVisit', 'phone', 'letter', 'viaPartner', 'other')),
  outcome text NOT NULL CHECK (outcome IN ('reached', 'notHome', 'noAnswer', 'declined')),
  note text CHECK (length(note) <= 2000),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, signal_id) REFERENCES signal (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX signal_contact_attempt_signal ON signal_contact_attempt (municipality_id, signal_id);

-- Meldcode huiselijk geweld en kindermishandeling: which of the five steps were taken, by whom.
CREATE TABLE signal_meldcode_step (
  municipality_id uuid NOT NULL,
  signal_id uuid NOT NULL,
  step smallint NOT NULL CHECK (step BETWEEN 1 AND 5),
  note text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 2000),
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, signal_id, step),
  FOREIGN KEY (municipality_id, signal_id) REFERENCES signal (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, id)
);

-- The open group at an address (signals still new or in outreach), across teams and reporters: a
-- reporter may not read other signals, but the new one must join the group so nobody visits twice.
CREATE FUNCTION app_signal_group_for_address(p_address_key text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.group_id FROM signal s
  WHERE s.municipality_id = app_municipality_id() AND s.address_key = p_address_key
    AND s.triage_state IN ('new', 'outreach')
  ORDER BY s.received_at LIMIT 1
$$;

-- Status for the anonymous reporter: only state and dates, never content.
CREATE FUNCTION app_signal_status(p_reference_code text)
RETURNS TABLE (triage_state text, received_at timestamptz, decided_at timestamptz, first_action_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.triage_state, s.received_at, s.decided_at, s.first_action_at FROM signal s
  WHERE s.municipality_id = app_municipality_id() AND s.reference_code = p_reference_code AND s.source = 'public'
$$;

-- Facts without personal data, for the neighbourhood view and the figures: the whole municipality for
-- policy officers and administrators, the own teams for staff.
CREATE FUNCTION app_signal_facts()
RETURNS TABLE (id uuid, source text, category text, subject_kind text, urgency text, neighbourhood_code text,
  team_id uuid, received_at timestamptz, deadline_at timestamptz, first_action_at timestamptz,
  first_contact_at timestamptz, triage_state text, referred_to text, initiative_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.id, s.source, s.category, s.subject_kind, s.urgency, s.neighbourhood_code, s.team_id, s.received_at,
    s.deadline_at, s.first_action_at, s.first_contact_at, s.triage_state, s.referred_to, s.initiative_id
  FROM signal s
  WHERE s.municipality_id = app_municipality_id()
    AND (app_role() IN ('policyOfficer', 'administrator')
      OR (app_role() IN ('professional', 'teamLead') AND s.team_id = ANY (app_team_ids())))
$$;

REVOKE ALL ON FUNCTION app_signal_group_for_address(text), app_signal_status(text), app_signal_facts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_signal_group_for_address(text), app_signal_status(text), app_signal_facts()
  TO wijkwerk_app;

GRANT SELECT ON signal_settings, signal_routing_rule TO wijkwerk_app;
GRANT INSERT, UPDATE ON signal_settings TO wijkwerk_app;
GRANT INSERT, DELETE ON signal_routing_rule TO wijkwerk_app;
GRANT SELECT, INSERT, UPDATE ON partner_api_key, signal TO wijkwerk_app;
GRANT SELECT, INSERT ON signal_contact_attempt, signal_meldcode_step, neighbourhood_initiative TO wijkwerk_app;

-- Configuration: everybody in the municipality reads (routing runs for every channel); only the
-- administrator changes it.
ALTER TABLE signal_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON signal_settings FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY configure ON signal_settings FOR ALL USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'administrator');

ALTER TABLE signal_routing_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON signal_routing_rule FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY configure ON signal_routing_rule FOR ALL USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'administrator');

ALTER TABLE partner_api_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY administrator ON partner_api_key USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'administrator');
-- A partner system may mark its own key as used.
CREATE POLICY own_key ON partner_api_key USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'partnerSystem'
  AND id = nullif(current_setting('app.api_key_id', true), '')::uuid);

ALTER TABLE signal ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON signal FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id())
  AND (
    -- Staff see their teams' signals; a team lead also the ones no team serves yet.
    ((SELECT app_role()) IN ('professional', 'teamLead')
      AND (team_id = ANY ((SELECT app_team_ids())::uuid[]) OR (team_id IS NULL AND (SELECT app_role()) = 'teamLead')))
    OR ((SELECT app_role()) = 'partner' AND reporter_user_id = (SELECT app_user_id()))
    OR ((SELECT app_role()) = 'partnerSystem' AND source = 'api'
        AND reporter_organisation_id = (SELECT app_organisation_id()))
  ));
CREATE POLICY submit ON signal FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id())
  AND triage_state = 'new'
  AND (
    ((SELECT app_role()) = 'partner' AND source = 'partner' AND reporter_user_id = (SELECT app_user_id()))
    OR ((SELECT app_role()) = 'public' AND source = 'public' AND reporter_user_id IS NULL
        AND reporter_organisation_id IS NULL)
    OR ((SELECT app_role()) = 'partnerSystem' AND source = 'api'
        AND reporter_organisation_id = (SELECT app_organisation_id()))
  ));
CREATE POLICY triage ON signal FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND (team_id = ANY ((SELECT app_team_ids())::uuid[]) OR (team_id IS NULL AND (SELECT app_role()) = 'teamLead')));

ALTER TABLE signal_contact_attempt ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON signal_contact_attempt USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND signal_id IN (SELECT id FROM signal));

ALTER TABLE signal_meldcode_step ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON signal_meldcode_step USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND signal_id IN (SELECT id FROM signal));

ALTER TABLE neighbourhood_initiative ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON neighbourhood_initiative FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) IN ('policyOfficer', 'administrator') OR team_id = ANY ((SELECT app_team_ids())::uuid[])));
CREATE POLICY start ON neighbourhood_initiative FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND team_id = ANY ((SELECT app_team_ids())::uuid[]));
