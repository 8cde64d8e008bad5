import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test/app.ts";

const TOKEN = "operator-token-for-tests-0123456789abcdef";

/** A platform operator adds a municipality through the API (the command shares the service). */
describe("municipality onboarding by the platform operator", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ platformOperatorToken: TOKEN });
  });
  after(() => t.close());

  const add = (body: Record<string, unknown>, token: string | null = TOKEN) =>
    t.app.inject({
      method: "POST",
      url: "/api/platform/municipalities",
      headers: token ? { authorization: `Bearer ${token}` } : {},
      payload: body,
    });
  const zeist = {
    code: "GM0355",
    name: "Gemeente Zeist",
    adminUsername: "beheer.zeist",
    adminEmail: "beheer@zeist.example",
    zrmVersion: "2010",
    mfaRequiredRoles: ["administrator", "professional"],
  };

  test("only with the operator's token", async () => {
    assert.equal((await add(zeist, null)).statusCode, 401);
    assert.equal((await add(zeist, `${TOKEN.slice(0, -1)}x`)).statusCode, 401);
    assert.equal(await t.database.db.selectFrom("municipality").select("id").executeTakeFirst(), undefined);
  });

  test("creates the municipality with its CBS areas, ZRM version, 2FA roles and a first administrator with a set-up link", async () => {
    const reply = await add(zeist);
    assert.equal(reply.statusCode, 201, reply.body);
    const result = reply.json() as {
      municipalityId: string;
      districts: number;
      neighbourhoods: number;
      administrator: { userId: string };
    };
    assert.ok(result.districts >= 5 && result.neighbourhoods >= 30, JSON.stringify(result));
    const db = t.database.db;
    const m = await db
      .selectFrom("municipality")
      .selectAll()
      .where("id", "=", result.municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(m.code, "GM0355");
    assert.equal(m.zrmVersion, "2010");
    assert.deepEqual(m.mfaRequiredRoles, ["administrator", "professional"]);
    const areas = await db.selectFrom("area").select("code").where("municipalityId", "=", m.id).execute();
    assert.ok(areas.every((a) => /^(WK|BU)0355/.test(a.code)));
    const admin = await db
      .selectFrom("appUser")
      .selectAll()
      .where("id", "=", result.administrator.userId)
      .executeTakeFirstOrThrow();
    assert.equal(admin.role, "administrator");
    assert.equal(admin.passwordHash, null, "the administrator sets the password through the link");
    const mail = await db
      .selectFrom("outboxMessage")
      .select(["kind", "body"])
      .where("recipientUserId", "=", admin.id)
      .executeTakeFirstOrThrow();
    assert.equal(mail.kind, "passwordSetup");
    const token = /#([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    assert.ok(token);
    const stored = await db
      .selectFrom("passwordSetupToken")
      .selectAll()
      .where("userId", "=", admin.id)
      .execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]?.tokenHash, token, "only the hash is stored");
    assert.equal(stored[0]?.tokenHash, createHash("sha256").update(token).digest("hex"));
    const events = await db
      .selectFrom("auditEvent")
      .select("action")
      .where("municipalityId", "=", m.id)
      .orderBy("id")
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), [
      "municipality.onboarded",
      "user.passwordSetupIssued",
    ]);
  });

  test("refuses a code that exists, and leaves nothing behind when the username is taken", async () => {
    const again = await add(zeist);
    assert.equal(again.statusCode, 409);
    assert.equal((again.json() as { error: string }).error, "municipalityExists");
    const taken = await add({ ...zeist, code: "GM0356", name: "Nieuwegein" });
    assert.equal(taken.statusCode, 409);
    assert.equal((taken.json() as { error: string }).error, "usernameTaken");
    const nieuwegein = await t.database.db
      .selectFrom("municipality")
      .select("id")
      .where("code", "=", "GM0356")
      .executeTakeFirst();
    assert.equal(nieuwegein, undefined);
    const invalid = await add({ ...zeist, code: "GM0356", adminUsername: "x", mfaRequiredRoles: ["wizard"] });
    assert.ok([400, 422].includes(invalid.statusCode), invalid.body);
    assert.match((invalid.json() as { message: string }).message, /\w/);
  });

  test("without PLATFORM_OPERATOR_TOKEN the route does not exist", async () => {
    const plain = await createTestApp();
    try {
      const reply = await plain.app.inject({
        method: "POST",
        url: "/api/platform/municipalities",
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: zeist,
      });
      assert.equal(reply.statusCode, 404);
    } finally {
      await plain.close();
    }
  });
});
