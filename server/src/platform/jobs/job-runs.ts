import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { JobDefinition, JobSummary } from "./job.ts";

/**
 * The history of job runs (table job_run, migration 0028). Claiming a run inserts its row: the unique
 * (job, slot, attempt) lets exactly one instance run a slot; the others find it taken and skip.
 */
export async function claimRun(
  db: Kysely<DB>,
  run: { job: string; slot: string; instance: string; attempt: number },
): Promise<number | undefined> {
  const row = await db
    .insertInto("jobRun")
    .values(run)
    .onConflict((oc) => oc.columns(["job", "slot", "attempt"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export async function finishRun(db: Kysely<DB>, id: number, summary: JobSummary): Promise<void> {
  await db
    .updateTable("jobRun")
    .set({
      state: "succeeded",
      finishedAt: sql<Date>`now()`,
      summary: JSON.stringify(summary) as unknown as JobSummary,
    })
    .where("id", "=", id)
    .execute();
}

/** Stores the error's kind and first line (SQL errors name constraints, not values), at most 300 characters. */
export function describeError(error: unknown): string {
  const e = error as { code?: string; name?: string; message?: string };
  const text = `${e.code ?? e.name ?? "Error"}: ${String(e.message ?? error).split("\n")[0]}`;
  return text.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, "<adres>").slice(0, 300);
}

export async function failRun(db: Kysely<DB>, id: number, error: unknown): Promise<void> {
  await db
    .updateTable("jobRun")
    .set({ state: "failed", finishedAt: sql<Date>`now()`, error: describeError(error) })
    .where("id", "=", id)
    .execute();
}

/** Runs `definition` for one slot and attempt if no instance did; records how it ended. */
export async function runClaimed(
  db: Kysely<DB>,
  definition: JobDefinition,
  run: { slot: string; instance: string; attempt: number; now: Date },
): Promise<"ran" | "taken"> {
  const id = await claimRun(db, {
    job: definition.name,
    slot: run.slot,
    instance: run.instance,
    attempt: run.attempt,
  });
  if (id === undefined) return "taken";
  try {
    const summary = await definition.run({ db, now: run.now });
    await finishRun(db, id, summary);
  } catch (error) {
    await failRun(db, id, error).catch(() => {});
    throw error;
  }
  return "ran";
}

export async function lastRuns(db: Kysely<DB>) {
  return db
    .selectFrom("jobRun")
    .select(["job", "state", "startedAt", "finishedAt"])
    .distinctOn("job")
    .orderBy("job")
    .orderBy("startedAt", "desc")
    .execute();
}

export async function recentRuns(db: Kysely<DB>, options: { failedOnly?: boolean; limit?: number } = {}) {
  let query = db
    .selectFrom("jobRun")
    .select([
      "id",
      "job",
      "slot",
      "instance",
      "attempt",
      "state",
      "startedAt",
      "finishedAt",
      "summary",
      "error",
    ])
    .orderBy("startedAt", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 50);
  if (options.failedOnly) query = query.where("state", "=", "failed");
  return query.execute();
}

/** Failed runs per job since a moment (metrics). */
export async function failuresSince(db: Kysely<DB>, since: Date): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("jobRun")
    .select(["job", (eb) => eb.fn.countAll<number>().as("n")])
    .where("state", "=", "failed")
    .where("startedAt", ">=", since)
    .groupBy("job")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.job, Number(r.n)]));
}
