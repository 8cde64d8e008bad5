import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { Database } from "../../platform/db/database.ts";
import { createTestDatabase } from "../../test/database.ts";
import { PERSONAL_COLUMNS, RETENTION_TABLES } from "./retention.rules.ts";
import { retentionCoverage } from "./schemaCatalogue.ts";

/** Schema-driven: a table with personal data that no retention rule covers fails this test. */
describe("every table has a retention rule", () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  test("the schema and retention.rules.ts agree", async () => {
    const coverage = await retentionCoverage(database.db, RETENTION_TABLES, PERSONAL_COLUMNS);
    assert.deepEqual(coverage, {
      undeclared: [],
      personalWithoutRule: [],
      householdNotRemoved: [],
      stale: [],
    });
    for (const [table, rule] of Object.entries(RETENTION_TABLES)) {
      const reasons = [rule.kept, rule.notPersonal].filter((r): r is string => r !== undefined);
      for (const reason of reasons) assert.ok(reason.trim().length >= 5, `${table}: say why`);
      assert.ok(rule.kinds?.length || reasons.length > 0, table);
    }
  });

  test("a new table with personal data and no rule makes it fail", async () => {
    await sql`create table retention_probe (municipality_id uuid, household_id uuid, note text)`.execute(
      database.db,
    );
    const coverage = await retentionCoverage(database.db, RETENTION_TABLES, PERSONAL_COLUMNS);
    assert.deepEqual(coverage.undeclared, ["retention_probe"]);
    const declaredWithoutRule = await retentionCoverage(
      database.db,
      { ...RETENTION_TABLES, retention_probe: { notPersonal: "Beweert ten onrechte niets over personen." } },
      PERSONAL_COLUMNS,
    );
    assert.deepEqual(declaredWithoutRule.personalWithoutRule, ["retention_probe"]);
    assert.deepEqual(declaredWithoutRule.householdNotRemoved, ["retention_probe"]);
    await sql`drop table retention_probe`.execute(database.db);
  });
});
