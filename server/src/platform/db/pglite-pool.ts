import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/**
 * PGlite is a single connection. This pool hands it out to one Kysely connection at a time, so a
 * transaction from one request never interleaves with another request's statements.
 */
export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PostgresPoolClient> {
      let release: () => void = () => {};
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
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
      await tail;
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
