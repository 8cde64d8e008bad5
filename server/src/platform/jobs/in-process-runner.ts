import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { JobDefinition, JobRunner } from "./job.ts";
import { runClaimed } from "./job-runs.ts";
import { previousTick, slotOf } from "./schedule.ts";

interface Pending {
  definition: JobDefinition;
  slot: string;
  attempt: number;
  now: Date;
  notBefore: number;
}

/**
 * Runs the jobs inside this process: for PGlite, which one process opens at a time. A one-second clock
 * queues each job's slot when it comes; runs go one at a time (PGlite is one connection anyway). The
 * claim in job_run keeps a slot to one run even when two runners share a database. A failed attempt
 * is tried again after 2, 4, 8 … seconds up to the job's retry limit.
 */
export class InProcessRunner implements JobRunner {
  readonly kind = "in-process" as const;
  private readonly byName: Map<string, JobDefinition>;
  private readonly lastSlot = new Map<string, string>();
  private readonly queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Kysely<DB>,
    jobs: JobDefinition[],
    private readonly options: {
      instance: string;
      onError: (job: string, error: unknown) => void;
      tickMs?: number;
      retryBaseMs?: number;
    },
  ) {
    this.byName = new Map(jobs.map((j) => [j.name, j]));
  }

  async start(): Promise<void> {
    this.stopped = false;
    const now = new Date();
    // A scheduled run missed while no process was up (the daily retention) runs once at start.
    for (const definition of this.byName.values()) {
      if ("everySeconds" in definition.schedule) continue;
      const tick = previousTick(definition.schedule, now);
      const slot = slotOf(tick);
      this.lastSlot.set(definition.name, slot);
      const ran = await this.db
        .selectFrom("jobRun")
        .select("id")
        .where("job", "=", definition.name)
        .where("startedAt", ">=", tick)
        .executeTakeFirst();
      if (!ran && now.getTime() - tick.getTime() < 86_400_000) this.enqueue(definition, slot, tick);
    }
    this.timer = setInterval(() => this.tick(new Date()), this.options.tickMs ?? 1000);
    this.timer.unref();
    this.tick(now);
  }

  /** Queues every job whose schedule passed a new moment since the last tick. */
  tick(now: Date): void {
    for (const definition of this.byName.values()) {
      const tick = previousTick(definition.schedule, now);
      const slot = slotOf(tick);
      if (this.lastSlot.get(definition.name) === slot) continue;
      this.lastSlot.set(definition.name, slot);
      this.enqueue(definition, slot, tick);
    }
  }

  async trigger(name: string): Promise<void> {
    const definition = this.byName.get(name);
    if (!definition) throw new Error(`unknown job ${name}`);
    this.enqueue(definition, `manual:${randomUUID()}`, new Date());
  }

  async queueDepth(): Promise<Record<string, number>> {
    const depth: Record<string, number> = {};
    for (const p of this.queue) depth[p.definition.name] = (depth[p.definition.name] ?? 0) + 1;
    return depth;
  }

  /** Resolves when nothing is queued or running (tests). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.queue.length = 0;
    await this.idle();
  }

  private enqueue(definition: JobDefinition, slot: string, now: Date, attempt = 1, notBefore = 0): void {
    if (this.stopped) return;
    // A sweep that is still waiting needs no second copy.
    if (attempt === 1 && this.queue.some((p) => p.definition === definition && p.attempt === 1)) return;
    this.queue.push({ definition, slot, attempt, now, notBefore });
    this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = (async () => {
      for (;;) {
        const index = this.queue.findIndex((p) => p.notBefore <= Date.now());
        if (index < 0) break;
        const [pending] = this.queue.splice(index, 1);
        if (pending) await this.runOne(pending);
      }
      this.draining = undefined;
    })();
  }

  private async runOne(p: Pending): Promise<void> {
    try {
      await runClaimed(this.db, p.definition, {
        slot: p.slot,
        instance: this.options.instance,
        attempt: p.attempt,
        now: p.slot.startsWith("manual:") || p.attempt > 1 ? new Date() : p.now,
      });
    } catch (error) {
      this.options.onError(p.definition.name, error);
      if (p.attempt <= p.definition.retryLimit && !this.stopped) {
        const delay = (this.options.retryBaseMs ?? 2000) * 2 ** (p.attempt - 1);
        this.queue.push({ ...p, attempt: p.attempt + 1, notBefore: Date.now() + delay });
        setTimeout(() => this.drain(), delay + 5).unref();
      }
    }
  }
}
