import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./server.ts";

/**
 * A throwaway PostgreSQL server in a temp directory, run as the `postgres` system user like .ci/run
 * does (initdb + pg_ctl), on a loopback port. It can be stopped and started under load.
 */
export interface Postgres {
  url(database?: string): string;
  bin: string;
  start(): void;
  /** mode: fast (disconnect clients, clean shutdown) or immediate (like a crash). */
  stop(mode?: "fast" | "immediate"): void;
  psql(database: string, command: string): string;
  destroy(): void;
}

export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const bin = versions
    .map((v) => path.join(root, v, "bin"))
    .filter((b) => fs.existsSync(path.join(b, "initdb")))
    .at(-1);
  if (!bin)
    throw new Error(
      "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)",
    );
  return bin;
}

export function asPostgres(command: string): string {
  const root = process.getuid?.() === 0;
  const args = root ? ["postgres", "-c", command] : ["-c", command];
  return execFileSync(root ? "su" : "bash", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export async function startPostgres(given: { port?: number } = {}): Promise<Postgres> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-pg-"));
  fs.chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const port = given.port ?? (await freePort());
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres >/dev/null`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
  const pg: Postgres = {
    bin,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      asPostgres(`${bin}/pg_ctl -D ${dir}/data -o '${options}' -l ${dir}/log -w start >/dev/null`);
    },
    stop(mode = "fast") {
      asPostgres(`${bin}/pg_ctl -D ${dir}/data -m ${mode} -w stop >/dev/null`);
    },
    psql(database, command) {
      return execFileSync(
        `${bin}/psql`,
        ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", pg.url(database), "-c", command],
        {
          encoding: "utf8",
        },
      ).trim();
    },
    destroy() {
      try {
        pg.stop("immediate");
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  pg.start();
  return pg;
}
