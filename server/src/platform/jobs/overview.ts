import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { JobDefinition, JobRunner } from "./job.ts";
import { lastRuns, recentRuns } from "./job-runs.ts";
import { describeSchedule, nextTick } from "./schedule.ts";

/**
 * What an administrator sees of the background jobs: per job its schedule, last run and next run, and
 * the recent runs and failures. Platform-wide, so it shows times, states and error kinds, not the counts
 * a run reported (those span municipalities).
 */
export async function jobsOverview(
  db: Kysely<DB>,
  definitions: JobDefinition[],
  runner: JobRunner | undefined,
  now = new Date(),
) {
  const last = new Map((await lastRuns(db)).map((r) => [r.job, r]));
  const depth = runner ? await runner.queueDepth().catch(() => ({}) as Record<string, number>) : {};
  const runs = (rows: Awaited<ReturnType<typeof recentRuns>>) =>
    rows.map((r) => ({
      job: r.job,
      instance: r.instance,
      attempt: r.attempt,
      state: r.state,
      startedAt: new Date(r.startedAt).toISOString(),
      finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
      durationMs: r.finishedAt ? new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime() : null,
      error: r.error,
    }));
  return {
    runner: runner?.kind ?? null,
    running: runner !== undefined,
    jobs: definitions.map((d) => {
      const l = last.get(d.name);
      return {
        name: d.name,
        schedule: describeSchedule(d.schedule),
        lastState: l?.state ?? null,
        lastStartedAt: l ? new Date(l.startedAt).toISOString() : null,
        nextRunAt: runner ? nextTick(d.schedule, now).toISOString() : null,
        queued: depth[d.name] ?? 0,
      };
    }),
    recent: runs(await recentRuns(db, { limit: 30 })),
    failures: runs(await recentRuns(db, { failedOnly: true, limit: 20 })),
  };
}
