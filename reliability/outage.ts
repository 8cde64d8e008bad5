import { HttpClient, runLoad } from "../bench/lib/http.ts";
import { DEMO_PASSWORD } from "../server/src/demo/demo-data.ts";
import { numberArgument } from "./lib/args.ts";
import { startPostgres } from "./lib/postgres.ts";
import { writeResult } from "./lib/results.ts";
import { probe, sleep, startServer } from "./lib/server.ts";

/**
 * Database outage: `npm run reliability:outage [-- --outage-seconds 5 --connections 8]`.
 * Against a throwaway PostgreSQL server, under mixed read/write load, PostgreSQL is stopped (first
 * a clean `fast` shutdown, then an `immediate` one, like a crash) and started again. During the
 * outage the application must answer 503 with Retry-After (never another 5xx, never a dropped
 * connection), and afterwards it must recover by itself: same process, /health 200, API 2xx.
 */
const outageSeconds = numberArgument("outage-seconds", 5);
const connections = numberArgument("connections", 8);
const pg = await startPostgres();
pg.psql("postgres", "create database wijkwerk");
const logFile = `/tmp/wijkwerk-outage-${Date.now().toString(36)}.log`;
const server = await startServer({ databaseUrl: pg.url("wijkwerk"), logFile });
const client = new HttpClient(server.url, connections + 2);
const admin = await client.logIn("beheer", DEMO_PASSWORD);
const started = performance.now();
const t = () => Math.round(performance.now() - started);

interface Sample {
  at: number;
  status: number | string;
  retryAfter: boolean;
}
const samples: Sample[] = [];
const health: { at: number; status: number }[] = [];
const phases: { at: number; event: string }[] = [];
let stopped = false;
let written = 0;

const load = runLoad(
  connections,
  600,
  async (w, i) => {
    const write = i % 4 === 0;
    try {
      const reply = write
        ? await client.request("POST", "/api/organisations", {
            session: admin,
            body: { name: `outage-${w}-${i}-${started}`, type: "other" },
            timeoutMs: 10_000,
          })
        : await client.request("GET", "/api/teams", { session: admin, timeoutMs: 10_000 });
      if (reply.status === 201) written += 1;
      samples.push({ at: t(), status: reply.status, retryAfter: Boolean(reply.headers["retry-after"]) });
      if (reply.status === 503) await sleep(100);
      return reply;
    } catch (error) {
      samples.push({ at: t(), status: (error as { code?: string }).code ?? "error", retryAfter: false });
      throw error;
    }
  },
  Number.MAX_SAFE_INTEGER,
  () => stopped,
);
const healthLoop = (async () => {
  while (!stopped) {
    health.push({ at: t(), status: await probe(`${server.url}/health`, 3000) });
    await sleep(250);
  }
})();

const outages: { mode: string; from: number; to: number; up: number; recoveredAt: number | undefined }[] = [];
for (const mode of ["fast", "immediate"] as const) {
  await sleep(3000);
  phases.push({ at: t(), event: `stop postgres (${mode})` });
  pg.stop(mode);
  const from = t();
  await sleep(outageSeconds * 1000);
  const to = t();
  phases.push({ at: to, event: "start postgres" });
  pg.start();
  const up = t();
  let recoveredAt: number | undefined;
  for (let waited = 0; waited < 30_000 && recoveredAt === undefined; waited += 250) {
    await sleep(250);
    const after = samples.filter((s) => s.at > t() - 1000);
    if (after.length > 0 && after.every((s) => typeof s.status === "number" && s.status < 300))
      recoveredAt = t();
  }
  outages.push({ mode, from, to, up, recoveredAt });
}
await sleep(3000);
stopped = true;
const result = await load;
await healthLoop;
const alive = server.child.exitCode === null && server.child.signalCode === null;
const check = await client.request("GET", "/api/organisations", { session: admin });
const organisations =
  check.status === 200 ? (JSON.parse(check.body) as { items: unknown[] }).items.length : -1;
client.close();
await server.stop();
pg.destroy();

const outageSamples = samples.filter((s) => outages.some((o) => s.at >= o.from + 200 && s.at <= o.to));
const bad = samples.filter(
  (s) =>
    typeof s.status !== "number" ||
    (s.status >= 500 && s.status !== 503) ||
    (s.status === 503 && !s.retryAfter),
);
const healthDuring = health.filter((h) => outages.some((o) => h.at >= o.from + 500 && h.at <= o.to));
const checks = {
  "the same server process kept running": alive,
  "every 503 carried Retry-After and nothing else failed (no 500, no dropped connection)": bad.length === 0,
  "the API answered 503 during the outage": outageSamples.some((s) => s.status === 503),
  "/health answered 503 during the outage":
    healthDuring.length > 0 && healthDuring.every((h) => h.status === 503),
  "it recovered by itself after each outage": outages.every((o) => o.recoveredAt !== undefined),
  "/health is 200 at the end": health.at(-1)?.status === 200,
  "the API serves data at the end": organisations > 0,
};
const summary = {
  connections,
  outageSeconds,
  outages: outages.map((o) => ({
    ...o,
    recoverySecondsAfterStart: o.recoveredAt === undefined ? null : (o.recoveredAt - o.up) / 1000,
  })),
  statuses: result.statuses,
  writesAnswered201: written,
  unexpected: bad.slice(0, 20),
  healthDuringOutage: healthDuring.map((h) => h.status),
  phases,
  checks,
  passed: Object.values(checks).every(Boolean),
};
console.log(JSON.stringify(summary, null, 2));
writeResult("outage-postgres", summary);
if (!summary.passed) console.log(`server log: ${logFile}`);
process.exit(summary.passed ? 0 : 1);
