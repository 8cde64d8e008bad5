import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildDossier, buildPrivacyWorld } from "../privacy/privacy.fixtures.ts";
import { addPlanWithGoal, inDays } from "./conferences.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_decision_follows_plan_action.

describe("conference action decisions become actions in the household's plan", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;
  let conferenceId: string;
  let itemId: string;
  let noPlanItemId: string;
  let goalId: string;
  let otherGoalId: string;
  const caseId = () => w.dossiers.network.caseId as string;

  const decisionsOf = async (username: string) =>
    (await (await logInAs(t.app, username)).get(`/api/conferences/${conferenceId}`))
      .json()
      .agenda.flatMap((a: { decisions: unknown[] }) => a.decisions);
  const planOf = async (id: string) =>
    (await (await logInAs(t.app, w.users.networkInvolved.username)).get(`/api/cases/${id}/plan`)).json();
  const auditCount = async (action: string) =>
    (await t.database.db.selectFrom("auditEvent").select("id").where("action", "=", action).execute()).length;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
    const dossier = (familyName: string) =>
      buildDossier(t.database.db, {
        municipalityId: w.municipality.id,
        teamId: w.teams.network.id,
        openedBy: w.users.networkLead.id,
        professionals: [
          { userId: w.users.networkInvolved.id, organisationId: w.organisations.debt.id, lead: true },
        ],
        resident: { givenName: "Bram", familyName },
      });
    const withoutPlan = await dossier("Zonderplan");
    const other = await dossier("Anderhuis");
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    ({ goalId } = await addPlanWithGoal(c, caseId(), "Ik wil weer rust over geld"));
    ({ goalId: otherGoalId } = await addPlanWithGoal(c, other.caseId as string, "Een ander huishouden"));
    const planned = await c.post("/api/conferences", {
      teamId: w.teams.network.id,
      title: "Netwerkoverleg",
      scheduledAt: "2026-11-10T09:00:00.000Z",
      memberUserIds: [w.users.networkOther.id, w.users.networkLead.id],
    });
    conferenceId = planned.json().id;
    for (const householdId of [w.dossiers.network.householdId, withoutPlan.householdId]) {
      const added = await c.post(`/api/conferences/${conferenceId}/agenda`, {
        householdId,
        presentation: "pseudonymised",
      });
      assert.equal(added.statusCode, 201, added.body);
    }
    [itemId, noPlanItemId] = (await c.get(`/api/conferences/${conferenceId}`))
      .json()
      .agenda.map((a: { id: string }) => a.id);
  });
  after(() => t.close());

  test("a professional action with the ladder's reason lands in the plan, on the worklist, linked both ways", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const due = inDays(3);
    const versionBefore = (await planOf(caseId())).version;
    const res = await c.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "action",
      description: "Budgetcoach inschakelen",
      assigneeUserId: w.users.networkLead.id,
      dueDate: due,
      planAction: {
        goalId,
        actorKind: "teamProfessional",
        escalationReason: "needsSpecialistExpertise",
        escalationNote: "Schulden bij meerdere schuldeisers",
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const decision = res.json().agenda[0].decisions[0];
    assert.deepEqual(decision.planAction.goal, {
      domain: "finances",
      ownWords: "Ik wil weer rust over geld",
    });
    assert.equal(decision.planAction.caseId, caseId());
    assert.equal(decision.planAction.status, "planned");

    const plan = await planOf(caseId());
    assert.equal(plan.version, versionBefore + 1);
    const action = plan.goals[0].actions.find((a: { id: string }) => a.id === decision.planAction.id);
    assert.ok(action, "the decision's action is in the plan");
    assert.equal(action.description, "Budgetcoach inschakelen");
    assert.equal(action.dueDate, due);
    assert.equal(action.rung, "individualProvision");
    assert.equal(action.professionalUserId, w.users.networkLead.id);
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .select(["action", "details"])
      .where("resourceId", "=", decision.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, (a.details as { planActionId?: string }).planActionId]),
      [["conference.decisionRecorded", action.id]],
    );

    // The team lead who carries it out finds it once on Mijn werk: the decision, carrying its plan action.
    const lead = await logInAs(t.app, w.users.networkLead.username);
    const work = (await lead.get("/api/worklist")).json();
    const fromConference = work.conferenceDecisions.find((d: { id: string }) => d.id === decision.id);
    assert.equal(fromConference.planAction.id, action.id);
    assert.ok(!work.actions.some((a: { actionId: string }) => a.actionId === action.id));
  });

  test("a new goal in the conference's words and an action by the resident, for an assignee who cannot see the dossier", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const res = await c.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "action",
      description: "Inwoner meldt zich bij de voedselbank",
      assigneeUserId: w.users.networkOther.id,
      dueDate: inDays(10),
      planAction: {
        newGoal: {
          domain: "finances",
          text: "Elke week genoeg eten in huis",
          targetLevel: 3,
          targetDate: inDays(90),
        },
        actorKind: "resident",
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const plan = await planOf(caseId());
    const goal = plan.goals.find((g: { ownWords: string }) => g.ownWords === "Elke week genoeg eten in huis");
    assert.equal(goal.actions[0].description, "Inwoner meldt zich bij de voedselbank");
    assert.equal(goal.actions[0].rung, "ownStrength");
    // The assignee cannot open the household: the decision is on their list, the goal and case stay hidden.
    const other = await logInAs(t.app, w.users.networkOther.username);
    const mine = (await other.get("/api/worklist")).json().conferenceDecisions;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].planAction.goal, null);
    assert.equal(mine[0].planAction.caseId, null);
    assert.doesNotMatch(JSON.stringify(mine), /Bram|Kaya|Ayse|genoeg eten/);
  });

  test("refused precisely, and nothing is saved: no plan, another household's goal, a date in the past, no access", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const decisionsBefore = (await decisionsOf(w.users.networkInvolved.username)).length;
    const planBefore = await planOf(caseId());
    const post = (client: typeof c, body: Record<string, unknown>) =>
      client.post(`/api/conferences/${conferenceId}/decisions`, {
        agendaItemId: itemId,
        kind: "action",
        description: "Budgetcoach inschakelen",
        assigneeUserId: w.users.networkLead.id,
        dueDate: inDays(5),
        planAction: { goalId, actorKind: "resident" },
        ...body,
      });

    const noPlan = await post(c, { agendaItemId: noPlanItemId });
    assert.equal(noPlan.statusCode, 422);
    assert.equal(noPlan.json().error, "noPlan");
    assert.match(
      noPlan.json().message,
      /nog geen plan van aanpak.*Laat de regiehouder eerst het plan opstellen/,
    );

    const foreign = await post(c, { planAction: { goalId: otherGoalId, actorKind: "resident" } });
    assert.equal(foreign.statusCode, 422);
    assert.match(foreign.json().message, /hoort niet bij het plan van dit huishouden/);

    const past = await post(c, { dueDate: inDays(-1) });
    assert.equal(past.statusCode, 422);
    assert.match(past.json().message, /ligt in het verleden/);

    const missing = await post(c, { planAction: null });
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().error, "planActionRequired");

    const outsider = await logInAs(t.app, w.users.networkOther.username);
    const noAccess = await post(outsider, {});
    assert.equal(noAccess.statusCode, 403);
    assert.match(noAccess.json().message, /geen toegang tot het dossier van dit huishouden/);

    // The plans module's ladder rule refuses a professional action without a reason: the new goal added
    // before it in the same request is rolled back with it.
    const ladder = await post(c, {
      planAction: {
        newGoal: { domain: "finances", text: "Half opgeslagen doel", targetLevel: 3, targetDate: inDays(90) },
        actorKind: "teamProfessional",
      },
    });
    assert.equal(ladder.statusCode, 422);
    assert.equal(ladder.json().error, "escalationReasonRequired");

    assert.equal((await decisionsOf(w.users.networkInvolved.username)).length, decisionsBefore);
    const planAfter = await planOf(caseId());
    assert.equal(planAfter.version, planBefore.version, "no plan version was added");
    assert.equal(planAfter.goals.length, planBefore.goals.length);
  });

  test("the choices offer goals and network only to who may open the household; the read is audited", async () => {
    const url = `/api/conferences/${conferenceId}/agenda/${itemId}/decision-options`;
    const before = await auditCount("conference.decisionOptionsViewed");
    const involved = (await (await logInAs(t.app, w.users.networkInvolved.username)).get(url)).json();
    assert.equal(involved.planAction.possible, true);
    assert.ok(involved.planAction.goals.some((g: { id: string }) => g.id === goalId));
    assert.ok(involved.planAction.domains.includes("finances"));
    assert.ok(involved.actorKinds.some((k: { actorKind: string; needsReason: boolean }) => k.needsReason));
    assert.equal(await auditCount("conference.decisionOptionsViewed"), before + 1);

    const other = await logInAs(t.app, w.users.networkOther.username);
    const res = await other.get(url);
    assert.equal(res.statusCode, 200);
    const hidden = res.json();
    assert.equal(hidden.planAction.possible, false);
    assert.match(hidden.planAction.refusal, /geen toegang tot het dossier/);
    assert.deepEqual([hidden.planAction.goals, hidden.planAction.networkMembers], [[], []]);
    assert.doesNotMatch(res.body, /rust over geld|Kaya|Ayse/);
    assert.equal(await auditCount("conference.decisionOptionsViewed"), before + 1);

    const noPlan = await (await logInAs(t.app, w.users.networkInvolved.username)).get(
      `/api/conferences/${conferenceId}/agenda/${noPlanItemId}/decision-options`,
    );
    assert.match(noPlan.json().planAction.refusal, /nog geen plan van aanpak/);
    const partner = await logInAs(t.app, w.users.partner.username);
    assert.equal((await partner.get(url)).statusCode, 403);
  });

  test("completing the decision on Mijn werk completes the plan action; completing it in the plan clears the decision", async () => {
    const lead = await logInAs(t.app, w.users.networkLead.username);
    const [mine] = (await lead.get("/api/worklist")).json().conferenceDecisions;
    const done = await lead.post(`/api/conference-decisions/${mine.id}/complete`);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().planActionCompleted, true);
    const plan = await planOf(caseId());
    const action = plan.goals
      .flatMap((g: { actions: { id: string }[] }) => g.actions)
      .find((a: { id: string }) => a.id === mine.planAction.id);
    assert.equal(action.status, "done");
    assert.match(action.progress[0].note, /casusoverleg/);

    // The other way round: the case lead closes the resident's action in the plan; the team lead (who can
    // see the plan) no longer has a decision waiting for it. A new decision for the team lead first:
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const res = await c.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "action",
      description: "Afspraak bij de bank maken",
      assigneeUserId: w.users.networkLead.id,
      dueDate: inDays(4),
      planAction: { goalId, actorKind: "resident" },
    });
    const decision = res.json().agenda[0].decisions.at(-1);
    assert.equal((await lead.get("/api/worklist")).json().conferenceDecisions.length, 1);
    const current = await planOf(caseId());
    const progress = await c.post(`/api/plans/${current.id}/actions/${decision.planAction.id}/progress`, {
      version: current.version,
      note: "Gelukt",
      status: "done",
    });
    assert.equal(progress.statusCode, 200, progress.body);
    assert.equal((await lead.get("/api/worklist")).json().conferenceDecisions.length, 0);
    const statusOf = async () =>
      (await decisionsOf(w.users.networkLead.username)).find((d: { id: string }) => d.id === decision.id)
        .status;
    assert.equal(await statusOf(), "done", "the conference page shows the decision done with its action");

    // Reopened in the plan: the decision is open again, and back on Mijn werk.
    const reopened = await planOf(caseId());
    const again = await c.post(`/api/plans/${reopened.id}/actions/${decision.planAction.id}/progress`, {
      version: reopened.version,
      note: "Toch nog niet gelukt, de bank belt terug",
      status: "inProgress",
    });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(await statusOf(), "open");
    assert.equal((await lead.get("/api/worklist")).json().conferenceDecisions.length, 1);
  });
});
