-- Privacy by design (issue 7): the three team models as access semantics, the register of processing
-- purposes with their legal basis, consent, routing in the front/back-office model, case conferences,
-- emergency access (break the glass), corrections with history and the retention log.
--
-- Who sees what is still decided in one place. Four functions, each a superset of the one before:
--   app_editable_household_ids()  may change the dossier: the case lead and involved professionals,
--                                 whoever opened or allocated the case, the team lead, a named back-office
--                                 professional the case was routed to; a household without a case: its
--                                 registering team (network model: the registering professional).
--   app_regular_household_ids()   may read the full dossier: the above, plus the whole caseload of an
--                                 integrated team, plus back-office cases routed to one's organisation.
--   app_visible_household_ids()   regular + an active emergency access (break the glass).
--   app_summary_household_ids()   visible + the front office of a front/back-office team, which sees
--                                 registration rows (household, residents, case) and intake summaries only.
-- Front-office members never get the full dossier of their own team's cases, even when involved.
-- Partners, policy officers and administrators see no household.
-- Inserts into these tables must not use RETURNING (see 0002).

CREATE TABLE privacy_setting (
  municipality_id uuid PRIMARY KEY REFERENCES municipality (id),
  emergency_default_minutes integer NOT NULL DEFAULT 240 CHECK (emergency_default_minutes BETWEEN 15 AND 1440),
  emergency_max_minutes integer NOT NULL DEFAULT 480 CHECK (emergency_max_minutes BETWEEN 15 AND 1440),
  emergency_min_reason_length integer NOT NULL DEFAULT 20 CHECK (emergency_min_reason_length BETWEEN 5 AND 500),
  CHECK (emergency_default_minutes <= emergency_max_minutes)
);

-- The register of processing purposes (verwerkingsdoelen) with legal basis, categories and retention.
CREATE TABLE processing_purpose (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z][A-Za-z0-9]{1,49}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  legal_basis text NOT NULL CHECK (legal_basis IN ('legalObligation', 'publicTask', 'consent', 'vitalInterest')),
  law_article text NOT NULL CHECK (length(btrim(law_article)) BETWEEN 1 AND 500),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  retention_months integer NOT NULL CHECK (retention_months BETWEEN 1 AND 1200),
  retention_from text NOT NULL DEFAULT 'caseClosed' CHECK (retention_from IN ('caseClosed', 'registered')),
  retention_action text NOT NULL DEFAULT 'delete' CHECK (retention_action IN ('delete', 'anonymise')),
  is_default boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code)
);
CREATE UNIQUE INDEX processing_purpose_one_default ON processing_purpose (municipality_id) WHERE is_default;

-- The purpose a case serves (drives sharing checks and retention). A case without a row uses the default purpose.
CREATE TABLE case_purpose (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  purpose_id uuid NOT NULL,
  set_by_user_id uuid NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, case_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, purpose_id) REFERENCES processing_purpose (municipality_id, id)
);
CREATE INDEX case_purpose_household ON case_purpose (municipality_id, household_id);

-- Consent, only where needed: who may receive which categories for which purpose, from when to when.
CREATE TABLE consent (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid,
  purpose_id uuid NOT NULL,
  recipient_organisation_ids uuid[] NOT NULL DEFAULT '{}',
  recipient_roles text[] NOT NULL DEFAULT '{}' CHECK (recipient_roles <@ ARRAY['professional', 'teamLead', 'partner']),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  covers_conference_naming boolean NOT NULL DEFAULT false,
  valid_from date NOT NULL,
  valid_until date,
  given_how text NOT NULL CHECK (given_how IN ('verbal', 'written', 'digital')),
  note text CHECK (length(note) <= 2000),
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by_user_id uuid,
  withdrawal_note text CHECK (length(withdrawal_note) <= 2000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id),
  FOREIGN KEY (municipality_id, purpose_id) REFERENCES processing_purpose (municipality_id, id),
  CHECK (valid_until IS NULL OR valid_until >= valid_from),
  CHECK (cardinality(recipient_organisation_ids) + cardinality(recipient_roles) > 0),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by_user_id IS NULL))
);
CREATE INDEX consent_household ON consent (municipality_id, household_id, purpose_id);

-- Front/back-office model: the front office routes a request to a back-office organisation or professional.
CREATE TABLE case_routing (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  team_id uuid NOT NULL,
  to_organisation_id uuid NOT NULL,
  to_user_id uuid,
  note text CHECK (length(note) <= 2000),
  routed_by_user_id uuid NOT NULL,
  routed_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, to_organisation_id) REFERENCES organisation (municipality_id, id),
  FOREIGN KEY (municipality_id, to_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX case_routing_case ON case_routing (municipality_id, case_id);
CREATE INDEX case_routing_to ON case_routing (municipality_id, to_user_id) WHERE withdrawn_at IS NULL;

-- Break the glass: time-limited access with a stated reason, on the team lead's review list until reviewed.
CREATE TABLE emergency_access (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  user_id uuid NOT NULL,
  team_id uuid,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 5 AND 2000),
  starts_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by_user_id uuid,
  review_note text CHECK (length(review_note) <= 2000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, reviewed_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (expires_at > starts_at),
  CHECK ((reviewed_at IS NULL) = (reviewed_by_user_id IS NULL))
);
CREATE INDEX emergency_access_user ON emergency_access (municipality_id, user_id, expires_at);
CREATE INDEX emergency_access_review ON emergency_access (municipality_id, team_id) WHERE reviewed_at IS NULL;

-- Case conferences (casusoverleg).
CREATE TABLE case_conference (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  team_id uuid NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  scheduled_at timestamptz NOT NULL,
  location text CHECK (length(location) <= 200),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX case_conference_team ON case_conference (municipality_id, team_id, scheduled_at);

CREATE TABLE conference_participant (
  municipality_id uuid NOT NULL,
  conference_id uuid NOT NULL,
  user_id uuid NOT NULL,
  organisation_id uuid,
  kind text NOT NULL CHECK (kind IN ('member', 'invitedPartner')),
  PRIMARY KEY (municipality_id, conference_id, user_id),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES case_conference (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisation (municipality_id, id)
);
CREATE INDEX conference_participant_user ON conference_participant (municipality_id, user_id);

-- An agenda item: the pseudonymised summary is generated server-side; a name only under consent.
CREATE TABLE conference_agenda_item (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  conference_id uuid NOT NULL,
  household_id uuid NOT NULL,
  case_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  presentation text NOT NULL CHECK (presentation IN ('pseudonymised', 'named')),
  pseudonym text NOT NULL CHECK (length(pseudonym) BETWEEN 1 AND 500),
  named_label text CHECK (length(named_label) <= 300),
  consent_id uuid,
  question text CHECK (length(question) <= 2000),
  added_by_user_id uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, conference_id, case_id),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES case_conference (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id),
  FOREIGN KEY (municipality_id, consent_id) REFERENCES consent (municipality_id, id),
  CHECK ((presentation = 'named') = (named_label IS NOT NULL AND consent_id IS NOT NULL))
);
CREATE INDEX conference_agenda_item_household ON conference_agenda_item (municipality_id, household_id);

-- Decisions: an action (who does what by when), the case lead, or an escalation to the team lead (mandate).
CREATE TABLE conference_decision (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  conference_id uuid NOT NULL,
  agenda_item_id uuid NOT NULL,
  household_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('action', 'caseLead', 'escalation')),
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
  assignee_user_id uuid NOT NULL,
  due_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  decided_by_user_id uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, agenda_item_id) REFERENCES conference_agenda_item (municipality_id, id),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES case_conference (municipality_id, id),
  FOREIGN KEY (municipality_id, assignee_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (kind <> 'action' OR due_date IS NOT NULL)
);
CREATE INDEX conference_decision_assignee ON conference_decision (municipality_id, assignee_user_id, status);

-- What the team learned; kept apart from the case and free of personal data.
CREATE TABLE case_learning_note (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  team_id uuid NOT NULL,
  conference_id uuid,
  text text NOT NULL CHECK (length(btrim(text)) BETWEEN 10 AND 4000),
  tags text[] NOT NULL DEFAULT '{}',
  written_by_user_id uuid NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES case_conference (municipality_id, id)
);

-- Correction of resident data (AVG art. 16) with the old and new value.
CREATE TABLE resident_correction (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  household_id uuid NOT NULL,
  field text NOT NULL,
  old_value text,
  new_value text,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 5 AND 2000),
  corrected_by_user_id uuid NOT NULL,
  corrected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id)
);
CREATE INDEX resident_correction_resident ON resident_correction (municipality_id, resident_id);

-- What the retention job removed: counts and ids, never the content.
CREATE TABLE retention_run (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  ran_at timestamptz NOT NULL,
  clock timestamptz NOT NULL,
  deleted_household_ids uuid[] NOT NULL DEFAULT '{}',
  anonymised_household_ids uuid[] NOT NULL DEFAULT '{}',
  deleted_signal_ids uuid[] NOT NULL DEFAULT '{}',
  row_counts jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (municipality_id, id)
);

-- Every municipality starts with a register of purposes (Wmo 15 years, youth 20, signals 6 months …), which
-- its administrator then adjusts. The same list is DEFAULT_PURPOSES in privacy/categories.ts (a test compares them).
CREATE FUNCTION app_seed_default_purposes(p_municipality_id uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO processing_purpose (municipality_id, id, code, name, legal_basis, law_article, categories, retention_months,
    retention_from, retention_action, is_default)
  SELECT p_municipality_id, gen_random_uuid(), d.* FROM (VALUES
    ('wmoSupport', 'Maatschappelijke ondersteuning (Wmo)', 'publicTask', 'Wmo 2015 art. 2.3.2 en art. 5.1.1 (gezondheidsgegevens: art. 5.1.1 lid 3)', ARRAY['personalDetails', 'request', 'finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations', 'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork', 'communityParticipation', 'daytimeActivities', 'addiction', 'adl'], 180, 'caseClosed', 'delete', true),
    ('youthSupport', 'Jeugdhulp', 'legalObligation', 'Jeugdwet art. 7.3.8 en art. 7.4.4', ARRAY['personalDetails', 'request', 'finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations', 'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork', 'communityParticipation', 'justice', 'daytimeActivities', 'addiction', 'adl'], 240, 'caseClosed', 'delete', false),
    ('debtCounselling', 'Schuldhulpverlening', 'publicTask', 'Wet gemeentelijke schuldhulpverlening art. 5 en 6', ARRAY['personalDetails', 'request', 'finances', 'housing', 'workAndEducation', 'domesticRelations'], 84, 'caseClosed', 'anonymise', false),
    ('signalTriage', 'Signalen beoordelen (vroegsignalering)', 'publicTask', 'Wmo 2015 art. 2.3.2 lid 1; Wgs art. 3 (vroegsignalering)', ARRAY['personalDetails', 'request', 'finances', 'housing', 'socialNetwork'], 6, 'registered', 'delete', false),
    ('reciprocityMatching', 'Wederkerigheid (vrijwillige inzet koppelen)', 'consent', 'AVG art. 6 lid 1 sub a', ARRAY['personalDetails', 'timeUse', 'socialNetwork', 'communityParticipation', 'daytimeActivities'], 12, 'caseClosed', 'delete', false)
  ) AS d (code, name, legal_basis, law_article, categories, retention_months, retention_from, retention_action, is_default)
  WHERE NOT EXISTS (SELECT 1 FROM processing_purpose p WHERE p.municipality_id = p_municipality_id AND p.code = d.code)
    AND (NOT d.is_default OR NOT EXISTS (SELECT 1 FROM processing_purpose p WHERE p.municipality_id = p_municipality_id AND p.is_default))
$$;
REVOKE ALL ON FUNCTION app_seed_default_purposes(uuid) FROM PUBLIC;
CREATE FUNCTION app_seed_purposes_on_new_municipality() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_seed_default_purposes(NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER seed_purposes AFTER INSERT ON municipality FOR EACH ROW EXECUTE FUNCTION app_seed_purposes_on_new_municipality();
SELECT app_seed_default_purposes(id) FROM municipality;

-- ---------------------------------------------------------------------------------------------------
-- Visibility functions (SECURITY DEFINER: they read the tables without recursing into their policies).

CREATE FUNCTION app_front_office_team_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(m.team_id), '{}')
  FROM team_membership m
  JOIN team t ON t.municipality_id = m.municipality_id AND t.id = m.team_id
  WHERE m.municipality_id = app_municipality_id() AND m.user_id = app_user_id()
    AND m.office = 'front' AND t.model = 'frontBackOffice' AND app_role() = 'professional'
$$;

CREATE FUNCTION app_editable_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.household_id
  FROM case_professional p
  JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE p.municipality_id = app_municipality_id() AND p.user_id = app_user_id() AND p.ended_at IS NULL
    AND app_role() IN ('professional', 'teamLead')
    AND NOT (c.team_id = ANY (app_front_office_team_ids()))
  UNION
  SELECT c.household_id
  FROM case_file c
  WHERE c.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND c.team_id = ANY (app_team_ids())
    AND NOT (c.team_id = ANY (app_front_office_team_ids()))
    AND (app_role() = 'teamLead'
      OR app_user_id() IN (c.allocated_by_user_id, c.opened_by_user_id)
      OR EXISTS (SELECT 1 FROM case_routing r WHERE r.municipality_id = c.municipality_id AND r.case_id = c.id
                   AND r.to_user_id = app_user_id() AND r.withdrawn_at IS NULL))
  UNION
  SELECT h.id
  FROM household h
  JOIN team t ON t.municipality_id = h.municipality_id AND t.id = h.registered_by_team_id
  WHERE h.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND h.registered_by_team_id = ANY (app_team_ids())
    AND NOT (h.registered_by_team_id = ANY (app_front_office_team_ids()))
    AND (t.model <> 'network' OR app_role() = 'teamLead' OR h.registered_by_user_id = app_user_id())
    AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id)
$$;

CREATE FUNCTION app_regular_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_editable_household_ids()
  UNION
  SELECT c.household_id
  FROM case_file c
  JOIN team t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
  WHERE c.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND c.team_id = ANY (app_team_ids())
    AND t.model = 'integrated'
  UNION
  SELECT r.household_id
  FROM case_routing r
  JOIN team_membership m ON m.municipality_id = r.municipality_id AND m.team_id = r.team_id
    AND m.user_id = app_user_id() AND m.office = 'back'
  WHERE r.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND r.withdrawn_at IS NULL
    AND (r.to_user_id = app_user_id() OR (r.to_user_id IS NULL AND r.to_organisation_id = m.organisation_id))
$$;

CREATE OR REPLACE FUNCTION app_visible_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_regular_household_ids()
  UNION
  SELECT e.household_id
  FROM emergency_access e
  WHERE e.municipality_id = app_municipality_id()
    AND e.user_id = app_user_id()
    AND app_role() IN ('professional', 'teamLead')
    AND e.ended_at IS NULL AND e.starts_at <= now() AND e.expires_at > now()
$$;

CREATE FUNCTION app_front_office_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.household_id FROM case_file c
  WHERE c.municipality_id = app_municipality_id() AND c.team_id = ANY (app_front_office_team_ids())
  UNION
  SELECT h.id FROM household h
  WHERE h.municipality_id = app_municipality_id() AND h.registered_by_team_id = ANY (app_front_office_team_ids())
    AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id)
$$;

CREATE FUNCTION app_summary_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_visible_household_ids() UNION SELECT app_front_office_household_ids()
$$;

-- Where new registration rows may be written: editable households and the front office's own requests.
CREATE FUNCTION app_registrable_household_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_editable_household_ids() UNION SELECT app_front_office_household_ids()
$$;

CREATE FUNCTION app_summary_resident_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT m.resident_id FROM household_member m
  WHERE m.municipality_id = app_municipality_id() AND m.household_id IN (SELECT app_summary_household_ids())
$$;

CREATE FUNCTION app_editable_resident_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT m.resident_id FROM household_member m
  WHERE m.municipality_id = app_municipality_id() AND m.household_id IN (SELECT app_editable_household_ids())
$$;

-- The front office's view of intakes: name and address come from the resident rows, the request and
-- urgency from here; underlying question, strengths, network and safety notes stay hidden.
CREATE FUNCTION app_intake_summaries() RETURNS TABLE (case_id uuid, household_id uuid, conversation_date date,
  request_in_own_words text, urgency text, life_domains text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.case_id, i.household_id, i.conversation_date, i.request_in_own_words, i.urgency,
    ARRAY(SELECT d FROM unnest(i.life_domains) d
          WHERE d NOT IN ('mentalHealth', 'physicalHealth', 'substanceUse', 'addiction', 'justice'))
  FROM intake i
  WHERE i.municipality_id = app_municipality_id() AND i.household_id IN (SELECT app_summary_household_ids())
$$;

-- Whether a household exists in the acting municipality (to refuse emergency access to unknown ids with 404).
CREATE FUNCTION app_household_exists(p_household_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM household WHERE municipality_id = app_municipality_id() AND id = p_household_id)
    AND app_role() IN ('professional', 'teamLead')
$$;

-- Who accessed a household's or resident's data: for the resident's export, only with full access.
CREATE FUNCTION app_household_access_log(p_household_id uuid, p_resident_id uuid)
RETURNS TABLE (id bigint, occurred_at timestamptz, action text, actor_name text, actor_role text,
  organisation_name text, resource_type text, reason text, break_the_glass boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.id, e.occurred_at, e.action, u.display_name, e.actor_role, o.name, e.resource_type, e.reason,
    coalesce((e.details ->> 'breakTheGlass')::boolean, false)
  FROM audit_event e
  LEFT JOIN app_user u ON u.municipality_id = e.municipality_id AND u.id = e.actor_user_id
  LEFT JOIN organisation o ON o.municipality_id = e.municipality_id AND o.id = e.actor_organisation_id
  WHERE e.municipality_id = app_municipality_id()
    AND p_household_id IN (SELECT app_visible_household_ids())
    AND (e.household_id = p_household_id OR e.resident_id = p_resident_id)
  ORDER BY e.id
$$;

-- Conferences a user may see: those of their teams and those they take part in (invited partners).
CREATE FUNCTION app_conference_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id FROM case_conference c
  WHERE c.municipality_id = app_municipality_id() AND app_role() IN ('professional', 'teamLead')
    AND c.team_id = ANY (app_team_ids())
  UNION
  SELECT p.conference_id FROM conference_participant p
  WHERE p.municipality_id = app_municipality_id() AND p.user_id = app_user_id()
$$;

-- Every audit event about a household read under emergency access is marked as such, whichever module
-- writes it: the reason is copied into audit_event.reason and details.breakTheGlass is set.
CREATE FUNCTION app_mark_emergency_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  g record;
BEGIN
  IF NEW.household_id IS NULL OR NEW.actor_user_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT e.id, e.reason, e.team_id INTO g FROM emergency_access e
  WHERE e.municipality_id = NEW.municipality_id AND e.user_id = NEW.actor_user_id
    AND e.household_id = NEW.household_id AND e.ended_at IS NULL
    AND e.starts_at <= now() AND e.expires_at > now()
  ORDER BY e.starts_at DESC LIMIT 1;
  IF NOT FOUND THEN
    RETURN NEW;
  END IF;
  IF NEW.household_id IN (SELECT app_regular_household_ids()) THEN
    RETURN NEW;
  END IF;
  NEW.reason := coalesce(NEW.reason, g.reason);
  NEW.team_id := coalesce(NEW.team_id, g.team_id);
  NEW.details := NEW.details || jsonb_build_object('breakTheGlass', true, 'emergencyAccessId', g.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER mark_emergency_access BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION app_mark_emergency_audit();

-- ---------------------------------------------------------------------------------------------------
-- Policies of the dossier (0002) refined: registration rows readable in summary, detail rows only with
-- full access, changes only for those who may edit.

DROP POLICY visible ON household;
DROP POLICY change ON household;
CREATE POLICY visible ON household FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_summary_household_ids()));
CREATE POLICY change ON household FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_editable_household_ids()));

DROP POLICY visible ON resident;
DROP POLICY change ON resident;
CREATE POLICY visible ON resident FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_summary_resident_ids()));
CREATE POLICY change ON resident FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_editable_resident_ids()));

DO $$
DECLARE
  t text;
  summary_read text[] := ARRAY['household_member', 'case_file', 'case_purpose', 'case_routing', 'consent'];
  registration_write text[] := ARRAY['household_member', 'case_file', 'case_professional', 'case_status_change',
    'intake', 'case_purpose', 'consent'];
BEGIN
  FOREACH t IN ARRAY ARRAY['household_member', 'household_merge', 'case_file', 'case_professional', 'case_lead_handover',
    'case_status_change', 'intake', 'assessment', 'assessment_score', 'journal_entry', 'case_purpose', 'consent',
    'resident_correction']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS dossier ON %I', t);
    EXECUTE format('CREATE POLICY read ON %I FOR SELECT USING (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT %s()))', t,
      CASE WHEN t = ANY (summary_read) THEN 'app_summary_household_ids' ELSE 'app_visible_household_ids' END);
    EXECUTE format('CREATE POLICY write ON %I FOR INSERT WITH CHECK (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT %s()))', t,
      CASE WHEN t = ANY (registration_write) THEN 'app_registrable_household_ids' ELSE 'app_editable_household_ids' END);
    EXECUTE format('CREATE POLICY change ON %I FOR UPDATE USING (municipality_id = (SELECT app_municipality_id())
      AND household_id IN (SELECT %s()))', t,
      CASE WHEN t IN ('consent', 'case_purpose') THEN 'app_registrable_household_ids' ELSE 'app_editable_household_ids' END);
  END LOOP;
END
$$;

-- Routing: visible in summary (front office sees where a request went); written by the front office or the team lead.
ALTER TABLE case_routing ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON case_routing FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND household_id IN (SELECT app_summary_household_ids()));
CREATE POLICY write ON case_routing FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id())
  AND (team_id = ANY ((SELECT app_front_office_team_ids())::uuid[])
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));
CREATE POLICY change ON case_routing FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id())
  AND (team_id = ANY ((SELECT app_front_office_team_ids())::uuid[])
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));

ALTER TABLE emergency_access ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON emergency_access FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id())
  AND (user_id = (SELECT app_user_id())
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));
CREATE POLICY request ON emergency_access FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND user_id = (SELECT app_user_id())
  AND (SELECT app_role()) IN ('professional', 'teamLead'));
CREATE POLICY review ON emergency_access FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id())
  AND (user_id = (SELECT app_user_id())
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))));

ALTER TABLE privacy_setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON privacy_setting FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY manage ON privacy_setting FOR ALL USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'administrator');

ALTER TABLE processing_purpose ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON processing_purpose FOR SELECT USING (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY manage ON processing_purpose FOR ALL USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'administrator');

ALTER TABLE case_conference ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON case_conference FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND id IN (SELECT app_conference_ids()));
CREATE POLICY plan ON case_conference FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND team_id = ANY ((SELECT app_team_ids())::uuid[]));
CREATE POLICY change ON case_conference FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND team_id = ANY ((SELECT app_team_ids())::uuid[]));

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['conference_participant', 'conference_agenda_item', 'conference_decision']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY read ON %I FOR SELECT USING (municipality_id = (SELECT app_municipality_id())
      AND conference_id IN (SELECT app_conference_ids()))', t);
    EXECUTE format('CREATE POLICY write ON %I FOR INSERT WITH CHECK (municipality_id = (SELECT app_municipality_id())
      AND (SELECT app_role()) IN (''professional'', ''teamLead'') AND conference_id IN (SELECT app_conference_ids()))', t);
  END LOOP;
END
$$;
-- Only someone with full access to the household puts it on an agenda.
CREATE POLICY household ON conference_agenda_item AS RESTRICTIVE FOR INSERT WITH CHECK (
  household_id IN (SELECT app_visible_household_ids()));
-- An assignee sees their own decisions (on their worklist) and marks them done.
CREATE POLICY assignee ON conference_decision FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND assignee_user_id = (SELECT app_user_id()));
CREATE POLICY complete ON conference_decision FOR UPDATE USING (
  municipality_id = (SELECT app_municipality_id())
  AND (assignee_user_id = (SELECT app_user_id()) OR conference_id IN (SELECT app_conference_ids())));

ALTER TABLE case_learning_note ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON case_learning_note FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead', 'policyOfficer'));
CREATE POLICY write ON case_learning_note FOR INSERT WITH CHECK (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) IN ('professional', 'teamLead')
  AND team_id = ANY ((SELECT app_team_ids())::uuid[]));

ALTER TABLE retention_run ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON retention_run FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id()) AND (SELECT app_role()) = 'administrator');

GRANT SELECT, INSERT, UPDATE ON privacy_setting, processing_purpose, case_purpose, consent, case_routing,
  emergency_access, case_conference, conference_decision TO wijkwerk_app;
GRANT SELECT, INSERT ON conference_participant, conference_agenda_item, case_learning_note, resident_correction
  TO wijkwerk_app;
GRANT SELECT ON retention_run TO wijkwerk_app;
