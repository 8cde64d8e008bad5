import fs from "node:fs";
import os from "node:os";
import { getOutcomeMonitor } from "../server/src/modules/outcomes/outcomes.service.ts";
import { getMunicipalLadderFigures } from "../server/src/modules/plans/plans.figures.municipality.ts";
import type { Role } from "../server/src/platform/access/permissions.ts";
import { withActor } from "../server/src/platform/context.ts";
import { openDatabase } from "../server/src/platform/db/database.ts";

/**
 * The outcome monitor for a whole municipality: `npx tsx bench/outcome-monitor.bench.ts` against a database
 * filled by `npm run generate -- --scale city` (DATABASE_URL, or DATA_DIR for PGlite). Times the use case the
 * route calls (database function, completion and suppression, labels, audit event, JSON) as the policy officer
 * (every team, suppressed) and a team lead, per dimension, 12 months per month; and the municipality's
 * ladder figures (plans module, same summary) as the policy officer. Target: p95 < 500 ms. The 1-minute load
 * average is recorded at the start and the end: the machine is shared, and the figures move with it.
 */
const runs = Number(process.env.RUNS ?? 20);
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
const { db } = database;
const municipality = await db
  .selectFrom("municipality")
  .select(["id", "code", "name"])
  .orderBy("createdAt")
  .executeTakeFirstOrThrow();
const size = async (table: "caseFile" | "assessmentScore" | "planAction" | "signal" | "team") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select(db.fn.countAll().as("n"))
        .where("municipalityId", "=", municipality.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
const scale = {
  teams: await size("team"),
  cases: await size("caseFile"),
  zrmScores: await size("assessmentScore"),
  planActions: await size("planAction"),
  signals: await size("signal"),
};
const userOf = async (role: Role) =>
  db
    .selectFrom("appUser")
    .select(["id", "displayName", "homeOrganisationId"])
    .where("municipalityId", "=", municipality.id)
    .where("role", "=", role)
    .orderBy("username")
    .executeTakeFirstOrThrow();
const policy = await userOf("policyOfficer");
const lead = await userOf("teamLead");
const leadTeams = (
  await db.selectFrom("teamMembership").select("teamId").where("userId", "=", lead.id).execute()
).map((m) => m.teamId);
const latest = await db
  .selectFrom("caseFile")
  .select(db.fn.max("openedAt").as("last"))
  .where("municipalityId", "=", municipality.id)
  .executeTakeFirstOrThrow();
const now = new Date(latest.last as Date);
const until = now.toISOString().slice(0, 10);
const from = `${now.getUTCFullYear() - 1}-${String(now.getUTCMonth() + 2 > 12 ? 1 : now.getUTCMonth() + 2).padStart(2, "0")}-01`;

const loadAtStart = os.loadavg()[0] as number;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const results: { who: string; dimension: string; cells: number; p50: number; p95: number; max: number }[] =
  [];
const record = (who: string, dimension: string, cells: number, times: number[]) => {
  times.sort((a, b) => a - b);
  const r = {
    who,
    dimension,
    cells,
    p50: Math.round(percentile(times, 50)),
    p95: Math.round(percentile(times, 95)),
    max: Math.round(times.at(-1) as number),
  };
  results.push(r);
  console.log(`${who} ${dimension}: ${cells} cells, p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms`);
};
const actorOf = (role: Role, user: typeof policy, teamIds: readonly string[]) => ({
  userId: user.id,
  municipalityId: municipality.id,
  role,
  displayName: user.displayName,
  organisationId: user.homeOrganisationId,
  teamIds: [...teamIds],
});
for (const [who, role, user, teamIds] of [
  ["policyOfficer", "policyOfficer", policy, []],
  ["teamLead", "teamLead", lead, leadTeams],
] as const) {
  for (const dimension of ["team", "district", "wmoField"] as const) {
    const times: number[] = [];
    let cells = 0;
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now();
      const monitor = await withActor(db, actorOf(role, user, teamIds), { clientIp: null, now }, (ctx) =>
        getOutcomeMonitor(ctx, { from, until, dimension, granularity: "month" }),
      );
      const json = JSON.stringify(monitor);
      cells = monitor.cells.length;
      if (i >= 2) times.push(performance.now() - t0);
      if (json.length === 0) throw new Error("empty");
    }
    record(who, dimension, cells, times);
  }
}
{
  const times: number[] = [];
  let cells = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const figures = await withActor(
      db,
      actorOf("policyOfficer", policy, []),
      { clientIp: null, now },
      (ctx) => getMunicipalLadderFigures(ctx, from, until),
    );
    cells = JSON.stringify(figures).length > 0 ? figures.periods.length : 0;
    if (i >= 2) times.push(performance.now() - t0);
  }
  record("policyOfficer", "ladderMunicipality (months)", cells, times);
}
const loadAtEnd = os.loadavg()[0] as number;
await database.close();
const report = {
  db: database.kind,
  municipality: municipality.name,
  period: { from, until },
  runs,
  scale,
  cpus: os.cpus().length,
  loadAverage1m: { start: Math.round(loadAtStart * 100) / 100, end: Math.round(loadAtEnd * 100) / 100 },
  node: process.version,
  results,
};
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync(
  `bench/results/outcome-monitor-${database.kind}.json`,
  `${JSON.stringify(report, null, 2)}\n`,
);
const worst = Math.max(...results.map((r) => r.p95));
console.log(`worst p95 ${worst} ms (target < 500 ms) on ${database.kind}, ${JSON.stringify(scale)}`);
if (worst >= 500) process.exitCode = 1;
