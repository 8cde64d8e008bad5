-- Foundation: tenants, organisations, teams, users, sessions, audit trail, and the application role.
-- Every table carries municipality_id in its primary and foreign keys (distribution by tenant later).
-- The application works as role wijkwerk_app (SET LOCAL ROLE per transaction); it is not the owner,
-- so row-level security applies to it. The owner (the migrating user) does background work only.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wijkwerk_app') THEN
    CREATE ROLE wijkwerk_app NOLOGIN NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are per server: another database being migrated at the same moment created it
END
$$;
GRANT wijkwerk_app TO CURRENT_USER;

-- Session settings, read once per statement via a sub-select in the policies.
CREATE FUNCTION app_municipality_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.role', true), '') $$;
CREATE FUNCTION app_team_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.team_ids', true), ''), '{}')::uuid[] $$;

CREATE TABLE municipality (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^GM[0-9]{4}$'),
  name text NOT NULL,
  zrm_version text NOT NULL DEFAULT '2017' CHECK (zrm_version IN ('2010', '2017')),
  mfa_required_roles text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisation (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('welfare', 'socialWork', 'mentalHealth', 'homeCare', 'generalPractice',
    'housingCorporation', 'police', 'municipality', 'youthAndFamilyCentre', 'debtCounselling',
    'volunteerOrganisation', 'other')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name)
);

CREATE TABLE team (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  model text NOT NULL CHECK (model IN ('integrated', 'frontBackOffice', 'network')),
  area_codes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name)
);

CREATE TABLE app_user (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._@-]{3,100}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  email text,
  role text NOT NULL CHECK (role IN ('administrator', 'teamLead', 'professional', 'partner', 'policyOfficer', 'resident')),
  home_organisation_id uuid,
  password_hash text,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint NOT NULL DEFAULT 0,
  oidc_subject text,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, home_organisation_id) REFERENCES organisation (municipality_id, id),
  UNIQUE (municipality_id, oidc_subject)
);

CREATE TABLE team_membership (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 40),
  expertise text[] NOT NULL DEFAULT '{}',
  office text CHECK (office IN ('front', 'back')),
  PRIMARY KEY (municipality_id, team_id, user_id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisation (municipality_id, id)
);
CREATE INDEX team_membership_user ON team_membership (municipality_id, user_id);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE session (
  municipality_id uuid NOT NULL,
  id text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  mfa_passed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  client_ip text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX session_id ON session (id);

-- Audit trail: append-only for the application role, sealed into a hash chain per municipality
-- by the owner shortly after commit (chain_position and hash are filled by the sealer).
CREATE TABLE audit_event (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  actor_user_id uuid,
  actor_role text,
  actor_organisation_id uuid,
  team_id uuid,
  resource_type text NOT NULL,
  resource_id text,
  household_id uuid,
  resident_id uuid,
  client_ip text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  chain_position bigint,
  hash text,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, chain_position)
);
CREATE INDEX audit_event_unsealed ON audit_event (municipality_id, id) WHERE chain_position IS NULL;
CREATE INDEX audit_event_team ON audit_event (municipality_id, team_id, id);
CREATE INDEX audit_event_household ON audit_event (municipality_id, household_id, id);

CREATE TABLE audit_chain_head (
  municipality_id uuid PRIMARY KEY REFERENCES municipality (id),
  position bigint NOT NULL,
  hash text NOT NULL
);


-- Privileges: the application role reads and writes through RLS; the audit trail is insert-only.
GRANT USAGE ON SCHEMA public TO wijkwerk_app;
GRANT SELECT ON municipality TO wijkwerk_app;
GRANT SELECT, INSERT, UPDATE ON organisation, team, app_user, team_membership TO wijkwerk_app;
GRANT DELETE ON team_membership TO wijkwerk_app;
GRANT SELECT, INSERT ON audit_event TO wijkwerk_app;

ALTER TABLE municipality ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON municipality USING (id = (SELECT app_municipality_id()));

ALTER TABLE organisation ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON organisation USING (municipality_id = (SELECT app_municipality_id()));

ALTER TABLE team ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON team USING (municipality_id = (SELECT app_municipality_id()));

-- Users: staff of the same municipality are visible to each other (names on dossiers and audit);
-- a resident or partner sees only their own account row.
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON app_user USING (
  municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) NOT IN ('resident', 'partner') OR id = (SELECT app_user_id()))
);

ALTER TABLE team_membership ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON team_membership USING (municipality_id = (SELECT app_municipality_id()));

-- Audit: an administrator reads the municipality's trail, a team lead the trail of their teams;
-- everyone may append events for their own municipality. Nobody may update or delete.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY append ON audit_event FOR INSERT WITH CHECK (municipality_id = (SELECT app_municipality_id()));
CREATE POLICY read ON audit_event FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id())
  AND (
    (SELECT app_role()) = 'administrator'
    OR ((SELECT app_role()) = 'teamLead' AND team_id = ANY ((SELECT app_team_ids())::uuid[]))
  )
);
