import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Secret, TOTP } from "otpauth";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser, TEST_PASSWORD } from "../../test/factories.ts";

const login = (t: TestApp, username: string, password: string, ip = "127.0.0.1") =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: ip,
  });

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");

describe("authentication", () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildStaffedTeam>>;

  before(async () => {
    t = await createTestApp();
    team = await buildStaffedTeam(t.database.db);
  });
  after(() => t.close());

  test("logs in with the right password and answers who is logged in", async () => {
    const user = await team.member();
    const res = await login(t, user.username, TEST_PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok" });
    const cookie = res.cookies.find((c) => c.name === "wijkwerk_session");
    assert.ok(cookie?.httpOnly, "session cookie is httpOnly");
    assert.equal(cookie?.sameSite, "Lax");
    const me = await t.app.inject({ url: "/api/auth/session", headers: { cookie: cookieOf(res) } });
    assert.equal(me.json().user.username, user.username);
    assert.ok(me.json().permissions.includes("household.read"));
  });

  test("a wrong password and an unknown user get the same answer", async () => {
    const user = await team.member();
    const wrong = await login(t, user.username, "not the password", "10.1.0.1");
    const unknown = await login(t, "nobody-here", "not the password", "10.1.0.1");
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(wrong.json().message, "Gebruikersnaam of wachtwoord is onjuist.");
  });

  test("rate-limits one client address across accounts", async () => {
    let last = 0;
    for (let i = 0; i < 51; i++) last = (await login(t, `guess${i}`, "fout", "10.3.0.1")).statusCode;
    const res = await login(t, "guess-final", "fout", "10.3.0.1");
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers["retry-after"]) > 0);
    assert.ok([401, 429].includes(last));
  });

  test("refuses a state-changing request without or with a wrong CSRF token", async () => {
    const admin = await buildUser(t.database.db, team.municipality.id, { role: "administrator" });
    const client = await logInAs(t.app, admin.username);
    const none = await t.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: { cookie: client.cookie },
      payload: { name: "X", type: "welfare" },
    });
    assert.equal(none.statusCode, 403);
    assert.equal(none.json().error, "csrf");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: { cookie: client.cookie, "x-csrf-token": "fout" },
      payload: { name: "X", type: "welfare" },
    });
    assert.equal(wrong.statusCode, 403);
    const ok = await client.post("/api/organisations", { name: "X", type: "welfare" });
    assert.equal(ok.statusCode, 201);
  });

  test("logout ends the session on the server", async () => {
    const user = await team.member();
    const client = await logInAs(t.app, user.username);
    assert.equal((await client.post("/api/auth/logout")).statusCode, 204);
    const after = await client.get("/api/teams");
    assert.equal(after.statusCode, 401);
  });

  test("an idle session expires", async () => {
    const idle = await createTestApp({ sessionIdleMinutes: 0 });
    try {
      const user = await buildUser(
        idle.database.db,
        (await buildStaffedTeam(idle.database.db)).municipality.id,
      );
      const res = await login(idle, user.username, TEST_PASSWORD);
      await new Promise((r) => setTimeout(r, 5));
      const me = await idle.app.inject({ url: "/api/auth/session", headers: { cookie: cookieOf(res) } });
      assert.equal(me.statusCode, 401);
      assert.equal(me.json().error, "sessionExpired");
    } finally {
      await idle.close();
    }
  });

  test("disabling a user ends their sessions at once", async () => {
    const admin = await buildUser(t.database.db, team.municipality.id, { role: "administrator" });
    const user = await team.member();
    const victim = await logInAs(t.app, user.username);
    assert.equal((await victim.get("/api/teams")).statusCode, 200);
    const adminClient = await logInAs(t.app, admin.username);
    assert.equal((await adminClient.post(`/api/users/${user.id}/disable`)).statusCode, 200);
    assert.equal((await victim.get("/api/teams")).statusCode, 401);
    assert.equal((await login(t, user.username, TEST_PASSWORD)).statusCode, 401);
  });

  test("two-factor authentication: set up, required at next login, codes cannot be reused", async () => {
    const user = await team.member();
    const client = await logInAs(t.app, user.username);
    const setup = await client.post("/api/auth/mfa/setup", { password: TEST_PASSWORD });
    assert.equal(setup.statusCode, 200);
    const { secret, qrSvg } = setup.json();
    assert.match(qrSvg, /<svg/);
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    assert.equal((await client.post("/api/auth/mfa/enable", { code: "000000" })).statusCode, 400);
    const code = totp.generate();
    const enabled = await client.post("/api/auth/mfa/enable", { code });
    assert.equal(enabled.statusCode, 200);
    assert.equal(enabled.json().recoveryCodes.length, 10, "recovery codes are shown once, at enabling");

    const again = await login(t, user.username, TEST_PASSWORD);
    assert.deepEqual(again.json(), { status: "mfaRequired" });
    const cookie = cookieOf(again);
    const blocked = await t.app.inject({ url: "/api/teams", headers: { cookie } });
    assert.equal(blocked.statusCode, 401);
    assert.equal(blocked.json().error, "mfaRequired");
    const csrf = (await t.app.inject({ url: "/api/auth/session", headers: { cookie } })).json().csrfToken;
    const reused = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa/verify",
      headers: { cookie, "x-csrf-token": csrf },
      payload: { code },
    });
    assert.equal(reused.statusCode, 400, "the code used to enable cannot be used again");
    // The next time step gives a fresh code.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa/verify",
      headers: { cookie, "x-csrf-token": csrf },
      payload: { code: next },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(
      (await t.app.inject({ url: "/api/teams", headers: { cookie } })).statusCode,
      401,
      "token renewed",
    );
    const renewed = cookieOf(ok);
    assert.equal((await t.app.inject({ url: "/api/teams", headers: { cookie: renewed } })).statusCode, 200);
  });

  test("a municipality can require two factors for a role", async () => {
    const strict = await buildStaffedTeam(t.database.db);
    await t.database.db
      .updateTable("municipality")
      .set({ mfaRequiredRoles: ["teamLead"] })
      .where("id", "=", strict.municipality.id)
      .execute();
    const lead = await strict.member("teamLead");
    const res = await login(t, lead.username, TEST_PASSWORD);
    assert.deepEqual(res.json(), { status: "mfaSetupRequired" });
    const denied = await t.app.inject({ url: "/api/teams", headers: { cookie: cookieOf(res) } });
    assert.equal(denied.json().error, "mfaSetupRequired");
  });
});

describe("API behaviour at the edges", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("health reports the database", async () => {
    const res = await t.app.inject({ url: "/health" });
    assert.deepEqual(res.json(), { status: "ok", database: "ok" });
  });

  test("an unknown route is a JSON 404", async () => {
    const res = await t.app.inject({ url: "/api/bestaat-niet" });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error, "notFound");
  });

  test("a body that violates the schema is a 400 with details, and malformed JSON is a 400", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "" } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, "invalidRequest");
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    assert.equal(bad.statusCode, 400);
  });

  test("a form post (no JSON) to login is refused, which blocks login CSRF", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "username=a&password=b",
    });
    assert.equal(res.statusCode, 415);
  });

  test("the OpenAPI document is served", async () => {
    const res = await t.app.inject({ url: "/api/openapi.json" });
    assert.equal(res.json().openapi, "3.1.0");
    assert.ok(res.json().paths["/api/teams"]);
  });
});
