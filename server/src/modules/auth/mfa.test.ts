import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Secret, TOTP } from "otpauth";
import { type Client, clientOf, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser, TEST_PASSWORD } from "../../test/factories.ts";

/** Issue 18: two-step verification that cannot be guessed, nor switched off from a taken-over session. */
describe("two-step verification", () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildStaffedTeam>>;

  before(async () => {
    t = await createTestApp();
    team = await buildStaffedTeam(t.database.db);
  });
  after(() => t.close());

  const passwordLogin = (username: string, ip = "127.0.0.1") =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: TEST_PASSWORD },
      remoteAddress: ip,
    });

  /** A user with 2FA on; returns the authenticator and a client of an active session. */
  async function withMfa() {
    const user = await team.member();
    const client = await logInAs(t.app, user.username);
    const setup = await client.post("/api/auth/mfa/setup", { password: TEST_PASSWORD });
    assert.equal(setup.statusCode, 200, setup.body);
    const totp = new TOTP({ secret: Secret.fromBase32(setup.json().secret) });
    const enabled = await client.post("/api/auth/mfa/enable", { code: totp.generate() });
    assert.equal(enabled.statusCode, 200, enabled.body);
    // Passing a second factor renews the session token (ASVS 7.2.4).
    assert.equal((await client.get("/api/teams")).statusCode, 401, "the token of before is ended");
    return {
      user,
      client: await clientOf(t.app, enabled),
      totp,
      recoveryCodes: enabled.json().recoveryCodes as string[],
    };
  }

  /** A code from a later time step, so it was not used before (a code works once). */
  const freshCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 30_000 });

  async function halfLoggedIn(username: string): Promise<Client> {
    const res = await passwordLogin(username);
    assert.deepEqual(res.json(), { status: "mfaRequired" });
    return clientOf(t.app, res);
  }

  test("wrong codes count per account across logins: logging in again buys no new budget", async () => {
    const { user } = await withMfa();
    const statuses: number[] = [];
    for (let login = 0; login < 3; login++) {
      const half = await halfLoggedIn(user.username);
      for (let i = 0; i < 3; i++)
        statuses.push((await half.post("/api/auth/mfa/verify", { code: "000000" })).statusCode);
    }
    assert.deepEqual(statuses.slice(0, 6), [400, 400, 400, 400, 400, 400]);
    assert.ok(
      statuses.slice(6).every((s) => s === 429),
      `after six wrong codes: ${statuses}`,
    );
    const notices = await t.database.db
      .selectFrom("outboxMessage")
      .select("subject")
      .where("recipientUserId", "=", user.id)
      .where("kind", "=", "securityNotice")
      .execute();
    assert.ok(
      notices.some((n) => /Verkeerde codes/.test(n.subject)),
      "the holder is told their password is known",
    );
  });

  test("setting up again from an active session needs password and code, and never switches 2FA off", async () => {
    const { user, client, totp, recoveryCodes } = await withMfa();
    const bare = await client.post("/api/auth/mfa/setup", {});
    assert.equal(bare.statusCode, 403);
    const passwordOnly = await client.post("/api/auth/mfa/setup", { password: TEST_PASSWORD });
    assert.equal(passwordOnly.statusCode, 403, "with 2FA on, a code is needed as well");
    assert.deepEqual((await passwordLogin(user.username)).json(), { status: "mfaRequired" });

    const proven = await client.post("/api/auth/mfa/setup", {
      password: TEST_PASSWORD,
      code: freshCode(totp),
    });
    assert.equal(proven.statusCode, 200);
    assert.deepEqual(
      (await passwordLogin(user.username)).json(),
      { status: "mfaRequired" },
      "a started but unconfirmed new secret leaves the old one on",
    );
    // Only the steps around now are valid and each once: the next login uses a recovery code.
    const half = await halfLoggedIn(user.username);
    assert.equal((await half.post("/api/auth/mfa/verify", { code: recoveryCodes[0] })).statusCode, 200);
  });

  test("recovery codes: shown once, stored hashed, each works once, and the holder is told", async () => {
    const { user, recoveryCodes } = await withMfa();
    assert.equal(new Set(recoveryCodes).size, 10);
    const stored = await t.database.db
      .selectFrom("mfaRecoveryCode")
      .select("codeHash")
      .where("userId", "=", user.id)
      .execute();
    assert.equal(stored.length, 10);
    for (const code of recoveryCodes)
      assert.ok(!stored.some((s) => s.codeHash.includes(code.replace("-", ""))));

    const [first] = recoveryCodes;
    const half = await halfLoggedIn(user.username);
    assert.equal((await half.post("/api/auth/mfa/verify", { code: first?.toLowerCase() })).statusCode, 200);
    const again = await halfLoggedIn(user.username);
    assert.equal((await again.post("/api/auth/mfa/verify", { code: first })).statusCode, 400);
    const left = await (await logInWithCode(user.username, recoveryCodes[1] ?? "")).get(
      "/api/auth/mfa/recovery-codes",
    );
    assert.deepEqual(left.json(), { left: 8 });
  });

  async function logInWithCode(username: string, code: string): Promise<Client> {
    const half = await halfLoggedIn(username);
    const verified = await half.post("/api/auth/mfa/verify", { code });
    assert.equal(verified.statusCode, 200);
    assert.equal(
      (await half.get("/api/auth/session")).statusCode,
      401,
      "a new token after the second factor",
    );
    return clientOf(t.app, verified);
  }

  test("removing 2FA and renewing recovery codes need the current password and a current code", async () => {
    const { user, client, totp, recoveryCodes } = await withMfa();
    assert.equal((await client.post("/api/auth/mfa/disable", { password: TEST_PASSWORD })).statusCode, 403);
    assert.equal(
      (await client.post("/api/auth/mfa/disable", { password: "niet-het-wachtwoord", code: freshCode(totp) }))
        .statusCode,
      403,
    );
    const renewed = await client.post("/api/auth/mfa/recovery-codes", {
      password: TEST_PASSWORD,
      code: freshCode(totp),
    });
    assert.equal(renewed.statusCode, 200);
    assert.notDeepEqual(renewed.json().recoveryCodes, recoveryCodes);
    const off = await client.post("/api/auth/mfa/disable", {
      password: TEST_PASSWORD,
      code: renewed.json().recoveryCodes[0],
    });
    assert.equal(off.statusCode, 204);
    assert.deepEqual((await passwordLogin(user.username)).json(), { status: "ok" });
  });

  test("the administrator resets a user's 2FA: audited, the user is told, their sessions end", async () => {
    const admin = await buildUser(t.database.db, team.municipality.id, { role: "administrator" });
    const { user, client } = await withMfa();
    const adminClient = await logInAs(t.app, admin.username);
    const reset = await adminClient.post(`/api/users/${user.id}/mfa/reset`);
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal(reset.json().mfaEnabled, false);
    assert.equal((await client.get("/api/teams")).statusCode, 401, "the user's sessions ended");
    assert.deepEqual((await passwordLogin(user.username)).json(), { status: "ok" });
    const events = await t.database.db
      .selectFrom("auditEvent")
      .select(["action", "actorUserId"])
      .where("resourceId", "=", user.id)
      .where("action", "=", "user.mfaReset")
      .execute();
    assert.deepEqual(events, [{ action: "user.mfaReset", actorUserId: admin.id }]);
    const notice = await t.database.db
      .selectFrom("outboxMessage")
      .select("subject")
      .where("recipientUserId", "=", user.id)
      .where("subject", "like", "%gereset%")
      .execute();
    assert.equal(notice.length, 1);
    const codes = await t.database.db
      .selectFrom("mfaRecoveryCode")
      .select("codeHash")
      .where("userId", "=", user.id)
      .execute();
    assert.equal(codes.length, 0);
  });
});
