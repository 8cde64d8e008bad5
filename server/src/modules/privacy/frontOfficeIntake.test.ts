import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildPrivacyWorld } from "./privacy.fixtures.ts";

describe("the front office reads intake summaries, never full intake rows", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
  });
  after(() => t.close());

  test("through the dossier endpoint the front office gets no underlying question, safety notes or special domains", async () => {
    const front = await logInAs(t.app, w.users.frontOffice.username);
    const access = (await front.get(`/api/households/${w.dossiers.unrouted.householdId}/access`)).json();
    assert.equal(access.level, "summary");
    const res = await front.get(`/api/households/${w.dossiers.unrouted.householdId}`);
    const body = res.body;
    assert.doesNotMatch(body, /Somberheid na verlies van werk/, "underlying question hidden");
    assert.doesNotMatch(body, /mentalHealth/, "special category hidden");
    if (res.statusCode === 200) assert.deepEqual(res.json().intakes, []);
    else assert.ok([403, 404].includes(res.statusCode), `${res.statusCode}`);
    // Its own list shows the summary: the request in the resident's words and the urgency.
    const list = (await front.get("/api/front-office/requests")).json();
    const mine = list.items.find(
      (i: { householdId: string }) => i.householdId === w.dossiers.unrouted.householdId,
    );
    assert.equal(mine.requestInOwnWords, "Ik kom niet rond met mijn geld");
    assert.equal(mine.urgency, "high");
    assert.doesNotMatch(JSON.stringify(list), /Somberheid/);
  });

  test("the back office the request was routed to does read the full intake", async () => {
    const back = await logInAs(t.app, w.users.backOffice.username);
    const res = await back.get(`/api/households/${w.dossiers.routed.householdId}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Somberheid na verlies van werk/);
  });
});
