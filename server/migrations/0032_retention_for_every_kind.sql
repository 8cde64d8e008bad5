-- Retention for every kind of record (issue 19). The job (residentRights/retention.ts, run as the owner)
-- now removes, besides households after their purpose's period: signals that led to no case, withdrawn
-- consents, ended conferences, message threads of closed cases, delivered exports, revoked partner keys,
-- ended emergency access, ended sessions and login codes, and the outbox. Which table belongs to which
-- kind is declared in residentRights/retention.rules.ts, and a test fails when a table with personal data
-- is declared nowhere.
--
-- Two tables:
--   legal_hold           a record the municipality must keep whatever its retention says (a complaint,
--                        an objection, a court case, an inquiry by the Autoriteit Persoonsgegevens): a
--                        household (everything of it) or a signal. Placed and released by the functional
--                        administrator, with a reason. The job keeps what a hold covers and logs why.
--   retention_log_entry  per run, per record: the kind, the record's id, the date its period started,
--                        the rule, and whether it was deleted, anonymised or kept (and why). Never content.

CREATE TABLE legal_hold (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  household_id uuid,
  signal_id uuid,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 5 AND 2000),
  placed_by_user_id uuid NOT NULL,
  placed_at timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz,
  released_by_user_id uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, signal_id) REFERENCES signal (municipality_id, id),
  FOREIGN KEY (municipality_id, placed_by_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, released_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK ((household_id IS NULL) <> (signal_id IS NULL)),
  CHECK ((released_at IS NULL) = (released_by_user_id IS NULL))
);
CREATE INDEX legal_hold_household ON legal_hold (municipality_id, household_id) WHERE released_at IS NULL;
CREATE INDEX legal_hold_signal ON legal_hold (municipality_id, signal_id) WHERE released_at IS NULL;

CREATE TABLE retention_log_entry (
  municipality_id uuid NOT NULL,
  run_id uuid NOT NULL,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('household', 'residentAccount', 'signal', 'consentWithdrawn', 'conference',
    'messageThread', 'exportDelivery', 'partnerApiKey', 'emergencyAccess', 'session', 'oneTimeCode', 'outbox',
    'legalHold')),
  record_id text NOT NULL CHECK (length(record_id) <= 100),
  -- The day the record's period started (case closed, signal received, consent withdrawn, …).
  record_date date,
  -- The rule that applied, e.g. "wmoSupport: 180 maanden na het afsluiten van de casus".
  rule text NOT NULL CHECK (length(rule) <= 300),
  outcome text NOT NULL CHECK (outcome IN ('deleted', 'anonymised', 'kept', 'failed')),
  kept_because text CHECK (kept_because IN ('legalHold', 'openCase', 'openSignal', 'awaitingReview', 'openDecision',
    'referenced')),
  PRIMARY KEY (municipality_id, run_id, position),
  FOREIGN KEY (municipality_id, run_id) REFERENCES retention_run (municipality_id, id),
  CHECK ((outcome = 'kept') = (kept_because IS NOT NULL))
);
CREATE INDEX retention_log_entry_record ON retention_log_entry (municipality_id, kind, record_id);

-- Access (declared in server/src/platform/access/rules.ts) — legal_hold:
--   SELECT: the municipality's administrator (functioneel beheerder), who manages holds.
--   INSERT: the administrator, placing a hold with a reason.
--   UPDATE: the administrator, releasing a hold.
--   DELETE: nobody through the application; the retention job (owner) removes released holds with their record.

-- retention_log_entry:
--   SELECT: the municipality's administrator (permission retention.read), like retention_run.
--   INSERT: nobody through the application; the retention job writes it as the owner.
--   UPDATE: nobody.
--   DELETE: nobody.
