import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { member } from "../households/dossier.factories.ts";
import { buildPrivacyWorld } from "./privacy.fixtures.ts";

/**
 * The front/back-office model end to end, through the API as the front office works: it registers a
 * household, opens the case, records the intake and routes it — and sees the registration and the
 * intake summary only, never the full dossier. (Issue 15: opening the case answered 403 and the intake
 * 409 while the tests inserted their cases into the database directly.)
 */
describe("the front office registers, opens, takes the intake and routes; it reads summaries only", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;
  let front: Client;
  let householdId = "";
  let caseId = "";

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
    front = await logInAs(t.app, w.users.frontOffice.username);
  });
  after(() => t.close());

  test("register, open the case and record the intake: each answered as done", async () => {
    const registered = await front.post("/api/households", {
      members: [
        member({
          familyName: "Aksoy",
          bsn: null,
          postcode: null,
          houseNumber: null,
          neighbourhoodCode: null,
        }),
      ],
    });
    assert.equal(registered.statusCode, 201, registered.body);
    householdId = registered.json().id;
    const opened = await front.post(`/api/households/${householdId}/cases`, {
      caseLeadUserId: w.users.fboLead.id,
      allocationGrounds: "Aanvraag aan de balie",
    });
    assert.equal(opened.statusCode, 201, opened.body);
    caseId = opened.json().id;
    const intake = await front.post(`/api/cases/${caseId}/intake`, {
      version: 1,
      conversationDate: "2026-01-05",
      location: "desk",
      requestInOwnWords: "Ik kan de trap niet meer op",
      underlyingQuestion: "Somberheid sinds het overlijden van haar man",
      lifeDomains: ["housing", "mentalHealth"],
      urgency: "high",
    });
    assert.equal(intake.statusCode, 201, intake.body);
  });

  test("the dossier shows the front office the registration only: no intake, no special domains", async () => {
    const res = await front.get(`/api/households/${householdId}`);
    assert.equal(res.statusCode, 200, res.body);
    const dossier = res.json();
    assert.equal(dossier.allowed.read, false);
    assert.equal(dossier.allowed.register, true);
    assert.deepEqual(dossier.intakes, []);
    assert.doesNotMatch(res.body, /Somberheid/, "underlying question hidden");
    assert.doesNotMatch(res.body, /mentalHealth/, "special category hidden");
    const access = (await front.get(`/api/households/${householdId}/access`)).json();
    assert.equal(access.level, "frontOffice");
    assert.ok(access.actions.includes("route"));
    // Its own list shows the summary: the request in the resident's words and the urgency.
    const list = await front.get("/api/front-office/requests");
    const mine = list.json().items.find((i: { householdId: string }) => i.householdId === householdId);
    assert.equal(mine.requestInOwnWords, "Ik kan de trap niet meer op");
    assert.equal(mine.urgency, "high");
    assert.doesNotMatch(list.body, /Somberheid|mentalHealth/);
  });

  test("the dossier's work is not the front office's: a precise 403, and nothing written", async () => {
    const journal = await front.post(`/api/households/${householdId}/journal`, {
      kind: "phoneCall",
      occurredOn: "2026-01-06",
      text: "Gebeld",
    });
    assert.equal(journal.statusCode, 403);
    assert.match(journal.json().message, /frontoffice ziet u alleen de aanmelding/);
    assert.equal((await front.get(`/api/households/${householdId}/network`)).statusCode, 403);
  });

  test("routed, the back office of that organisation reads the full intake; the other back office does not", async () => {
    const routed = await front.post(`/api/households/${householdId}/routing`, {
      organisationId: w.organisations.care.id,
    });
    assert.equal(routed.statusCode, 201, routed.body);
    // The front office's list says where the request went.
    const list = await front.get("/api/front-office/requests");
    const item = list.json().items.find((i: { householdId: string }) => i.householdId === householdId);
    assert.match(item?.routedTo ?? "", /\S/, `the request names where it went: ${list.body}`);
    const back = await logInAs(t.app, w.users.backOffice.username);
    const res = await back.get(`/api/households/${householdId}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Somberheid sinds het overlijden/);
    const other = await logInAs(t.app, w.users.otherBackOffice.username);
    assert.equal((await other.get(`/api/households/${householdId}`)).statusCode, 404);
  });
});
