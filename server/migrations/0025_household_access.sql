-- Access as data (issue 15).
--
-- Until now "who sees which household" was computed on every request by the household-set functions
-- (0007, 0010, 0015, 0020, 0021) and every policy was rewritten from the catalogue by regular
-- expression (0015), so no file showed a live rule. From here on:
--   * household_access holds one row per user, household and level, with why (sources) and until when.
--     It is kept current in the same transaction by triggers on the tables the rules read, and can be
--     rebuilt from scratch (server/sql/functions/access.sql: the rules in one place).
--   * every policy and grant is generated from one declaration (server/src/platform/access/rules.ts)
--     into server/sql/policies.sql, a repeatable file applied after the migrations.
-- This migration only clears the old state and creates the table; the functions and policies follow
-- from the repeatable files.

-- The old policies go first: they are the only users of the old functions.
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN SELECT tablename, policyname FROM pg_policies WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
  END LOOP;
END
$$;

DROP TRIGGER forget_visibility ON household;
DROP TRIGGER forget_visibility ON household_member;
DROP TRIGGER forget_visibility ON case_file;
DROP TRIGGER forget_visibility ON case_professional;
DROP TRIGGER forget_visibility ON case_routing;
DROP TRIGGER forget_visibility ON emergency_access;
DROP TRIGGER forget_visibility ON team;
DROP TRIGGER forget_visibility ON team_membership;

DROP FUNCTION app_forget_visibility();
DROP FUNCTION app_household_texts(text);
DROP FUNCTION app_household_set_text(text);
DROP FUNCTION app_cache_household_set(text, text);
DROP FUNCTION app_household_set(text);
DROP FUNCTION app_compute_household_set(text);
DROP FUNCTION app_summary_resident_ids();
DROP FUNCTION app_visible_resident_ids();
DROP FUNCTION app_editable_resident_ids();
DROP FUNCTION app_summary_household_ids();
DROP FUNCTION app_registrable_household_ids();
DROP FUNCTION app_front_office_household_ids();
DROP FUNCTION app_visible_household_ids();
DROP FUNCTION app_regular_household_ids();
DROP FUNCTION app_editable_household_ids();
DROP FUNCTION app_portal_household_ids();
DROP FUNCTION app_front_office_team_ids();
DROP FUNCTION app_case_household_id(uuid);
DROP FUNCTION app_intake_summaries();

CREATE TABLE household_access (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  household_id uuid NOT NULL,
  level text NOT NULL CHECK (level IN ('frontOffice', 'read', 'emergency', 'edit', 'caseLead', 'resident',
    'representative')),
  sources text[] NOT NULL CHECK (cardinality(sources) > 0),
  valid_from timestamptz NOT NULL DEFAULT '-infinity',
  valid_until timestamptz NOT NULL DEFAULT 'infinity',
  PRIMARY KEY (municipality_id, user_id, household_id, level),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id) ON DELETE CASCADE,
  CHECK (valid_until > valid_from)
);
CREATE INDEX household_access_household ON household_access (municipality_id, household_id);

-- Emergency access is reviewed by the household's team lead, or, when that team has none, by the
-- municipality's administrator (privacy officer): never by nobody.
ALTER TABLE emergency_access ADD COLUMN reviewer text NOT NULL DEFAULT 'teamLead'
  CHECK (reviewer IN ('teamLead', 'administrator'));
ALTER TABLE emergency_access ADD COLUMN case_lead_seen_at timestamptz;

-- Which repeatable files (functions, policies) have been applied, by content hash.
CREATE TABLE IF NOT EXISTS schema_repeatable (
  name text PRIMARY KEY,
  sha256 text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- A resident is told when the link between their portal account and the municipality's login changes.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
  CHECK (kind IN ('loginCode', 'newMessage', 'exportReady', 'accountChanged'));
