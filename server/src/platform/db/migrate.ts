import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import type { DB } from "./schema.ts";

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const MIGRATIONS_DIR = path.join(SERVER_DIR, "migrations");
export const SQL_DIR = path.join(SERVER_DIR, "sql");

/**
 * Brings the database up to date:
 * 1. the numbered files in server/migrations that have not run yet, each in its own transaction, in
 *    order. Forward-only: a file that ran is never edited; a change to tables is a new file;
 * 2. the repeatable files whose text changed since they were last applied: server/sql/functions/*.sql
 *    (one file per group of functions, each `CREATE OR REPLACE`), then server/sql/policies.sql
 *    (generated from the access declaration). A function or policy is changed in place and reviewed
 *    as a diff; no file re-declares another's function.
 */
export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR, sqlDir = SQL_DIR): Promise<string[]> {
  await sql`create table if not exists schema_migration (
    name text primary key, applied_at timestamptz not null default now())`.execute(db);
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
      // Serialise concurrent starts against one server.
      await sql`select pg_advisory_xact_lock(4242)`.execute(trx);
      const again = await sql`select 1 from schema_migration where name = ${file}`.execute(trx);
      if (again.rows.length > 0) return;
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migration (name) values (${file})`.execute(trx);
      ran.push(file);
    });
  }
  return [...ran, ...(await applyRepeatables(db, sqlDir))];
}

/** The repeatable files in the order they are applied: functions (by name), then the policies. */
export function repeatableFiles(sqlDir = SQL_DIR): string[] {
  const functions = fs
    .readdirSync(path.join(sqlDir, "functions"))
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => `functions/${f}`);
  return [...functions, "policies.sql"];
}

async function applyRepeatables(db: Kysely<DB>, sqlDir: string): Promise<string[]> {
  await sql`create table if not exists schema_repeatable (
    name text primary key, sha256 text not null, applied_at timestamptz not null default now())`.execute(db);
  const ran: string[] = [];
  for (const name of repeatableFiles(sqlDir)) {
    const text = fs.readFileSync(path.join(sqlDir, name), "utf8");
    const sha256 = createHash("sha256").update(text).digest("hex");
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(4242)`.execute(trx);
      const current = await sql<{
        sha256: string;
      }>`select sha256 from schema_repeatable where name = ${name}`.execute(trx);
      if (current.rows[0]?.sha256 === sha256) return;
      // Functions may name functions of a later file; they are resolved when called.
      await sql`set local check_function_bodies = off`.execute(trx);
      await sql.raw(text).execute(trx);
      await sql`insert into schema_repeatable (name, sha256) values (${name}, ${sha256})
        on conflict (name) do update set sha256 = excluded.sha256, applied_at = now()`.execute(trx);
      ran.push(name);
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
