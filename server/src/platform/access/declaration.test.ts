import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { createTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/database.ts";
import { MIGRATIONS_DIR, SQL_DIR } from "../db/migrate.ts";
import { generatePolicies } from "./policies.ts";
import { SECURITY_DEFINER_FUNCTIONS, TABLES, type TableRules, UNDECLARED_TABLES } from "./rules.ts";

/**
 * The declaration (rules.ts) is the only source of access rules: the generated file is current, the
 * live database has exactly the declared policies and grants, no table escapes it, and every function
 * that reads past row-level security is named together with the test that covers it.
 */
describe("the access declaration is what the database enforces", () => {
  let database: Database;
  const declared = TABLES as Record<string, TableRules>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  test("server/sql/policies.sql is generated from the declaration (npm run db:generate)", () => {
    const file = fs.readFileSync(path.join(SQL_DIR, "policies.sql"), "utf8");
    assert.equal(file, generatePolicies(), "policies.sql is out of date: run npm run db:generate");
  });

  test("every table is declared, and every declared table exists", async () => {
    const tables = (
      await sql<{
        name: string;
      }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(database.db)
    ).rows.map((r) => r.name);
    const undeclared = tables.filter(
      (t) => !(t in declared) && !(UNDECLARED_TABLES as readonly string[]).includes(t),
    );
    assert.deepEqual(undeclared, [], "tables without access rules in platform/access/rules.ts");
    assert.deepEqual(
      Object.keys(declared).filter((t) => !tables.includes(t)),
      [],
      "declared tables that do not exist",
    );
  });

  test("the live policies are the declared ones, read and write apart (no FOR ALL)", async () => {
    const live = (
      await sql<{ table: string; policy: string; command: string; permissive: string }>`
        select tablename as table, policyname as policy, cmd as command, permissive from pg_policies
        where schemaname = 'public' order by 1, 2`.execute(database.db)
    ).rows;
    assert.deepEqual(
      live.filter((p) => p.command === "ALL" || p.permissive !== "PERMISSIVE"),
      [],
      "a policy for all commands, or a restrictive one, outside the declaration",
    );
    const actions = ["read", "insert", "update", "delete"] as const;
    const expected = Object.entries(declared)
      .flatMap(([table, rules]) => [
        ...actions.filter((action) => rules[action].length > 0).map((action) => `${table}.${action}`),
        ...actions
          .filter((action) => rules.platform?.[action] !== undefined)
          .map((action) => `${table}.platform_${action}`),
      ])
      .sort();
    assert.deepEqual(live.map((p) => `${p.table}.${p.policy}`).sort(), expected);
    const rls = (
      await sql<{ name: string }>`select c.relname as name from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`.execute(database.db)
    ).rows.map((r) => r.name);
    assert.deepEqual(rls, [...UNDECLARED_TABLES].sort(), "tables without row-level security");
  });

  test("the request role and the application login hold exactly the declared grants", async () => {
    const names = { read: "SELECT", insert: "INSERT", update: "UPDATE", delete: "DELETE" } as const;
    const actions = Object.keys(names) as (keyof typeof names)[];
    for (const grantee of ["wijkwerk_app", "wijkwerk_service"] as const) {
      const grants = (
        await sql<{ table: string; privilege: string }>`
          select table_name as table, privilege_type as privilege from information_schema.role_table_grants
          where grantee = ${grantee}
          union
          select distinct table_name, privilege_type from information_schema.column_privileges
          where grantee = ${grantee}`.execute(database.db)
      ).rows.map((g) => `${g.table}.${g.privilege}`);
      const expected = Object.entries(declared).flatMap(([table, rules]) =>
        actions
          .filter((action) =>
            grantee === "wijkwerk_app" ? rules[action].length > 0 : rules.platform?.[action] !== undefined,
          )
          .map((action) => `${table}.${names[action]}`),
      );
      assert.deepEqual([...new Set(grants)].sort(), expected.sort(), grantee);
    }
  });

  test("every security-definer function is named in the declaration with a test that covers it", async () => {
    const live = (
      await sql<{ name: string }>`select p.proname as name from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosecdef order by 1`.execute(database.db)
    ).rows.map((r) => r.name);
    assert.deepEqual(live, Object.keys(SECURITY_DEFINER_FUNCTIONS).sort());
    for (const [name, testFile] of Object.entries(SECURITY_DEFINER_FUNCTIONS)) {
      const file = path.resolve(SQL_DIR, "..", "src", testFile);
      assert.ok(fs.existsSync(file), `${name}: ${testFile} does not exist`);
      assert.match(fs.readFileSync(file, "utf8"), new RegExp(name), `${testFile} does not mention ${name}`);
    }
  });

  test("the numbered migrations run 0001, 0002, … without a gap", () => {
    const numbers = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}_/.test(f))
      .map((f) => Number(f.slice(0, 4)))
      .sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => i + 1),
    );
  });

  test("functions and policies live in server/sql, not in new numbered migrations", () => {
    const later = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}_/.test(f) && Number(f.slice(0, 4)) > 25)
      .filter((f) =>
        /\b(CREATE (OR REPLACE )?FUNCTION|CREATE POLICY|ALTER POLICY)\b/i.test(
          fs.readFileSync(path.join(MIGRATIONS_DIR, f), "utf8"),
        ),
      );
    assert.deepEqual(later, [], "migrations that declare functions or policies (put them in server/sql)");
  });
});
