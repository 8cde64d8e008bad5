import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { BUURT, buildSignalWorld, personSignal } from "./signals.fixtures.ts";

/**
 * Policy staff cannot isolate a signal (issue 15): whatever the query asks, the server shows them no
 * count from 1 to 4, no signal ids, and no period shorter than four weeks. The team that triages the
 * signals still sees its own exactly.
 */
describe("small numbers are withheld from policy staff, whatever the query parameters", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildSignalWorld>>;
  let policy: Awaited<ReturnType<typeof logInAs>>;

  before(async () => {
    t = await createTestApp();
    w = await buildSignalWorld(t.database.db);
    policy = await logInAs(t.app, w.policyOfficer.username);
    const partner = await logInAs(t.app, w.partner.username);
    // One domestic-violence signal in one buurt, and six about loneliness in another.
    const one = await partner.post(
      "/api/signals",
      personSignal({ category: "domesticViolence", neighbourhoodCode: BUURT.oost, urgency: "high" }),
    );
    assert.equal(one.statusCode, 201, one.body);
    for (let i = 0; i < 6; i++) {
      const res = await partner.post("/api/signals", personSignal({ houseNumber: 20 + i }));
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => t.close());

  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

  test("the neighbourhood view: no cluster under five and no signal ids, even with minimum=1", async () => {
    const res = await policy.get(`/api/signals/neighbourhood?minimum=1&from=${monthAgo}&to=${today}`);
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json();
    assert.equal(view.minimum, 5);
    assert.ok(view.clusters.every((c: { count: number }) => c.count >= 5));
    assert.ok(!view.clusters.some((c: { category: string }) => c.category === "domesticViolence"));
    assert.ok(view.clusters.every((c: { signalIds: string[] }) => c.signalIds.length === 0));
    const oost = view.totals.find((x: { neighbourhoodCode: string }) => x.neighbourhoodCode === BUURT.oost);
    assert.equal(oost.count, null, "a buurt with one signal shows no number");
    const overvecht = view.totals.find(
      (x: { neighbourhoodCode: string }) => x.neighbourhoodCode === BUURT.overvecht,
    );
    assert.equal(overvecht.count, 6);
  });

  test("a period shorter than four weeks is refused for policy staff", async () => {
    const res = await policy.get(`/api/signals/neighbourhood?minimum=1&from=${today}&to=${today}`);
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error, "periodTooShort");
    assert.match(res.json().message, /minstens 28 dagen/);
    assert.equal((await policy.get(`/api/signals/figures?from=${today}&to=${today}`)).statusCode, 422);
  });

  test("figures: a category of one is withheld, with one more so it cannot be worked out from the total", async () => {
    const f = (await policy.get(`/api/signals/figures?from=${monthAgo}&to=${today}`)).json();
    const dv = f.byCategory.find((r: { key: string }) => r.key === "domesticViolence");
    assert.equal(dv.count, null);
    const loneliness = f.byCategory.find((r: { key: string }) => r.key === "loneliness");
    assert.equal(loneliness.count, null, "secondary suppression: the only other category is withheld too");
    const csv = await policy.get(`/api/signals/figures.csv?from=${monthAgo}&to=${today}`);
    assert.match(csv.body, /"?categorie"?;"?domesticViolence"?;"?[^;]*"?;"?< 5"?/);
  });

  test("the team that triages the signals sees its own counts exactly", async () => {
    const lead = await logInAs(t.app, w.lead.username);
    const view = (await lead.get(`/api/signals/neighbourhood?minimum=1&from=${today}&to=${today}`)).json();
    assert.ok(view.clusters.some((c: { signalIds: string[] }) => c.signalIds.length > 0));
  });
});
