import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { createTestDatabase } from "../../test/database.ts";
import type { Database } from "./database.ts";

/**
 * The schema can be distributed by tenant (Citus, docs/SCALING.md): every table carries municipality_id
 * in its primary key and in every foreign key, so a row and everything it references live on the same
 * shard. The tables below are the exceptions, each with the reason; a new table must either carry the
 * key or be added here on purpose.
 */
export const TABLES_WITHOUT_TENANT_KEY: Record<string, string> = {
  municipality: "the tenant itself (distribution column id)",
  schema_migration: "migration bookkeeping of the database",
  schema_repeatable: "which repeatable SQL files (functions, policies) were applied",
  rate_limit_bucket: "counters of rate limits; keys are hashes, counted before any municipality is known",
  area_location: "CBS label points of all areas: a reference table, the same for every municipality",
  job_run: "background job history of the platform; jobs work across municipalities",
};

describe("tenant keys", () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  test("every table has municipality_id in its primary key and in each foreign key, except the listed ones", async () => {
    const { rows } = await sql<{
      table: string;
      kind: string;
      name: string;
      columns: string[];
      references: string | null;
    }>`
      select c.conrelid::regclass::text as table, c.contype as kind, c.conname as name,
        array(select a.attname::text from unnest(c.conkey) k join pg_attribute a
          on a.attrelid = c.conrelid and a.attnum = k) as columns,
        c.confrelid::regclass::text as references
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and c.contype in ('p', 'f') and t.relkind in ('r', 'p')`.execute(
      database.db,
    );
    const { rows: tables } = await sql<{ table: string }>`
      select table_name as table from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(database.db);
    const problems: string[] = [];
    for (const { table } of tables) {
      if (table in TABLES_WITHOUT_TENANT_KEY) continue;
      const pk = rows.find((r) => r.table === table && r.kind === "p");
      if (!pk) problems.push(`${table}: no primary key`);
      else if (!pk.columns.includes("municipality_id"))
        problems.push(`${table}: primary key (${pk.columns})`);
      for (const fk of rows.filter((r) => r.table === table && r.kind === "f")) {
        const target = String(fk.references).replace(/^public\./, "");
        if (target in TABLES_WITHOUT_TENANT_KEY && target !== "municipality") continue;
        if (!fk.columns.includes("municipality_id"))
          problems.push(`${table}: foreign key ${fk.name} (${fk.columns}) → ${target}`);
      }
    }
    assert.deepEqual(problems, []);
    // The exceptions are real tables (a renamed one must not hide behind a stale entry).
    const names = new Set(tables.map((t) => t.table));
    for (const name of Object.keys(TABLES_WITHOUT_TENANT_KEY)) assert.ok(names.has(name), name);
  });
});
