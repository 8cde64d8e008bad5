-- Two gaps of issues 7 and 10 closed:
-- 1. A conference decision of kind 'action' becomes an action in the household's support plan; the decision
--    keeps the link to the plan action it created.
-- 2. A resident's request for the full privacy export (export_request, 0008) is produced by a professional
--    with access to the household and delivered back to the resident through the portal, for a limited time.

-- 1. Decision ↔ plan action. Older action decisions (before this migration) have no plan action.
ALTER TABLE conference_decision ADD COLUMN plan_action_id uuid;
ALTER TABLE conference_decision
  ADD CONSTRAINT conference_decision_plan_action_fk
    FOREIGN KEY (municipality_id, plan_action_id) REFERENCES plan_action (municipality_id, id),
  ADD CONSTRAINT conference_decision_plan_action_kind CHECK (plan_action_id IS NULL OR kind = 'action');
CREATE UNIQUE INDEX conference_decision_plan_action ON conference_decision (municipality_id, plan_action_id)
  WHERE plan_action_id IS NOT NULL;

-- 2. The produced export, stored as the JSON document the professional generated (the readable page is
--    rendered from it on download). Stored rather than regenerated: the resident's portal session cannot read
--    the dossier tables through row-level security, and the resident receives exactly the copy that was
--    produced (SHA-256 kept in the audit trail). The content is removed when the download period ends
--    (retention job), and with the household like every table with a household_id.
CREATE TABLE export_delivery (
  municipality_id uuid NOT NULL,
  request_id uuid NOT NULL,
  household_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  requested_by_user_id uuid NOT NULL,
  delivered_by_user_id uuid NOT NULL,
  delivered_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  content text,
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  content_bytes integer NOT NULL CHECK (content_bytes >= 0),
  purged_at timestamptz,
  PRIMARY KEY (municipality_id, request_id),
  FOREIGN KEY (municipality_id, request_id) REFERENCES export_request (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES resident (municipality_id, id),
  FOREIGN KEY (municipality_id, delivered_by_user_id) REFERENCES app_user (municipality_id, id),
  CHECK (expires_at > delivered_at),
  CHECK ((content IS NULL) = (purged_at IS NOT NULL))
);
CREATE INDEX export_delivery_household ON export_delivery (municipality_id, household_id);
CREATE INDEX export_delivery_expiry ON export_delivery (expires_at) WHERE content IS NOT NULL;
CREATE INDEX export_request_open ON export_request (municipality_id, requested_at) WHERE status = 'requested';

ALTER TABLE export_delivery ENABLE ROW LEVEL SECURITY;
-- Professionals with access to the household produce and see deliveries (as for every dossier table).
CREATE POLICY dossier ON export_delivery USING (
  municipality_id = (SELECT app_municipality_id()) AND household_id IN (SELECT app_visible_household_ids()));
-- The portal account that asked for it, while it may act for the household, downloads it.
CREATE POLICY portal ON export_delivery FOR SELECT USING (
  municipality_id = (SELECT app_municipality_id())
  AND household_id IN (SELECT app_portal_household_ids())
  AND requested_by_user_id = (SELECT app_user_id()));
GRANT SELECT, INSERT ON export_delivery TO wijkwerk_app;
-- Staff mark a request delivered; the dossier policy of export_request (0008) limits which rows.
GRANT UPDATE (status) ON export_request TO wijkwerk_app;

-- "Your data is ready" by e-mail, without personal details (like 'newMessage').
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
  CHECK (kind IN ('loginCode', 'newMessage', 'exportReady'));
