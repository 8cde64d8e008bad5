import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import type { DB } from "../../platform/db/schema.ts";
import { purgeExpiredExports } from "./exportDelivery.service.ts";
import { householdCandidates, removeHousehold } from "./retention.households.ts";
import { RECORD_RULES, type RecordRule, type RetentionClock } from "./retention.kinds.ts";
import { type Candidate, entryOf, type LogEntry, writeLog } from "./retention.log.ts";
import { foreignKeys, removeRows } from "./retention.remove.ts";
import { RETENTION_TABLES, RULE_TEXTS } from "./retention.rules.ts";
import { discoverPersonalTables } from "./schemaCatalogue.ts";

/** Never touched: the audit trail is a hash chain (ids only), the retention log is this job's own. */
const NEVER = new Set(["audit_event", "retention_run", "retention_log_entry"]);

export interface RetentionResult {
  municipalityId: string;
  runId: string;
  deletedHouseholdIds: string[];
  anonymisedHouseholdIds: string[];
  failedHouseholdIds: string[];
  deletedSignalIds: string[];
  rowCounts: Record<string, number>;
  /** What the run did per record: kind, id, date, rule, outcome (and why kept). */
  entries: LogEntry[];
}

export interface RetentionOptions {
  /** The clock: what is due is due at this moment. */
  now: Date;
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
}

async function schemaFacts(db: Kysely<DB>) {
  const personal = (await discoverPersonalTables(db)).filter((t) => !NEVER.has(t.table));
  const householdTables = new Map(personal.map((t) => [t.table, t]));
  // Only tables a rule removes from; a reference from any other table fails the record's removal.
  const removable = new Set(
    Object.entries(RETENTION_TABLES)
      .filter(([table, r]) => (r.kinds?.length ?? 0) > 0 && !NEVER.has(table) && table !== "app_user")
      .map(([table]) => table),
  );
  return { keys: await foreignKeys(db), removable, householdTables };
}
type SchemaFacts = Awaited<ReturnType<typeof schemaFacts>>;

const add = (into: Record<string, number>, counts: Record<string, number>) => {
  for (const [t, n] of Object.entries(counts)) into[t] = (into[t] ?? 0) + n;
};

/** Removes the due records of one kind in one transaction, or one by one when that fails. */
async function removeRecords(
  db: Kysely<DB>,
  municipalityId: string,
  rule: RecordRule,
  due: Candidate[],
  schema: SchemaFacts,
  result: RetentionResult,
) {
  const removeSome = (ids: string[]) =>
    db.transaction().execute(async (trx) => {
      await rule.before?.(trx, municipalityId, ids);
      const base = new Map([
        [
          rule.table,
          sql`municipality_id = ${municipalityId} and ${sql.ref(rule.idColumn)}::text = any (${ids}::text[])`,
        ],
      ]);
      return removeRows(trx, base, schema.keys, new Set(rule.removable));
    });
  const ids = due.map((c) => c.recordId);
  if (ids.length === 0) return;
  try {
    add(result.rowCounts, await removeSome(ids));
    for (const c of due) result.entries.push(entryOf(c, "deleted"));
  } catch {
    for (const c of due) {
      try {
        add(result.rowCounts, await removeSome([c.recordId]));
        result.entries.push(entryOf(c, "deleted"));
      } catch (error) {
        if (process.env.DEBUG_RETENTION) console.error(error);
        result.entries.push(entryOf(c, "failed"));
      }
    }
  }
  if (rule.kind === "signal")
    result.deletedSignalIds.push(
      ...result.entries.filter((e) => e.kind === "signal" && e.outcome === "deleted").map((e) => e.recordId),
    );
}

async function runHouseholds(
  db: Kysely<DB>,
  municipalityId: string,
  now: Date,
  schema: SchemaFacts,
  result: RetentionResult,
) {
  for (const c of await householdCandidates(db, municipalityId, now)) {
    if (!c.action) {
      result.entries.push(entryOf(c, "kept"));
      continue;
    }
    const action = c.action;
    try {
      const { counts, removedUsers } = await db
        .transaction()
        .execute((trx) => removeHousehold(trx, municipalityId, c.recordId, action, schema));
      add(result.rowCounts, counts);
      if (removedUsers.length > 0) add(result.rowCounts, { app_user: removedUsers.length });
      (action === "delete" ? result.deletedHouseholdIds : result.anonymisedHouseholdIds).push(c.recordId);
      result.entries.push(entryOf(c, action === "delete" ? "deleted" : "anonymised"));
      for (const id of removedUsers)
        result.entries.push({
          kind: "residentAccount",
          recordId: id,
          recordDate: c.recordDate,
          rule: RULE_TEXTS.residentAccount,
          outcome: "deleted",
          keptBecause: null,
        });
    } catch (error) {
      if (process.env.DEBUG_RETENTION) console.error(error);
      result.failedHouseholdIds.push(c.recordId);
      result.entries.push(entryOf(c, "failed"));
    }
  }
}

/**
 * The retention job, run as the owner (background work): per municipality, every kind of record whose
 * period ended at `now` is deleted or anonymised (retention.rules.ts says which rule covers which
 * table), each household in its own transaction across every table found from the schema. Records a
 * legal hold, an open case, an open signal, an open decision, a pending review or a reference keep are
 * kept. Each run writes a log (retention_run, retention_log_entry) of kinds, ids, dates and rules —
 * never content — and one audit event with counts. Callable as runRetention(db, { now }).
 */
export async function runRetention(db: Kysely<DB>, options: RetentionOptions): Promise<RetentionResult[]> {
  const clock: RetentionClock = {
    now: options.now,
    sessionIdleMinutes: options.sessionIdleMinutes ?? Number(process.env.SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: options.sessionAbsoluteHours ?? Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12),
  };
  const municipalities = await db.selectFrom("municipality").select("id").execute();
  const schema = await schemaFacts(db);
  // Delivered privacy exports whose download period ended lose their content first (counts are audited).
  await purgeExpiredExports(db, options.now);
  const results: RetentionResult[] = [];
  for (const { id: municipalityId } of municipalities) {
    const result: RetentionResult = {
      municipalityId,
      runId: randomUUID(),
      deletedHouseholdIds: [],
      anonymisedHouseholdIds: [],
      failedHouseholdIds: [],
      deletedSignalIds: [],
      rowCounts: {},
      entries: [],
    };
    await runHouseholds(db, municipalityId, options.now, schema, result);
    for (const rule of RECORD_RULES) {
      const candidates = await rule.candidates(db, municipalityId, clock);
      for (const c of candidates) if (c.keptBecause) result.entries.push(entryOf(c, "kept"));
      await removeRecords(
        db,
        municipalityId,
        rule,
        candidates.filter((c) => !c.keptBecause),
        schema,
        result,
      );
    }
    if (result.entries.length === 0) continue;
    await db
      .insertInto("retentionRun")
      .values({
        municipalityId,
        id: result.runId,
        ranAt: new Date(),
        clock: options.now,
        deletedHouseholdIds: result.deletedHouseholdIds,
        anonymisedHouseholdIds: result.anonymisedHouseholdIds,
        deletedSignalIds: result.deletedSignalIds,
        rowCounts: JSON.stringify(result.rowCounts) as unknown as Record<string, number>,
      })
      .execute();
    await writeLog(db, municipalityId, result.runId, result.entries);
    const count = (outcome: LogEntry["outcome"]) =>
      result.entries.filter((e) => e.outcome === outcome).length;
    await recordSystemAudit(db, { municipalityId, userId: null, role: null, organisationId: null }, null, {
      action: "retention.ran",
      resourceType: "retentionRun",
      resourceId: result.runId,
      details: {
        deleted: count("deleted"),
        anonymised: count("anonymised"),
        kept: count("kept"),
        failed: count("failed"),
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
