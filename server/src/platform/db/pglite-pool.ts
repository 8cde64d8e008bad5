import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/**
 * PGlite is one connection. Every pool on one PGlite shares this lane, so a transaction from one
 * request never interleaves with another's statements, also when two pools (the owner's and the
 * application login's) use the same database.
 */
export interface PgliteLane {
  tail: Promise<void>;
  /** The session user the connection is set to now (SET SESSION AUTHORIZATION). */
  user: string | undefined;
}

export function newLane(): PgliteLane {
  return { tail: Promise.resolve(), user: undefined };
}

/**
 * Hands the PGlite connection to one Kysely connection at a time. With sessionUser, each hand-over
 * first makes that role the session user (PGlite has no logins; this is the closest it comes: the
 * grants and row-level security of that role apply, but any statement could switch back).
 */
export function pglitePool(pg: PGlite, lane: PgliteLane = newLane(), sessionUser?: string): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      let release: () => void = () => {};
      const previous = lane.tail;
      lane.tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      if (sessionUser && lane.user !== sessionUser) {
        await pg.query(`set session authorization ${sessionUser}`);
        lane.user = sessionUser;
      }
      return {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          // Migrations are scripts of many statements: those go through the simple protocol.
          const result =
            parameters.length === 0 && /;\s*\S/.test(sql)
              ? ((await pg.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 })
              : await pg.query<R>(sql, parameters as unknown[]);
          return {
            command: commandOf(sql),
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows as R[],
          };
        },
        release,
      } as PostgresPoolClient;
    },
    async end() {
      await lane.tail;
    },
  };
}

function commandOf(sql: string): PostgresQueryResult<unknown>["command"] {
  const word = sql.trimStart().slice(0, 6).toUpperCase();
  if (word.startsWith("INSERT")) return "INSERT";
  if (word.startsWith("UPDATE")) return "UPDATE";
  if (word.startsWith("DELETE")) return "DELETE";
  if (word.startsWith("MERGE")) return "MERGE";
  return "SELECT";
}
