import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { createTestDatabase } from "../../test/database.ts";
import { buildStaffedTeam } from "../../test/factories.ts";
import { withActor } from "../context.ts";
import type { Database } from "../db/database.ts";
import { sealAuditEvents, verifyAuditChain } from "./chain.ts";

/** The hash chain must detect any change, removal or reordering of sealed events. */
describe("audit hash chain", () => {
  let database: Database;
  let municipalityId: string;

  before(async () => {
    database = await createTestDatabase();
    const a = await buildStaffedTeam(database.db);
    const b = await buildStaffedTeam(database.db);
    municipalityId = a.municipality.id;
    for (const [team, n] of [
      [a, 5],
      [b, 3],
    ] as const) {
      const user = await team.member();
      const actor = {
        userId: user.id,
        municipalityId: team.municipality.id,
        role: "professional" as const,
        displayName: user.displayName,
        organisationId: team.organisation.id,
        teamIds: [team.team.id],
      };
      for (let i = 0; i < n; i++) {
        await withActor(database.db, actor, { clientIp: "127.0.0.1" }, (ctx) =>
          ctx.audit({
            action: "team.viewed",
            resourceType: "team",
            resourceId: team.team.id,
            teamId: team.team.id,
            details: { i },
          }),
        );
      }
    }
  });
  after(() => database.close());

  test("seals every event once, one chain per municipality, and verifies clean", async () => {
    assert.equal(await sealAuditEvents(database.db), 8);
    assert.equal(await sealAuditEvents(database.db), 0);
    const result = await verifyAuditChain(database.db);
    assert.equal(result.checked, 8);
    assert.deepEqual(result.problems, []);
  });

  test("detects an altered event", async () => {
    await sql`update audit_event set client_ip = '10.0.0.1' where municipality_id = ${municipalityId} and chain_position = 3`.execute(
      database.db,
    );
    const { problems } = await verifyAuditChain(database.db);
    assert.deepEqual(
      problems.map((p) => [p.position, p.problem]),
      [[3, "hashMismatch"]],
    );
    await sql`update audit_event set client_ip = '127.0.0.1' where municipality_id = ${municipalityId} and chain_position = 3`.execute(
      database.db,
    );
    assert.deepEqual((await verifyAuditChain(database.db)).problems, []);
  });

  test("detects a removed event in the middle and at the end", async () => {
    const rows = await sql<{
      id: number;
    }>`select id from audit_event where municipality_id = ${municipalityId} order by chain_position`.execute(
      database.db,
    );
    const middle = rows.rows[1]?.id;
    await sql`delete from audit_event where municipality_id = ${municipalityId} and id = ${middle}`.execute(
      database.db,
    );
    assert.equal((await verifyAuditChain(database.db)).problems[0]?.problem, "gap");
  });
});
