import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildUser } from "../../test/factories.ts";
import { buildPortalWorld, logInResident } from "./portal.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_portal_case_lead, app_portal_case_lead_photo.

// The smallest valid PNG header plus some bytes: enough for the type check.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

describe("case lead contact card and the municipality's name setting", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  before(async () => {
    t = await createTestApp();
    world = await buildPortalWorld(t.database.db);
  });
  after(() => t.close());

  test("a photo must be a real small image; the resident sees it, another household's resident does not", async () => {
    const lead = await logInAs(t.app, world.caseLead.username);
    const html = Buffer.from("<svg onload=alert(1)>").toString("base64");
    const wrongType = await lead.post("/api/portal-desk/profile", { photo: html });
    assert.equal(wrongType.statusCode, 422);
    assert.equal(wrongType.json().error, "invalidPhoto");
    const big = Buffer.concat([PNG, Buffer.alloc(210 * 1024)]).toString("base64");
    const tooBig = await lead.post("/api/portal-desk/profile", { photo: big });
    assert.equal(tooBig.statusCode, 422);
    assert.equal(tooBig.json().error, "photoTooLarge");
    const saved = await lead.post("/api/portal-desk/profile", {
      phone: "030 111 22 33",
      reachability: "Ma–do",
      photo: PNG.toString("base64"),
    });
    assert.equal(saved.statusCode, 200, saved.body);

    const resident = await logInResident(t.app, t.database.db, world.usernameA);
    const overview = (await resident.get(`/api/portal/households/${world.a.householdId}`)).json();
    assert.equal(overview.caseLead.hasPhoto, true);
    assert.equal(overview.caseLead.phone, "030 111 22 33");
    const photo = await resident.get(`/api/portal/households/${world.a.householdId}/case-lead/photo`);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers["content-type"], "image/png");
    assert.deepEqual(photo.rawPayload, PNG);

    const other = await logInResident(t.app, t.database.db, world.usernameB);
    assert.equal(
      (await other.get(`/api/portal/households/${world.a.householdId}/case-lead/photo`)).statusCode,
      404,
    );
    const ownLead = await other.get(`/api/portal/households/${world.b.householdId}/case-lead/photo`);
    assert.equal(ownLead.statusCode, 404, "their own case lead has no photo");
  });

  test("only an administrator chooses whether residents see professionals' names", async () => {
    const admin = await buildUser(t.database.db, world.municipality.id, { role: "administrator" });
    const client = await logInAs(t.app, admin.username);
    assert.equal((await client.get("/api/portal-settings")).json().showProfessionalNames, false);
    assert.equal(
      (await client.post("/api/portal-settings", { showProfessionalNames: true })).statusCode,
      200,
    );
    assert.equal((await client.get("/api/portal-settings")).json().showProfessionalNames, true);
    const lead = await logInAs(t.app, world.caseLead.username);
    assert.equal((await lead.post("/api/portal-settings", { showProfessionalNames: false })).statusCode, 403);
  });
});
