import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { DEFAULT_PURPOSES } from "../privacy/categories.ts";
import type { Candidate } from "./retention.log.ts";
import { type ForeignKey, removeRows } from "./retention.remove.ts";

/** Tables kept (stripped of identifying values) when a purpose says anonymise: the statistics skeleton. */
const KEPT_WHEN_ANONYMISED = new Set([
  "household",
  "household_member",
  "resident",
  "case_file",
  "case_status_change",
  "case_professional",
  "case_purpose",
  "case_outcome_summary",
  "assessment",
  "assessment_score",
]);

const SIGNAL_TRIAGE = DEFAULT_PURPOSES.find((p) => p.code === "signalTriage");
/** The register's signal period, or the default register's when the municipality has none. */
export async function signalTriageMonths(db: Kysely<DB>, municipalityId: string) {
  const row = await db
    .selectFrom("processingPurpose")
    .select("retentionMonths")
    .where("municipalityId", "=", municipalityId)
    .where("code", "=", "signalTriage")
    .executeTakeFirst();
  return row
    ? { months: row.retentionMonths, source: "signalTriage" }
    : { months: SIGNAL_TRIAGE?.retentionMonths ?? 6, source: "signalTriage (standaard)" };
}

/** A hold on the household, or on a signal linked to it (the household's removal would take the signal). */
const heldHousehold = (municipality: RawBuilder<unknown>, household: RawBuilder<unknown>) => sql<boolean>`(
  exists (select 1 from legal_hold l where l.municipality_id = ${municipality} and l.household_id = ${household}
    and l.released_at is null)
  or exists (select 1 from legal_hold l join signal s on s.municipality_id = l.municipality_id and s.id = l.signal_id
    where l.municipality_id = ${municipality} and s.household_id = ${household} and l.released_at is null))`;

/**
 * Households whose retention period ended at `now`: every case closed and each case's purpose period
 * past (delete or anonymise, as the purposes say), or registered without a case longer ago than the
 * signal period. Kept, with the reason in the log: a legal hold, or another case still open.
 */
export async function householdCandidates(
  db: Kysely<DB>,
  municipalityId: string,
  now: Date,
): Promise<Candidate[]> {
  const closed = await sql<{
    householdId: string;
    actions: string[];
    rules: string[];
    closedOn: string;
    allClosed: boolean;
    allPast: boolean;
    held: boolean;
  }>`
    select c.household_id,
      array_agg(distinct coalesce(p.retention_action, d.retention_action)) as actions,
      array_agg(distinct coalesce(p.code, d.code) || ': ' || coalesce(p.retention_months, d.retention_months)
        || ' maanden na het afsluiten van de casus') as rules,
      (max(c.closed_at) at time zone 'Europe/Amsterdam')::date::text as closed_on,
      bool_and(c.status = 'closed') as all_closed,
      bool_and(c.status = 'closed' and coalesce(p.id, d.id) is not null
        and c.closed_at + make_interval(months => coalesce(p.retention_months, d.retention_months)) <= ${now}) as all_past,
      ${heldHousehold(sql`c.municipality_id`, sql`c.household_id`)} as held
    from case_file c
    left join case_purpose cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id
    left join processing_purpose p on p.municipality_id = cp.municipality_id and p.id = cp.purpose_id
    left join processing_purpose d on d.municipality_id = c.municipality_id and d.is_default
    where c.municipality_id = ${municipalityId}
    group by c.municipality_id, c.household_id
    having bool_or(c.status = 'closed' and coalesce(p.id, d.id) is not null
      and c.closed_at + make_interval(months => coalesce(p.retention_months, d.retention_months)) <= ${now})`.execute(
    db,
  );
  const done = new Set(
    (
      await db
        .selectFrom("retentionRun")
        .select("anonymisedHouseholdIds")
        .where("municipalityId", "=", municipalityId)
        .execute()
    ).flatMap((r) => r.anonymisedHouseholdIds),
  );
  const out: Candidate[] = [];
  for (const r of closed.rows) {
    if (done.has(r.householdId)) continue;
    const base = {
      kind: "household" as const,
      recordId: r.householdId,
      recordDate: r.closedOn,
      rule: r.rules.sort().join("; "),
    };
    if (!r.allClosed) out.push({ ...base, keptBecause: "openCase" });
    else if (!r.allPast) continue;
    else if (r.held) out.push({ ...base, keptBecause: "legalHold" });
    else out.push({ ...base, action: r.actions.includes("anonymise") ? "anonymise" : "delete" });
  }
  const signal = await signalTriageMonths(db, municipalityId);
  // Without a case the period runs from the registration or the latest signal linked to it, if later.
  const withoutCase = await sql<{ householdId: string; createdOn: string; held: boolean }>`
    select x.id as household_id, (x.started_at at time zone 'Europe/Amsterdam')::date::text as created_on,
      ${heldHousehold(sql`x.municipality_id`, sql`x.id`)} as held
    from (
      select h.municipality_id, h.id, greatest(h.created_at, (select max(s.received_at) from signal s
        where s.municipality_id = h.municipality_id and s.household_id = h.id)) as started_at
      from household h
      where h.municipality_id = ${municipalityId}
        and not exists (select 1 from case_file c where c.municipality_id = h.municipality_id and c.household_id = h.id)
    ) x
    where x.started_at + make_interval(months => ${signal.months}) <= ${now}`.execute(db);
  for (const r of withoutCase.rows) {
    out.push({
      kind: "household",
      recordId: r.householdId,
      recordDate: r.createdOn,
      rule: `${signal.source}: ${signal.months} maanden na registratie (huishouden zonder casus)`,
      ...(r.held ? { keptBecause: "legalHold" as const } : { action: "delete" as const }),
    });
  }
  return out;
}

/** Resident accounts of a household: they go when no household link or representation remains. */
async function residentUsersOf(trx: Kysely<DB>, householdId: string, residents: string[]) {
  const rows = await sql<{ userId: string }>`
    select user_id from resident_account where resident_id = any (${residents}::uuid[])
    union select representative_user_id from representation where household_id = ${householdId}`.execute(trx);
  return rows.rows.map((r) => r.userId);
}

/**
 * Removes a household (delete) or strips it to its statistics skeleton (anonymise) in the caller's
 * transaction, across every table that refers to it; then its residents' portal accounts that no longer
 * link to anyone. Returns row counts per table and the accounts removed.
 */
export async function removeHousehold(
  trx: Kysely<DB>,
  municipalityId: string,
  householdId: string,
  action: "delete" | "anonymise",
  schema: {
    keys: readonly ForeignKey[];
    removable: ReadonlySet<string>;
    householdTables: Map<string, { hasHouseholdId: boolean; hasResidentId: boolean }>;
  },
) {
  const residents = (
    await sql<{ residentId: string }>`select resident_id from household_member
      where municipality_id = ${municipalityId} and household_id = ${householdId}`.execute(trx)
  ).rows.map((r) => r.residentId);
  const users = await residentUsersOf(trx, householdId, residents);
  const residentArray = sql`${residents}::uuid[]`;
  const base = new Map<string, RawBuilder<unknown>>();
  for (const [table, t] of schema.householdTables) {
    if (action === "anonymise" && KEPT_WHEN_ANONYMISED.has(table)) continue;
    const parts = [];
    if (table === "household") parts.push(sql`id = ${householdId}`);
    else if (table === "resident") parts.push(sql`id = any (${residentArray})`);
    else {
      if (t.hasHouseholdId) parts.push(sql`household_id = ${householdId}`);
      if (t.hasResidentId) parts.push(sql`resident_id = any (${residentArray})`);
    }
    if (parts.length > 0)
      base.set(table, sql`municipality_id = ${municipalityId} and (${sql.join(parts, sql` or `)})`);
  }
  const removable = new Set(
    [...schema.removable].filter((t) => !(action === "anonymise" && KEPT_WHEN_ANONYMISED.has(t))),
  );
  if (action === "delete")
    await sql`update household set merged_into_id = null
      where municipality_id = ${municipalityId} and merged_into_id = ${householdId}`.execute(trx);
  const counts = await removeRows(trx, base, schema.keys, removable);
  if (action === "anonymise") await anonymise(trx, municipalityId, householdId, residents);
  const removedUsers = (
    await sql<{ id: string }>`delete from app_user u
      where u.municipality_id = ${municipalityId} and u.role = 'resident' and u.id = any (${users}::uuid[])
        and not exists (select 1 from resident_account a where a.municipality_id = u.municipality_id and a.user_id = u.id)
        and not exists (select 1 from representation r where r.municipality_id = u.municipality_id
                        and r.representative_user_id = u.id)
      returning u.id`.execute(trx)
  ).rows.map((r) => r.id);
  return { counts, removedUsers };
}

/** Keeps the skeleton the monitor counts (ZRM levels, dates, codes) without anything that identifies. */
async function anonymise(trx: Kysely<DB>, municipalityId: string, householdId: string, residents: string[]) {
  await sql`update resident set given_name = 'Geanonimiseerd', family_name = 'Geanonimiseerd',
      birth_date = date_trunc('year', birth_date)::date, bsn = null, postcode = null, house_number = null,
      house_number_addition = null, street = null, city = null, phone = null, email = null
    where municipality_id = ${municipalityId} and id = any (${residents}::uuid[])`.execute(trx);
  await sql`update household set name = 'Geanonimiseerd huishouden'
    where municipality_id = ${municipalityId} and id = ${householdId}`.execute(trx);
  await sql`update case_file set allocation_grounds = 'geanonimiseerd', closure_note = null,
      escalation_explanation = 'geanonimiseerd', resident_informed_how = 'geanonimiseerd'
    where municipality_id = ${municipalityId} and household_id = ${householdId}`.execute(trx);
  // Status changes carried the closure texts in details; involvement its ending reason.
  await sql`update case_status_change set note = null, details = '{}'
    where municipality_id = ${municipalityId} and household_id = ${householdId}`.execute(trx);
  await sql`update case_professional set ended_reason = null
    where municipality_id = ${municipalityId} and household_id = ${householdId}`.execute(trx);
  await sql`update assessment_score set note = null
    where municipality_id = ${municipalityId} and household_id = ${householdId}`.execute(trx);
}
