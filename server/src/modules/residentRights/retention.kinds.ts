import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { signalTriageMonths } from "./retention.households.ts";
import type { Candidate } from "./retention.log.ts";
import { PERIODS, type RetentionKind, RULE_TEXTS } from "./retention.rules.ts";

export interface RetentionClock {
  now: Date;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

/**
 * A kind of record with a trigger of its own: which records are due at `now` (and which of those are
 * kept, and why), which table holds them, and what to do just before they go.
 */
export interface RecordRule {
  kind: RetentionKind;
  /** The table whose rows are the records (by id), and the tables the removal may touch. */
  table: string;
  idColumn: string;
  removable: readonly string[];
  candidates(db: Kysely<DB>, municipalityId: string, clock: RetentionClock): Promise<Candidate[]>;
  /** Runs in the removal's transaction, before the rows go. */
  before?(trx: Kysely<DB>, municipalityId: string, ids: string[]): Promise<void>;
}

type Row = { id: string; recordDate: string | null; keptBecause: Candidate["keptBecause"] | null };

const toCandidates = (kind: RetentionKind, rule: string, rows: Row[]): Candidate[] =>
  rows.map((r) => ({
    kind,
    recordId: r.id,
    recordDate: r.recordDate,
    rule,
    ...(r.keptBecause ? { keptBecause: r.keptBecause } : { action: "delete" as const }),
  }));

const held = (householdColumn: string) =>
  sql.raw(`exists (select 1 from legal_hold h where h.municipality_id = t.municipality_id
    and h.household_id = t.${householdColumn} and h.released_at is null)`);

export const RECORD_RULES: readonly RecordRule[] = [
  {
    kind: "signal",
    table: "signal",
    idColumn: "id",
    removable: ["signal", "signal_contact_attempt", "signal_meldcode_step", "legal_hold"],
    async candidates(db, municipalityId, { now }) {
      const signal = await signalTriageMonths(db, municipalityId);
      const rows = await sql<Row>`
        select t.id, (t.received_at at time zone 'Europe/Amsterdam')::date::text as record_date,
          case when exists (select 1 from legal_hold h where h.municipality_id = t.municipality_id
                              and h.signal_id = t.id and h.released_at is null) then 'legalHold'
               when t.triage_state in ('new', 'outreach') then 'openSignal' end as kept_because
        from signal t
        where t.municipality_id = ${municipalityId} and t.household_id is null
          and t.received_at + make_interval(months => ${signal.months}) <= ${now}`.execute(db);
      return toCandidates(
        "signal",
        `${signal.source}: ${signal.months} maanden na ontvangst (signaal zonder casus)`,
        rows.rows,
      );
    },
  },
  {
    kind: "consentWithdrawn",
    table: "consent",
    idColumn: "id",
    removable: ["consent"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id, (t.withdrawn_at at time zone 'Europe/Amsterdam')::date::text as record_date,
          case when ${held("household_id")} then 'legalHold'
               when exists (select 1 from conference_agenda_item a where a.municipality_id = t.municipality_id
                            and a.consent_id = t.id) then 'referenced' end as kept_because
        from consent t
        where t.municipality_id = ${municipalityId} and t.withdrawn_at is not null
          and t.withdrawn_at + make_interval(months => ${PERIODS.consentWithdrawnMonths}) <= ${now}`.execute(
        db,
      );
      return toCandidates("consentWithdrawn", RULE_TEXTS.consentWithdrawn, rows.rows);
    },
  },
  {
    kind: "conference",
    table: "case_conference",
    idColumn: "id",
    removable: ["case_conference", "conference_participant", "conference_agenda_item", "conference_decision"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id, (t.scheduled_at at time zone 'Europe/Amsterdam')::date::text as record_date,
          case when exists (select 1 from conference_agenda_item a join legal_hold h
                              on h.municipality_id = a.municipality_id and h.household_id = a.household_id
                              and h.released_at is null
                            where a.municipality_id = t.municipality_id and a.conference_id = t.id) then 'legalHold'
               when exists (select 1 from conference_decision d where d.municipality_id = t.municipality_id
                            and d.conference_id = t.id and d.status = 'open') then 'openDecision' end as kept_because
        from case_conference t
        where t.municipality_id = ${municipalityId}
          and t.scheduled_at + make_interval(months => ${PERIODS.conferenceMonths}) <= ${now}`.execute(db);
      return toCandidates("conference", RULE_TEXTS.conference, rows.rows);
    },
    // What the team learned stays (it is free of personal data); only its link to the meeting goes.
    async before(trx, municipalityId, ids) {
      await sql`update case_learning_note set conference_id = null
        where municipality_id = ${municipalityId} and conference_id = any (${ids}::uuid[])`.execute(trx);
    },
  },
  {
    kind: "messageThread",
    table: "portal_message",
    idColumn: "case_id",
    removable: ["portal_message"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id, (t.closed_at at time zone 'Europe/Amsterdam')::date::text as record_date,
          case when ${held("household_id")} then 'legalHold' end as kept_because
        from case_file t
        where t.municipality_id = ${municipalityId} and t.status = 'closed'
          and t.closed_at + make_interval(months => ${PERIODS.messageThreadMonths}) <= ${now}
          and exists (select 1 from portal_message m where m.municipality_id = t.municipality_id and m.case_id = t.id)`.execute(
        db,
      );
      return toCandidates("messageThread", RULE_TEXTS.messageThread, rows.rows);
    },
  },
  {
    kind: "exportDelivery",
    table: "export_request",
    idColumn: "id",
    removable: ["export_request", "export_delivery"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id, (d.expires_at at time zone 'Europe/Amsterdam')::date::text as record_date,
          case when ${held("household_id")} then 'legalHold' end as kept_because
        from export_request t
        join export_delivery d on d.municipality_id = t.municipality_id and d.request_id = t.id
        where t.municipality_id = ${municipalityId}
          and d.expires_at + make_interval(months => ${PERIODS.exportDeliveryMonths}) <= ${now}`.execute(db);
      return toCandidates("exportDelivery", RULE_TEXTS.exportDelivery, rows.rows);
    },
  },
  {
    kind: "partnerApiKey",
    table: "partner_api_key",
    idColumn: "id",
    removable: ["partner_api_key"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id, (t.revoked_at at time zone 'Europe/Amsterdam')::date::text as record_date,
          case when exists (select 1 from signal s where s.municipality_id = t.municipality_id
                            and s.api_key_id = t.id) then 'referenced' end as kept_because
        from partner_api_key t
        where t.municipality_id = ${municipalityId} and t.revoked_at is not null
          and t.revoked_at + make_interval(months => ${PERIODS.partnerApiKeyMonths}) <= ${now}`.execute(db);
      return toCandidates("partnerApiKey", RULE_TEXTS.partnerApiKey, rows.rows);
    },
  },
  {
    kind: "emergencyAccess",
    table: "emergency_access",
    idColumn: "id",
    removable: ["emergency_access"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id,
          (least(coalesce(t.ended_at, t.expires_at), t.expires_at) at time zone 'Europe/Amsterdam')::date::text as record_date,
          case when ${held("household_id")} then 'legalHold'
               when t.reviewed_at is null then 'awaitingReview' end as kept_because
        from emergency_access t
        where t.municipality_id = ${municipalityId}
          and least(coalesce(t.ended_at, t.expires_at), t.expires_at)
            + make_interval(months => ${PERIODS.emergencyAccessMonths}) <= ${now}`.execute(db);
      return toCandidates("emergencyAccess", RULE_TEXTS.emergencyAccess, rows.rows);
    },
  },
  {
    kind: "session",
    table: "session",
    idColumn: "id",
    removable: ["session"],
    async candidates(db, municipalityId, { now, sessionIdleMinutes, sessionAbsoluteHours }) {
      const rows = await sql<Row>`
        select t.id, (t.last_seen_at at time zone 'Europe/Amsterdam')::date::text as record_date, null as kept_because
        from session t
        where t.municipality_id = ${municipalityId}
          and (t.last_seen_at + make_interval(mins => ${sessionIdleMinutes}) <= ${now}
            or t.created_at + make_interval(hours => ${sessionAbsoluteHours}) <= ${now})`.execute(db);
      return toCandidates("session", RULE_TEXTS.session, rows.rows);
    },
  },
  {
    kind: "oneTimeCode",
    table: "one_time_code",
    idColumn: "id",
    removable: ["one_time_code"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id::text, (t.expires_at at time zone 'Europe/Amsterdam')::date::text as record_date,
          null as kept_because
        from one_time_code t
        where t.municipality_id = ${municipalityId}
          and least(coalesce(t.used_at, t.expires_at), t.expires_at)
            + make_interval(days => ${PERIODS.oneTimeCodeDays}) <= ${now}`.execute(db);
      return toCandidates("oneTimeCode", RULE_TEXTS.oneTimeCode, rows.rows);
    },
  },
  {
    kind: "outbox",
    table: "outbox_message",
    idColumn: "id",
    removable: ["outbox_message"],
    async candidates(db, municipalityId, { now }) {
      const rows = await sql<Row>`
        select t.id::text, (coalesce(t.sent_at, t.created_at) at time zone 'Europe/Amsterdam')::date::text as record_date,
          null as kept_because
        from outbox_message t
        where t.municipality_id = ${municipalityId}
          and coalesce(t.sent_at, t.created_at) + make_interval(days => ${PERIODS.outboxDays}) <= ${now}`.execute(
        db,
      );
      return toCandidates("outbox", RULE_TEXTS.outbox, rows.rows);
    },
  },
];
