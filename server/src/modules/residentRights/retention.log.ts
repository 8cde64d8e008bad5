import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { RetentionKind } from "./retention.rules.ts";
import type { KeptBecause, RetentionOutcome } from "./retention.tables.ts";

/** A record whose period ended: removed (delete or anonymise) or kept, and why. Ids, dates and rules only. */
export interface Candidate {
  kind: RetentionKind;
  recordId: string;
  /** The day its period started (YYYY-MM-DD). */
  recordDate: string | null;
  rule: string;
  action?: "delete" | "anonymise";
  keptBecause?: KeptBecause;
}

export interface LogEntry {
  kind: RetentionKind;
  recordId: string;
  recordDate: string | null;
  rule: string;
  outcome: RetentionOutcome;
  keptBecause: KeptBecause | null;
}

export function entryOf(c: Candidate, outcome: RetentionOutcome): LogEntry {
  return {
    kind: c.kind,
    recordId: c.recordId,
    recordDate: c.recordDate,
    rule: c.rule,
    outcome,
    keptBecause: outcome === "kept" ? (c.keptBecause ?? null) : null,
  };
}

/** Writes a run's entries (in chunks, so a city's daily sessions fit in a statement). */
export async function writeLog(db: Kysely<DB>, municipalityId: string, runId: string, entries: LogEntry[]) {
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto("retentionLogEntry")
      .values(
        entries.slice(i, i + 1000).map((e, j) => ({
          municipalityId,
          runId,
          position: i + j + 1,
          kind: e.kind,
          recordId: e.recordId,
          recordDate: e.recordDate,
          rule: e.rule,
          outcome: e.outcome,
          keptBecause: e.keptBecause,
        })),
      )
      .execute();
  }
}

/** The date part of a timestamp column in Dutch time, for the log. */
export const dutchDate = (column: string) =>
  sql<string>`(${sql.ref(column)} at time zone 'Europe/Amsterdam')::date::text`;
