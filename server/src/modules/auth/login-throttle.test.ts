import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../platform/config.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser, TEST_PASSWORD } from "../../test/factories.ts";

/** Issue 18: login throttling that a stranger cannot turn against a user, shared by every instance. */
const login = (t: Pick<TestApp, "app">, username: string, password: string, ip: string, headers = {}) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: ip,
    headers,
  });

describe("login throttling", () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildStaffedTeam>>;

  before(async () => {
    t = await createTestApp();
    team = await buildStaffedTeam(t.database.db);
  });
  after(() => t.close());

  test("a stranger's wrong passwords do not lock the owner out: the right password from another address works", async () => {
    const user = await team.member();
    for (let i = 0; i < 8; i++) await login(t, user.username, "fout-fout-fout", "10.20.0.1");
    const owner = await login(t, user.username, TEST_PASSWORD, "10.20.0.2");
    assert.equal(owner.statusCode, 200, owner.body);
  });

  test("failures slow down this account from this address with growing delays (429 and Retry-After)", async () => {
    const user = await team.member();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(t, user.username, "fout", "10.21.0.1")).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 401, 401]);
    const slowed = await login(t, user.username, TEST_PASSWORD, "10.21.0.1");
    assert.equal(slowed.statusCode, 429, "even the right password waits out the delay from this address");
    const first = Number(slowed.headers["retry-after"]);
    assert.ok(first >= 1 && first <= 2, `retry-after ${first}`);
    assert.match(slowed.json().message, /Probeer het over \d+ seconden? opnieuw/);
  });

  test("an unknown username gets exactly the same answers as an existing one", async () => {
    const user = await team.member();
    const sequence = async (username: string, ip: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(t, username, "fout", ip);
        answers.push(
          `${res.statusCode} ${res.json().error} ${res.json().message} ${res.headers["retry-after"] ?? ""}`,
        );
      }
      return answers;
    };
    const known = await sequence(user.username, "10.22.0.1");
    const unknown = await sequence("bestaat-niet-22", "10.22.0.2");
    assert.deepEqual(unknown, known);
  });

  test("far above the delay threshold the whole account locks for an hour, and owner and administrators are told", async () => {
    const admin = await buildUser(t.database.db, team.municipality.id, { role: "administrator" });
    const user = await team.member();
    const statuses: number[] = [];
    // 26 addresses × 4 failures: none of them is slowed down, together they pass the account's 100.
    for (let a = 0; a < 26; a++)
      for (let i = 0; i < 4; i++)
        statuses.push((await login(t, user.username, "fout", `10.23.${a}.1`)).statusCode);
    assert.deepEqual(statuses.slice(0, 100), Array(100).fill(401), "no lock before 100 failures");
    assert.deepEqual(statuses.slice(100), [423, 423, 423, 423]);
    const owner = await login(t, user.username, TEST_PASSWORD, "10.23.200.1");
    assert.equal(owner.statusCode, 423);
    assert.ok(Number(owner.headers["retry-after"]) > 3000);
    const notices = await t.database.db
      .selectFrom("outboxMessage")
      .select(["recipientUserId", "kind"])
      .where("kind", "=", "securityNotice")
      .where("recipientUserId", "in", [user.id, admin.id])
      .execute();
    assert.deepEqual(notices.map((n) => n.recipientUserId).sort(), [admin.id, user.id].sort());
    const events = await t.database.db
      .selectFrom("auditEvent")
      .select("action")
      .where("resourceId", "=", user.id)
      .where("action", "=", "session.accountLocked")
      .execute();
    assert.equal(events.length, 1);
  });

  test("the counters are shared: a second app instance on the same database sees the failures", async () => {
    const user = await team.member();
    // One SESSION_SECRET for all instances, as in production.
    const second = await buildApp(t.config, t.appDatabase);
    await second.app.ready();
    try {
      for (let i = 0; i < 5; i++) await login(t, user.username, "fout", "10.24.0.1");
      const elsewhere = await login(second, user.username, TEST_PASSWORD, "10.24.0.1");
      assert.equal(elsewhere.statusCode, 429);
    } finally {
      await second.app.close();
    }
  });
});

describe("behind a reverse proxy (TRUST_PROXY)", () => {
  test('"true" (anyone may set X-Forwarded-For) is refused; a hop count or proxy addresses are taken', () => {
    const base = { NODE_ENV: "test" };
    assert.throws(() => loadConfig({ ...base, TRUST_PROXY: "true" }), /TRUST_PROXY/);
    assert.equal(loadConfig({ ...base, TRUST_PROXY: "1" }).trustProxy, 1);
    assert.deepEqual(loadConfig({ ...base, TRUST_PROXY: "10.0.0.1, 10.1.0.0/16" }).trustProxy, [
      "10.0.0.1",
      "10.1.0.0/16",
    ]);
    assert.equal(loadConfig(base).trustProxy, false);
  });

  test("with one proxy: a forged X-Forwarded-For does not escape the delay, and another client is not slowed", async () => {
    const t = await createTestApp({
      trustProxy: loadConfig({ NODE_ENV: "test", TRUST_PROXY: "1" }).trustProxy,
    });
    try {
      const team = await buildStaffedTeam(t.database.db);
      const user = await team.member();
      const proxy = "10.30.0.1";
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const forged = `203.0.113.${i}, 198.51.100.7`;
        codes.push((await login(t, user.username, "fout", proxy, { "x-forwarded-for": forged })).statusCode);
      }
      assert.equal(codes.at(-1), 429, `the real client 198.51.100.7 stays slowed down: ${codes}`);
      const other = await login(t, user.username, TEST_PASSWORD, proxy, {
        "x-forwarded-for": "198.51.100.8",
      });
      assert.equal(other.statusCode, 200, "a colleague behind the same proxy logs in");
      const failed = await t.database.db
        .selectFrom("auditEvent")
        .select("clientIp")
        .where("action", "=", "session.loginFailed")
        .where("resourceId", "=", user.id)
        .execute();
      assert.deepEqual(
        [...new Set(failed.map((e) => e.clientIp))],
        ["198.51.100.7"],
        "the audit trail keeps the real address",
      );
    } finally {
      await t.close();
    }
  });
});
