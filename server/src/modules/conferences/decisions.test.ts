import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildPrivacyWorld } from "../privacy/privacy.fixtures.ts";
import { addPlanWithGoal, inDays } from "./conferences.fixtures.ts";

describe("conference decisions carried out: case-lead handover, worklist, candidates", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;
  let conferenceId: string;
  let itemId: string;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const planned = await c.post("/api/conferences", {
      teamId: w.teams.network.id,
      title: "Netwerkoverleg november",
      scheduledAt: "2026-11-10T09:00:00.000Z",
      memberUserIds: [w.users.networkOther.id, w.users.networkLead.id],
    });
    assert.equal(planned.statusCode, 201, planned.body);
    conferenceId = planned.json().id;
    const added = await c.post(`/api/conferences/${conferenceId}/agenda`, {
      householdId: w.dossiers.network.householdId,
      presentation: "pseudonymised",
    });
    assert.equal(added.statusCode, 201, added.body);
    itemId = added.json().agenda[0].id;
  });
  after(() => t.close());

  test("the planner sees the team's members, invitable partners and only the households they know in full", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const res = await c.get(`/api/conference-candidates?teamId=${w.teams.network.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.ok(body.members.some((m: { userId: string }) => m.userId === w.users.networkOther.id));
    assert.ok(body.invitable.some((m: { userId: string }) => m.userId === w.users.partner.id));
    assert.deepEqual(
      body.households.map((h: { householdId: string }) => h.householdId),
      [w.dossiers.network.householdId],
    );
    const other = await logInAs(t.app, w.users.networkOther.username);
    const otherRes = (await other.get(`/api/conference-candidates?teamId=${w.teams.network.id}`)).json();
    assert.equal(otherRes.households.length, 0, "not involved in the network case: nothing to bring in");
    const outsider = await logInAs(t.app, w.users.caseLead.username);
    assert.equal(
      (await outsider.get(`/api/conference-candidates?teamId=${w.teams.network.id}`)).statusCode,
      403,
    );
  });

  test("a case-lead decision hands the case over, with the decision as the handover note", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const res = await c.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "caseLead",
      description: "Schuldhulp neemt de regie over tot de schulden geregeld zijn",
      assigneeUserId: w.users.networkOther.id,
      dueDate: null, // as the web form sends it: no date for a case-lead decision
    });
    assert.equal(res.statusCode, 201, res.body);
    const decision = res.json().agenda[0].decisions[0];
    assert.equal(decision.status, "done");
    const dossier = (await c.get(`/api/households/${w.dossiers.network.householdId}`)).json();
    const current = dossier.cases[0];
    assert.equal(current.caseLead.id, w.users.networkOther.id);
    const handover = await t.database.db
      .selectFrom("caseLeadHandover")
      .select(["toUserId", "note"])
      .where("caseId", "=", w.dossiers.network.caseId as string)
      .orderBy("handedOverAt", "desc")
      .executeTakeFirstOrThrow();
    assert.equal(handover.toUserId, w.users.networkOther.id);
    assert.match(handover.note, /Netwerkoverleg november.*Schuldhulp neemt de regie over/);
  });

  test("handing the case back to a professional already involved works the same way", async () => {
    const c = await logInAs(t.app, w.users.networkOther.username);
    const res = await c.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "caseLead",
      description: "De regie gaat terug naar het maatschappelijk werk",
      assigneeUserId: w.users.networkInvolved.id,
    });
    assert.equal(res.statusCode, 201, res.body);
    const dossier = (await c.get(`/api/households/${w.dossiers.network.householdId}`)).json();
    assert.equal(dossier.cases[0].caseLead.id, w.users.networkInvolved.id);
  });

  test("a handover the cases module refuses leaves no decision behind", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const again = await c.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "caseLead",
      description: "Maatschappelijk werk blijft regiehouder",
      assigneeUserId: w.users.networkInvolved.id,
    });
    assert.equal(again.statusCode, 422);
    assert.match(again.json().message, /is al regiehouder/);
    const decisions = (await c.get(`/api/conferences/${conferenceId}`)).json().agenda[0].decisions;
    assert.equal(decisions.length, 2);
  });

  test("an action decision appears on the assignee's Mijn werk and leaves it when completed", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const { goalId } = await addPlanWithGoal(c, w.dossiers.network.caseId as string, "Rust over geld");
    const due = inDays(30);
    const res = await c.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "action",
      description: "Budgetcoach inschakelen",
      assigneeUserId: w.users.networkLead.id,
      dueDate: due,
      planAction: { goalId, actorKind: "resident" },
    });
    assert.equal(res.statusCode, 201, res.body);
    const lead = await logInAs(t.app, w.users.networkLead.username);
    const work = (await lead.get("/api/worklist")).json();
    const item = work.conferenceDecisions.find(
      (d: { description: string }) => d.description === "Budgetcoach inschakelen",
    );
    assert.ok(item, JSON.stringify(work.conferenceDecisions));
    assert.equal(item.dueDate, due);
    assert.match(item.caseLabel, /^inwoner/);
    assert.equal((await lead.post(`/api/conference-decisions/${item.id}/complete`)).statusCode, 200);
    assert.equal((await lead.get("/api/worklist")).json().conferenceDecisions.length, 0);
  });
});
