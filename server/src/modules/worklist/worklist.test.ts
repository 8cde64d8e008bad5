import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type Actor, type RequestContext, withActor } from "../../platform/context.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser } from "../../test/factories.ts";
import { listConferenceDecisionsFor } from "../conferences/conferences.service.ts";
import { buildAreas, buildDossier } from "../plans/plans.fixtures.ts";
import * as sections from "./worklist.repository.ts";
import { getMyWorklist, getTeamWorklist } from "./worklist.service.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_worklist_household_ids.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("Mijn werk: the professional's start, and the team lead's view per member", () => {
  let t: TestApp;
  let pro: Client;
  let lead: Client;
  let teamId: string;
  let proId: string;
  let quiet: Awaited<ReturnType<typeof buildDossier>>;

  let planId: string;
  let actors: { pro: Actor; lead: Actor; colleague: Actor };

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const a = await buildStaffedTeam(db, { code: "GM0344" });
    teamId = a.team.id;
    const user = await a.member("professional");
    proId = user.id;
    const other = await a.member("professional");
    const teamLead = await a.member("teamLead");
    await buildAreas(db, a.municipality.id, [["BU03440311", "WK034403"]]);
    const base = {
      municipalityId: a.municipality.id,
      teamId,
      organisationId: a.organisation.id,
      leadUserId: user.id,
    };
    quiet = await buildDossier(db, { ...base, name: "Anna Rustig", levels: { finances: 3 } });
    await buildDossier(db, {
      ...base,
      name: "Bram Spoed",
      levels: { finances: 1, physicalHealth: 1, housing: 3 },
      acute: true,
    });
    await buildDossier(db, { ...base, name: "Carla Nazorg", status: "closed", aftercareDate: day(3) });
    const dirk = await buildDossier(db, { ...base, leadUserId: other.id, name: "Dirk Collega" });
    // A signal this professional goes out to (signals module, migration 0004).
    await db
      .insertInto("signal")
      .values({
        municipalityId: a.municipality.id,
        id: randomUUID(),
        referenceCode: "SG-AB12-CD34",
        source: "partner",
        reporterUserId: teamLead.id,
        reporterOrganisationId: a.organisation.id,
        subjectKind: "place",
        neighbourhoodCode: "BU03440311",
        category: "loneliness",
        dataCategory: "ordinary",
        urgency: "high",
        observation: "Bewoner komt al weken niet buiten.",
        residentAware: false,
        teamId,
        groupId: randomUUID(),
        deadlineAt: new Date(Date.now() + 86_400_000),
        triageState: "outreach",
        outreachUserId: user.id,
      } as never)
      .execute();
    pro = await logInAs(t.app, user.username);
    lead = await logInAs(t.app, teamLead.username);
    const actor = (u: { id: string; role: string }) =>
      ({
        userId: u.id,
        municipalityId: a.municipality.id,
        role: u.role,
        displayName: "",
        organisationId: a.organisation.id,
        teamIds: [teamId],
      }) as Actor;
    actors = { pro: actor(user), lead: actor(teamLead), colleague: actor(other) };
    // On the colleague's case, an action this professional does: on the worklist through the action only.
    const colleague = await logInAs(t.app, other.username);
    const dirkPlan = (
      await colleague.post(`/api/cases/${dirk.caseId}/plan`, { startDate: day(-10), firstReviewOn: day(30) })
    ).json();
    const dirkGoal = (
      await colleague.post(`/api/plans/${dirkPlan.id}/goals`, {
        version: 1,
        domain: "housing",
        targetLevel: 4,
        targetDate: day(60),
        ownWords: "Een dak dat niet lekt",
        professionalWording: "Huisvesting",
      })
    ).json();
    const helped = await colleague.post(`/api/plans/${dirkPlan.id}/goals/${dirkGoal.id}/actions`, {
      version: 2,
      description: "Met de verhuurder bellen over de lekkage",
      dueDate: day(2),
      actorKind: "teamProfessional",
      professionalUserId: user.id,
      escalationReason: "noNetwork",
      escalationNote: "De buren zijn zelf oud en kunnen dit niet regelen.",
    });
    assert.equal(helped.statusCode, 200, helped.body);
    const plan = await pro.post(`/api/cases/${quiet.caseId}/plan`, {
      startDate: day(-30),
      firstReviewOn: day(1),
    });
    assert.equal(plan.statusCode, 201, plan.body);
    planId = plan.json().id;
    const goal = (
      await pro.post(`/api/plans/${planId}/goals`, {
        version: 1,
        domain: "finances",
        targetLevel: 4,
        targetDate: day(60),
        ownWords: "Rust in mijn hoofd over geld",
        professionalWording: "Financiën",
      })
    ).json();
    await pro.post(`/api/plans/${planId}/goals/${goal.id}/actions`, {
      version: 2,
      description: "Post sorteren met de buurvrouw",
      dueDate: day(-2),
      actorKind: "resident",
    });
    await pro.post(`/api/plans/${planId}/goals/${goal.id}/actions`, {
      version: 3,
      description: "Over drie weken",
      dueDate: day(21),
      actorKind: "resident",
    });
  });
  after(() => t.close());

  test("shows my cases, overdue actions, reviews, acute flags on top, aftercare and my signals", async () => {
    const res = await pro.get("/api/worklist");
    assert.equal(res.statusCode, 200, res.body);
    const w = res.json();
    assert.deepEqual(
      w.cases.map((c: { householdName: string }) => c.householdName),
      ["Bram Spoed", "Anna Rustig"],
      "acute first, not a colleague's case",
    );
    assert.deepEqual(
      w.actions.map((a: { description: string; overdue: boolean }) => [a.description, a.overdue]),
      [
        ["Post sorteren met de buurvrouw", true],
        ["Met de verhuurder bellen over de lekkage", false],
      ],
    );
    assert.deepEqual(
      w.reviews.map((r: { dueOn: string; overdue: boolean }) => [r.dueOn, r.overdue]),
      [[day(1), false]],
    );
    assert.equal(w.acute[0].householdName, "Bram Spoed");
    assert.deepEqual(w.acute[0].domains.sort(), ["finances", "physicalHealth"]);
    assert.equal(w.acute[0].specialDomains, 1);
    assert.deepEqual(
      w.aftercare.map((c: { householdName: string }) => c.householdName),
      ["Carla Nazorg"],
    );
    assert.deepEqual(
      w.signals.map((s: { referenceCode: string }) => s.referenceCode),
      ["SG-AB12-CD34"],
    );
  });

  test("a review whose date passes becomes overdue on the worklist", async () => {
    await t.database.db
      .updateTable("planReview")
      .set({ dueOn: day(-1) })
      .where("planId", "=", planId)
      .execute();
    const w = (await pro.get("/api/worklist")).json();
    assert.deepEqual(
      w.reviews.map((r: { dueOn: string; overdue: boolean }) => [r.dueOn, r.overdue]),
      [[day(-1), true]],
    );
    const plan = (await pro.get(`/api/cases/${quiet.caseId}/plan`)).json();
    assert.equal(plan.reviews[0].overdue, true);
  });

  test("a team lead sees the same per team member, with caseload counts", async () => {
    const res = await lead.get(`/api/worklist/teams/${teamId}`);
    assert.equal(res.statusCode, 200, res.body);
    const me = res.json().members.find((m: { userId: string }) => m.userId === proId);
    assert.deepEqual(me.counts, {
      caseload: 2,
      acuteCases: 1,
      actionsOverdue: 1,
      actionsDue: 2,
      reviewsOverdue: 1,
      reviewsDue: 1,
      aftercare: 1,
      signals: 1,
    });
    const counts = res
      .json()
      .members.map((m: { counts: { caseload: number } }) => m.counts.caseload)
      .sort();
    assert.deepEqual(counts, [0, 1, 2]);
    const forbidden = await pro.get(`/api/worklist/teams/${teamId}`);
    assert.equal(forbidden.statusCode, 403);
    const otherTeam = await lead.get(`/api/worklist/teams/${randomUUID()}`);
    assert.equal(otherTeam.statusCode, 403);
  });

  test("narrowed to the worklist's households, every section is what the full access rules give", async () => {
    const as = <T>(actor: Actor, fn: (ctx: RequestContext) => Promise<T>) =>
      withActor(t.database.db, actor, { clientIp: null }, fn);
    // The same sections without narrowing: every household named, the full rules decide alone.
    const unnarrowed = (actor: Actor, today: string) =>
      as(actor, async (ctx) => {
        const s = {
          householdIds: everyHousehold,
          userIds: [actor.userId],
          teamIds: [teamId],
          today,
          actionHorizon: day(7),
          reviewHorizon: day(14),
          aftercareFrom: day(-30),
        };
        return {
          today,
          cases: await sections.casesLed(ctx, s),
          actions: await sections.actionsDue(ctx, s),
          reviews: await sections.reviewsDue(ctx, s),
          acute: await sections.acuteFlags(ctx, s),
          aftercare: await sections.aftercareDue(ctx, s),
          signals: await sections.signalsAssigned(ctx, s),
          conferenceDecisions: await listConferenceDecisionsFor(ctx, actor.userId),
        };
      });
    const everyHousehold = (await t.database.db.selectFrom("household").select("id").execute()).map(
      (h) => h.id,
    );
    let rows = 0;
    for (const actor of [actors.pro, actors.colleague, actors.lead]) {
      const narrowed = await as(actor, getMyWorklist);
      assert.deepEqual(narrowed, await unnarrowed(actor, narrowed.today), `worklist of ${actor.role}`);
      rows += narrowed.cases.length + narrowed.actions.length;
    }
    assert.ok(rows >= 4, "the comparison covers cases and actions");
    const team = await as(actors.lead, (ctx) => getTeamWorklist(ctx, teamId));
    const member = team.members.find((m) => m.userId === actors.pro.userId);
    const alone = await unnarrowed(actors.pro, team.today);
    assert.deepEqual(member?.actions, alone.actions, "the team view narrows to all members' households");
    assert.deepEqual(member?.cases, alone.cases);
  });

  test("opening the worklist is audited", async () => {
    const events = await t.database.db
      .selectFrom("auditEvent")
      .select("action")
      .where("actorUserId", "=", proId)
      .execute();
    assert.ok(events.some((e) => e.action === "worklist.viewed"));
  });

  test("a user outside the team sees nothing of it", async () => {
    const stranger = await buildUser(
      t.database.db,
      (
        await t.database.db
          .selectFrom("team")
          .select("municipalityId")
          .where("id", "=", teamId)
          .executeTakeFirstOrThrow()
      ).municipalityId,
    );
    const w = (await (await logInAs(t.app, stranger.username)).get("/api/worklist")).json();
    assert.equal(w.cases.length + w.actions.length + w.reviews.length + w.acute.length + w.signals.length, 0);
  });
});
