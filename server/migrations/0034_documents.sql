-- Documents in the dossier (issue 20): letters, decisions, consent forms, reports, medical information
-- and the agreed plan, stored encrypted in the database itself (both engines), in chunks of 1 MB.
--
-- - document: what the team and the resident see (title, kind, date, who uploaded, confidentiality,
--   links); the file itself is in document_chunk. A file is 'scanning' until the virus scanner and the
--   content checks passed; only then 'available'. A refused or interrupted upload is deleted with its
--   chunks (cascade), so nothing half-stored remains.
-- - document_chunk: AES-256-GCM ciphertext per chunk with its own nonce; the authenticated data binds
--   document, position and "last chunk", so chunks cannot be swapped, reordered or cut off unnoticed.
-- - document_key: one data key per municipality, wrapped (AES-256-GCM) by the master key from the
--   configuration. Rotating the master key re-wraps these rows; the files are not re-encrypted.
-- - document_kind: kinds a municipality adds to the built-in list (brief, beschikking, …).
-- Access: server/src/platform/access/rules.ts. Retention: with the household (retention.rules.ts).

CREATE TABLE document_key (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  wrapped_key bytea NOT NULL CHECK (length(wrapped_key) = 60),
  master_key_id text NOT NULL CHECK (master_key_id ~ '^[0-9a-f]{16}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (municipality_id, id)
);
-- One current data key per municipality; two first uploads at once agree on one.
CREATE UNIQUE INDEX document_key_current ON document_key (municipality_id) WHERE retired_at IS NULL;

CREATE TABLE document_kind (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  code text NOT NULL CHECK (code ~ '^custom-[0-9a-f]{8}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, code),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, id)
);
CREATE UNIQUE INDEX document_kind_name ON document_kind (municipality_id, lower(name));

CREATE TABLE document (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  -- At most one link: a case, a plan goal, a journal entry, a signal or a case conference. A link goes
  -- when what it points to is removed earlier (a signal after six months); the document stays.
  case_id uuid,
  plan_goal_id uuid,
  journal_entry_id uuid,
  signal_id uuid,
  conference_id uuid,
  -- The agreed plan: the version the resident agreed to.
  plan_id uuid,
  plan_version integer,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind ~ '^[a-zA-Z][a-zA-Z0-9-]{1,39}$'),
  document_date date,
  -- team: everyone working in the dossier; caseLead: the case lead and the author only (medical
  -- information); resident: also the resident and their representatives in the portal.
  confidentiality text NOT NULL CHECK (confidentiality IN ('team', 'caseLead', 'resident')),
  status text NOT NULL CHECK (status IN ('scanning', 'available')),
  -- clean: the scanner passed it; notScanned: no scanner configured (development only);
  -- generated: made by Wijkwerk itself (the agreed plan).
  scan text NOT NULL CHECK (scan IN ('pending', 'clean', 'notScanned', 'generated')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 120),
  size_bytes bigint NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  key_id uuid NOT NULL,
  chunk_count integer NOT NULL DEFAULT 0 CHECK (chunk_count >= 0),
  source text NOT NULL CHECK (source IN ('team', 'portal', 'planAgreement')),
  uploaded_by_user_id uuid NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by_user_id uuid,
  withdrawal_reason text CHECK (length(withdrawal_reason) BETWEEN 1 AND 1000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id) ON DELETE SET NULL (case_id),
  FOREIGN KEY (municipality_id, plan_goal_id) REFERENCES plan_goal (municipality_id, id) ON DELETE SET NULL (plan_goal_id),
  FOREIGN KEY (municipality_id, journal_entry_id) REFERENCES journal_entry (municipality_id, id) ON DELETE SET NULL (journal_entry_id),
  FOREIGN KEY (municipality_id, signal_id) REFERENCES signal (municipality_id, id) ON DELETE SET NULL (signal_id),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES case_conference (municipality_id, id) ON DELETE SET NULL (conference_id),
  FOREIGN KEY (municipality_id, plan_id, plan_version)
    REFERENCES plan_agreement (municipality_id, plan_id, plan_version),
  FOREIGN KEY (municipality_id, key_id) REFERENCES document_key (municipality_id, id),
  FOREIGN KEY (municipality_id, uploaded_by_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, withdrawn_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (num_nonnulls(case_id, plan_goal_id, journal_entry_id, signal_id, conference_id) <= 1),
  CHECK ((plan_id IS NULL) = (plan_version IS NULL)),
  CHECK (status = 'scanning' OR (sha256 IS NOT NULL AND scan <> 'pending')),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by_user_id IS NULL)
    AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
);
CREATE INDEX document_household ON document (municipality_id, household_id, uploaded_at DESC);
CREATE UNIQUE INDEX document_agreed_plan ON document (municipality_id, plan_id, plan_version)
  WHERE plan_id IS NOT NULL;
-- Unfinished uploads older than the limit are removed by a job.
CREATE INDEX document_scanning ON document (uploaded_at) WHERE status = 'scanning';

CREATE TABLE document_chunk (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  nonce bytea NOT NULL CHECK (length(nonce) = 12),
  -- Ciphertext followed by the 16-byte authentication tag.
  data bytea NOT NULL CHECK (length(data) BETWEEN 16 AND 1048592),
  PRIMARY KEY (municipality_id, document_id, seq),
  FOREIGN KEY (municipality_id, document_id) REFERENCES document (municipality_id, id) ON DELETE CASCADE
);
-- Chunks are written once and read in order; keep them out of the main heap's compression attempts.
ALTER TABLE document_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
