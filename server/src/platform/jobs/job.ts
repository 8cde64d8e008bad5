import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

/** What a job may report about a run: counts and flags, never personal data. */
export type JobSummary = Record<string, number | string | boolean>;

export interface JobContext {
  /** The database as the owner (background work across municipalities). */
  db: Kysely<DB>;
  /** The clock of this run (the scheduled moment for a scheduled run). */
  now: Date;
}

export type JobSchedule =
  /** A cron expression in the given time zone (default Europe/Amsterdam). */
  | { cron: string; tz?: string }
  /** Every N seconds (a sweep: outbox delivery, audit sealing). */
  | { everySeconds: number };

/** A background job: one name, one schedule, one function; runs once per slot across instances. */
export interface JobDefinition {
  name: string;
  schedule: JobSchedule;
  /** Attempts after the first failure of one slot (with back-off) before the slot counts as failed. */
  retryLimit: number;
  run(ctx: JobContext): Promise<JobSummary>;
}

/** How a process runs its jobs: pg-boss on PostgreSQL, in process on PGlite. Same jobs, same history. */
export interface JobRunner {
  readonly kind: "pg-boss" | "in-process";
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Asks for a run now (an administrator's button, tests); resolves when it is queued. */
  trigger(name: string): Promise<void>;
  /** Jobs queued or waiting to be retried, per job name. */
  queueDepth(): Promise<Record<string, number>>;
}
