import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import type { DB } from "../../platform/db/schema.ts";
import { purgeExpiredExports } from "./exportDelivery.service.ts";
import { childrenFirst, discoverPersonalTables, foreignKeyPairs } from "./schemaCatalogue.ts";

/** Tables kept (stripped of identifying values) when a purpose says anonymise: the statistics skeleton. */
const KEPT_WHEN_ANONYMISED = new Set([
  "household",
  "household_member",
  "resident",
  "case_file",
  "case_status_change",
  "case_professional",
  "case_purpose",
  "assessment",
  "assessment_score",
]);
/** Never touched: the audit trail is a hash chain (ids only), the retention log is this job's own. */
const NEVER = new Set(["audit_event", "retention_run"]);

interface Due {
  householdId: string;
  action: "delete" | "anonymise";
}

/** Households whose retention period has ended at `now`, with what their purposes say to do. */
async function dueHouseholds(db: Kysely<DB>, municipalityId: string, now: Date): Promise<Due[]> {
  const closed = await sql<{ householdId: string; actions: string[] }>`
    select c.household_id, array_agg(distinct coalesce(p.retention_action, d.retention_action)) as actions
    from case_file c
    left join case_purpose cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id
    left join processing_purpose p on p.municipality_id = cp.municipality_id and p.id = cp.purpose_id
    left join processing_purpose d on d.municipality_id = c.municipality_id and d.is_default
    where c.municipality_id = ${municipalityId}
    group by c.household_id
    having bool_and(c.status = 'closed')
      and bool_and(coalesce(p.id, d.id) is not null)
      and bool_and(c.closed_at + make_interval(months => coalesce(p.retention_months, d.retention_months)) <= ${now})
  `.execute(db);
  const withoutCase = await sql<{ householdId: string }>`
    select h.id as household_id from household h
    join processing_purpose p on p.municipality_id = h.municipality_id and p.code = 'signalTriage'
    where h.municipality_id = ${municipalityId}
      and not exists (select 1 from case_file c where c.municipality_id = h.municipality_id and c.household_id = h.id)
      and h.created_at + make_interval(months => p.retention_months) <= ${now}`.execute(db);
  const previous = await db
    .selectFrom("retentionRun")
    .select("anonymisedHouseholdIds")
    .where("municipalityId", "=", municipalityId)
    .execute();
  const done = new Set(previous.flatMap((r) => r.anonymisedHouseholdIds));
  return [
    ...closed.rows
      .filter((r) => !done.has(r.householdId))
      .map(
        (r): Due => ({
          householdId: r.householdId,
          action: r.actions.includes("anonymise") ? "anonymise" : "delete",
        }),
      ),
    ...withoutCase.rows.map((r): Due => ({ householdId: r.householdId, action: "delete" })),
  ];
}

async function removeHousehold(
  trx: Kysely<DB>,
  due: Due,
  order: { table: string; hasResidentId: boolean; hasHouseholdId: boolean }[],
  counts: Record<string, number>,
) {
  const residents = (
    await sql<{
      residentId: string;
    }>`select resident_id from household_member where household_id = ${due.householdId}`.execute(trx)
  ).rows.map((r) => r.residentId);
  const residentArray = sql`${residents}::uuid[]`;
  // One statement with a data-modifying CTE per table: foreign keys are checked at its end, so the order
  // of tables and cycles (case_file ⇄ assessment) do not matter.
  const targets = order.filter((t) => !(due.action === "anonymise" && KEPT_WHEN_ANONYMISED.has(t.table)));
  const parts = targets.map((t, i) => {
    const conditions = [];
    if (t.table === "resident") conditions.push(sql`id = any (${residentArray})`);
    else if (t.table === "household") conditions.push(sql`id = ${due.householdId}`);
    else {
      if (t.hasHouseholdId) conditions.push(sql`household_id = ${due.householdId}`);
      if (t.hasResidentId) conditions.push(sql`resident_id = any (${residentArray})`);
    }
    return sql`${sql.raw(`d${i}`)} as (delete from ${sql.table(t.table)} where ${sql.join(conditions, sql` or `)} returning 1)`;
  });
  if (due.action === "delete")
    await sql`update household set merged_into_id = null where merged_into_id = ${due.householdId}`.execute(
      trx,
    );
  if (parts.length > 0) {
    const select = sql.join(targets.map((_, i) => sql`(select count(*)::int from ${sql.raw(`d${i}`)})`));
    const row = (
      await sql<{ counts: number[] }>`with ${sql.join(parts)} select array[${select}] as counts`.execute(trx)
    ).rows[0];
    targets.forEach((t, i) => {
      const n = row?.counts[i] ?? 0;
      if (n > 0) counts[t.table] = (counts[t.table] ?? 0) + n;
    });
  }
  if (due.action === "delete") return;
  await sql`update resident set given_name = 'Geanonimiseerd', family_name = 'Geanonimiseerd',
      birth_date = date_trunc('year', birth_date)::date, bsn = null, postcode = null, house_number = null,
      house_number_addition = null, street = null, city = null, phone = null, email = null
    where id = any (${residentArray})`.execute(trx);
  await sql`update household set name = 'Geanonimiseerd huishouden' where id = ${due.householdId}`.execute(
    trx,
  );
  await sql`update case_file set allocation_grounds = 'geanonimiseerd', closure_note = null,
      escalation_explanation = 'geanonimiseerd', resident_informed_how = 'geanonimiseerd'
    where household_id = ${due.householdId}`.execute(trx);
  await sql`update case_status_change set note = null where household_id = ${due.householdId}`.execute(trx);
  await sql`update assessment_score set note = null where household_id = ${due.householdId}`.execute(trx);
}

export interface RetentionResult {
  municipalityId: string;
  deletedHouseholdIds: string[];
  anonymisedHouseholdIds: string[];
  failedHouseholdIds: string[];
  rowCounts: Record<string, number>;
}

/**
 * The retention job, run as the owner (background work): per municipality, households whose purpose's
 * retention period has ended are deleted or anonymised, each in its own transaction, across every table
 * found from the schema. It logs counts and ids, never the removed content. `now` is the clock.
 */
export async function runRetention(db: Kysely<DB>, options: { now: Date }): Promise<RetentionResult[]> {
  const municipalities = await db.selectFrom("municipality").select("id").execute();
  const tables = (await discoverPersonalTables(db)).filter((t) => !NEVER.has(t.table));
  const ordered = childrenFirst(
    tables.map((t) => t.table),
    await foreignKeyPairs(db),
  );
  const byName = new Map(tables.map((t) => [t.table, t]));
  const order = ordered
    .map((name) => byName.get(name))
    .filter((t): t is NonNullable<typeof t> => t !== undefined);
  // Delivered privacy exports whose download period ended lose their content first (counts are audited).
  await purgeExpiredExports(db, options.now);
  const results: RetentionResult[] = [];
  for (const { id: municipalityId } of municipalities) {
    const due = await dueHouseholds(db, municipalityId, options.now);
    const result: RetentionResult = {
      municipalityId,
      deletedHouseholdIds: [],
      anonymisedHouseholdIds: [],
      failedHouseholdIds: [],
      rowCounts: {},
    };
    for (const d of due) {
      const counts: Record<string, number> = {};
      try {
        await db.transaction().execute((trx) => removeHousehold(trx, d, order, counts));
        (d.action === "delete" ? result.deletedHouseholdIds : result.anonymisedHouseholdIds).push(
          d.householdId,
        );
        for (const [t, n] of Object.entries(counts)) result.rowCounts[t] = (result.rowCounts[t] ?? 0) + n;
      } catch (e) {
        if (process.env.DEBUG_RETENTION) console.error(e);
        result.failedHouseholdIds.push(d.householdId);
      }
    }
    if (due.length === 0) continue;
    await db
      .insertInto("retentionRun")
      .values({
        municipalityId,
        id: randomUUID(),
        ranAt: new Date(),
        clock: options.now,
        deletedHouseholdIds: result.deletedHouseholdIds,
        anonymisedHouseholdIds: result.anonymisedHouseholdIds,
        deletedSignalIds: [],
        rowCounts: JSON.stringify(result.rowCounts) as unknown as Record<string, number>,
      })
      .execute();
    await recordSystemAudit(db, { municipalityId, userId: null, role: null, organisationId: null }, null, {
      action: "retention.ran",
      resourceType: "retentionRun",
      details: {
        deleted: result.deletedHouseholdIds.length,
        anonymised: result.anonymisedHouseholdIds.length,
        failed: result.failedHouseholdIds,
        rowCounts: result.rowCounts,
      },
    });
    results.push(result);
  }
  return results;
}

/** Runs the job on an interval inside the server; returns a stop function. */
export function scheduleRetention(
  db: Kysely<DB>,
  onError: (error: unknown) => void,
  intervalMs = Number(process.env.RETENTION_INTERVAL_HOURS ?? 24) * 3_600_000,
) {
  if (!(intervalMs > 0)) return () => {};
  const timer = setInterval(() => {
    runRetention(db, { now: new Date() }).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
