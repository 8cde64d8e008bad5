import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { createTestDatabase } from "../../test/database.ts";
import { buildStaffedTeam, buildUser } from "../../test/factories.ts";
import type { Database } from "../db/database.ts";
import { InProcessRunner } from "./in-process-runner.ts";
import type { JobDefinition } from "./job.ts";
import { PgBossRunner } from "./pgboss-runner.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A job that counts its runs (and can be told to fail its first attempt). */
function countingJob(name: string, options: { everySeconds: number; failFirst?: boolean }) {
  let runs = 0;
  let attempts = 0;
  const definition: JobDefinition = {
    name,
    schedule: { everySeconds: options.everySeconds },
    retryLimit: 2,
    async run() {
      attempts += 1;
      if (options.failFirst && attempts === 1) throw new Error("first attempt fails");
      runs += 1;
      // Long enough that a second runner would overlap if it were allowed to run the same slot.
      await sleep(50);
      return { runs };
    },
  };
  return { definition, runs: () => runs, attempts: () => attempts };
}

describe("job runners: each job runs once across instances", () => {
  let database: Database & { url?: string };
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  const runsOf = (job: string) =>
    database.db.selectFrom("jobRun").selectAll().where("job", "=", job).orderBy("id").execute();

  test("two in-process runners on one database run a scheduled slot once", async () => {
    const job = countingJob("test.once", { everySeconds: 3600 });
    const options = { onError: () => {}, tickMs: 3_600_000 };
    const a = new InProcessRunner(database.db, [job.definition], { ...options, instance: "a" });
    const b = new InProcessRunner(database.db, [job.definition], { ...options, instance: "b" });
    const moment = new Date();
    a.tick(moment);
    b.tick(moment);
    await Promise.all([a.idle(), b.idle()]);
    await Promise.all([a.idle(), b.idle()]);
    assert.equal(job.runs(), 1);
    const rows = await runsOf("test.once");
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.state, "succeeded");
    // The next hour is a new slot: it runs again, once.
    const next = new Date(moment.getTime() + 3_600_000);
    b.tick(next);
    a.tick(next);
    await Promise.all([a.idle(), b.idle()]);
    assert.equal(job.runs(), 2);
  });

  test("a failed attempt is recorded and tried again with back-off", async () => {
    const job = countingJob("test.retry", { everySeconds: 3600, failFirst: true });
    const runner = new InProcessRunner(database.db, [job.definition], {
      instance: "a",
      onError: () => {},
      tickMs: 3_600_000,
      retryBaseMs: 50,
    });
    runner.tick(new Date());
    await runner.idle();
    for (let i = 0; i < 50 && job.runs() === 0; i++) {
      await sleep(50);
      await runner.idle();
    }
    const rows = await runsOf("test.retry");
    assert.deepEqual(
      rows.map((r) => [r.attempt, r.state]),
      [
        [1, "failed"],
        [2, "succeeded"],
      ],
    );
    assert.match(rows[0]?.error ?? "", /first attempt fails/);
    await runner.stop();
  });

  // pg-boss needs a PostgreSQL server: this runs in the suite's PostgreSQL pass (DATABASE_URL, CI).
  const onPostgres = process.env.DATABASE_URL ? test : () => {};
  onPostgres("on PostgreSQL, two pg-boss runners offering the same sweep run it once per slot", async () => {
    assert.ok(database.url);
    const job = countingJob("test.sweep", { everySeconds: 2 });
    const options = { onError: () => {}, pollingIntervalSeconds: 0.5 };
    const a = new PgBossRunner(database.db, database.url, [job.definition], { ...options, instance: "a" });
    const b = new PgBossRunner(database.db, database.url, [job.definition], { ...options, instance: "b" });
    await a.start();
    await b.start();
    const started = Date.now();
    await sleep(7_000);
    await Promise.all([a.stop(), b.stop()]);
    const seconds = (Date.now() - started) / 1000;
    const rows = await runsOf("test.sweep");
    // Both instances offered the job about twice per 2-second slot: without the queue's throttle that
    // would be four runs per slot.
    assert.ok(rows.length >= 2, `ran ${rows.length} times`);
    assert.ok(rows.length <= Math.ceil(seconds / 2) + 1, `ran ${rows.length} times in ${seconds} s`);
    assert.equal(new Set(rows.map((r) => r.slot)).size, rows.length);
  });
});

describe("the administrator's view of the jobs", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ jobsEnabled: true });
  });
  after(() => t.close());

  test("shows each job with its schedule, last run and next run; other roles are refused", async () => {
    const { municipality, member } = await buildStaffedTeam(t.database.db);
    const admin = await logInAs(
      t.app,
      (await buildUser(t.database.db, municipality.id, { role: "administrator" })).username,
    );
    await t.jobs.runner?.trigger("exports.expire");
    let body:
      | { jobs: { name: string; lastState: string | null; nextRunAt: string | null }[]; runner: string }
      | undefined;
    for (let i = 0; i < 100; i++) {
      const reply = await admin.get("/api/operations/jobs");
      assert.equal(reply.statusCode, 200);
      body = reply.json();
      if (body?.jobs.find((j) => j.name === "exports.expire")?.lastState === "succeeded") break;
      await sleep(100);
    }
    assert.ok(body);
    // Tests build the app without DATABASE_URL in its config, so its runner is the in-process one.
    assert.equal(body.runner, "in-process");
    const names = body.jobs.map((j) => j.name);
    for (const name of [
      "audit.seal",
      "retention.run",
      "exports.expire",
      "reminders.create",
      "signals.escalate",
    ])
      assert.ok(names.includes(name), name);
    assert.ok(!names.includes("outbox.deliver"), "no delivery job without SMTP_URL");
    const exportsJob = body.jobs.find((j) => j.name === "exports.expire");
    assert.equal(exportsJob?.lastState, "succeeded");
    assert.ok(exportsJob?.nextRunAt && new Date(exportsJob.nextRunAt) > new Date());
    const professional = await logInAs(t.app, (await member("professional")).username);
    assert.equal((await professional.get("/api/operations/jobs")).statusCode, 403);
  });
});
