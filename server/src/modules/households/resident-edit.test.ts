import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildDossierWorld, member } from "./dossier.factories.ts";

/**
 * In an integrated team every member reads the caseload, but only the case lead, involved
 * professionals and the team lead change it. A reader's save is refused as such (403), never
 * reported as somebody else's change (409), and the dossier tells the UI not to offer editing.
 */
describe("editing a resident in an integrated team", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildDossierWorld>>;
  let householdId = "";
  let residentId = "";

  before(async () => {
    t = await createTestApp();
    world = await buildDossierWorld(t.database.db);
    const worker = await logInAs(t.app, world.worker.username);
    householdId = (await worker.post("/api/households", { members: [member()] })).json().id;
    await worker.post(`/api/households/${householdId}/cases`, {
      caseLeadUserId: world.worker.id,
      allocationGrounds: "Aanmelding via de huisarts",
    });
    residentId = (await worker.get(`/api/households/${householdId}`)).json().members[0].id;
  });
  after(() => t.close());

  const body = (version: number, over: Record<string, unknown> = {}) => {
    const { relation: _r, isMainContact: _m, ...resident } = member(over);
    return { ...resident, version };
  };

  test("a team colleague who is not involved reads the dossier but may not change it", async () => {
    const colleague = await logInAs(t.app, world.colleague.username);
    const dossier = await colleague.get(`/api/households/${householdId}`);
    assert.equal(dossier.statusCode, 200);
    assert.equal(dossier.json().allowed.write, false);
    const res = await colleague.request(
      "PUT",
      `/api/residents/${residentId}`,
      body(1, { phone: "06-99999999" }),
    );
    assert.equal(res.statusCode, 403, res.body);
    assert.match(res.json().message, /niet wijzigen/);
  });

  test("the case lead changes the resident, and a stale version is a conflict", async () => {
    const worker = await logInAs(t.app, world.worker.username);
    assert.equal((await worker.get(`/api/households/${householdId}`)).json().allowed.write, true);
    const ok = await worker.request("PUT", `/api/residents/${residentId}`, body(1, { phone: "06-11111111" }));
    assert.equal(ok.statusCode, 200, ok.body);
    const stale = await worker.request(
      "PUT",
      `/api/residents/${residentId}`,
      body(1, { phone: "06-22222222" }),
    );
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error, "concurrentChange");
  });

  test("a housemate at the same address is no duplicate; the same person twice still is", async () => {
    const worker = await logInAs(t.app, world.worker.username);
    const child = member({
      givenName: "Noah",
      birthDate: "2015-09-01",
      bsn: null,
      relation: "child",
      isMainContact: false,
      email: null,
    });
    const added = await worker.post(`/api/households/${householdId}/members`, child);
    assert.equal(added.statusCode, 201, added.body);
    const again = await worker.post(`/api/households/${householdId}/members`, child);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, "possibleDuplicate");
  });
});
