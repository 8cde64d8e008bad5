import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam } from "../../test/factories.ts";

// The date in the Netherlands (the server checks dates there; near midnight UTC differs).
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());

/**
 * Issue 16: the work moves the case. Recording the intake moves it to intake, making the plan to plan, the
 * resident's agreement to execution, each with a status change in the history; the dossier overview asks
 * for the plan without a 404 while there is none.
 */
describe("the case moves with the work", () => {
  let t: TestApp;
  let worker: Client;
  let householdId: string;
  let caseId: string;

  const status = async () => {
    const dossier = (await worker.get(`/api/households/${householdId}`)).json();
    const c = dossier.cases.find((x: { id: string }) => x.id === caseId);
    return {
      status: c.status as string,
      version: c.version as number,
      timeline: dossier.timeline as { summary: string }[],
    };
  };

  before(async () => {
    t = await createTestApp();
    const a = await buildStaffedTeam(t.database.db, { code: "GM0344" });
    const user = await a.member("professional");
    worker = await logInAs(t.app, user.username);
    const registered = await worker.post("/api/households", {
      confirmNotDuplicate: true,
      members: [
        {
          givenName: "Mila",
          familyName: "de Boer",
          birthDate: "1988-04-04",
          relation: "self",
          isMainContact: true,
          preferredLanguage: "nl",
          interpreterNeeded: false,
        },
      ],
    });
    assert.equal(registered.statusCode, 201, registered.body);
    householdId = registered.json().id;
    const opened = await worker.post(`/api/households/${householdId}/cases`, {
      caseLeadUserId: user.id,
      allocationGrounds: "Signaal van de huisarts.",
    });
    assert.equal(opened.statusCode, 201, opened.body);
    caseId = opened.json().id;
  });
  after(() => t.close());

  test("the overview asks for the plan of a case without one and gets null, not a 404", async () => {
    const res = await worker.get(`/api/cases/${caseId}/plan/overview`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { householdId, plan: null });
  });

  test("intake → plan when the plan is made → execution when the resident agrees", async () => {
    let c = await status();
    assert.equal(c.status, "registration");
    const intake = await worker.post(`/api/cases/${caseId}/intake`, {
      version: c.version,
      conversationDate: today,
      location: "homeVisit",
      requestInOwnWords: "Ik wil rust.",
      underlyingQuestion: "Schulden.",
      lifeDomains: ["finances"],
      urgency: "normal",
    });
    assert.equal(intake.statusCode, 201, intake.body);
    assert.equal((await status()).status, "intake");

    const plan = await worker.post(`/api/cases/${caseId}/plan`, { startDate: today });
    assert.equal(plan.statusCode, 201, plan.body);
    c = await status();
    assert.equal(c.status, "plan", "making the plan moved the case");
    const overview = (await worker.get(`/api/cases/${caseId}/plan/overview`)).json();
    assert.equal(overview.plan.id, plan.json().id);

    const agreed = await worker.post(`/api/plans/${plan.json().id}/agreement`, {
      version: plan.json().version,
      agreedOn: today,
      how: "inPerson",
    });
    assert.equal(agreed.statusCode, 200, agreed.body);
    c = await status();
    assert.equal(c.status, "execution", "the agreement moved the case");
  });
});
