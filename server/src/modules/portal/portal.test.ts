import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { auditActions, buildPortalWorld, closeCase, logInResident } from "./portal.fixtures.ts";
import { NEW_MESSAGE_BODY } from "./portal.outbox.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_portal_access_log.

describe("the resident portal", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  let resident: Client;
  let lead: Client;
  let base: string;
  before(async () => {
    t = await createTestApp();
    world = await buildPortalWorld(t.database.db);
    resident = await logInResident(t.app, t.database.db, world.usernameA);
    lead = await logInAs(t.app, world.caseLead.username);
    base = `/api/portal/households/${world.a.householdId}`;
  });
  after(() => t.close());

  test("the overview shows the case lead and their organisation, not the other members' details", async () => {
    const overview = (await resident.get(base)).json();
    assert.equal(overview.caseLead.displayName, world.caseLead.displayName);
    assert.equal(overview.caseLead.organisationName, world.organisation.name);
    assert.deepEqual(overview.members.map((m: { givenName: string }) => m.givenName).sort(), [
      "Mert",
      "Selin",
    ]);
    assert.equal(JSON.stringify(overview).includes("birthDate"), false);
  });

  test("the plan shows goals in own words with who does what, the next review and the end date; agreeing records it once", async () => {
    const { plan } = (await resident.get(`${base}/plan`)).json();
    assert.equal(plan.goals[0].ownWords, "Ik wil weer overzicht over mijn geld en geen nieuwe schulden.");
    assert.deepEqual(plan.goals[0].actions.map((a: { who: string }) => a.who).sort(), [
      "professionals",
      "resident",
    ]);
    const professionalAction = plan.goals[0].actions.find((a: { who: string }) => a.who === "professionals");
    assert.equal(professionalAction.actorName, world.caseLead.displayName);
    assert.ok(plan.nextReviewOn && plan.expectedEndDate);
    assert.equal(plan.agreedToCurrentVersion, false);

    const stale = await resident.post(`${base}/plan/agreement`, { planVersion: 7 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error, "planChanged");
    const agreed = await resident.post(`${base}/plan/agreement`, { planVersion: 1 });
    assert.equal(agreed.statusCode, 201, agreed.body);
    const again = await resident.post(`${base}/plan/agreement`, { planVersion: 1 });
    assert.equal(again.statusCode, 409);
    assert.equal((await resident.get(`${base}/plan`)).json().plan.agreedToCurrentVersion, true);

    // The case lead sees the agreement in the plan module's own view and in the portal panel.
    const planOfCase = await lead.get(`/api/cases/${world.a.caseId}/plan`);
    assert.equal(planOfCase.statusCode, 200, planOfCase.body);
    assert.equal(planOfCase.json().agreedToCurrentVersion, true);
    const desk = (await lead.get(`/api/portal-desk/cases/${world.a.caseId}`)).json();
    assert.equal(desk.agreements[0].planVersion, 1);
    assert.match(desk.agreements[0].note, /Digitaal/);
    assert.equal(desk.agreements[0].how, "digital", "agreed in the portal, not 'digitally later'");
    const print = await lead.get(`/api/cases/${world.a.caseId}/plan`);
    assert.equal(print.json().agreements[0].how, "digital");
  });

  test("a comment on a goal and an own goal proposal reach the case lead, who decides on the proposal", async () => {
    const goalId = world.a.goalIds[0];
    const comment = await resident.post(`${base}/goals/${goalId}/comments`, { text: "De map is al klaar!" });
    assert.equal(comment.statusCode, 201, comment.body);
    const proposal = await resident.post(`${base}/goal-proposals`, { text: "Ik wil leren fietsen." });
    assert.equal(proposal.statusCode, 201);
    const desk = (await lead.get(`/api/portal-desk/cases/${world.a.caseId}`)).json();
    assert.equal(desk.comments[0].text, "De map is al klaar!");
    assert.equal(desk.proposals[0].text, "Ik wil leren fietsen.");
    const decisionUrl = `/api/portal-desk/cases/${world.a.caseId}/goal-proposals/${proposal.json().id}/decision`;
    assert.equal(
      (await lead.post(decisionUrl, { decision: "declined" })).statusCode,
      422,
      "a refusal needs a reason",
    );
    const noGoal = await lead.post(decisionUrl, { decision: "accepted", note: "Goed idee." });
    assert.equal(noGoal.statusCode, 422, "accepting asks how the proposal becomes a goal");
    assert.equal(noGoal.json().error, "goalRequired");
    const goal = { domain: "timeUse", targetLevel: 4, targetDate: "2099-06-30" };
    const stale = await lead.post(decisionUrl, {
      decision: "accepted",
      goal: { ...goal, planVersion: desk.planVersion + 5 },
    });
    assert.equal(stale.statusCode, 409, "the case lead read an older plan");
    const accepted = await lead.post(decisionUrl, {
      decision: "accepted",
      note: "Goed idee.",
      goal: { ...goal, planVersion: desk.planVersion },
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().planVersion, desk.planVersion + 1);
    // The goal is in the plan, in the resident's own words, for the resident too.
    const plan = (await lead.get(`/api/cases/${world.a.caseId}/plan`)).json();
    assert.equal(plan.version, desk.planVersion + 1);
    const added = plan.goals.find((g: { id: string }) => g.id === accepted.json().goalId);
    assert.equal(added.ownWords, "Ik wil leren fietsen.");
    assert.equal(added.domain, "timeUse");
    const residentPlan = (await resident.get(`${base}/plan`)).json().plan;
    assert.ok(residentPlan.goals.some((g: { ownWords: string }) => g.ownWords === "Ik wil leren fietsen."));
    assert.equal(residentPlan.agreedToCurrentVersion, false, "a new version asks for agreement again");
    assert.equal((await lead.post(decisionUrl, { decision: "declined", note: "x" })).statusCode, 409);
    const proposals = (await resident.get(`${base}/plan`)).json().proposals;
    assert.equal(proposals[0].status, "accepted");
    assert.equal(proposals[0].decisionNote, "Goed idee.");
  });

  test("the self-assessment is stored and shown to the case lead beside the professional's scores", async () => {
    const form = (await resident.get(`${base}/self-assessment`)).json();
    assert.ok(form.domains.some((d: { domain: string }) => d.domain === "finances"));
    assert.equal(form.latest, null);
    assert.equal((await resident.post(`${base}/self-assessment`, { scores: [] })).statusCode, 422);
    assert.equal(
      (await resident.post(`${base}/self-assessment`, { scores: [{ domain: "cooking", level: 3 }] }))
        .statusCode,
      422,
    );
    assert.equal(
      (await resident.post(`${base}/self-assessment`, { scores: [{ domain: "finances", level: 9 }] }))
        .statusCode,
      400,
    );
    const saved = await resident.post(`${base}/self-assessment`, {
      scores: [
        { domain: "finances", level: 2 },
        { domain: "housing", level: 4 },
      ],
    });
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal((await resident.get(`${base}/self-assessment`)).json().latest.scores.length, 2);
    const desk = (await lead.get(`/api/portal-desk/cases/${world.a.caseId}`)).json();
    assert.equal(desk.selfAssessments[0].residentName, "Selin Aydin");
    assert.deepEqual(
      desk.selfAssessments[0].scores.find((s: { domain: string }) => s.domain === "finances"),
      { domain: "finances", level: 2, professionalLevel: null },
    );
  });

  test("messages are plain text: control characters removed, markup kept as text, size limited", async () => {
    const unsafe = "Hallo\u0000 <script>alert(1)</script>\u202E\r\nTot ziens";
    const sent = await resident.post(`${base}/messages`, { text: unsafe });
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().text, "Hallo <script>alert(1)</script>\nTot ziens");
    assert.equal((await resident.post(`${base}/messages`, { text: " \u0001 " })).statusCode, 422);
    const tooLong = await resident.post(`${base}/messages`, { text: "a".repeat(4001) });
    assert.equal(tooLong.statusCode, 422);
    assert.equal(tooLong.json().error, "messageTooLong");

    const notices = await t.database.db
      .selectFrom("outboxMessage")
      .selectAll()
      .where("kind", "=", "newMessage")
      .execute();
    assert.equal(notices.length, 1);
    assert.equal(notices[0]?.recipientUserId, world.caseLead.id);
    assert.equal(notices[0]?.body, NEW_MESSAGE_BODY);
    assert.doesNotMatch(`${notices[0]?.subject} ${notices[0]?.body}`, /Selin|Aydin|Hallo|script/);

    const desk = (await lead.get(`/api/portal-desk/cases/${world.a.caseId}`)).json();
    assert.equal(desk.messages.at(-1).text, "Hallo <script>alert(1)</script>\nTot ziens");
    const reply = await lead.post(`/api/portal-desk/cases/${world.a.caseId}/messages`, {
      text: "Dank u, ik bel u morgen.",
    });
    assert.equal(reply.statusCode, 201);
    const thread = (await resident.get(`${base}/messages`)).json();
    assert.deepEqual(
      thread.messages.map((m: { mine: boolean }) => m.mine),
      [true, false],
    );
    assert.equal(
      thread.messages[1].authorName,
      null,
      "the resident sees 'the team', the audit keeps the name",
    );
    const toResident = await t.database.db
      .selectFrom("outboxMessage")
      .select("recipientUserId")
      .where("kind", "=", "newMessage")
      .execute();
    assert.ok(toResident.some((r) => r.recipientUserId === world.a.userId));
    const inbox = (await lead.get("/api/portal-desk/inbox")).json();
    assert.equal(inbox[0].householdId, world.a.householdId);
  });

  test("who looked at my data: organisation and role, names only when the municipality chooses; emergency access with its reason", async () => {
    await lead.get(`/api/portal-desk/cases/${world.a.caseId}`);
    await t.database.db
      .insertInto("auditEvent")
      .values({
        municipalityId: world.municipality.id,
        action: "household.viewed",
        actorUserId: world.colleague.id,
        actorRole: "professional",
        actorOrganisationId: world.organisation.id,
        resourceType: "household",
        householdId: world.a.householdId,
        reason: "Crisis in de nacht: de regisseur was niet bereikbaar.",
        details: JSON.stringify({ breakTheGlass: true }) as unknown as Record<string, unknown>,
      })
      .execute();
    const log = (await resident.get(`${base}/access-log`)).json();
    const mine = log.entries.filter((e: { actorRole: string }) => e.actorRole === "resident");
    assert.equal(mine.length, 0, "the resident's own actions are not listed");
    const byLead = log.entries.find((e: { action: string }) => e.action === "portal.selfAssessmentViewed");
    assert.equal(byLead.organisationName, world.organisation.name);
    assert.equal(byLead.actorRole, "professional");
    assert.equal(byLead.actorName, null);
    const emergency = log.entries.find((e: { emergency: boolean }) => e.emergency);
    assert.equal(emergency.reason, "Crisis in de nacht: de regisseur was niet bereikbaar.");

    await t.database.db
      .insertInto("portalSetting")
      .values({ municipalityId: world.municipality.id, showProfessionalNames: true, updatedByUserId: null })
      .execute();
    const named = (await resident.get(`${base}/access-log`)).json();
    assert.ok(
      named.entries.some((e: { actorName: string | null }) => e.actorName === world.caseLead.displayName),
    );
  });

  test("the privacy export can be requested once until it is delivered", async () => {
    const first = await resident.post(`${base}/export-request`);
    assert.equal(first.statusCode, 201);
    assert.equal((await resident.post(`${base}/export-request`)).statusCode, 409);
    assert.equal((await resident.get(`${base}/access-log`)).json().exportRequests.length, 1);
    assert.equal((await auditActions(t.database.db, "portal.exportRequested")).length, 1);
  });

  test("ending well: the planned end and aftercare are shown; after closure one anonymous satisfaction answer", async () => {
    const url = `/api/portal-desk/cases/${world.a.caseId}/closure-plan`;
    assert.equal((await lead.post(url, { plannedEndDate: "2001-01-01" })).statusCode, 422);
    const planned = await lead.post(url, {
      plannedEndDate: "2099-06-30",
      aftercareContactDate: "2099-09-30",
      afterClosureNote: "Na drie maanden bel ik u.",
    });
    assert.equal(planned.statusCode, 200, planned.body);
    const overview = (await resident.get(base)).json();
    assert.deepEqual(overview.closurePlan, {
      plannedEndDate: "2099-06-30",
      aftercareContactDate: "2099-09-30",
      afterClosureNote: "Na drie maanden bel ik u.",
    });
    assert.equal(overview.satisfactionAsked, false);
    const answer = { feltHelped: "yes", takenSeriously: "somewhat", knowsNextStep: "no" };
    assert.equal((await resident.post(`${base}/satisfaction`, answer)).statusCode, 409, "not before closure");

    await closeCase(t.database.db, {
      municipalityId: world.municipality.id,
      caseId: world.a.caseId,
      householdId: world.a.householdId,
      residentId: world.a.residentId,
      assessorUserId: world.caseLead.id,
    });
    assert.equal((await resident.get(base)).json().satisfactionAsked, true);
    assert.equal((await resident.post(`${base}/messages`, { text: "Nog een vraag" })).statusCode, 409);
    assert.equal((await resident.post(`${base}/satisfaction`, answer)).statusCode, 201);
    assert.equal((await resident.post(`${base}/satisfaction`, answer)).statusCode, 409);
    const responses = await t.database.db.selectFrom("satisfactionResponse").selectAll().execute();
    assert.equal(responses.length, 1);
    assert.deepEqual(Object.keys(responses[0] ?? {}).sort(), [
      "feltHelped",
      "id",
      "knowsNextStep",
      "month",
      "municipalityId",
      "takenSeriously",
      "teamId",
    ]);
    assert.equal(responses[0]?.teamId, world.team.id);
    assert.match(String(responses[0]?.month), /-01$/);
  });
});
