import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildTeam, buildUser } from "../../test/factories.ts";
import { auditActions, buildOutsider, buildPortalWorld, logInResident } from "./portal.fixtures.ts";

describe("resident accounts and authorisations, managed by the case lead and the administrator", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  let lead: Client;
  let accounts: string;
  before(async () => {
    t = await createTestApp();
    world = await buildPortalWorld(t.database.db);
    lead = await logInAs(t.app, world.caseLead.username);
    accounts = `/api/portal-desk/households/${world.a.householdId}/resident-accounts`;
  });
  after(() => t.close());

  /** A professional of another team of the same municipality: sees neither household. */
  async function otherTeamProfessional() {
    const team = await buildTeam(t.database.db, world.municipality.id);
    const user = await buildOutsider(t.database.db, world.municipality.id, world.organisation.id, team.id);
    return logInAs(t.app, user.username);
  }

  test("the case lead gives a household member an account; the member logs in with a code and sees the household", async () => {
    const desk = (await lead.get(`/api/portal-desk/cases/${world.a.caseId}`)).json();
    const mert = desk.members.find((m: { residentId: string }) => m.residentId === world.a.childId);
    assert.equal(mert.account, null);
    const created = await lead.post(accounts, {
      residentId: world.a.childId,
      username: "Mert.Aydin",
      email: "mert@example.org",
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().username, "mert.aydin");
    const again = await lead.post(accounts, {
      residentId: world.a.childId,
      username: "mert.aydin2",
      email: "mert@example.org",
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, "accountExists");
    const mertClient = await logInResident(t.app, t.database.db, "mert.aydin");
    const overview = await mertClient.get(`/api/portal/households/${world.a.householdId}`);
    assert.equal(overview.statusCode, 200, overview.body);
    assert.equal(overview.json().actingAs, "self");
    assert.equal((await mertClient.get(`/api/portal/households/${world.b.householdId}`)).statusCode, 404);
    const linked = await auditActions(t.database.db, "portal.accountLinked");
    assert.equal(linked.at(-1)?.residentId, world.a.childId);
    assert.equal(linked.at(-1)?.actorUserId, world.caseLead.id);
  });

  test("an account only for a member of a household the professional sees, with a valid, free username", async () => {
    const otherTeam = await otherTeamProfessional();
    const hidden = await otherTeam.post(
      `/api/portal-desk/households/${world.b.householdId}/resident-accounts`,
      {
        residentId: world.b.residentId,
        username: "piet.x",
        email: "p@example.org",
      },
    );
    assert.equal(hidden.statusCode, 404, hidden.body);
    const notMember = await lead.post(accounts, {
      residentId: world.b.residentId,
      username: "piet.y",
      email: "p@example.org",
    });
    assert.equal(notMember.statusCode, 404);
    const bad = await lead.post(accounts, {
      residentId: world.a.childId,
      username: "a b!",
      email: "x@example.org",
    });
    assert.equal(bad.statusCode, 422);
    // Every member of household A has an account by now: a new one for Selin is refused either way.
    const taken = await lead.post(accounts, {
      residentId: world.a.residentId,
      username: world.usernameB,
      email: "p@example.org",
    });
    assert.equal(taken.statusCode, 409, taken.body);
  });

  test("the administrator lists resident accounts but links no login; a subject belongs to one account", async () => {
    const admin = await buildUser(t.database.db, world.municipality.id, { role: "administrator" });
    const adminClient = await logInAs(t.app, admin.username);
    const list = await adminClient.get("/api/portal-desk/resident-accounts");
    assert.equal(list.statusCode, 200, list.body);
    const a = list.json().find((x: { username: string }) => x.username === world.usernameA);
    assert.equal(a.oidcLinked, false);
    const url = (userId: string) => `/api/portal-desk/resident-accounts/${userId}/oidc-subject`;
    // Linking a login is work in the resident's dossier: the administrator has no access to it.
    assert.equal((await adminClient.post(url(a.userId), { oidcSubject: "digid-123" })).statusCode, 403);
    assert.equal((await lead.post(url(a.userId), { oidcSubject: "digid-123" })).statusCode, 200);
    const colleagueB = await logInAs(t.app, world.colleague.username);
    const dup = await colleagueB.post(url(world.b.userId ?? ""), { oidcSubject: "digid-123" });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error, "oidcSubjectTaken");
    assert.equal(
      (await lead.post(url(admin.id), { oidcSubject: "x" })).statusCode,
      404,
      "staff accounts are not linked here",
    );
    const after = (await adminClient.get("/api/portal-desk/resident-accounts")).json();
    assert.equal(after.find((x: { username: string }) => x.username === world.usernameA).oidcLinked, true);
    assert.equal((await lead.get("/api/portal-desk/resident-accounts")).statusCode, 403);
  });

  test("a linked login is never replaced silently: unlink first, and the resident is told", async () => {
    const url = `/api/portal-desk/resident-accounts/${world.a.userId}/oidc-subject`;
    const replaced = await lead.post(url, { oidcSubject: "digid-someone-else" });
    assert.equal(replaced.statusCode, 409);
    assert.equal(replaced.json().error, "oidcAlreadyLinked");
    const notices = async () =>
      (
        await t.database.db
          .selectFrom("outboxMessage")
          .select("body")
          .where("recipientUserId", "=", world.a.userId ?? "")
          .where("kind", "=", "accountChanged")
          .execute()
      ).length;
    const before = await notices();
    assert.equal((await lead.request("DELETE", url)).statusCode, 200);
    assert.equal(await notices(), before + 1, "the resident gets a notice");
    const unlinked = (await auditActions(t.database.db, "portal.accountUnlinked")).at(-1);
    assert.equal(unlinked?.householdId, world.a.householdId, "audited with the household");
    assert.equal((await lead.post(url, { oidcSubject: "digid-someone-else" })).statusCode, 200);
  });

  test("a revoked authorisation is refused in the portal and audited; revoking twice is a conflict", async () => {
    const created = await lead.post(`/api/portal-desk/households/${world.a.householdId}/representations`, {
      representedResidentId: world.a.childId,
      representativeUsername: world.usernameB,
      basis: "parent",
      validFrom: "2020-01-01",
      validUntil: "2099-12-31",
    });
    assert.equal(created.statusCode, 201, created.body);
    const representative = await logInResident(t.app, t.database.db, world.usernameB);
    const household = `/api/portal/households/${world.a.householdId}`;
    assert.equal((await representative.get(household)).statusCode, 200);
    const revokeUrl = `/api/portal-desk/households/${world.a.householdId}/representations/${created.json().id}/revoke`;
    const revoked = await lead.post(revokeUrl);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal((await lead.post(revokeUrl)).statusCode, 409);
    const refused = await representative.get(household);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error, "authorisationEnded");
    assert.equal(
      (await auditActions(t.database.db, "representation.revoked")).at(-1)?.resourceId,
      created.json().id,
    );
    const refusals = await auditActions(t.database.db, "portal.representationRefused");
    assert.equal(refusals.at(-1)?.actorUserId, world.b.userId);
    const desk = (await lead.get(`/api/portal-desk/cases/${world.a.caseId}`)).json();
    const shown = desk.representations.find((r: { id: string }) => r.id === created.json().id);
    assert.deepEqual([shown.active, shown.revoked], [false, true]);
    const other = await otherTeamProfessional();
    assert.equal((await other.post(revokeUrl)).statusCode, 404);
  });

  test("the case lead reads back their contact card, with whether a photo is set", async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    assert.equal((await lead.get("/api/portal-desk/profile")).json().hasPhoto, false);
    const saved = await lead.post("/api/portal-desk/profile", {
      phone: "030 123 45 67",
      photo: png.toString("base64"),
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual((await lead.get("/api/portal-desk/profile")).json(), {
      phone: "030 123 45 67",
      reachability: null,
      hasPhoto: true,
    });
  });
});
