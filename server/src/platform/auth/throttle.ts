import { createHmac } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";

/**
 * Rate limits and login throttles whose state lives in PostgreSQL (table rate_limit_bucket), so every
 * app instance counts the same attempts. Written only by platform code as the application login.
 * A bucket is one limit for one subject (an account name, an address, an API key); its key is an HMAC
 * of both, so the table holds no address or name in clear.
 *
 * Two kinds:
 * - a window limit: at most `limit` hits per `windowMs`; past it, wait until the window ends;
 * - a growing delay: `free` failures without delay, then each further failure doubles the wait from
 *   `baseDelayMs` up to `maxDelayMs`; quiet for `windowMs` and the count starts over; a success resets.
 */
export interface WindowLimit {
  name: string;
  limit: number;
  windowMs: number;
}

export interface DelayPolicy {
  name: string;
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export class Throttle {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly secret: string,
  ) {}

  private key(name: string, subject: string): string {
    return createHmac("sha256", this.secret).update(`${name}\u0000${subject}`).digest("hex");
  }

  /** Counts a hit; the seconds to wait when this hit is over the limit, else 0. */
  async hit(limit: WindowLimit, subject: string, now = new Date()): Promise<number> {
    return (await this.count(limit, subject, now)).waitSeconds;
  }

  /** Counts a hit; the hits in the current window and the seconds to wait when over the limit. */
  async count(
    limit: WindowLimit,
    subject: string,
    now = new Date(),
  ): Promise<{ hits: number; waitSeconds: number }> {
    const ends = new Date(now.getTime() + limit.windowMs);
    const { rows } = await sql<{ hits: number; windowEndsAt: Date }>`
      insert into rate_limit_bucket as b (key, hits, window_ends_at)
      values (${this.key(limit.name, subject)}, 1, ${ends})
      on conflict (key) do update set
        hits = case when b.window_ends_at <= ${now} then 1 else b.hits + 1 end,
        window_ends_at = case when b.window_ends_at <= ${now} then ${ends} else b.window_ends_at end
      returning hits, window_ends_at`.execute(this.db);
    await this.prune(now);
    const row = rows[0];
    if (!row || row.hits <= limit.limit) return { hits: row?.hits ?? 1, waitSeconds: 0 };
    return { hits: row.hits, waitSeconds: secondsUntil(row.windowEndsAt, now) };
  }

  /** Seconds to wait before the next attempt (window full, or a delay running), without counting. */
  async wait(limit: WindowLimit | DelayPolicy, subject: string, now = new Date()): Promise<number> {
    const row = await this.db
      .selectFrom("rateLimitBucket")
      .select(["hits", "windowEndsAt", "blockedUntil"])
      .where("key", "=", this.key(limit.name, subject))
      .executeTakeFirst();
    if (!row) return 0;
    if (row.blockedUntil && row.blockedUntil > now) return secondsUntil(row.blockedUntil, now);
    if ("limit" in limit && row.windowEndsAt > now && row.hits >= limit.limit)
      return secondsUntil(row.windowEndsAt, now);
    return 0;
  }

  /**
   * Counts a failure under a growing delay; returns the failures in the current run and the seconds
   * until the next attempt is taken.
   */
  async failure(
    policy: DelayPolicy,
    subject: string,
    now = new Date(),
  ): Promise<{ failures: number; waitSeconds: number }> {
    const ends = new Date(now.getTime() + policy.windowMs);
    const key = this.key(policy.name, subject);
    const { rows } = await sql<{ hits: number }>`
      insert into rate_limit_bucket as b (key, hits, window_ends_at)
      values (${key}, 1, ${ends})
      on conflict (key) do update set
        hits = case when b.window_ends_at <= ${now} then 1 else b.hits + 1 end,
        window_ends_at = ${ends}
      returning hits`.execute(this.db);
    const failures = rows[0]?.hits ?? 1;
    const delayMs = delayAfter(policy, failures);
    if (delayMs > 0) {
      await this.db
        .updateTable("rateLimitBucket")
        .set({ blockedUntil: new Date(now.getTime() + delayMs) })
        .where("key", "=", key)
        .execute();
    }
    await this.prune(now);
    return { failures, waitSeconds: Math.ceil(delayMs / 1000) };
  }

  /** Blocks a subject outright until a moment (an account lock). */
  async block(policy: WindowLimit | DelayPolicy, subject: string, until: Date): Promise<void> {
    await this.db
      .updateTable("rateLimitBucket")
      .set({ blockedUntil: until, windowEndsAt: until })
      .where("key", "=", this.key(policy.name, subject))
      .execute();
  }

  async reset(policy: WindowLimit | DelayPolicy, subject: string): Promise<void> {
    await this.db.deleteFrom("rateLimitBucket").where("key", "=", this.key(policy.name, subject)).execute();
  }

  /** Now and then, the writer removes buckets whose window and block have both ended. */
  private async prune(now: Date): Promise<void> {
    if (Math.random() > 0.01) return;
    await this.db
      .deleteFrom("rateLimitBucket")
      .where("windowEndsAt", "<", now)
      .where((eb) => eb.or([eb("blockedUntil", "is", null), eb("blockedUntil", "<", now)]))
      .execute();
  }
}

/** The delay after the n-th failure: none for the free ones, then doubling, capped. */
export function delayAfter(policy: DelayPolicy, failures: number): number {
  if (failures <= policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.free - 1));
}

function secondsUntil(moment: Date, now: Date): number {
  return Math.max(1, Math.ceil((new Date(moment).getTime() - now.getTime()) / 1000));
}
