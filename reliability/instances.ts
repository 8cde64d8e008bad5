import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { HttpClient, type LoadResult, type Reply, runLoad, type Session } from "../bench/lib/http.ts";
import { DEMO_PASSWORD } from "../server/src/demo/demo-data.ts";
import { openDatabase } from "../server/src/platform/db/database.ts";
import { startTestSmtp } from "../server/src/test/smtp.ts";
import { flag, numberArgument } from "./lib/args.ts";
import { checkJobsRanOnce, checkLimitsAcrossInstances } from "./lib/instances-checks.ts";
import { startPgBouncer } from "./lib/pgbouncer.ts";
import { startPostgres } from "./lib/postgres.ts";
import { writeResult } from "./lib/results.ts";
import { type ServerProcess, sleep, startServer } from "./lib/server.ts";
import { auditVerify } from "./lib/target.ts";

/**
 * Two instances, one database: `npm run reliability:instances [-- --seconds 20 --connections 16
 * --pg-port 55434 --bouncer-port 55435 --require-shared-limits]`.
 * Starts PostgreSQL, PgBouncer (transaction pooling) and two app processes on it, sends mixed load
 * round-robin, kills instance A with SIGKILL under write load and starts it again. Checks: no
 * acknowledged write lost, sessions made on A valid on B, each job ran once, the audit chain verifies,
 * and (once the shared rate limits exist) limits counted across both. Then measures what turning named
 * prepared statements off costs (PgBouncer before 1.21 cannot carry them).
 */
const seconds = numberArgument("seconds", 20);
const connections = numberArgument("connections", 16);
const pgPort = numberArgument("pg-port", 0) || undefined;
const bouncerPort = numberArgument("bouncer-port", 0) || undefined;
const run = Date.now().toString(36);
const logFile = `/tmp/wijkwerk-instances-${run}.log`;
const started = Date.now();

const pg = await startPostgres({ port: pgPort });
pg.psql("postgres", "create database wijkwerk");
const direct = pg.url("wijkwerk");
const bouncer = await startPgBouncer({
  serverPort: Number(new URL(direct).port),
  database: "wijkwerk",
  port: bouncerPort,
});
const smtp = await startTestSmtp();
// The drill's own witness of the audit chain: a shared default folder would hold other databases' heads.
const witness = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-instances-witness-"));
const servers: ServerProcess[] = [];
let failed = true;

const instanceEnv = (name: string, url: string, prepared: boolean, jobs = true) => ({
  databaseUrl: url,
  logFile,
  env: {
    INSTANCE_NAME: name,
    DATABASE_PREPARED_STATEMENTS: prepared ? "true" : "false",
    DATABASE_POOL_SIZE: "8",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Wijkwerk <noreply@drill.example>",
    JOBS: jobs ? "on" : "off",
    AUDIT_WITNESS_DIR: witness,
  },
});
const start = async (name: string, url = bouncer.url("wijkwerk"), prepared = false, jobs = true) => {
  const server = await startServer(instanceEnv(name, url, prepared, jobs));
  servers.push(server);
  return server;
};

try {
  // A migrates and loads the demo; B starts on the same database through the same pooler.
  let a = await start("a");
  const b = await start("b");
  const clients = { a: new HttpClient(a.url, connections), b: new HttpClient(b.url, connections) };
  const admin = await clients.a.logIn("beheer", DEMO_PASSWORD);
  const worker = await clients.a.logIn("buurtwerker", DEMO_PASSWORD);
  console.log(`instances up: ${a.url} and ${b.url}, both through PgBouncer (transaction pooling)`);

  const acknowledged = new Set<string>();
  const inDoubt = new Set<string>();
  const sessionRefusalsOnB: string[] = [];
  const codeRequests = { sent: 0 };
  let aAlive = true;
  const reads = ["/api/worklist", "/api/organisations", "/api/teams", "/api/cases", "/api/auth/session"];

  /** One step of the mix: 1 in 3 a write as the administrator, else a read as the professional. */
  const step =
    (phase: string) =>
    async (w: number, i: number): Promise<Reply> => {
      const target = (w + i) % 2 === 0 ? "a" : "b";
      const client = clients[target];
      if (i % 3 === 0) {
        const name = `instances-${run}-${phase}-${w}-${i}`;
        inDoubt.add(name);
        const reply = await client.request("POST", "/api/organisations", {
          session: admin,
          body: { name, type: "other" },
          timeoutMs: 5000,
        });
        if (reply.status === 201) {
          acknowledged.add(name);
          inDoubt.delete(name);
        }
        return reply;
      }
      if (i % 17 === 5 && w === 0) {
        codeRequests.sent += 1;
        return client.request("POST", "/api/portal/login/code", { body: { username: "inwoner" } });
      }
      const reply = await client.request("GET", reads[i % reads.length] ?? "/api/teams", {
        session: worker,
        timeoutMs: 5000,
      });
      if (target === "b" && reply.status === 401)
        sessionRefusalsOnB.push(`${phase}:${reply.body.slice(0, 80)}`);
      return reply;
    };
  const load = (phase: string, s: number, stop?: () => boolean) =>
    runLoad(connections, s, step(phase), Number.MAX_SAFE_INTEGER, stop);

  const phases: Record<string, LoadResult> = {};
  phases.both = await load("both", seconds / 2);
  console.log(`both up: ${phases.both.throughput} req/s, statuses ${JSON.stringify(phases.both.statuses)}`);

  // Kill A with SIGKILL while writes are in flight; B carries on with A's sessions.
  const killer = sleep(1500).then(async () => {
    aAlive = false;
    return a.stop("SIGKILL");
  });
  phases.killed = await load("killed", seconds / 2);
  console.log(
    `A killed (${await killer}): ${phases.killed.throughput} req/s, statuses ${JSON.stringify(phases.killed.statuses)}`,
  );
  a = await start("a");
  clients.a.close();
  clients.a = new HttpClient(a.url, connections);
  aAlive = true;
  phases.restarted = await load("restarted", seconds / 2);
  console.log(
    `A restarted: ${phases.restarted.throughput} req/s, statuses ${JSON.stringify(phases.restarted.statuses)}`,
  );
  // Give the sweeps (outbox, audit sealing) time to catch up, then stop both cleanly.
  await sleep(12_000);
  const limits = await checkLimitsAcrossInstances(clients.a, clients.b);
  for (const client of Object.values(clients)) client.close();
  for (const server of servers) await server.stop("SIGTERM");

  const database = await openDatabase({ url: direct });
  const present = new Set(
    (
      await sql<{
        name: string;
      }>`select name from organisation where name like ${`instances-${run}-%`}`.execute(database.db)
    ).rows.map((r) => r.name),
  );
  const lost = [...acknowledged].filter((n) => !present.has(n));
  const jobs = await checkJobsRanOnce(database.db, smtp.received.length);
  await database.close();
  const checked = auditVerify({ ...process.env, DATABASE_URL: direct, AUDIT_WITNESS_DIR: witness });
  // The result is kept in the repository: without this machine's temporary folder.
  const verify = { ...checked, output: checked.output.replaceAll(witness, "witness folder of the drill") };

  // What named prepared statements are worth: the same read mix on one instance, three ways.
  const prepared: Record<string, LoadResult> = {};
  for (const [label, url, prepare] of [
    ["direct, prepared", direct, true],
    ["direct, unprepared", direct, false],
    ["PgBouncer, unprepared", bouncer.url("wijkwerk"), false],
  ] as const) {
    const server = await start(`bench-${label}`, url, prepare, false);
    const client = new HttpClient(server.url, connections);
    const session: Session = await client.logIn("buurtwerker", DEMO_PASSWORD);
    const readStep = (_w: number, i: number) =>
      client.request("GET", reads[i % 4] ?? "/api/teams", { session, timeoutMs: 10_000 });
    await runLoad(connections, 3, readStep);
    prepared[label] = await runLoad(connections, Math.max(5, seconds / 2), readStep);
    client.close();
    await server.stop("SIGTERM");
    console.log(`${label}: ${prepared[label]?.throughput} req/s, p95 ${prepared[label]?.p95} ms`);
  }

  const checks = {
    noAcknowledgedWriteLost: lost.length === 0,
    sessionsValidOnSurvivor: sessionRefusalsOnB.length === 0,
    eachJobRanOnce: jobs.passed,
    auditChainVerifies: verify.code === 0,
    limitsCountedAcrossInstances: limits.shared,
  };
  failed = !(
    checks.noAcknowledgedWriteLost &&
    checks.sessionsValidOnSurvivor &&
    checks.eachJobRanOnce &&
    checks.auditChainVerifies &&
    (checks.limitsCountedAcrossInstances || !flag("require-shared-limits"))
  );
  const summary = {
    database: "postgres via PgBouncer (transaction pooling)",
    instances: 2,
    seconds,
    connections,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    phases,
    acknowledgedWrites: acknowledged.size,
    lostAcknowledgedWrites: lost.length,
    lostExamples: lost.slice(0, 10),
    unansweredWritesPresent: [...inDoubt].filter((n) => present.has(n)).length,
    sessionRefusalsOnSurvivor: sessionRefusalsOnB.slice(0, 10),
    loginCodeRequests: codeRequests.sent,
    jobs,
    limits,
    auditVerify: verify,
    preparedStatements: prepared,
    checks,
    passed: !failed,
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(JSON.stringify({ checks, jobs: jobs.perJob, limits, lost: lost.length }, null, 2));
  writeResult("instances-postgres-pgbouncer", summary);
  if (!aAlive) console.log("instance A was not restarted");
} catch (error) {
  console.error(error);
  if (fs.existsSync(logFile)) console.error(`server log: ${logFile}`);
} finally {
  for (const server of servers) await server.stop("SIGKILL").catch(() => {});
  await smtp.close();
  bouncer.stop();
  pg.destroy();
}
console.log(failed ? "instances drill FAILED" : "instances drill passed");
process.exit(failed ? 1 : 0);
