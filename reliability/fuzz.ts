import fs from "node:fs";
import path from "node:path";
import { buildApp } from "../server/src/app.ts";
import { testConfig } from "../server/src/platform/config.ts";
import { createTestDatabase } from "../server/src/test/database.ts";
import { argument, numberArgument } from "./lib/args.ts";
import { type FuzzReport, runFuzz } from "./lib/fuzz.ts";

/**
 * The long fuzz run: `npm run reliability:fuzz -- --seconds 300 --seeds 3 [--seed 42]`.
 * A fresh database per seed (PGlite, or a new database on the server in DATABASE_URL).
 * Exit 1 on any finding; the report goes to bench/results/<date>-fuzz-<db>.json.
 */
const seconds = numberArgument("seconds", 120);
const seeds = numberArgument("seeds", 2);
const firstSeed = numberArgument("seed", Date.now() % 100_000);
const out = argument("out", "bench/results");
const reports: FuzzReport[] = [];
for (let i = 0; i < seeds; i++) {
  const database = await createTestDatabase();
  const built = await buildApp(testConfig({ webDist: "/nonexistent" }), database);
  await built.app.ready();
  const report = await runFuzz({
    built,
    database,
    seed: firstSeed + i,
    maxRequests: Number.MAX_SAFE_INTEGER,
    maxSeconds: seconds / seeds,
    log: (line) => console.log(`[seed ${firstSeed + i}] ${line}`),
  });
  await built.app.close();
  await database.close();
  reports.push(report);
  console.log(
    `[seed ${report.seed}] ${report.requests} requests in ${report.seconds.toFixed(1)} s over ${report.routes} routes; statuses ${JSON.stringify(report.statuses)}; ${report.findings.length} findings`,
  );
  for (const [k, n] of Object.entries(report.undeclared)) console.log(`  undeclared status: ${k} (${n}×)`);
  for (const f of report.findings.slice(0, 30))
    console.log(`  FINDING ${f.kind} ${f.route} as ${f.actor} → ${f.status}: ${f.detail}\n    ${f.request}`);
}
fs.mkdirSync(out, { recursive: true });
const file = path.join(
  out,
  `${new Date().toISOString().slice(0, 10)}-fuzz-${process.env.DATABASE_URL ? "postgres" : "pglite"}.json`,
);
fs.writeFileSync(file, `${JSON.stringify(reports, null, 2)}\n`);
console.log(`report: ${file}`);
process.exit(reports.some((r) => r.findings.length > 0) ? 1 : 0);
