import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { HttpClient, type Session } from "../bench/lib/http.ts";
import { DEMO_PASSWORD } from "../server/src/demo/demo-data.ts";
import { flag } from "./lib/args.ts";
import { startPostgres } from "./lib/postgres.ts";
import { writeResult } from "./lib/results.ts";
import { type ServerProcess, startServer } from "./lib/server.ts";
import { auditVerify } from "./lib/target.ts";

/**
 * Backup and restore drill: `npm run reliability:backup [-- --pglite-only | --postgres-only]`.
 * PostgreSQL: demo data + activity, pg_dump (custom format) while the app runs, pg_restore into a
 * fresh database, audit:verify on it, the app started on the restored database serves the same
 * teams, organisations, users and dossiers. PGlite: the data directory copied while the server is
 * stopped, same checks on the copy.
 */
async function activity(server: ServerProcess): Promise<void> {
  const client = new HttpClient(server.url, 4);
  const admin = await client.logIn("beheer", DEMO_PASSWORD);
  for (let i = 0; i < 20; i++) {
    await client.request("POST", "/api/organisations", {
      session: admin,
      body: { name: `Backup-organisatie ${i}`, type: "other" },
    });
    if (i % 5 === 0)
      await client.request("POST", "/api/teams", {
        session: admin,
        body: { name: `Backup-team ${i}`, model: "network", areaCodes: [] },
      });
  }
  client.close();
}

/** What users see: every answer to a set of reads, as the administrator and a professional. */
async function snapshot(server: ServerProcess): Promise<Record<string, string>> {
  const client = new HttpClient(server.url, 2);
  const out: Record<string, string> = {};
  const read = async (session: Session, url: string) => {
    const reply = await client.request("GET", url, { session });
    if (reply.status === 200) out[`${session.username} ${url}`] = reply.body;
    return reply.status === 200 ? (JSON.parse(reply.body) as { items?: { id: string }[] }) : undefined;
  };
  const admin = await client.logIn("beheer", DEMO_PASSWORD);
  const professional = await client.logIn("buurtwerker", DEMO_PASSWORD);
  const teams = await read(admin, "/api/teams");
  for (const t of teams?.items ?? []) await read(admin, `/api/teams/${t.id}`);
  await read(admin, "/api/organisations");
  await read(admin, "/api/users");
  for (const url of ["/api/households", "/api/worklist", "/api/cases"]) {
    const list = await read(professional, url);
    for (const item of (list?.items ?? []).slice(0, 10)) await read(professional, `${url}/${item.id}`);
  }
  client.close();
  return out;
}

function compare(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]);
}

const results: Record<string, unknown> = {};
let passed = true;
const logFile = `/tmp/wijkwerk-backup-${Date.now().toString(36)}.log`;

if (!flag("pglite-only")) {
  const pg = await startPostgres();
  try {
    pg.psql("postgres", "create database wijkwerk");
    const server = await startServer({ databaseUrl: pg.url("wijkwerk"), logFile });
    await activity(server);
    const before = await snapshot(server);
    const dump = path.join(os.tmpdir(), `wijkwerk-${Date.now()}.dump`);
    const t0 = performance.now();
    execFileSync(`${pg.bin}/pg_dump`, ["-Fc", "-f", dump, pg.url("wijkwerk")]);
    const dumpSeconds = (performance.now() - t0) / 1000;
    await server.stop();
    pg.psql("postgres", "create database restored");
    const t1 = performance.now();
    execFileSync(`${pg.bin}/pg_restore`, ["--exit-on-error", "-d", pg.url("restored"), dump]);
    const restoreSeconds = (performance.now() - t1) / 1000;
    const verify = auditVerify({ ...process.env, DATABASE_URL: pg.url("restored") });
    const restored = await startServer({ databaseUrl: pg.url("restored"), logFile });
    const after = await snapshot(restored);
    await restored.stop();
    const differences = compare(before, after);
    const ok = verify.code === 0 && differences.length === 0 && Object.keys(before).length > 0;
    passed &&= ok;
    results.postgres = {
      dumpBytes: fs.statSync(dump).size,
      dumpSeconds,
      restoreSeconds,
      auditVerify: verify,
      readsCompared: Object.keys(before).length,
      differences,
      passed: ok,
    };
    fs.rmSync(dump, { force: true });
  } finally {
    pg.destroy();
  }
}

if (!flag("postgres-only")) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-data-"));
  const copy = `${dataDir}-copy`;
  try {
    const server = await startServer({ dataDir, logFile });
    await activity(server);
    const before = await snapshot(server);
    await server.stop("SIGTERM");
    const t0 = performance.now();
    fs.cpSync(dataDir, copy, { recursive: true });
    const copySeconds = (performance.now() - t0) / 1000;
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: copy };
    delete env.DATABASE_URL;
    const verify = auditVerify(env);
    const restored = await startServer({ dataDir: copy, logFile });
    const after = await snapshot(restored);
    await restored.stop("SIGTERM");
    const differences = compare(before, after);
    const ok = verify.code === 0 && differences.length === 0 && Object.keys(before).length > 0;
    passed &&= ok;
    results.pglite = {
      copySeconds,
      auditVerify: verify,
      readsCompared: Object.keys(before).length,
      differences,
      passed: ok,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

console.log(JSON.stringify(results, null, 2));
writeResult("backup", { ...results, passed });
if (!passed) console.log(`server log: ${logFile}`);
process.exit(passed ? 0 : 1);
