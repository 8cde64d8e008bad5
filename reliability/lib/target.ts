import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { flag } from "./args.ts";
import { type Postgres, startPostgres } from "./postgres.ts";

/**
 * Where a reliability script runs the server: `--postgres` starts a throwaway PostgreSQL server,
 * DATABASE_URL uses a prepared database as it is, otherwise a fresh PGlite data directory.
 */
export interface Target {
  kind: "pglite" | "postgres";
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  postgres: Postgres | undefined;
  /** Environment for the CLI tools (migrate, audit:verify) on the same database. */
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

export async function chooseTarget(options: { forcePostgres?: boolean } = {}): Promise<Target> {
  const given = process.env.DATABASE_URL;
  if (given && !flag("postgres")) return postgresTarget(given, undefined);
  if (options.forcePostgres || flag("postgres")) {
    const pg = await startPostgres();
    pg.psql("postgres", "create database wijkwerk");
    return postgresTarget(pg.url("wijkwerk"), pg);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-data-"));
  return {
    kind: "pglite",
    databaseUrl: undefined,
    dataDir,
    postgres: undefined,
    env: { ...withoutDatabaseUrl(), DATA_DIR: dataDir },
    dispose: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

function postgresTarget(url: string, pg: Postgres | undefined): Target {
  return {
    kind: "postgres",
    databaseUrl: url,
    dataDir: undefined,
    postgres: pg,
    env: { ...process.env, DATABASE_URL: url },
    dispose: () => pg?.destroy(),
  };
}

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

/** `npm run audit:verify` on the target's database; returns exit code and output. */
export function auditVerify(env: NodeJS.ProcessEnv): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ["--import", "tsx", "server/src/cli/audit-verify.ts"], {
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, output: output.trim() };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}`.trim() };
  }
}
