import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import type { DB } from "./schema.ts";

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../migrations",
);

/**
 * Applies the numbered .sql files that have not run yet, each in its own transaction, in order.
 * Forward-only: a file that ran is never edited; a change is a new file.
 */
export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`create table if not exists schema_migration (
    name text primary key, applied_at timestamptz not null default now())`.execute(db);
  // Serialise concurrent starts against one server.
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migration`.execute(db)).rows.map((r) => r.name),
  );
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(4242)`.execute(trx);
      const again = await sql`select 1 from schema_migration where name = ${file}`.execute(trx);
      if (again.rows.length > 0) return;
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migration (name) values (${file})`.execute(trx);
      ran.push(file);
    });
  }
  return ran;
}

/** Migration files not applied yet (readable by the application login, which cannot apply them). */
export async function pendingMigrations(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migration`.execute(db)).rows.map((r) => r.name),
  );
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f) && !applied.has(f))
    .sort();
}
