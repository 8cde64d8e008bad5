/**
 * Signal intake benchmark (issue 6): partner systems deliver signals through the API
 * (POST /api/partner-api/v1/signals with an API key), through the whole application: key check,
 * validation, routing, grouping, insert under row-level security, audit event in the same transaction,
 * and the audit sealer running after commit. Reports signals per second and latency percentiles.
 *
 *   npx tsx bench/signal-intake.bench.ts                                  # PGlite (in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/signal-intake.bench.ts        # a PostgreSQL server
 *   BENCH_SIGNALS=1000 BENCH_CONCURRENCY=8 npx tsx bench/signal-intake.bench.ts
 *
 * Writes bench/results/signal-intake-<engine>.json and appends a line to bench/results/signal-intake.md.
 */
import fs from "node:fs";
import os from "node:os";
import { buildApp } from "../server/src/app.ts";
import { buildSignalWorld, personSignal } from "../server/src/modules/signals/signals.fixtures.ts";
import { testConfig } from "../server/src/platform/config.ts";
import { createTestDatabase } from "../server/src/test/database.ts";

const SIGNALS = Number(process.env.BENCH_SIGNALS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? (process.env.DATABASE_URL ? 4 : 1));
const WARMUP = 20;
const CATEGORIES = ["debtsRentArrears", "loneliness", "nuisance", "housing", "finances"];
const BUURTEN = ["BU03440311", "BU03440312", "BU03440321", "BU03440511"];

async function main() {
  const engine = process.env.DATABASE_URL ? "postgres" : "pglite";
  const database = await createTestDatabase();
  const world = await buildSignalWorld(database.db);
  // A benchmark measures throughput, not the per-key limit (PARTNER_API_PER_MINUTE, 30 by default).
  const { app, sealer } = await buildApp(
    testConfig({ webDist: "/nonexistent", partnerApiPerMinute: 1_000_000 }),
    database,
  );
  await app.ready();
  let n = 0;
  const deliver = async () => {
    const i = n++;
    const res = await app.inject({
      method: "POST",
      url: "/api/partner-api/v1/signals",
      headers: { authorization: `Bearer ${world.housingKey}` },
      payload: {
        ...personSignal({
          houseNumber: 1 + (i % 900),
          category: CATEGORIES[i % CATEGORIES.length],
          neighbourhoodCode: BUURTEN[i % BUURTEN.length],
        }),
        externalReference: `BENCH-${i}`,
      },
    });
    if (res.statusCode !== 201) throw new Error(`delivery ${i}: ${res.statusCode} ${res.body}`);
  };
  for (let i = 0; i < WARMUP; i++) await deliver();
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SIGNALS) {
        next++;
        const t0 = performance.now();
        await deliver();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await sealer.stop();
  const audited = await database.db
    .selectFrom("auditEvent")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("action", "=", "signal.submitted")
    .executeTakeFirstOrThrow();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) * 10,
    ) / 10;
  const result = {
    benchmark: "signal-intake",
    engine,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`,
    signals: SIGNALS,
    concurrency: CONCURRENCY,
    auditOn: true,
    auditEventsWritten: Number(audited.n),
    signalsPerSecond: Math.round((SIGNALS / seconds) * 10) / 10,
    latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99) },
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(`bench/results/signal-intake-${engine}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.appendFileSync(
    "bench/results/signal-intake.md",
    `| ${result.date.slice(0, 10)} | ${engine} | ${SIGNALS} | ${CONCURRENCY} | ${result.signalsPerSecond} | ${result.latencyMs.p50} | ${result.latencyMs.p95} | ${result.latencyMs.p99} | ${result.machine} |\n`,
  );
  console.log(JSON.stringify(result, null, 2));
  await app.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
