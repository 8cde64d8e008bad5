import fs from "node:fs";
import os from "node:os";
import { sql } from "kysely";
import { argument, numberArgument } from "../../reliability/lib/args.ts";
import { canonical } from "../../server/src/platform/audit/chain.ts";
import { openDatabase } from "../../server/src/platform/db/database.ts";
import { migrate } from "../../server/src/platform/db/migrate.ts";
import { loadBase } from "./base.ts";
import { dossierStatements, helperFunctions, type Plan } from "./dossiers.sql.ts";
import { SCALES, type Scale } from "./scales.ts";
import { AUDIT_CHUNK, auditChunk, chainAggregate, signalStatements } from "./signals-audit.sql.ts";

/**
 * `npm run generate -- --scale town|city [--seed 42] [--data-dir ./data-town] [--until 2026-11-28]`
 * Loads a deterministic synthetic municipality into DATABASE_URL (or PGlite in --data-dir) — a fresh,
 * migrated database: the base through Kysely (areas loader, accounts with the demo password), the bulk
 * with set-based INSERT … SELECT generate_series as the owner, with session_replication_role = replica
 * (no per-row foreign-key and audit triggers; the rows are consistent by construction). Audit events
 * are sealed into the hash chain while they are written, so `npm run audit:verify` passes.
 */
const scaleName = argument("scale", "town") as Scale["name"];
const scale = SCALES[scaleName];
if (!scale) throw new Error("--scale must be town or city");
const seed = numberArgument("seed", 42);
const until = `${argument("until", "2026-11-28")} 17:00:00+01`;
const dataDir = argument("data-dir", process.env.DATA_DIR ?? "");
const url = process.env.DATABASE_URL;
if (!url && !dataDir) throw new Error("set DATABASE_URL or pass --data-dir for PGlite");

const started = performance.now();
const timings: { step: string; seconds: number; rows?: number }[] = [];
const step = async <T>(name: string, fn: () => Promise<T>, rows?: (r: T) => number) => {
  const t0 = performance.now();
  const result = await fn();
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  timings.push({ step: name, seconds, rows: rows?.(result) });
  console.log(`  ${name}: ${seconds} s${rows ? ` (${rows(result)} rows)` : ""}`);
  return result;
};

const database = await openDatabase({ url, dataDir: url ? undefined : dataDir });
const { db } = database;
console.log(`generate ${scale.name} (seed ${seed}) into ${database.kind}`);
await step("migrate", () => migrate(db));
const existing = await db.selectFrom("municipality").select("code").execute();
if (existing.length > 0) throw new Error(`not a fresh database: it holds ${existing.map((m) => m.code)}`);
const base = await step("base (municipality, areas, teams, accounts, social map)", () =>
  loadBase(db, scale, seed),
);
const plan: Plan = { seed, municipalityId: base.municipalityId, until, scale };
const canonicalSql = canonical.compile(db).sql;

await db.connection().execute(async (c) => {
  const run = (text: string) => sql.raw(text).execute(c);
  const rowsOf = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
  await run("set session_replication_role = replica");
  await run("set work_mem = '256MB'");
  if (database.kind === "postgres") await run("set synchronous_commit = off");
  const total = base.buurten.reduce((s, b) => s + b.weight, 0);
  let cum = 0;
  const buurtRows = base.buurten.map((b, i) => {
    const lo = cum / total;
    cum += b.weight;
    const hi = i === base.buurten.length - 1 ? 1.0000001 : cum / total;
    return `(${i}, '${b.code}', ${b.team}, ${lo}, ${hi}, ${scale.pc4From + (i % scale.pc4Count)})`;
  });
  await run(`create temp table g_buurt (idx int, code text, team int, lo float8, hi float8, pc4 int)`);
  await run(`insert into g_buurt values ${buurtRows.join(", ")}`);
  await run(`create temp table g_team (idx int, id uuid, lead_id uuid, size int)`);
  await run(
    `insert into g_team values ${base.teams.map((t) => `(${t.idx}, '${t.id}', '${t.leadId}', ${scale.staffPerTeam})`).join(", ")}`,
  );
  await run(`create temp table g_staff (team int, k int, user_id uuid, org_id uuid)`);
  await run(
    `insert into g_staff values ${base.staff.map((s) => `(${s.team}, ${s.k}, '${s.userId}', '${s.organisationId}')`).join(", ")}`,
  );
  await run(`create temp table g_partner (k int, user_id uuid, org_id uuid)`);
  await run(
    `insert into g_partner values ${base.partners.map((p) => `(${p.k}, '${p.userId}', '${p.organisationId}')`).join(", ")}`,
  );
  for (const f of [...helperFunctions(plan), ...chainAggregate]) await run(f);
  for (const [name, text] of [...dossierStatements(plan), ...signalStatements(plan)]) {
    await step(name, () => run(text), rowsOf);
  }
  let seedHash = "0".repeat(64);
  const auditStarted = performance.now();
  for (let from = 1; from <= scale.auditEvents; from += AUDIT_CHUNK) {
    const to = Math.min(scale.auditEvents, from + AUDIT_CHUNK - 1);
    await run(auditChunk(plan, from, to, seedHash, canonicalSql));
    const head = await sql<{ hash: string }>`select hash from audit_event
      where municipality_id = ${plan.municipalityId} and chain_position = ${to}`.execute(c);
    seedHash = head.rows[0]?.hash ?? "";
    const rate = Math.round(to / ((performance.now() - auditStarted) / 1000));
    process.stdout.write(`\r  audit_event: ${to} of ${scale.auditEvents} sealed (${rate}/s)   `);
  }
  process.stdout.write("\n");
  timings.push({
    step: "audit_event (sealed)",
    seconds: Math.round((performance.now() - auditStarted) / 10) / 100,
    rows: scale.auditEvents,
  });
  await run(`insert into audit_chain_head (municipality_id, position, hash)
    values ('${plan.municipalityId}', ${scale.auditEvents}, '${seedHash}')`);
  await run(`select setval(pg_get_serial_sequence('audit_event', 'id'), ${scale.auditEvents})`);
  await run("reset session_replication_role");
  // The triggers that keep the outcome summary and the access table were off during the bulk load.
  await step("outcome summary", () => run("select app_rebuild_case_outcomes()"));
  await step("household access", () => run("select app_rebuild_household_access()"));
  await step("analyze", () => run("analyze"));
});

const counts: Record<string, number> = {};
for (const t of [
  "household",
  "resident",
  "case_file",
  "case_professional",
  "assessment",
  "assessment_score",
  "journal_entry",
  "support_plan",
  "plan_goal",
  "plan_action",
  "signal",
  "audit_event",
  "app_user",
  "team",
]) {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db);
  counts[t] = r.rows[0]?.n ?? 0;
}
const seconds = Math.round((performance.now() - started) / 100) / 10;
await database.close();
const report = {
  scale: scale.name,
  seed,
  until,
  database: database.kind,
  seconds,
  loadAverage: os.loadavg(),
  cpus: os.cpus().length,
  counts,
  timings,
};
fs.mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${new Date().toISOString().slice(0, 10)}-generate-${scale.name}-${database.kind}.json`;
fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `loaded ${scale.name} in ${seconds} s (load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")})`,
);
console.table(report.counts);
console.log(`report: ${file}`);
process.exit(0);
