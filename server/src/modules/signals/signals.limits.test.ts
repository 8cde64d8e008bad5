import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../platform/config.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { buildSignalWorld, placeSignal } from "./signals.fixtures.ts";

/** Issue 18: the partner API is limited per key; public limits hold across app instances. */
describe("rate limits on signal intake", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildSignalWorld>>;
  const api = (app: Pick<TestApp, "app">, key: string, reference: string) =>
    app.app.inject({
      method: "POST",
      url: "/api/partner-api/v1/signals",
      remoteAddress: "10.40.0.1",
      headers: { authorization: `Bearer ${key}` },
      payload: { ...placeSignal(), externalReference: reference },
    });

  before(async () => {
    t = await createTestApp({ partnerApiPerMinute: 5 });
    w = await buildSignalWorld(t.database.db);
  });
  after(() => t.close());

  test("a partner key gets 429 with Retry-After above its limit per minute; another key goes on", async () => {
    assert.equal(loadConfig({ NODE_ENV: "test" }).partnerApiPerMinute, 30, "the default");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api(t, w.housingKey, `LIM-${i}`)).statusCode);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    const refused = await api(t, w.housingKey, "LIM-6");
    assert.equal(refused.statusCode, 429);
    const wait = Number(refused.headers["retry-after"]);
    assert.ok(wait >= 1 && wait <= 60, `retry-after ${wait}`);
    const stored = await t.database.db
      .selectFrom("signal")
      .select("externalReference")
      .where("externalReference", "like", "LIM-%")
      .execute();
    assert.equal(stored.length, 5, "a refused request stores nothing");
    const status = await t.app.inject({
      url: "/api/partner-api/v1/signals/LIM-0",
      headers: { authorization: `Bearer ${w.housingKey}` },
    });
    assert.equal(status.statusCode, 429, "status look-ups count too");
    assert.equal((await api(t, w.policeKey, "OTHER-1")).statusCode, 201);
  });

  test("guessing keys from one address is stopped", async () => {
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await api(t, `wk_guess${i}`, `G-${i}`)).statusCode;
    assert.equal(last, 429);
  });

  test("the public form's limit per address holds across two app instances", async () => {
    const second = await buildApp(t.config, t.appDatabase);
    await second.app.ready();
    try {
      const post = (app: Pick<TestApp, "app">) =>
        app.app.inject({
          method: "POST",
          url: "/api/public/GM0344/signals",
          remoteAddress: "10.41.0.1",
          payload: { ...placeSignal(), anonymous: true },
        });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(t)).statusCode);
      for (let i = 0; i < 3; i++) statuses.push((await post(second)).statusCode);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    } finally {
      await second.app.close();
    }
  });
});
