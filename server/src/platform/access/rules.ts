/**
 * Who may do what with which data: the one declaration of Wijkwerk's access rules.
 *
 * - Household data is guarded by the level a user holds on the household. The levels are kept, per
 *   user and household, in the table household_access (rules: server/sql/functions/access.sql).
 * - Every table says, per action (read, insert, update, delete), who may do it: a group of household
 *   levels, roles, or a condition on the row. Alternatives are OR-ed; within one alternative all
 *   conditions must hold. Every rule also requires the acting municipality (tenant).
 * - Row-level security policies and table grants are generated from this file into
 *   server/sql/policies.sql (`npm run db:generate`); a test fails when the live database differs.
 * - Services and screens ask the same groups (HOUSEHOLD_ACTIONS, platform/access/household.ts), so an
 *   `allowed` flag cannot promise what the database refuses.
 */
import type { Role } from "./permissions.ts";

export const LEVELS = [
  "frontOffice",
  "read",
  "emergency",
  "edit",
  "caseLead",
  "resident",
  "representative",
] as const;
export type Level = (typeof LEVELS)[number];

/** Groups of levels, named by what they let someone do with a household. */
export const GROUPS = {
  /** Know the household: name, address, members, the case and where it was routed, consent. */
  registration: ["frontOffice", "read", "emergency", "edit", "caseLead"],
  /** Read the whole dossier. */
  dossier: ["read", "emergency", "edit", "caseLead"],
  /** Register: add members, open the case, record the intake and consent (front office included). */
  registrationWork: ["frontOffice", "edit", "caseLead"],
  /** Work in the dossier: plan, journal, ZRM, network, closure. */
  work: ["edit", "caseLead"],
  /** Take the dossier outside the team: an export for the resident, a case conference. */
  share: ["read", "edit", "caseLead"],
  /** The front office of the case's team. */
  frontOffice: ["frontOffice"],
  /** The case lead only. */
  caseLead: ["caseLead"],
  /** The resident and whoever is authorised to act for a member. */
  portal: ["resident", "representative"],
  /** What the portal also shows: the dossier readers and the portal. */
  dossierOrPortal: ["read", "emergency", "edit", "caseLead", "resident", "representative"],
  registrationOrPortal: [
    "frontOffice",
    "read",
    "emergency",
    "edit",
    "caseLead",
    "resident",
    "representative",
  ],
} as const satisfies Record<string, readonly Level[]>;
export type Group = keyof typeof GROUPS;

/** Roles as the database sees them: the user roles plus the public forms and partner systems (API keys). */
export type DbRole = Role | "public" | "partnerSystem";

export type Condition =
  | { kind: "household"; group: Group; column: string; through: "household" | "resident" }
  | { kind: "role"; roles: readonly DbRole[] }
  /** A condition on the row, in SQL; `{t}` stands for the table. */
  | { kind: "row"; sql: string; says: string };

/** Alternatives (OR) of conditions that must all hold (AND). No alternatives: nobody. */
export type Rule = readonly (readonly Condition[])[];

export interface TableRules {
  read: Rule;
  insert: Rule;
  update: Rule;
  delete: Rule;
  /** Only these columns may be read (default: all). */
  readColumns?: readonly string[];
  /** Only these columns may be given on insert (default: all). */
  insertColumns?: readonly string[];
  /** Only these columns may be updated (default: all). */
  updateColumns?: readonly string[];
  /** Keyed by municipality_id (default) or a reference table without it. */
  tenant?: "municipality" | "self" | "none";
  /**
   * Platform code, through the application's own login (wijkwerk_service) before any user's identity is
   * set: sessions, login, public lookups, e-mail delivery. Per action an SQL condition on the row
   * ("true": every row), and optionally the columns. Absent: the login has no right on the table.
   */
  platform?: PlatformRules;
}

export interface PlatformRules {
  read?: string;
  insert?: string;
  update?: string;
  delete?: string;
  readColumns?: readonly string[];
  insertColumns?: readonly string[];
  updateColumns?: readonly string[];
}

// ---- building blocks ---------------------------------------------------------------------------

/** A level of `group` on the household in `column`. */
const household = (group: Group, column = "household_id"): Condition => ({
  kind: "household",
  group,
  column,
  through: "household",
});
/** A level of `group` on the household the resident in `column` lives in. */
const residentIn = (group: Group, column = "resident_id"): Condition => ({
  kind: "household",
  group,
  column,
  through: "resident",
});
const role = (...roles: DbRole[]): Condition => ({ kind: "role", roles });
const row = (sql: string, says: string): Condition => ({ kind: "row", sql, says });
const self = (column: string) => row(`${column} = (SELECT app_user_id())`, `the acting user is ${column}`);
const ownTeam = (column = "team_id") =>
  row(`${column} = ANY ((SELECT app_team_ids())::uuid[])`, `${column} is one of the user's teams`);

const STAFF = ["professional", "teamLead"] as const satisfies DbRole[];
/** A document the acting user is uploading right now (still being checked). */
const UPLOADING =
  "document_id IN (SELECT id FROM document WHERE status = 'scanning' AND uploaded_by_user_id = (SELECT app_user_id()))";

/** Any of the alternatives; each alternative is one condition or all of a list. */
const anyOf = (...alternatives: (Condition | Condition[])[]): Rule =>
  alternatives.map((a) => (Array.isArray(a) ? a : [a]));
const nobody: Rule = [];
const everyone: Rule = [[]];
const admin = anyOf(role("administrator"));

/** The usual dossier table: read with `read`, written with `write`. */
const dossierTable = (read: Group, write: Group, extra: Partial<TableRules> = {}): TableRules => ({
  read: anyOf(household(read)),
  insert: anyOf(household(write)),
  update: anyOf(household(write)),
  delete: nobody,
  ...extra,
});
/** Configuration of the municipality: everyone of the municipality reads, the administrator writes. */
const configuration = (extra: Partial<TableRules> = {}): TableRules => ({
  read: everyone,
  insert: admin,
  update: admin,
  delete: nobody,
  ...extra,
});
/** Written by platform code only (the owner, or the application login where `platform` says so). */
const platformOnly: TableRules = {
  read: nobody,
  insert: nobody,
  update: nobody,
  delete: nobody,
};
/** The application login reads every row (lookups before a user's identity is set). */
const PLATFORM_READS = { read: "true" } as const;
const PLATFORM_ALL = { read: "true", insert: "true", update: "true", delete: "true" } as const;
/** What an audit event may say; never its time, chain position or hash (sealing fills those). */
const AUDIT_EVENT_COLUMNS = [
  "municipality_id",
  "action",
  "actor_user_id",
  "actor_role",
  "actor_organisation_id",
  "team_id",
  "resource_type",
  "resource_id",
  "household_id",
  "resident_id",
  "client_ip",
  "reason",
  "details",
] as const;

// ---- the declaration ---------------------------------------------------------------------------

export const TABLES = {
  // The household dossier.
  household: {
    read: anyOf(household("registrationOrPortal", "id")),
    insert: anyOf([role(...STAFF), ownTeam("registered_by_team_id"), self("registered_by_user_id")]),
    update: anyOf(household("work", "id")),
    delete: nobody,
  },
  resident: {
    read: anyOf(residentIn("registrationOrPortal", "id")),
    // A resident row is written before its membership; until then nobody can read it.
    insert: anyOf(role(...STAFF)),
    update: anyOf(residentIn("registrationWork", "id")),
    delete: nobody,
  },
  household_member: dossierTable("registrationOrPortal", "registrationWork"),
  household_merge: dossierTable("dossier", "work"),
  case_file: dossierTable("registrationOrPortal", "registrationWork"),
  case_professional: dossierTable("registration", "registrationWork", {
    update: anyOf(household("work")),
  }),
  case_lead_handover: dossierTable("registration", "registrationWork", {
    update: anyOf(household("work")),
    updateColumns: ["household_id"],
  }),
  case_status_change: dossierTable("registration", "registrationWork", {
    update: anyOf(household("work")),
    updateColumns: ["household_id"],
  }),
  case_purpose: dossierTable("registration", "registrationWork"),
  consent: dossierTable("registration", "registrationWork"),
  case_routing: {
    read: anyOf(household("registration")),
    insert: anyOf(household("frontOffice"), [role("teamLead"), ownTeam(), household("work")]),
    update: anyOf(household("frontOffice"), [role("teamLead"), ownTeam(), household("work")]),
    delete: nobody,
  },
  intake: dossierTable("dossier", "registrationWork", {
    update: anyOf(household("work")),
    updateColumns: ["household_id"],
  }),
  assessment: dossierTable("dossier", "work", { updateColumns: ["household_id"] }),
  assessment_score: dossierTable("dossier", "work", { updateColumns: ["household_id"] }),
  journal_entry: dossierTable("dossier", "work", { updateColumns: ["household_id"] }),
  resident_correction: dossierTable("dossier", "work"),
  case_closure_plan: dossierTable("dossierOrPortal", "work"),
  case_outcome_summary: {
    read: anyOf(row("case_id IN (SELECT id FROM case_file)", "the case is readable")),
    insert: nobody,
    update: nobody,
    delete: nobody,
  },

  // The one plan, the network and reciprocity.
  support_plan: dossierTable("dossierOrPortal", "work"),
  plan_goal: dossierTable("dossierOrPortal", "work"),
  plan_action: dossierTable("dossierOrPortal", "work"),
  plan_action_progress: dossierTable("dossier", "work"),
  plan_version: dossierTable("dossierOrPortal", "work"),
  plan_review: dossierTable("dossierOrPortal", "work"),
  plan_agreement: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf(household("work"), household("portal")),
    update: nobody,
    delete: nobody,
  },
  network_member: dossierTable("dossierOrPortal", "work"),
  impact_entry: dossierTable("dossier", "work", { updateColumns: ["removed_at"] }),
  reciprocity_offer: dossierTable("dossier", "work"),
  reciprocity_consent: dossierTable("dossier", "work"),
  reciprocity_match: {
    read: anyOf(household("dossier"), household("dossier", "request_household_id")),
    insert: anyOf(household("work"), household("work", "request_household_id")),
    update: anyOf(household("work"), household("work", "request_household_id")),
    delete: nobody,
  },

  // The resident portal.
  resident_account: {
    read: anyOf(residentIn("dossier"), self("user_id")),
    insert: anyOf(residentIn("work")),
    update: anyOf(residentIn("work")),
    delete: nobody,
    // A resident's account at the login with a one-time code.
    platform: PLATFORM_READS,
  },
  representation: {
    read: anyOf(household("dossierOrPortal"), self("representative_user_id")),
    insert: anyOf(household("work")),
    update: anyOf(household("work")),
    delete: nobody,
  },
  goal_comment: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf(household("work"), [household("portal"), self("author_user_id")]),
    update: nobody,
    delete: nobody,
  },
  goal_proposal: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf(household("work"), [household("portal"), self("proposed_by_user_id")]),
    update: anyOf(household("work")),
    delete: nobody,
  },
  portal_message: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf(household("work"), [household("portal"), self("author_user_id")]),
    update: nobody,
    delete: nobody,
  },
  self_assessment: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf([household("portal"), self("submitted_by_user_id")]),
    update: nobody,
    delete: nobody,
  },
  self_assessment_score: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf(household("portal")),
    update: nobody,
    delete: nobody,
  },
  satisfaction_invitation: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf(household("work"), household("portal")),
    update: nobody,
    delete: nobody,
  },
  satisfaction_response: {
    read: anyOf(role("policyOfficer"), [role("teamLead"), ownTeam()]),
    insert: anyOf(role("resident")),
    update: nobody,
    delete: nobody,
  },
  export_request: {
    read: anyOf(household("dossierOrPortal")),
    insert: anyOf(household("share"), [household("portal"), self("requested_by_user_id")]),
    update: anyOf(household("share")),
    delete: nobody,
    updateColumns: ["status"],
  },
  export_delivery: {
    read: anyOf(household("dossier"), [household("portal"), self("requested_by_user_id")]),
    insert: anyOf(household("share")),
    update: nobody,
    delete: nobody,
  },
  case_lead_profile: {
    read: anyOf(role(...STAFF)),
    insert: anyOf([role(...STAFF), self("user_id")]),
    update: anyOf([role(...STAFF), self("user_id")]),
    delete: nobody,
  },
  portal_setting: configuration(),

  // Documents in the dossier (issue 20). Withdrawn documents are kept for the legal period, read by nobody.
  document: {
    read: anyOf(
      [
        household("dossier"),
        row("withdrawn_at IS NULL AND confidentiality <> 'caseLead'", "it is not for the case lead only"),
      ],
      [household("caseLead"), row("withdrawn_at IS NULL", "it is not withdrawn")],
      [household("dossier"), self("uploaded_by_user_id"), row("withdrawn_at IS NULL", "it is not withdrawn")],
      [
        household("portal"),
        row(
          "withdrawn_at IS NULL AND status = 'available' AND confidentiality = 'resident'",
          "it is shared with the resident",
        ),
      ],
      [household("portal"), self("uploaded_by_user_id"), row("withdrawn_at IS NULL", "it is not withdrawn")],
      // Whoever withdrew it (PostgreSQL checks the withdrawn row against the read rule); services hide it.
      [household("work"), self("withdrawn_by_user_id")],
    ),
    insert: anyOf(
      [
        household("work"),
        self("uploaded_by_user_id"),
        row("source IN ('team', 'planAgreement')", "the team adds it"),
      ],
      [
        household("portal"),
        self("uploaded_by_user_id"),
        row(
          "(source = 'portal' AND confidentiality = 'caseLead') OR (source = 'planAgreement' AND confidentiality = 'resident')",
          "the resident sends it to the case lead, or agrees to the plan",
        ),
      ],
    ),
    update: anyOf(
      [household("work"), row("confidentiality <> 'caseLead'", "it is not for the case lead only")],
      [household("caseLead")],
      [household("work"), self("uploaded_by_user_id")],
      [household("portal"), self("uploaded_by_user_id")],
    ),
    updateColumns: [
      "status",
      "scan",
      "media_type",
      "size_bytes",
      "sha256",
      "chunk_count",
      "withdrawn_at",
      "withdrawn_by_user_id",
      "withdrawal_reason",
    ],
    // The uploader removes an upload that did not pass (refused, interrupted) before anyone saw it.
    delete: anyOf([self("uploaded_by_user_id"), row("status = 'scanning'", "it is still being checked")]),
  },
  document_chunk: {
    read: anyOf(row("document_id IN (SELECT id FROM document)", "the document is readable")),
    insert: anyOf(row(UPLOADING, "the acting user is uploading the document")),
    update: nobody,
    delete: anyOf(row(UPLOADING, "the acting user is uploading the document")),
  },
  // Data keys, wrapped by the master key only the application holds; created at a municipality's first
  // document. Re-wrapping (master key rotation) is maintenance, as the owner.
  document_key: { read: everyone, insert: everyone, update: nobody, delete: nobody },
  document_kind: configuration(),

  // Privacy: purposes, emergency access, the retention log.
  privacy_setting: configuration(),
  processing_purpose: configuration(),
  emergency_access: {
    read: anyOf(self("user_id"), [role("teamLead"), ownTeam()], role("administrator"), household("caseLead")),
    insert: anyOf([role(...STAFF), self("user_id")]),
    update: anyOf(
      self("user_id"),
      [role("teamLead"), ownTeam(), row("reviewer = 'teamLead'", "a team lead reviews it")],
      [role("administrator"), row("reviewer = 'administrator'", "the administrator reviews it")],
      household("caseLead"),
    ),
    delete: nobody,
  },
  retention_run: { ...platformOnly, read: admin },
  retention_log_entry: { ...platformOnly, read: admin },
  legal_hold: {
    read: admin,
    insert: anyOf([role("administrator"), self("placed_by_user_id")]),
    update: admin,
    delete: nobody,
    updateColumns: ["released_at", "released_by_user_id"],
  },
  household_access: { ...platformOnly, read: anyOf(self("user_id")) },

  // Case conferences.
  case_conference: {
    read: anyOf(
      row("id IN (SELECT app_conference_ids())", "the user's team holds it or the user takes part"),
    ),
    insert: anyOf([role(...STAFF), ownTeam()]),
    update: anyOf([role(...STAFF), ownTeam()]),
    delete: nobody,
  },
  conference_participant: conferencePart(),
  conference_agenda_item: {
    ...conferencePart(),
    insert: anyOf([
      role(...STAFF),
      row("conference_id IN (SELECT app_conference_ids())", "the user may see the conference"),
      household("share"),
    ]),
  },
  conference_decision: {
    ...conferencePart(),
    read: anyOf(
      row("conference_id IN (SELECT app_conference_ids())", "the user may see the conference"),
      self("assignee_user_id"),
    ),
    update: anyOf(
      row("conference_id IN (SELECT app_conference_ids())", "the user may see the conference"),
      self("assignee_user_id"),
    ),
  },
  case_learning_note: {
    read: anyOf(role(...STAFF, "policyOfficer")),
    insert: anyOf([role(...STAFF), ownTeam()]),
    update: nobody,
    delete: nobody,
  },

  // Signals.
  signal: {
    read: anyOf(
      [role(...STAFF), ownTeam()],
      [role("teamLead"), row("team_id IS NULL", "the signal has no team yet")],
      [role("partner"), self("reporter_user_id")],
      [role("partnerSystem"), row("source = 'api'", "it came in through the API"), ownOrganisation()],
    ),
    insert: anyOf(
      [
        role("partner"),
        row("source = 'partner'", "it is a partner signal"),
        self("reporter_user_id"),
        isNew(),
      ],
      [
        role("public"),
        row(
          "source = 'public' AND reporter_user_id IS NULL AND reporter_organisation_id IS NULL",
          "it is an anonymous public signal",
        ),
        isNew(),
      ],
      [
        role("partnerSystem"),
        row("source = 'api'", "it came in through the API"),
        ownOrganisation(),
        isNew(),
      ],
    ),
    update: anyOf(
      [role(...STAFF), ownTeam()],
      [role("teamLead"), row("team_id IS NULL", "the signal has no team yet")],
    ),
    delete: nobody,
  },
  signal_contact_attempt: signalPart(),
  signal_meldcode_step: signalPart(),
  signal_settings: configuration(),
  signal_routing_rule: configuration({ update: nobody, delete: admin }),
  neighbourhood_initiative: {
    read: anyOf(role("policyOfficer", "administrator"), ownTeam()),
    insert: anyOf([role(...STAFF), ownTeam()]),
    update: nobody,
    delete: nobody,
  },
  partner_api_key: {
    read: anyOf(role("administrator"), [role("partnerSystem"), ownApiKey()]),
    insert: admin,
    update: anyOf(role("administrator"), [role("partnerSystem"), ownApiKey()]),
    delete: nobody,
    // A key is found by its hash before the transaction drops to the request role.
    platform: PLATFORM_READS,
  },

  // The social map.
  directory_entry: {
    // Municipalities with a public social map.
    platform: { read: "is_public AND deactivated_at IS NULL" },
    read: anyOf(role("administrator", "teamLead", "professional", "policyOfficer"), [
      role("public"),
      row(
        "is_public AND deactivated_at IS NULL AND (active_from IS NULL OR active_from <= current_date)" +
          " AND (active_until IS NULL OR active_until >= current_date)",
        "the entry is public and active",
      ),
    ]),
    insert: admin,
    update: admin,
    delete: nobody,
  },
  directory_suggestion: {
    read: anyOf(role("administrator"), self("suggested_by")),
    insert: anyOf([
      role("administrator", "teamLead", "professional", "policyOfficer"),
      self("suggested_by"),
      row("status = 'open'", "it is a new suggestion"),
    ]),
    update: admin,
    delete: nobody,
  },

  // Organisation of the municipality: teams, people, areas, staffing, prices.
  municipality: {
    tenant: "self",
    platform: PLATFORM_READS,
    read: everyone,
    insert: nobody,
    update: admin,
    delete: nobody,
    updateColumns: ["zrm_version"],
  },
  // The session's organisation, teams and memberships are read before the request role.
  organisation: configuration({ platform: PLATFORM_READS }),
  team: configuration({ platform: PLATFORM_READS }),
  team_membership: configuration({ delete: admin, platform: PLATFORM_READS }),
  app_user: {
    read: anyOf(role("administrator", "teamLead", "professional", "policyOfficer"), self("id")),
    // Staff create portal accounts for residents; only the administrator creates staff accounts.
    insert: anyOf(
      [role("administrator"), row("role <> 'resident'", "it is a staff account")],
      [role(...STAFF), row("role = 'resident'", "it is a resident's account")],
    ),
    // Staff change a resident's account only with edit access to the resident's household.
    update: anyOf(
      [role("administrator"), row("role <> 'resident'", "it is a staff account")],
      [role(...STAFF), row("role = 'resident'", "it is a resident's account"), residentAccountWork()],
    ),
    delete: nobody,
    // Login: find the account, failed attempts, passwords and two-step verification of one account.
    platform: { read: "true", update: "true" },
  },
  area: { ...configuration(), insert: nobody, update: nobody },
  area_location: { tenant: "none", read: everyone, insert: nobody, update: nobody, delete: nobody },
  area_demand_weight: configuration({
    insert: anyOf(role("administrator", "policyOfficer")),
    update: anyOf(role("administrator", "policyOfficer")),
  }),
  area_indicator_value: configuration(),
  cbs_import: configuration({ update: nobody }),
  cbs_region: configuration(),
  zrm_level_description: configuration({ delete: admin }),
  social_price: configuration({
    insert: anyOf(role("administrator", "policyOfficer")),
    update: anyOf(role("administrator", "policyOfficer")),
  }),
  team_staffing_norm: configuration({
    insert: anyOf(role("administrator"), [role("teamLead"), ownTeam()]),
    update: anyOf(role("administrator"), [role("teamLead"), ownTeam()]),
  }),
  staffing_roster_slot: configuration({
    insert: anyOf(role("administrator"), [role("teamLead"), ownTeam()]),
    update: nobody,
    delete: anyOf(role("administrator"), [role("teamLead"), ownTeam()]),
  }),

  // The audit trail and platform plumbing.
  audit_event: {
    read: anyOf(role("administrator"), [role("teamLead"), ownTeam()]),
    insert: anyOf(
      row("actor_user_id IS NOT DISTINCT FROM (SELECT app_user_id())", "the event names the acting user"),
    ),
    insertColumns: AUDIT_EVENT_COLUMNS,
    update: nobody,
    delete: nobody,
    // Events before a user's identity is set (login, logout, a lock). Sealing: app_seal_audit only.
    platform: { insert: "true", insertColumns: AUDIT_EVENT_COLUMNS },
  },
  // Delivered by platform code; the administrator sees the backlog (never subject or body) and retries.
  outbox_message: {
    read: admin,
    readColumns: [
      "municipality_id",
      "id",
      "recipient_user_id",
      "kind",
      "created_at",
      "sent_at",
      "state",
      "attempts",
      "next_attempt_at",
      "claimed_at",
      "last_error",
      "dead_at",
    ],
    insert: everyone,
    update: admin,
    updateColumns: ["state", "attempts", "next_attempt_at", "dead_at", "last_error"],
    delete: nobody,
    // Login codes, set-password links and notices are queued, and delivered, by platform code.
    platform: {
      read: "true",
      insert: "true",
      update: "true",
      updateColumns: [
        "state",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "sent_at",
        "last_error",
        "dead_at",
      ],
    },
  },
  reminder: {
    read: anyOf(self("user_id")),
    insert: nobody,
    update: anyOf(self("user_id")),
    delete: nobody,
    updateColumns: ["dismissed_at"],
  },
  job_run: { ...platformOnly, tenant: "none", platform: { read: "true", insert: "true", update: "true" } },
  // One-time set-password links: issued by an administrator in a request, or by platform code.
  password_setup_token: {
    read: admin,
    insert: anyOf([role("administrator"), self("requested_by_user_id")]),
    update: admin,
    delete: nobody,
    platform: { read: "true", insert: "true", update: "true" },
  },
  // Recovery codes for two-step verification: platform code; an administrator resetting 2FA removes them.
  mfa_recovery_code: {
    read: admin,
    readColumns: ["municipality_id", "user_id"],
    insert: nobody,
    update: nobody,
    delete: admin,
    platform: PLATFORM_ALL,
  },
  // Counters of rate limits and login throttles: keys are hashes, no tenant is known yet.
  rate_limit_bucket: { ...platformOnly, tenant: "none", platform: PLATFORM_ALL },
  one_time_code: { ...platformOnly, platform: { read: "true", insert: "true", update: "true" } },
  session: { ...platformOnly, platform: PLATFORM_ALL },
  audit_chain_head: platformOnly,
  // The migration runner's bookkeeping: the app checks at start that nothing is pending.
  schema_migration: { ...platformOnly, tenant: "none", platform: PLATFORM_READS },
  schema_repeatable: { ...platformOnly, tenant: "none", platform: PLATFORM_READS },
} satisfies Record<string, TableRules>;

export type TableName = keyof typeof TABLES;

/** Tables outside the declaration (none: even the migration runner's bookkeeping is declared). */
export const UNDECLARED_TABLES = [] as const;

function conferencePart(): TableRules {
  const visible = row("conference_id IN (SELECT app_conference_ids())", "the user may see the conference");
  return {
    read: anyOf(visible),
    insert: anyOf([role(...STAFF), visible]),
    update: nobody,
    delete: nobody,
  };
}

function signalPart(): TableRules {
  const visible = row("signal_id IN (SELECT id FROM signal)", "the signal is readable");
  return {
    read: anyOf([role(...STAFF), visible]),
    insert: anyOf([role(...STAFF), visible]),
    update: nobody,
    delete: nobody,
  };
}

function isNew() {
  return row("triage_state = 'new'", "it arrives untriaged");
}
function ownOrganisation() {
  return row("reporter_organisation_id = (SELECT app_organisation_id())", "it is the key's organisation");
}
function ownApiKey() {
  return row("id = nullif(current_setting('app.api_key_id', true), '')::uuid", "it is the key in use");
}
function residentAccountWork() {
  return row(
    "{t}.id IN (SELECT ra.user_id FROM resident_account ra JOIN household_member m ON m.municipality_id = ra.municipality_id" +
      " AND m.resident_id = ra.resident_id JOIN household_access a ON a.municipality_id = m.municipality_id" +
      " AND a.household_id = m.household_id AND a.user_id = (SELECT app_user_id())" +
      ` AND a.level = ANY ('{${GROUPS.work.join(",")}}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())`,
    "the user may work in the resident's household",
  );
}

// ---- what services ask --------------------------------------------------------------------------

/**
 * Use cases on a household and the group of levels each needs. The `allowed` flags in responses and the
 * checks in services come from here; the database enforces the same groups on the tables involved.
 */
export const HOUSEHOLD_ACTIONS = {
  /** See the household in lists and its registration rows. */
  readRegistration: "registration",
  /** Open the whole dossier. */
  read: "dossier",
  /** Register members, open a case, record the intake, record consent. */
  register: "registrationWork",
  /** Work in the dossier: journal, ZRM, plan, network, closure, professionals, handover. */
  edit: "work",
  /** Export the dossier for the resident, or put it on a conference's agenda. */
  share: "share",
  /** Route a front-office request to the back office. */
  route: "frontOffice",
  /** Link or unlink the resident's portal account. */
  linkPortalAccount: "work",
  /** The resident and their representatives, in the portal. */
  portal: "portal",
} as const satisfies Record<string, Group>;
export type HouseholdAction = keyof typeof HOUSEHOLD_ACTIONS;

/**
 * Security-definer functions read past row-level security, so each is named here with the test (path
 * under server/src) that exercises it; the declaration test fails for a function missing here.
 */
export const SECURITY_DEFINER_FUNCTIONS: Record<string, string> = {
  app_access_after_change: "platform/access/household-access.test.ts",
  app_access_grants: "platform/access/household-access.test.ts",
  app_refresh_household_access: "platform/access/household-access.test.ts",
  app_rebuild_household_access: "platform/access/household-access.test.ts",
  app_has_access: "platform/access/matrix.test.ts",
  app_household_exists: "modules/emergencyAccess/emergencyAccess.test.ts",
  app_household_team: "modules/emergencyAccess/emergencyAccess.test.ts",
  app_mark_emergency_audit: "modules/emergencyAccess/emergencyAccess.test.ts",
  app_intake_summaries: "modules/privacy/teamModels.test.ts",
  app_household_access_log: "modules/residentRights/residentRights.test.ts",
  app_find_duplicate_residents: "modules/cases/cases.test.ts",
  app_worklist_household_ids: "modules/worklist/worklist.test.ts",
  app_conference_ids: "modules/conferences/conferences.test.ts",
  app_decision_follows_plan_action: "modules/conferences/planActions.test.ts",
  app_directory_entry_usage: "modules/directory/directory.usage.test.ts",
  app_directory_usage_by_team: "modules/directory/directory.usage.test.ts",
  app_plan_directory_references: "modules/directory/directory.test.ts",
  app_ladder_figures_municipality: "modules/plans/plans.figures.test.ts",
  app_ladder_figures_municipality_live: "modules/plans/plans.figures.test.ts",
  app_open_cases_per_neighbourhood: "modules/areaAnalysis/areaAnalysis.test.ts",
  app_outcome_figures: "modules/outcomes/outcomes.test.ts",
  app_outcome_figures_live: "modules/outcomes/outcomes.summary.test.ts",
  app_outcomes_after_change: "modules/outcomes/outcomes.summary.test.ts",
  app_rebuild_case_outcomes: "modules/outcomes/outcomes.summary.test.ts",
  app_refresh_case_outcomes: "modules/outcomes/outcomes.summary.test.ts",
  app_portal_access_log: "modules/portal/portal.test.ts",
  app_portal_case_lead: "modules/portal/portal.profile.test.ts",
  app_portal_case_lead_photo: "modules/portal/portal.profile.test.ts",
  app_reciprocity_match_parties: "modules/reciprocity/reciprocity.test.ts",
  app_reciprocity_request_household: "modules/reciprocity/reciprocity.test.ts",
  app_reciprocity_requests: "modules/reciprocity/reciprocity.test.ts",
  app_seed_default_purposes: "modules/privacy/consent.test.ts",
  app_seed_purposes_on_new_municipality: "modules/privacy/consent.test.ts",
  app_seed_default_prices: "modules/impactCalculator/impactCalculator.test.ts",
  app_seed_prices_on_new_municipality: "modules/impactCalculator/impactCalculator.test.ts",
  app_signal_facts: "modules/signals/signals.triage.test.ts",
  app_signal_group_for_address: "modules/signals/signals.channels.test.ts",
  app_signal_status: "modules/signals/signals.channels.test.ts",
  app_team_domain_needs: "modules/staffing/staffing.test.ts",
  app_dossier_people: "modules/conferences/sharedTexts.test.ts",
  app_outcome_change_size: "modules/outcomes/outcomes.changeSize.test.ts",
  app_assert_meldcode_skip: "modules/signals/meldcode.test.ts",
  app_assert_meldcode_decision: "modules/signals/meldcode.test.ts",
  app_seal_audit: "platform/audit/witness.test.ts",
  app_unsealed_municipalities: "platform/audit/witness.test.ts",
  app_unsealed_count: "platform/metrics/metrics.test.ts",
  app_pseudonym_group_size: "modules/conferences/pseudonym.test.ts",
  app_household_document_bytes: "modules/documents/documents.limits.test.ts",
};
