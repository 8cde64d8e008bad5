/**
 * Login timing (issue 18): a wrong password for an existing account and for an unknown username must
 * take comparable time, so response times do not tell which accounts exist. Interleaves both kinds
 * (each from its own client address, so no throttling delay interferes) and reports the median and
 * the 90th percentile in milliseconds, with the load average.
 *
 *   npx tsx bench/login-timing.bench.ts                              # PGlite (in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/login-timing.bench.ts    # a PostgreSQL server
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { buildApp } from "../server/src/app.ts";
import { testConfig } from "../server/src/platform/config.ts";
import { createTestDatabase, openAppLogin } from "../server/src/test/database.ts";
import { buildStaffedTeam } from "../server/src/test/factories.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

const database = await createTestDatabase();
const appDatabase = await openAppLogin(database);
const team = await buildStaffedTeam(database.db);
const { app } = await buildApp(testConfig({ webDist: "/nonexistent" }), appDatabase);
await app.ready();
const times: Record<"existing" | "unknown", number[]> = { existing: [], unknown: [] };
for (let i = 0; i < ROUNDS + 5; i++) {
  const user = await team.member();
  for (const kind of ["existing", "unknown"] as const) {
    const started = performance.now();
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: `10.99.${i}.${kind === "existing" ? 1 : 2}`,
      payload: {
        username: kind === "existing" ? user.username : `niemand${i}`,
        password: "een fout wachtwoord",
      },
    });
    if (res.statusCode !== 401) throw new Error(`unexpected ${res.statusCode}`);
    if (i >= 5) times[kind].push(performance.now() - started);
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;
const engine = process.env.DATABASE_URL ? "postgres" : "pglite";
console.log(
  `login timing on ${engine}, ${ROUNDS} rounds, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
for (const kind of ["existing", "unknown"] as const)
  console.log(
    `  ${kind.padEnd(8)} median ${pct(times[kind], 0.5).toFixed(1)} ms, p90 ${pct(times[kind], 0.9).toFixed(1)} ms`,
  );
await app.close();
await appDatabase.close();
await database.close();
