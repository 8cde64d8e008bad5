import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { member } from "../../modules/households/dossier.factories.ts";
import { buildPrivacyWorld } from "../../modules/privacy/privacy.fixtures.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMunicipality, buildUser } from "../../test/factories.ts";

/**
 * A refusal is news (issue 15): refused and failed attempts are audited — who, which route, which id,
 * why — in a transaction of their own, so the rollback of the request does not erase them; a duplicate
 * check that looked into other households is on record even when the registration is refused; and the
 * administrator sees repeated refusals per user as a possible snooping alert.
 */
describe("refusals are audited in their own transaction", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;
  let admin: Client;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
    admin = await logInAs(t.app, w.users.administrator.username);
  });
  after(() => t.close());

  const refusalsOf = (userId: string) =>
    t.database.db
      .selectFrom("auditEvent")
      .select(["resourceId", "householdId", "details"])
      .where("action", "=", "access.refused")
      .where("actorUserId", "=", userId)
      .orderBy("id")
      .execute();

  test("trying other households' and another municipality's ids: each 404 is on record", async () => {
    const other = await buildMunicipality(t.database.db);
    const stranger = await buildUser(t.database.db, other.id, { role: "professional" });
    const s = await logInAs(t.app, stranger.username);
    const tried = [w.dossiers.integrated.householdId, w.dossiers.network.householdId, randomUUID()];
    for (const id of tried) assert.equal((await s.get(`/api/households/${id}`)).statusCode, 404);
    const rows = await refusalsOf(stranger.id);
    assert.deepEqual(
      rows.map((r) => r.householdId),
      tried,
    );
    const details = rows[0]?.details as { route: string; status: number; method: string };
    assert.equal(details.route, "/api/households/:id");
    assert.equal(details.status, 404);
  });

  test("a network professional opening another team's dossier, and a reader writing: both audited", async () => {
    const networkOther = await logInAs(t.app, w.users.networkOther.username);
    assert.equal(
      (await networkOther.get(`/api/households/${w.dossiers.integrated.householdId}`)).statusCode,
      404,
    );
    const colleague = await logInAs(t.app, w.users.colleague.username);
    const write = await colleague.post(`/api/households/${w.dossiers.integrated.householdId}/journal`, {
      kind: "phoneCall",
      occurredOn: "2026-01-02",
      text: "Gebeld",
    });
    assert.equal(write.statusCode, 403);
    assert.equal(write.json().error, "accessLevel");
    assert.match(write.json().message, /inzien, maar niet wijzigen/);
    assert.equal((await refusalsOf(w.users.networkOther.id)).length, 1);
    const [refused] = await refusalsOf(w.users.colleague.id);
    assert.equal((refused?.details as { code?: string } | undefined)?.code, "accessLevel");
    assert.equal(refused?.householdId, w.dossiers.integrated.householdId);
    // A role without the permission at all: refused before any query, and audited too.
    const partner = await logInAs(t.app, w.users.partner.username);
    assert.equal((await partner.get(`/api/households/${w.dossiers.integrated.householdId}`)).statusCode, 403);
    assert.equal((await refusalsOf(w.users.partner.id)).length, 1);
  });

  test("a BSN typed into a registration is no silent oracle: the check is audited though nothing is saved", async () => {
    const networkOther = await logInAs(t.app, w.users.networkOther.username);
    const known = await t.database.db
      .selectFrom("resident")
      .select("bsn")
      .where("id", "=", w.dossiers.integrated.residentId)
      .executeTakeFirstOrThrow();
    const bsn = known.bsn ?? "111222333";
    if (!known.bsn)
      await t.database.db
        .updateTable("resident")
        .set({ bsn })
        .where("id", "=", w.dossiers.integrated.residentId)
        .execute();
    const res = await networkOther.post("/api/households", {
      members: [
        member({ familyName: "Proef", bsn, postcode: null, houseNumber: null, neighbourhoodCode: null }),
      ],
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error, "possibleDuplicate");
    const checks = await t.database.db
      .selectFrom("auditEvent")
      .select(["householdId", "details"])
      .where("action", "=", "household.duplicateChecked")
      .where("actorUserId", "=", w.users.networkOther.id)
      .execute();
    assert.deepEqual(
      checks.map((c) => c.householdId),
      [w.dossiers.integrated.householdId],
    );
    assert.deepEqual((checks[0]?.details as { reasons?: string[] } | undefined)?.reasons, ["bsn"]);
    const households = await t.database.db
      .selectFrom("resident")
      .select("id")
      .where("familyName", "=", "Proef")
      .execute();
    assert.equal(households.length, 0, "nothing of the refused registration is saved");
  });

  test("the administrator sees repeated refusals per user, with an alert for what reads like snooping", async () => {
    const snoop = await buildUser(t.database.db, w.municipality.id, {
      role: "professional",
      organisationId: w.organisations.welfare.id,
    });
    const s = await logInAs(t.app, snoop.username);
    for (let i = 0; i < 12; i++) await s.get(`/api/households/${randomUUID()}`);
    const res = await admin.get("/api/audit-events/refusals?days=1");
    assert.equal(res.statusCode, 200, res.body);
    const row = res.json().items.find((r: { userId: string }) => r.userId === snoop.id);
    assert.equal(row.refusals, 12);
    assert.equal(row.distinctTargets, 12);
    assert.equal(row.alert, true);
    const once = res.json().items.find((r: { userId: string }) => r.userId === w.users.networkOther.id);
    assert.equal(once.alert, false);
    // One by one too: what was tried, by whom, and the answer (the screen translates route and status).
    const tried = res.json().recent.find((r: { userId: string }) => r.userId === w.users.networkOther.id);
    assert.equal(tried.method, "GET");
    assert.equal(tried.route, "/api/households/:id");
    assert.equal(tried.status, 404);
    assert.equal(tried.householdId, w.dossiers.integrated.householdId);
    assert.equal(res.json().recent.filter((r: { userId: string }) => r.userId === snoop.id).length, 12);
    const lead = await logInAs(t.app, w.users.integratedLead.username);
    assert.equal((await lead.get("/api/audit-events/refusals")).statusCode, 403);
  });
});
