import fs from "node:fs";
import { sql } from "kysely";
import { HttpClient, runLoad } from "../bench/lib/http.ts";
import { DEMO_PASSWORD } from "../server/src/demo/demo-data.ts";
import { openDatabase } from "../server/src/platform/db/database.ts";
import { numberArgument } from "./lib/args.ts";
import { writeResult } from "./lib/results.ts";
import { sleep, startServer } from "./lib/server.ts";
import { auditVerify, chooseTarget } from "./lib/target.ts";

/**
 * Crash safety: `npm run reliability:crash [-- --cycles 3 --connections 16 --postgres]`.
 * Writes (organisations and teams, each with its audit event, as the administrator) under load; the
 * server is killed with SIGKILL mid-load and started again on the same data. Every write answered
 * 2xx must be there, no write may be half-applied (a row without its audit event or the reverse),
 * and the audit chain must verify.
 */
const cycles = numberArgument("cycles", 3);
const connections = numberArgument("connections", 16);
const target = await chooseTarget();
const run = Date.now().toString(36);
const logFile = `/tmp/wijkwerk-crash-${run}.log`;
const acknowledged = new Map<string, "organisation" | "team">();
const inDoubt = new Set<string>();
const outcome: Record<string, unknown>[] = [];
let failed = false;

try {
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const server = await startServer({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, logFile });
    const client = new HttpClient(server.url, connections);
    const admin = await client.logIn("beheer", DEMO_PASSWORD);
    const killAfter = 1500 + Math.floor(Math.random() * 2500);
    let killed = false;
    const killer = sleep(killAfter).then(() => {
      killed = true;
      return server.stop("SIGKILL");
    });
    const load = await runLoad(
      connections,
      (killAfter + 1500) / 1000,
      async (w, i) => {
        const team = i % 3 === 2;
        const name = `crash-${run}-${cycle}-${w}-${i}`;
        inDoubt.add(name);
        const reply = team
          ? await client.request("POST", "/api/teams", {
              session: admin,
              body: { name, model: "integrated", areaCodes: [] },
              timeoutMs: 5000,
            })
          : await client.request("POST", "/api/organisations", {
              session: admin,
              body: { name, type: "other" },
              timeoutMs: 5000,
            });
        if (reply.status === 201) {
          acknowledged.set(name, team ? "team" : "organisation");
          inDoubt.delete(name);
        }
        return reply;
      },
      Number.MAX_SAFE_INTEGER,
      () => killed,
    );
    const signal = await killer;
    client.close();
    console.log(
      `cycle ${cycle}: killed (${signal}) after ${killAfter} ms; ${load.statuses["201"] ?? 0} writes answered 201, ${load.errors} refused or cut off`,
    );
    outcome.push({ cycle, killAfterMs: killAfter, signal, statuses: load.statuses });
  }

  // Start once more, read through the API, then stop cleanly and check the database itself.
  const server = await startServer({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, logFile });
  const client = new HttpClient(server.url, 4);
  const admin = await client.logIn("beheer", DEMO_PASSWORD);
  const names = new Set<string>();
  for (const path of ["/api/organisations", "/api/teams"]) {
    const reply = await client.request("GET", path, { session: admin });
    for (const item of (JSON.parse(reply.body) as { items: { name: string }[] }).items) names.add(item.name);
  }
  client.close();
  await server.stop("SIGTERM");
  const lost = [...acknowledged.keys()].filter((n) => !names.has(n));
  const presentInDoubt = [...inDoubt].filter((n) => names.has(n)).length;

  const database = await openDatabase({ url: target.databaseUrl, dataDir: target.dataDir });
  const half = await sql<{ kind: string; n: number }>`
    select 'organisation without audit event' as kind, count(*)::int as n from organisation o
      where o.name like ${`crash-${run}-%`} and not exists (select 1 from audit_event e
        where e.municipality_id = o.municipality_id and e.action = 'organisation.created' and e.resource_id = o.id::text)
    union all
    select 'team without audit event', count(*)::int from team t
      where t.name like ${`crash-${run}-%`} and not exists (select 1 from audit_event e
        where e.municipality_id = t.municipality_id and e.action = 'team.created' and e.resource_id = t.id::text)
    union all
    select 'audit event without its row', count(*)::int from audit_event e
      where e.action in ('organisation.created', 'team.created') and e.resource_id is not null
        and not exists (select 1 from organisation o where o.id::text = e.resource_id)
        and not exists (select 1 from team t where t.id::text = e.resource_id)`.execute(database.db);
  await database.close();
  const verify = auditVerify(target.env);
  const halfApplied = half.rows.filter((r) => r.n > 0);
  failed = lost.length > 0 || halfApplied.length > 0 || verify.code !== 0;
  const summary = {
    database: target.kind,
    cycles,
    connections,
    acknowledgedWrites: acknowledged.size,
    lostAcknowledgedWrites: lost.length,
    lostExamples: lost.slice(0, 10),
    unansweredWritesPresentAfterRestart: presentInDoubt,
    unansweredWritesAbsent: inDoubt.size - presentInDoubt,
    halfApplied: half.rows,
    auditVerify: verify,
    perCycle: outcome,
    passed: !failed,
  };
  console.log(JSON.stringify(summary, null, 2));
  writeResult(`crash-${target.kind}`, summary);
  if (failed && fs.existsSync(logFile)) console.log(`server log: ${logFile}`);
} finally {
  target.dispose();
}
process.exit(failed ? 1 : 0);
