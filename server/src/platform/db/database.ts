import fs from "node:fs";
import { PGlite, types } from "@electric-sql/pglite";
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  sql,
} from "kysely";
import pg from "pg";
import { newLane, pglitePool } from "./pglite-pool.ts";
import type { DB } from "./schema.ts";

/** The database as the rest of the server sees it: one Kysely instance on PGlite or a server. */
export interface Database {
  kind: "pglite" | "postgres";
  db: Kysely<DB>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Connections of the pool (PostgreSQL): open, idle, and requests waiting for one. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /**
   * Security (issue 18): the same database, connected as another login (the application's
   * wijkwerk_service, see logins.ts). On a server that is a second pool with that user and password;
   * on PGlite, which has no logins, the same engine with that role as session user. Closing the
   * returned handle leaves this one open.
   */
  openLogin(login: { user: string; password: string | undefined }): Promise<Database>;
}

// The same value types on both engines: bigint and numeric as numbers, dates as 'YYYY-MM-DD'.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

const plugins = [new CamelCasePlugin()];

export async function openDatabase(options: { url?: string; dataDir?: string }): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const database = await openPool(url);
  return {
    ...database,
    async openLogin(login) {
      // The same host and database, another user (issue 18: the application owns nothing).
      const loginUrl = new URL(url);
      loginUrl.username = encodeURIComponent(login.user);
      loginUrl.password = login.password ? encodeURIComponent(login.password) : "";
      return openPostgres(loginUrl.toString());
    },
  };
}

async function openPool(url: string): Promise<Omit<Database, "openLogin">> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  // Same for a client checked out between two statements of a transaction (found by
  // reliability/outage.ts: an immediate PostgreSQL shutdown killed the process); the pool drops it.
  pool.on("connect", (client) => client.on("error", () => {}));
  // Through PgBouncer in transaction pooling (before 1.21) a named statement prepared on one server
  // connection is unknown on the next: DATABASE_PREPARED_STATEMENTS=false sends every statement unnamed
  // (the cost is measured in bench/README.md, "Two instances behind PgBouncer").
  const prepare = process.env.DATABASE_PREPARED_STATEMENTS !== "false";
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: prepare ? preparing(pool) : pool }),
    plugins,
  });
  return {
    kind: "postgres",
    db,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

/** How many different statements are prepared; later ones run unnamed (each plan costs server memory). */
const PREPARED_LIMIT = 400;
const statementNames = new Map<string, string>();

/**
 * Statements with parameters run as named prepared statements: each connection parses and plans a
 * statement once instead of on every execution. Under the access rules planning is a large part of a
 * statement's cost (pgbench, a dossier's statements on the city data: 331 transactions per second
 * unprepared, 495 prepared). PostgreSQL re-plans by itself when a table, policy or the role changes.
 */
function preparing(pool: pg.Pool): PostgresPool {
  const nameOf = (text: string) => {
    let name = statementNames.get(text);
    if (!name && statementNames.size < PREPARED_LIMIT) {
      name = `wk${statementNames.size}`;
      statementNames.set(text, name);
    }
    return name;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        query(text: string, values: unknown[]) {
          const name = typeof text === "string" && values?.length ? nameOf(text) : undefined;
          return name ? client.query({ name, text, values }) : client.query(text, values);
        },
        release: () => client.release(),
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // One options object: PGlite.create(undefined, options) ignores the options (in-memory databases
  // then returned dates as Date objects, unlike the pg driver).
  const pglite = await PGlite.create({
    dataDir,
    parsers: {
      [types.INT8]: (v: string) => Number(v),
      [types.NUMERIC]: (v: string) => Number(v),
      [types.DATE]: (v: string) => v,
    },
  });
  // Security (issue 18): one lane for every pool on this engine, so the owner's and the application
  // login's transactions never interleave; the owner pool switches the session back to "postgres".
  const lane = newLane();
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: pglitePool(pglite, lane, "postgres") }),
    plugins,
  });
  const ping = (k: Kysely<DB>) => async () => {
    await sql`select 1`.execute(k);
  };
  return {
    kind: "pglite",
    db,
    ping: ping(db),
    async close() {
      await db.destroy();
      await pglite.close();
    },
    async openLogin(login) {
      const loginDb = new Kysely<DB>({
        dialect: new PostgresDialect({ pool: pglitePool(pglite, lane, login.user) }),
        plugins,
      });
      return {
        kind: "pglite",
        db: loginDb,
        ping: ping(loginDb),
        close: () => loginDb.destroy(),
        openLogin: () => Promise.reject(new Error("open logins from the owner's handle")),
      };
    },
  };
}
