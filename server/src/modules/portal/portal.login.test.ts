import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildApp } from "../../app.ts";
import { testConfig } from "../../platform/config.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { auditActions, buildPortalWorld, latestCode, logInResident } from "./portal.fixtures.ts";

describe("resident login with a one-time code", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  before(async () => {
    t = await createTestApp();
    world = await buildPortalWorld(t.database.db);
  });
  after(() => t.close());

  const ask = (username: string) =>
    t.app.inject({ method: "POST", url: "/api/portal/login/code", payload: { username } });
  const login = (username: string, code: string) =>
    t.app.inject({ method: "POST", url: "/api/portal/login", payload: { username, code } });

  test("a code logs the resident in; the session is a resident's, with the portal permission", async () => {
    const client = await logInResident(t.app, t.database.db, world.usernameA);
    const session = (await client.get("/api/auth/session")).json();
    assert.equal(session.user.role, "resident");
    assert.equal(session.stage, "active");
    assert.deepEqual(session.permissions, ["portal.use"]);
    const me = (await client.get("/api/portal/me")).json();
    assert.equal(me.ownHouseholdId, world.a.householdId);
    const logins = await auditActions(t.database.db, "session.loggedIn");
    assert.ok(logins.some((e) => e.actorUserId === world.a.userId && e.details.method === "oneTimeCode"));
  });

  test("an unknown name gets the same answer as a known one, and no code is sent", async () => {
    const known = await ask(world.usernameB);
    const unknown = await ask("niemand-bekend");
    assert.equal(known.statusCode, 202);
    assert.equal(unknown.statusCode, 202);
    assert.equal(unknown.json().message, known.json().message);
    const forStaff = await ask(world.caseLead.username);
    assert.equal(forStaff.statusCode, 202);
    const staffCodes = await t.database.db
      .selectFrom("oneTimeCode")
      .select("id")
      .where("userId", "=", world.caseLead.id)
      .execute();
    assert.equal(staffCodes.length, 0, "staff accounts cannot log in with a mailed code");
  });

  test("a used code is refused the second time, and the refusal is audited", async () => {
    assert.equal((await ask(world.usernameA)).statusCode, 202);
    const code = await latestCode(t.database.db, world.usernameA);
    assert.equal((await login(world.usernameA, code)).statusCode, 200);
    const again = await login(world.usernameA, code);
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().error, "codeUsed");
    assert.match(again.json().message, /al gebruikt/);
    const refusals = await auditActions(t.database.db, "portal.codeRefused");
    assert.ok(refusals.some((e) => e.actorUserId === world.a.userId && e.details.reason === "codeUsed"));
  });

  test("an expired code is refused with a clear message", async () => {
    await ask(world.usernameA);
    const code = await latestCode(t.database.db, world.usernameA);
    await t.database.db
      .updateTable("oneTimeCode")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("userId", "=", world.a.userId ?? "")
      .where("usedAt", "is", null)
      .execute();
    const response = await login(world.usernameA, code);
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error, "codeExpired");
    assert.match(response.json().message, /verlopen/);
    const refusals = await auditActions(t.database.db, "portal.codeRefused");
    assert.ok(refusals.some((e) => e.details.reason === "codeExpired"));
  });

  test("after five wrong tries even the right code no longer works", async () => {
    await ask(world.usernameA);
    const code = await latestCode(t.database.db, world.usernameA);
    const wrong = code === "000000" ? "111111" : "000000";
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await login(world.usernameA, wrong)).statusCode);
    assert.deepEqual(answers, [401, 401, 401, 401, 429]);
    const right = await login(world.usernameA, code);
    assert.equal(right.statusCode, 429);
    assert.equal(right.json().error, "tooManyAttempts");
  });

  test("a new code replaces the previous one", async () => {
    await ask(world.usernameB);
    const first = await latestCode(t.database.db, world.usernameB);
    await ask(world.usernameB);
    const second = await latestCode(t.database.db, world.usernameB);
    assert.notEqual(first, second, "a new code is drawn");
    assert.equal((await login(world.usernameB, first)).statusCode, 401);
    assert.equal((await login(world.usernameB, second)).statusCode, 200);
  });

  test("only the hash of a code is stored", async () => {
    await ask(world.usernameB);
    const code = await latestCode(t.database.db, world.usernameB);
    const rows = await t.database.db.selectFrom("oneTimeCode").select("codeHash").execute();
    assert.ok(rows.every((r) => !r.codeHash.includes(code) && r.codeHash.length === 64));
  });

  test("the demo page shows codes of demo accounts only, and does not exist in production", async () => {
    const demo = await t.app.inject({ method: "GET", url: "/api/portal/demo/login-codes" });
    assert.equal(demo.statusCode, 200);
    assert.deepEqual(
      demo.json().codes,
      [],
      "test accounts are not demo accounts (no demo.wijkwerk.nl address)",
    );
    const production = await buildApp(
      testConfig({ webDist: "/nonexistent", nodeEnv: "production" }),
      t.database,
    );
    try {
      const refused = await production.app.inject({ method: "GET", url: "/api/portal/demo/login-codes" });
      assert.equal(refused.statusCode, 404);
    } finally {
      await production.app.close();
    }
  });
});
