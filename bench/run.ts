import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { argument, flag, numberArgument } from "../reliability/lib/args.ts";
import { processStats, type ServerProcess, startServer } from "../reliability/lib/server.ts";
import { DEMO_PASSWORD } from "../server/src/demo/demo-data.ts";
import { AUDIT_FREE_FLOOR, JOURNEYS, type Journey, type JourneyContext } from "./journeys.ts";
import { HttpClient, type LoadResult, runLoad } from "./lib/http.ts";
import { writeReport } from "./lib/report.ts";

/**
 * `npm run bench [-- --connections 32 --seconds 10 --journeys teams.list,team.open --label city]`
 * Starts the server on loopback (PGlite in a temp or `--data-dir` directory; with DATABASE_URL also
 * PostgreSQL, on that database as prepared), runs every journey with N keep-alive connections for D
 * seconds, then the mixed read workload, then the same queries straight on the database (the raw-SQL
 * floor). Writes bench/results/<date>-<db>.json and .md.
 */
const connections = numberArgument("connections", 32);
const seconds = numberArgument("seconds", 10);
const only = argument("journeys", "");
const journeys = JOURNEYS.filter((j) => !only || only.split(",").includes(j.name));
const run = Date.now().toString(36);

export interface Measured extends LoadResult {
  journey: string;
  kind: string;
  serverCpuPercent: number;
  peakRssMb: number;
  loadAverage: number;
  floor?: LoadResult;
  overRaw?: number;
  /** The same statements as the owner, without row-level security, and the app's share of that floor. */
  floorNoRls?: LoadResult;
  shareOfNoRls?: number;
  /** Write journeys: the floor without its audit insert, and the share of throughput the audit costs. */
  floorWithoutAudit?: LoadResult;
  auditShare?: number;
}

async function measure(server: ServerProcess, fn: () => Promise<LoadResult>) {
  const before = processStats(server.pid);
  let peak = before.rssBytes;
  const sampler = setInterval(() => {
    peak = Math.max(peak, processStats(server.pid).rssBytes);
  }, 250);
  const result = await fn();
  clearInterval(sampler);
  const after = processStats(server.pid);
  return {
    ...result,
    serverCpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / result.seconds) * 100),
    /** The machine's 1-minute load average at the end (it may be shared with other work). */
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
    peakRssMb: Math.round(Math.max(peak, after.rssBytes) / 1048576),
  };
}

/** Runs statements in order on one connection (a transaction when wrapped in begin/commit). */
type Query = (statements: { text: string; params: unknown[] }[]) => Promise<unknown>;

/** Renumbers `$n` to the parameters a statement uses (a driver refuses unused or untyped ones). */
function bind(text: string, all: unknown[]) {
  const used = [...new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  return {
    text: text.replace(/\$(\d+)/g, (_, k: string) => `$${used.indexOf(Number(k)) + 1}`),
    params: used.map((k) => all[k - 1]),
  };
}

async function floorLoad(
  query: Query,
  ctx: JourneyContext,
  floor: NonNullable<Journey["floor"]>,
  kind: string,
) {
  const extra = floor.params?.(ctx) ?? [];
  return runLoad(connections, seconds, async (w, i) => {
    const started = performance.now();
    const value = floor.value?.(ctx, w, i) ?? "";
    const transaction = floor.sql.length > 1 || kind === "write";
    const statements = transaction ? ["begin", ...floor.sql, "commit"] : floor.sql;
    await query(statements.map((text) => bind(text, [ctx.municipalityId, value, ...extra])));
    return { status: 200, headers: {}, body: "", ms: performance.now() - started };
  });
}

/**
 * Deletes what the write journeys and their floors added since the run began, so that every run, and
 * every floor after a write, measures the same data (not later than now: generated data may lie in the
 * future). Audit events stay: the trail is append-only.
 * Run the benchmark on a database of its own.
 */
function resetWrites(query: Query, since: string) {
  const statements = [
    `delete from assessment_score s using assessment a where a.municipality_id = s.municipality_id
       and a.id = s.assessment_id and a.recorded_at between $1 and now()`,
    "delete from assessment where recorded_at between $1 and now()",
    "delete from journal_entry where created_at between $1 and now()",
    "delete from signal where received_at between $1 and now()",
    "delete from organisation where created_at between $1 and now() and (name like 'bench-%' or name like 'floor-%')",
  ];
  return query([
    { text: "begin", params: [] },
    ...statements.map((text) => ({ text, params: [since] })),
    { text: "commit", params: [] },
  ]);
}

async function bench(kind: "pglite" | "postgres", target: { databaseUrl?: string; dataDir?: string }) {
  const since = new Date().toISOString();
  const logFile = `/tmp/wijkwerk-bench-${run}.log`;
  const server = await startServer({ ...target, logFile });
  const client = new HttpClient(server.url, connections + 4);
  const users = new Set(["beheer", ...journeys.flatMap((j) => j.users)]);
  const sessions: JourneyContext["sessions"] = {};
  for (const u of users) sessions[u] = await client.logIn(u, DEMO_PASSWORD);
  const who = await client.request("GET", "/api/auth/session", { session: sessions.beheer });
  const municipalityId = (JSON.parse(who.body) as { user: { municipalityId: string } }).user.municipalityId;
  const ctx: JourneyContext = { client, sessions, ids: {}, municipalityId, run };
  for (const j of journeys) await j.setup?.(ctx);

  // Reads first, then the mixed reads, then the writes: a write journey fills the database (the triage
  // queue of team 01 grows by thousands of signals), and no read should be measured on what it added.
  const results: Measured[] = [];
  const measureJourney = async (j: Journey) => {
    await runLoad(connections, Math.min(2, seconds), (w, i) => j.step(ctx, w, i + 1_000_000)); // warm-up
    const r = await measure(server, () => runLoad(connections, seconds, (w, i) => j.step(ctx, w, i)));
    results.push({ journey: j.name, kind: j.kind, ...r });
    console.log(
      `${kind} ${j.name}: ${r.throughput} req/s, p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms, errors ${r.errors}, cpu ${r.serverCpuPercent}%`,
    );
  };
  const reads = journeys.filter((j) => j.kind === "read");
  for (const j of reads) await measureJourney(j);
  if (reads.length > 1) {
    const r = await measure(server, () =>
      runLoad(connections, seconds, (w, i) =>
        (reads[(w + i) % reads.length] as Journey).step(ctx, w, i + 2_000_000),
      ),
    );
    results.push({ journey: "mixed reads", kind: "read", ...r });
    console.log(`${kind} mixed reads: ${r.throughput} req/s, p95 ${r.p95} ms, errors ${r.errors}`);
  }
  for (const j of journeys.filter((j) => j.kind !== "read")) await measureJourney(j);
  client.close();
  await server.stop("SIGTERM");

  // The raw-SQL floor: the same statements on the database directly, as the owner.
  let query: Query;
  let close: () => Promise<void>;
  if (kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: Math.min(connections, 20) });
    // Prepared, as the server's statements are (platform/db/database.ts).
    const names = new Map<string, string>();
    const named = (text: string) => names.get(text) ?? names.set(text, `floor${names.size}`).get(text);
    query = async (statements) => {
      const c = await pool.connect();
      try {
        for (const s of statements)
          await (s.params.length
            ? c.query({ name: named(s.text), text: s.text, values: s.params })
            : c.query(s.text));
      } catch (error) {
        await c.query("rollback");
        throw error;
      } finally {
        c.release();
      }
    };
    close = () => pool.end();
  } else {
    const lite = await PGlite.create({ dataDir: target.dataDir });
    let tail: Promise<unknown> = Promise.resolve();
    query = (statements) => {
      const next = tail.then(async () => {
        try {
          for (const s of statements) await lite.query(s.text, s.params);
        } catch (error) {
          await lite.query("rollback");
          throw error;
        }
      });
      tail = next.catch(() => {});
      return next;
    };
    close = () => lite.close();
  }
  await resetWrites(query, since);
  for (const m of results) {
    const floor = journeys.find((j) => j.name === m.journey)?.floor;
    if (!floor) continue;
    m.floor = await floorLoad(query, ctx, floor, m.kind);
    if (m.kind === "write") await resetWrites(query, since);
    m.overRaw = Math.round((m.floor.throughput / Math.max(m.throughput, 0.01)) * 100) / 100;
    // The floor without the request role: the owner bypasses row-level security, so the difference is
    // what the access rules cost in the database.
    const noRls = floor.sql.filter((sql) => !sql.includes("set_config('role'"));
    if (noRls.length < floor.sql.length) {
      m.floorNoRls = await floorLoad(query, ctx, { ...floor, sql: noRls }, m.kind);
      if (m.kind === "write") await resetWrites(query, since);
      m.shareOfNoRls = Math.round((m.throughput / Math.max(m.floorNoRls.throughput, 0.01)) * 1000) / 1000;
    }
    const withoutAudit = floor.sql.filter((s) => !s.includes("insert into audit_event"));
    if (m.kind === "write" && withoutAudit.length < floor.sql.length) {
      m.floorWithoutAudit = await floorLoad(query, ctx, { ...floor, sql: withoutAudit }, m.kind);
      await resetWrites(query, since);
      m.auditShare =
        Math.round((1 - m.floor.throughput / Math.max(m.floorWithoutAudit.throughput, 0.01)) * 1000) / 1000;
    }
  }
  const withAudit = journeys.find((j) => j.name === "organisation.create")?.floor;
  const audit =
    withAudit && AUDIT_FREE_FLOOR
      ? {
          rawWithAudit: await floorLoad(query, ctx, withAudit, "write"),
          rawWithoutAudit: await floorLoad(query, ctx, AUDIT_FREE_FLOOR, "write"),
        }
      : undefined;
  await resetWrites(query, since);
  await close();
  return { results, audit };
}

const runs: { kind: "pglite" | "postgres"; target: { databaseUrl?: string; dataDir?: string } }[] = [];
const given = argument("data-dir", "");
const dataDir = given || fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-bench-"));
if (!flag("postgres-only")) runs.push({ kind: "pglite", target: { dataDir } });
if (process.env.DATABASE_URL)
  runs.push({ kind: "postgres", target: { databaseUrl: process.env.DATABASE_URL } });
for (const r of runs) {
  const { results, audit } = await bench(r.kind, r.target);
  const file = writeReport(
    r.kind,
    {
      connections,
      seconds,
      cpus: os.cpus().length,
      node: process.version,
      results,
      audit,
    },
    "bench/results",
    argument("label", ""),
  );
  console.log(`results: ${file} (+ .md)`);
}
if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
