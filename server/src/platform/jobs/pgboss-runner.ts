import type { Kysely } from "kysely";
import PgBoss from "pg-boss";
import type { DB } from "../db/schema.ts";
import type { JobDefinition, JobRunner } from "./job.ts";
import { runClaimed } from "./job-runs.ts";

/**
 * Runs the jobs with pg-boss on PostgreSQL (its own schema `pgboss`). Cron jobs use pg-boss's
 * schedule: every instance's clock offers the moment, pg-boss creates one job for it. Sweeps (every N
 * seconds) are offered by every instance with sendThrottled, which keeps one job per N seconds. A job
 * is fetched by one worker (SKIP LOCKED); a failure is retried by pg-boss with back-off, and the last
 * failure moves it to the dead-letter queue `jobs.failed`. Each attempt is recorded in job_run.
 * pg-boss polls (no LISTEN/NOTIFY), so it works through PgBouncer in transaction pooling.
 */
export const DEAD_LETTER_QUEUE = "jobs.failed";

export class PgBossRunner implements JobRunner {
  readonly kind = "pg-boss" as const;
  private readonly boss: PgBoss;
  private readonly byName: Map<string, JobDefinition>;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    connectionString: string,
    jobs: JobDefinition[],
    private readonly options: {
      instance: string;
      onError: (job: string, error: unknown) => void;
      pollingIntervalSeconds?: number;
    },
  ) {
    this.byName = new Map(jobs.map((j) => [j.name, j]));
    this.boss = new PgBoss({
      connectionString,
      schema: "pgboss",
      max: 3,
      application_name: "wijkwerk-jobs",
      // Completed jobs stay a day in pg-boss (the history an administrator sees is job_run).
      archiveCompletedAfterSeconds: 86_400,
      deleteAfterDays: 7,
    });
    this.boss.on("error", (error) => this.options.onError("pg-boss", error));
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE });
    const pollingIntervalSeconds = this.options.pollingIntervalSeconds ?? 1;
    for (const definition of this.byName.values()) {
      await this.boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit: definition.retryLimit,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 3600,
        deadLetter: DEAD_LETTER_QUEUE,
      });
      const schedule = definition.schedule;
      if ("cron" in schedule) {
        await this.boss.schedule(
          definition.name,
          schedule.cron,
          {},
          { tz: schedule.tz ?? "Europe/Amsterdam" },
        );
      } else {
        const offer = () => {
          this.boss
            .sendThrottled(definition.name, {}, {}, schedule.everySeconds, definition.name)
            .catch((error: unknown) => this.options.onError(definition.name, error));
        };
        const timer = setInterval(offer, Math.max(500, (schedule.everySeconds * 1000) / 2));
        timer.unref();
        this.timers.push(timer);
        offer();
      }
      await this.boss.work(
        definition.name,
        { pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await runClaimed(this.db, definition, {
                slot: `pgboss:${job.id}`,
                instance: this.options.instance,
                attempt: job.retryCount + 1,
                now: new Date(),
              });
            } catch (error) {
              this.options.onError(definition.name, error);
              throw error;
            }
          }
        },
      );
    }
  }

  async trigger(name: string): Promise<void> {
    if (!this.byName.has(name)) throw new Error(`unknown job ${name}`);
    await this.boss.send(name, { manual: true });
  }

  async queueDepth(): Promise<Record<string, number>> {
    const depth: Record<string, number> = {};
    for (const name of [...this.byName.keys(), DEAD_LETTER_QUEUE])
      depth[name] = await this.boss.getQueueSize(name);
    return depth;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
