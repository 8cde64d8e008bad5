import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { type Kysely, sql } from "kysely";
import { createTestDatabase, openAppLogin } from "../../test/database.ts";
import { buildStaffedTeam } from "../../test/factories.ts";
import { withActor } from "../context.ts";
import type { Database } from "../db/database.ts";
import { loginPowers } from "../db/logins.ts";
import type { DB } from "../db/schema.ts";
import { sealAuditEvents, verifyAuditChain } from "./chain.ts";
import { AuditWitness } from "./witness.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_seal_audit, app_unsealed_municipalities.

/**
 * Issue 18: an audit chain no single login can rewrite. The application's login cannot change sealed
 * events or the head at all; the owner can, but the head written out at every sealing (signed, outside
 * the database) shows it: deleting the tail, rewinding the head, truncating and re-hashing are found.
 */
describe("the audit chain against whoever holds a database login", () => {
  let owner: Database;
  let app: Database;
  let witness: AuditWitness;
  let witnessDir: string;
  let ids: string[];

  /** A municipality with n sealed events (its own chain, so each attack has one to itself). */
  async function chainOf(n: number): Promise<string> {
    const team = await buildStaffedTeam(owner.db);
    const user = await team.member();
    const actor = {
      userId: user.id,
      municipalityId: team.municipality.id,
      role: "professional" as const,
      displayName: user.displayName,
      organisationId: team.organisation.id,
      teamIds: [team.team.id],
    };
    for (let i = 0; i < n; i++)
      await withActor(app.db, actor, { clientIp: "127.0.0.1" }, (ctx) =>
        ctx.audit({ action: "team.viewed", resourceType: "team", resourceId: team.team.id, details: { i } }),
      );
    await sealAuditEvents(app.db, witness);
    return team.municipality.id;
  }

  const problemsOf = async (
    municipalityId: string,
    db: Kysely<DB> = owner.db,
    w: AuditWitness | null = witness,
  ) =>
    (await verifyAuditChain(db, w ?? undefined)).problems
      .filter((p) => p.municipalityId === municipalityId)
      .map((p) => p.problem);

  before(async () => {
    owner = await createTestDatabase();
    app = await openAppLogin(owner);
    witnessDir = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-witness-test-"));
    witness = new AuditWitness(witnessDir, "test-key-".padEnd(48, "x"));
    ids = [];
    for (let i = 0; i < 6; i++) ids.push(await chainOf(10));
  });
  after(async () => {
    await app.close();
    await owner.close();
    fs.rmSync(witnessDir, { recursive: true, force: true });
  });

  test("the application connects with a login that owns nothing and bypasses nothing", async () => {
    const powers = await loginPowers(app);
    assert.equal(powers.user, "wijkwerk_service");
    assert.deepEqual([powers.superuser, powers.bypassRls, powers.ownedTables], [false, false, 0]);
  });

  test("that login cannot delete, change or truncate the trail, nor move the head, also after RESET ROLE", async () => {
    const [m] = ids;
    const refused = async (statement: string) => {
      await assert.rejects(
        app.db.transaction().execute(async (trx) => {
          await sql.raw("reset role").execute(trx);
          await sql.raw(statement).execute(trx);
        }),
        /permission denied|must be owner/,
        statement,
      );
    };
    await refused(`delete from audit_event where municipality_id = '${m}'`);
    await refused(`update audit_event set details = '{}' where municipality_id = '${m}'`);
    await refused(`update audit_chain_head set position = 0 where municipality_id = '${m}'`);
    await refused("truncate audit_event, audit_chain_head");
    await refused("alter table audit_event disable row level security");
    await refused(`insert into audit_event (municipality_id, action, resource_type, chain_position, hash)
      values ('${m}', 'team.viewed', 'team', 11, 'forged')`);
    await refused(`insert into audit_event (municipality_id, action, resource_type, occurred_at)
      values ('${m}', 'team.viewed', 'team', now() - interval '1 year')`);
    assert.deepEqual(await problemsOf(m as string), []);
  });

  test("the owner deletes the last events and rewinds the head: the chain alone looks fine, the witness does not", async () => {
    const m = ids[1] as string;
    await sql`delete from audit_event where municipality_id = ${m} and chain_position > 7`.execute(owner.db);
    await sql`update audit_chain_head h set position = 7, hash = e.hash from audit_event e
      where h.municipality_id = ${m} and e.municipality_id = ${m} and e.chain_position = 7`.execute(owner.db);
    assert.deepEqual(await problemsOf(m, owner.db, null), [], "without the witness this went unseen");
    assert.deepEqual(await problemsOf(m), ["witnessAhead"]);
  });

  test("the owner truncates the trail: found", async () => {
    const m = ids[2] as string;
    await sql`delete from audit_event where municipality_id = ${m}`.execute(owner.db);
    await sql`delete from audit_chain_head where municipality_id = ${m}`.execute(owner.db);
    assert.deepEqual(await problemsOf(m), ["witnessAhead"]);
  });

  test("the owner changes an event and re-hashes the chain after it: found", async () => {
    const m = ids[3] as string;
    await sql`update audit_event set details = '{"i": 99}', chain_position = null, hash = null
      where municipality_id = ${m} and chain_position >= 4`.execute(owner.db);
    await sql`update audit_chain_head h set position = 3, hash = e.hash from audit_event e
      where h.municipality_id = ${m} and e.municipality_id = ${m} and e.chain_position = 3`.execute(owner.db);
    // Re-sealed without the witness (the forger's own sealer): a consistent, forged chain.
    await sealAuditEvents(owner.db);
    assert.deepEqual(await problemsOf(m, owner.db, null), []);
    assert.deepEqual(await problemsOf(m), ["witnessMismatch"]);
  });

  test("after a rewind the application's sealer keeps the witnessed head and raises the alarm", async () => {
    const m = ids[4] as string;
    await sql`delete from audit_event where municipality_id = ${m} and chain_position > 5`.execute(owner.db);
    await sql`update audit_chain_head h set position = 5, hash = e.hash from audit_event e
      where h.municipality_id = ${m} and e.municipality_id = ${m} and e.chain_position = 5`.execute(owner.db);
    const before = await witness.read(m);
    await sql`insert into audit_event (municipality_id, action, resource_type) values (${m}, 'team.viewed', 'team')`.execute(
      owner.db,
    );
    const alarms: string[] = [];
    await sealAuditEvents(app.db, witness, (municipalityId) => alarms.push(municipalityId));
    assert.deepEqual(alarms, [m]);
    assert.deepEqual(await witness.read(m), before, "the evidence is not overwritten");
    assert.deepEqual(await problemsOf(m), ["witnessAhead"]);
  });

  test("a witness file edited without the key is refused", async () => {
    const m = ids[5] as string;
    const file = path.join(witnessDir, `${m}.json`);
    const head = JSON.parse(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, JSON.stringify({ ...head, position: 2 }));
    assert.deepEqual(await problemsOf(m), ["witnessInvalid"]);
    fs.writeFileSync(file, JSON.stringify(head));
    assert.deepEqual(await problemsOf(m), []);
  });
});
