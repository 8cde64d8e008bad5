import { type Kysely, sql } from "kysely";
import type { HttpClient } from "../../bench/lib/http.ts";
import type { DB } from "../../server/src/platform/db/schema.ts";

/**
 * "Each job ran once": per job, how often it ran and on which instances; no pg-boss job ran twice, no
 * throttle slot or cron minute got two jobs, and every e-mail the outbox marked sent reached the SMTP
 * server once (and no more were received).
 */
export async function checkJobsRanOnce(db: Kysely<DB>, smtpReceived: number) {
  const perJob = (
    await sql<{ job: string; runs: number; failed: number; instances: string[] }>`
      select job, count(*)::int as runs, count(*) filter (where state = 'failed')::int as failed,
        array_agg(distinct instance) as instances
      from job_run group by job order by job`.execute(db)
  ).rows;
  const twice = (
    await sql<{ slot: string; n: number }>`
      select slot, count(*)::int as n from job_run where state = 'succeeded'
      group by job, slot having count(*) > 1`.execute(db)
  ).rows;
  // pg-boss: one job per throttle slot (sweeps) and per scheduled minute (cron), whoever offered it.
  const doubleSlots = (
    await sql<{ name: string; slot: string; n: number }>`
      select name, coalesce(singleton_on::text, date_trunc('minute', created_on)::text) as slot, count(*)::int as n
      from pgboss.job
      where name not like '\\_\\_pgboss%' and name <> 'jobs.failed' and coalesce(data->>'manual', '') <> 'true'
      group by name, 2 having count(*) > 1`.execute(db)
  ).rows;
  const outbox = (
    await sql<{ sent: number; waiting: number; dead: number }>`
      select count(*) filter (where state = 'sent')::int as sent,
        count(*) filter (where state in ('pending', 'sending'))::int as waiting,
        count(*) filter (where state = 'dead')::int as dead
      from outbox_message`.execute(db)
  ).rows[0] ?? { sent: 0, waiting: 0, dead: 0 };
  const emailsOnce = outbox.sent === smtpReceived;
  const instances = new Set(perJob.flatMap((j) => j.instances));
  return {
    passed: twice.length === 0 && doubleSlots.length === 0 && emailsOnce,
    perJob,
    instancesThatRanJobs: [...instances],
    slotsRunTwice: twice,
    pgBossSlotsWithTwoJobs: doubleSlots,
    outbox,
    emailsReceived: smtpReceived,
    emailsOnce,
  };
}

/**
 * Rate limits counted across instances: 25 failed logins for one account from one address, alternating
 * between the instances. The throttle (in the database) allows four failures per account and address and
 * answers 429 from the fifth on. Counted across instances, the first refusal comes by the 6th attempt;
 * counted per process it could not come before the 9th (the fifth failure on one instance).
 */
export async function checkLimitsAcrossInstances(a: HttpClient, b: HttpClient) {
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) {
    const client = i % 2 === 0 ? a : b;
    const reply = await client.request("POST", "/api/auth/login", {
      body: { username: "niemand", password: `verkeerd-wachtwoord-${i}` },
    });
    statuses.push(reply.status);
  }
  const firstRefusal = statuses.indexOf(429);
  return {
    attempts: statuses.length,
    refused: statuses.filter((s) => s === 429).length,
    firstRefusedAttempt: firstRefusal < 0 ? null : firstRefusal + 1,
    shared: firstRefusal >= 0 && firstRefusal + 1 <= 6,
  };
}
