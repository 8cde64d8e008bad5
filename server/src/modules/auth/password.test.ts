import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { passwordProblem } from "../../platform/auth/password.ts";
import { issuePasswordSetup } from "../../platform/auth/password-setup.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser, TEST_PASSWORD } from "../../test/factories.ts";

/** Issue 18: ASVS level 2 passwords, changing one's own, and one-time set-password links. */
describe("password rules", () => {
  test("refuses short, common, breached and predictable passwords; no rules about kinds of characters", () => {
    for (const weak of [
      "aaaaaaaaaaaa",
      "123456789012",
      "Welkom123456",
      "wachtwoord2024",
      "qwertyuiopas",
      "Password1234!",
    ])
      assert.ok(passwordProblem(weak), `${weak} must be refused`);
    assert.match(passwordProblem("kort") ?? "", /minstens 12 tekens/);
    assert.ok(passwordProblem("pietjansen1980", ["pietjansen", "Piet Jansen"]), "the account's own name");
    for (const strong of [TEST_PASSWORD, "fiets regen koffie zolder", "zonder hoofdletters of cijfers"])
      assert.equal(passwordProblem(strong), undefined, strong);
  });
});

describe("changing one's own password", () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildStaffedTeam>>;
  before(async () => {
    t = await createTestApp();
    team = await buildStaffedTeam(t.database.db);
  });
  after(() => t.close());

  test("needs the current password, refuses a weak new one, ends other sessions and tells the holder", async () => {
    const user = await team.member();
    const here = await logInAs(t.app, user.username);
    const elsewhere = await logInAs(t.app, user.username);
    const newPassword = "vier gewone woorden volstaan";
    const wrong = await here.post("/api/auth/password", { currentPassword: "fout", newPassword });
    assert.equal(wrong.statusCode, 403);
    const weak = await here.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "Welkom123456",
    });
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().error, "weakPassword");
    const ok = await here.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword });
    assert.equal(ok.statusCode, 204, ok.body);
    assert.equal((await here.get("/api/teams")).statusCode, 200, "this session goes on");
    assert.equal((await elsewhere.get("/api/teams")).statusCode, 401, "other sessions end");
    await logInAs(t.app, user.username, newPassword);
    const notice = await t.database.db
      .selectFrom("outboxMessage")
      .select("subject")
      .where("recipientUserId", "=", user.id)
      .execute();
    assert.ok(notice.some((n) => /wachtwoord .* veranderd/.test(n.subject)));
  });
});

describe("one-time set-password links", () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildStaffedTeam>>;
  before(async () => {
    t = await createTestApp();
    team = await buildStaffedTeam(t.database.db);
  });
  after(() => t.close());

  const tokenOf = async (userId: string) => {
    const mail = await t.database.db
      .selectFrom("outboxMessage")
      .select("body")
      .where("recipientUserId", "=", userId)
      .where("kind", "=", "passwordSetup")
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
    const match = /\/wachtwoord-instellen#([A-Za-z0-9_-]{43})/.exec(mail.body);
    assert.ok(match, mail.body);
    return match[1] as string;
  };

  test("an administrator creates a user without a password; the user chooses it with the link, once", async () => {
    const admin = await buildUser(t.database.db, team.municipality.id, { role: "administrator" });
    const adminClient = await logInAs(t.app, admin.username);
    const withPassword = await adminClient.post("/api/users", {
      username: "nieuwecollega",
      displayName: "Nieuwe Collega",
      email: "nieuw@example.org",
      role: "professional",
      password: "Door de beheerder bedacht 1",
    });
    assert.equal(withPassword.statusCode, 400, "an administrator never sets a password");
    assert.equal(withPassword.json().error, "unknownField");
    const created = await adminClient.post("/api/users", {
      username: "nieuwecollega",
      displayName: "Nieuwe Collega",
      email: "nieuw@example.org",
      role: "professional",
    });
    assert.equal(created.statusCode, 201, created.body);
    const byAdmin = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nieuwecollega", password: "Door de beheerder bedacht 1" },
    });
    assert.equal(byAdmin.statusCode, 401, "an administrator never sets someone's password");

    const token = await tokenOf(created.json().id);
    const stored = await t.database.db.selectFrom("passwordSetupToken").select("tokenHash").execute();
    assert.ok(
      stored.every((s) => s.tokenHash !== token),
      "only the hash is stored",
    );
    const check = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-setup/check",
      payload: { token },
    });
    assert.deepEqual(check.json(), { username: "nieuwecollega" });
    const weak = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-setup",
      payload: { token, password: "nieuwecollega1" },
    });
    assert.equal(weak.statusCode, 422);
    const set = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-setup",
      payload: { token, password: "mijn eigen lange zin" },
    });
    assert.equal(set.statusCode, 204, set.body);
    await logInAs(t.app, "nieuwecollega", "mijn eigen lange zin");
    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-setup",
      payload: { token, password: "nog een andere lange zin" },
    });
    assert.equal(again.statusCode, 410);
  });

  test("a new link replaces the old one, links expire, and onboarding calls the same function", async () => {
    const user = await team.member();
    await t.database.db
      .updateTable("appUser")
      .set({ email: "x@example.org" })
      .where("id", "=", user.id)
      .execute();
    // Onboarding (another module) calls it with the application login, outside any request.
    await issuePasswordSetup(t.appDatabase.db, {
      municipalityId: team.municipality.id,
      userId: user.id,
      requestedByUserId: null,
    });
    const first = await tokenOf(user.id);
    const admin = await buildUser(t.database.db, team.municipality.id, { role: "administrator" });
    const adminClient = await logInAs(t.app, admin.username);
    const issued = await adminClient.post(`/api/users/${user.id}/password-setup`);
    assert.equal(issued.statusCode, 200, issued.body);
    const second = await tokenOf(user.id);
    const old = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-setup/check",
      payload: { token: first },
    });
    assert.equal(old.statusCode, 410);
    await issuePasswordSetup(
      t.appDatabase.db,
      { municipalityId: team.municipality.id, userId: user.id, requestedByUserId: admin.id },
      { now: new Date(Date.now() - 25 * 3_600_000) },
    );
    const expired = await tokenOf(user.id);
    const late = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-setup/check",
      payload: { token: expired },
    });
    assert.equal(late.statusCode, 410);
    assert.notEqual(second, expired);
    const events = await t.database.db
      .selectFrom("auditEvent")
      .select("actorUserId")
      .where("action", "=", "user.passwordSetupIssued")
      .where("resourceId", "=", user.id)
      .execute();
    assert.equal(events.length, 3);
  });
});
