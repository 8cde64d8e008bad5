import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asPostgres } from "./postgres.ts";
import { freePort, sleep } from "./server.ts";

/**
 * PgBouncer (Debian package `pgbouncer`) in transaction pooling in front of a PostgreSQL server, in a
 * temp directory, run as the `postgres` system user (it refuses root). Only loopback.
 */
export interface PgBouncer {
  url(database: string): string;
  stop(): void;
}

export function pgbouncerBin(): string {
  for (const candidate of ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"])
    if (fs.existsSync(candidate)) return candidate;
  throw new Error("pgbouncer not found (apt-get install pgbouncer)");
}

export async function startPgBouncer(options: {
  serverPort: number;
  database: string;
  port?: number;
  poolSize?: number;
}): Promise<PgBouncer> {
  const bin = pgbouncerBin();
  const port = options.port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-pgbouncer-"));
  fs.chmodSync(dir, 0o777);
  // The owner migrates; the app connects as its own login (wijkwerk_service), through the bouncer too.
  fs.writeFileSync(path.join(dir, "userlist.txt"), '"postgres" ""\n"wijkwerk_service" ""\n');
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${options.database} = host=127.0.0.1 port=${options.serverPort} dbname=${options.database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${dir}/userlist.txt`,
      "pool_mode = transaction",
      "max_client_conn = 500",
      `default_pool_size = ${options.poolSize ?? 20}`,
      "ignore_startup_parameters = extra_float_digits,application_name",
      `logfile = ${dir}/pgbouncer.log`,
      `pidfile = ${dir}/pgbouncer.pid`,
      "",
    ].join("\n"),
  );
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres", dir]);
  asPostgres(`${bin} -d ${dir}/pgbouncer.ini`);
  const pidFile = path.join(dir, "pgbouncer.pid");
  for (let i = 0; i < 50 && !fs.existsSync(pidFile); i++) await sleep(100);
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      try {
        const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
        if (pid > 0) process.kill(pid, "SIGTERM");
      } catch {
        // not running
      }
      setTimeout(() => fs.rmSync(dir, { recursive: true, force: true }), 500).unref();
    },
  };
}
