-- Operations (issue 17): e-mail delivery from the outbox with retries and a dead-letter state, a history
-- of background job runs, reminders that jobs put on worklists, and one-time password set-up links.

-- Outbox delivery: pending → sending (claimed by one deliverer) → sent, or back to pending with a later
-- next_attempt_at after a failure, or dead after the last attempt. The body still holds no address.
ALTER TABLE outbox_message
  ADD COLUMN state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
  ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN claimed_at timestamptz,
  -- The SMTP reply code and text with addresses removed, or 'noAddress': never message content.
  ADD COLUMN last_error text CHECK (length(last_error) <= 300),
  ADD COLUMN dead_at timestamptz;
UPDATE outbox_message SET state = 'sent' WHERE sent_at IS NOT NULL;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_sent_state CHECK ((state = 'sent') = (sent_at IS NOT NULL));
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_dead_state CHECK ((state = 'dead') = (dead_at IS NOT NULL));
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
  CHECK (kind IN ('loginCode', 'newMessage', 'exportReady', 'accountChanged', 'reminder', 'passwordSetup',
    'securityNotice'));
CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_message_state ON outbox_message (municipality_id, state, created_at);

-- access (declared in server/src/platform/access/rules.ts): outbox_message
--   select: an administrator of the municipality, the delivery columns only (never subject or body).
--   insert: anyone acting in the municipality (unchanged, migration 0008: policy append).
--   update: an administrator of the municipality, to send a dead message again (state, attempts, times).
--   delete: nobody (the owner's retention and the user cascade remove messages).

-- Background job runs, for the whole platform (jobs work across municipalities): which job, when, how it
-- ended. A platform table without municipality_id (see the list in the keys test); counts only, no
-- personal data. The slot makes a scheduled run happen once across instances.
CREATE TABLE job_run (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job text NOT NULL CHECK (job ~ '^[a-z][a-zA-Z.]{2,60}$'),
  slot text NOT NULL CHECK (length(slot) <= 100),
  instance text NOT NULL CHECK (length(instance) <= 100),
  attempt integer NOT NULL DEFAULT 1,
  state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'succeeded', 'failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  summary jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(summary) = 'object'),
  error text CHECK (length(error) <= 300),
  UNIQUE (job, slot, attempt),
  CHECK ((state = 'running') = (finished_at IS NULL))
);
CREATE INDEX job_run_recent ON job_run (job, started_at DESC);
CREATE INDEX job_run_failed ON job_run (started_at DESC) WHERE state = 'failed';
-- access (declared in server/src/platform/access/rules.ts): job_run
--   select, insert, update, delete: nobody but the owner (platform code; administrators read it through
--   the operations service, which shows job names, times and counts).

-- Reminders a job puts on a professional's worklist: aftercare check-in, plan review, social-map review,
-- a signal past its deadline (to the team lead) and past three times its deadline. One per user, kind and
-- subject; the e-mail that announces them says only how many there are.
CREATE TABLE reminder (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('aftercareCheckIn', 'planReview', 'directoryReview', 'signalDeadline',
    'signalDeadlineTripled')),
  case_id uuid,
  plan_review_id uuid,
  directory_entry_id uuid,
  signal_id uuid,
  due_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  notified_at timestamptz,
  dismissed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, case_id) REFERENCES case_file (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, plan_review_id) REFERENCES plan_review (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, directory_entry_id) REFERENCES directory_entry (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, signal_id) REFERENCES signal (municipality_id, id) ON DELETE CASCADE,
  CHECK (num_nonnulls(directory_entry_id, signal_id, case_id) = 1)
);
CREATE UNIQUE INDEX reminder_once ON reminder (municipality_id, user_id, kind,
  coalesce(plan_review_id, case_id, directory_entry_id, signal_id));
CREATE INDEX reminder_open ON reminder (municipality_id, user_id, due_on) WHERE dismissed_at IS NULL;
CREATE INDEX reminder_case ON reminder (municipality_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX reminder_signal ON reminder (municipality_id, signal_id) WHERE signal_id IS NOT NULL;
-- access (declared in server/src/platform/access/rules.ts): reminder
--   select: the user the reminder is for, in their municipality.
--   insert: nobody but the owner (the reminder jobs).
--   update: the user the reminder is for (to dismiss it).
--   delete: nobody (cascades from the case, review, entry, signal or user; the owner's retention).
