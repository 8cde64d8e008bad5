import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { withActor } from "../../platform/context.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { buildOutcomeWorld } from "./outcomes.fixtures.ts";
import type { OutcomeMonitor } from "./outcomes.schemas.ts";
import { summaryChecks } from "./outcomes.summary.checks.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_outcomes_after_change, app_rebuild_case_outcomes, app_refresh_case_outcomes.

/**
 * The monitor reads case_outcome_summary (0017); app_outcome_figures_live is the 0011 computation from the
 * dossier tables. Both must give the same rows — for every role, dimension, granularity and period — on the
 * known-answer world, and again after each kind of change the triggers have to follow.
 */
let app: TestApp;
let world: Awaited<ReturnType<typeof buildOutcomeWorld>>;
let lead: Client;
const today = todayInNetherlands(new Date());
const thisMonth = `${today.slice(0, 7)}-01`;
let checks: ReturnType<typeof summaryChecks>;

before(async () => {
  app = await createTestApp();
  world = await buildOutcomeWorld(app.database.db);
  lead = await logInAs(app.app, world.lead.username);
  checks = summaryChecks(app.database.db, world, today);
});
const assertSummaryAgreesWithLive = () => checks.assertSummaryAgreesWithLive();
const assertSummaryIsFresh = (cases = 9) => checks.assertSummaryIsFresh(cases);
const summaryOf = (caseId: string) => checks.summaryOf(caseId);
after(() => app.close());

const monitor = async (query: string) => {
  const res = await lead.get(`/api/outcomes?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  const m = res.json() as OutcomeMonitor;
  return (metric: string, period: string, category: string, subgroup = "", group = world.teamA.id) =>
    m.cells.find(
      (c) =>
        c.metric === metric &&
        c.period === period &&
        c.groupKey === group &&
        c.category === category &&
        c.subgroup === subgroup,
    )?.value ?? "no row";
};
const caseVersion = async (caseId: string) =>
  (
    await sql<{ version: number }>`select version from case_file where id = ${caseId}`.execute(
      app.database.db,
    )
  ).rows[0]?.version;
const planVersion = async (planId: string) =>
  (
    await sql<{ version: number }>`select version from support_plan where id = ${planId}`.execute(
      app.database.db,
    )
  ).rows[0]?.version;

describe("outcome summary: the monitor's cache agrees with the live computation", () => {
  test("on the known-answer world: one row per case, the same figures as before", async () => {
    await assertSummaryIsFresh();
    const first = await summaryOf(world.cases[0]?.caseId as string);
    assert.equal(first?.closedOn, "2026-02-20");
    assert.equal(first?.zrmChanges, '{"(finances,improved)","(housing,same)","(mentalHealth,missing)"}');
    assert.equal(first?.neighbourhoodCode, "BU00010101");
    assert.deepEqual(first?.wmoFields, ["6"]);
    assert.ok((await assertSummaryAgreesWithLive()) > 100, "a meaningful number of figures compared");
  });

  test("after a new ZRM assessment and after closure through the API", async () => {
    const six = world.cases[5] as (typeof world.cases)[number];
    const assessed = await lead.post(`/api/cases/${six.caseId}/assessments`, {
      residentId: six.residentId,
      assessedOn: "2026-03-01",
      scores: [
        { domain: "finances", level: 1 },
        { domain: "housing", level: 2 },
      ],
    });
    assert.equal(assessed.statusCode, 201, assessed.body);
    assert.equal((await summaryOf(six.caseId))?.zrmChanges, "{}", "no final score yet: no change");
    await assertSummaryIsFresh();
    await assertSummaryAgreesWithLive();

    const aftercare = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const closed = await lead.post(`/api/cases/${six.caseId}/close`, {
      version: await caseVersion(six.caseId),
      reason: "goalsAchieved",
      finalAssessment: {
        residentId: six.residentId,
        assessedOn: today,
        scores: [
          { domain: "finances", level: 3 },
          { domain: "housing", level: 2 },
        ],
      },
      escalationPrevented: "yes",
      escalationExplanation: "Geen huisuitzetting",
      residentInformed: true,
      residentInformedHow: "Gesprek",
      aftercareDate: aftercare,
    });
    assert.equal(closed.statusCode, 201, closed.body);
    const row = await summaryOf(six.caseId);
    assert.equal(row?.closedOn, today);
    assert.equal(row?.zrmChanges, '{"(finances,improved)","(housing,same)"}');
    await assertSummaryIsFresh();
    await assertSummaryAgreesWithLive();
    const v = await monitor(`from=${thisMonth}&until=${today}`);
    const month = today.slice(0, 7);
    assert.equal(v("throughput", month, "closed"), 1);
    assert.equal(v("zrmChange", month, "improved", "finances"), 1);
    assert.equal(v("zrmChange", month, "same", "housing"), 1);
    assert.equal(v("escalationPrevented", month, "yes"), 1);
  });

  test("after plan actions are added and removed, a move, a directory edit, a transfer and a reopening", async () => {
    const seven = world.cases[6] as (typeof world.cases)[number];
    const addAction = async (actorKind: string, extra: Record<string, string>) => {
      const res = await lead.post(`/api/plans/${seven.planId}/goals/${seven.goalId}/actions`, {
        version: await planVersion(seven.planId),
        description: `Actie ${actorKind}`,
        dueDate: "2026-12-31",
        actorKind,
        ...extra,
      });
      assert.ok([200, 201].includes(res.statusCode), res.body);
    };
    await addAction("specialistCare", {
      actorName: "GGZ-instelling",
      escalationReason: "needsSpecialistExpertise",
      escalationNote: "Behandeling nodig",
    });
    await addAction("resident", {});
    const month = today.slice(0, 7);
    let v = await monitor(`from=${thisMonth}&until=${today}`);
    assert.deepEqual(
      [
        v("ladder", month, "specialistCare"),
        v("ladder", month, "ownStrength"),
        v("referrals", month, "specialistCareAction"),
      ],
      [1, 1, 1],
    );
    await assertSummaryIsFresh();
    const [ownStrength] = (
      await sql<{ id: string }>`select id from plan_action where plan_id = ${seven.planId}
        and rung = 'ownStrength'`.execute(app.database.db)
    ).rows;
    const removed = await lead.post(`/api/plans/${seven.planId}/actions/${ownStrength?.id}/remove`, {
      version: await planVersion(seven.planId),
    });
    assert.equal(removed.statusCode, 200, removed.body);
    v = await monitor(`from=${thisMonth}&until=${today}`);
    assert.deepEqual([v("ladder", month, "specialistCare"), v("ladder", month, "ownStrength")], [1, 0]);
    await assertSummaryIsFresh();
    await assertSummaryAgreesWithLive();

    // The main contact of case 7 moves into a buurt; the social map entry gets a second Wmo field.
    const db = app.database.db;
    await sql`update resident set neighbourhood_code = 'BU00010101' where id = ${seven.residentId}`.execute(
      db,
    );
    assert.equal((await summaryOf(seven.caseId))?.neighbourhoodCode, "BU00010101");
    await sql`update directory_entry set wmo_performance_fields = '{6,7}'
      where municipality_id = ${world.municipality.id}`.execute(db);
    assert.deepEqual((await summaryOf(world.cases[0]?.caseId as string))?.wmoFields, ["6", "7"]);
    await assertSummaryIsFresh();
    await assertSummaryAgreesWithLive();

    // A case moves to the other team; a closed case is reopened.
    await sql`update case_file set team_id = ${world.teamB.id} where id = ${world.cases[1]?.caseId}`.execute(
      db,
    );
    const reopened = await lead.post(`/api/cases/${world.cases[2]?.caseId}/reopen`, {
      version: await caseVersion(world.cases[2]?.caseId as string),
      reason: "Nieuwe schulden",
    });
    assert.equal(reopened.statusCode, 201, reopened.body);
    assert.equal((await summaryOf(world.cases[2]?.caseId as string))?.closedOn, null);
    await assertSummaryIsFresh();
    await assertSummaryAgreesWithLive();
  });

  test("two transactions changing one case at the same time leave its row current", async () => {
    const db = app.database.db;
    const four = world.cases[3] as (typeof world.cases)[number];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote = () => {};
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    // The first writes a later final ZRM and waits before committing …
    const first = db.transaction().execute(async (trx) => {
      const id = crypto.randomUUID();
      await sql`insert into assessment (municipality_id, id, case_id, household_id, resident_id, zrm_version, kind,
          assessed_on, assessor_user_id)
        values (${world.municipality.id}, ${id}, ${four.caseId}, ${four.householdId}, ${four.residentId}, '2017',
          'final', '2026-02-19', ${world.worker.id})`.execute(trx);
      await sql`insert into assessment_score (municipality_id, assessment_id, household_id, domain, data_category,
          level, assessed_on, assessor_user_id)
        values (${world.municipality.id}, ${id}, ${four.householdId}, 'housing', 'ordinary', 5, '2026-02-19',
          ${world.worker.id})`.execute(trx);
      wrote();
      await gate;
    });
    await written;
    // … while the second removes one of the case's actions (on PostgreSQL it waits for the first's row).
    const second = db.transaction().execute(async (trx) => {
      await sql`update plan_action set removed_at = now() where plan_id = ${four.planId}
        and rung = 'individualProvision'`.execute(trx);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([first, second]);
    const row = await summaryOf(four.caseId);
    assert.match(row?.zrmChanges ?? "", /\(housing,improved\)/, "the first's score");
    assert.doesNotMatch(row?.actions ?? "", /individualProvision/, "the second's removal");
    await assertSummaryIsFresh();
  });

  test("retention's one-statement removals: an anonymised plan leaves the case's row, a deleted case takes it", async () => {
    const db = app.database.db;
    const five = world.cases[4] as (typeof world.cases)[number];
    // Anonymising keeps the case but deletes its plan, in one statement (as retention.ts does).
    await sql`with v as (delete from plan_version where household_id = ${five.householdId} returning 1),
        a as (delete from plan_action where household_id = ${five.householdId} returning 1),
        g as (delete from plan_goal where household_id = ${five.householdId} returning 1),
        p as (delete from support_plan where household_id = ${five.householdId} returning 1)
      select (select count(*) from v) + (select count(*) from a) + (select count(*) from g)
        + (select count(*) from p)`.execute(db);
    const kept = await summaryOf(five.caseId);
    assert.equal(kept?.actions, "{}");
    assert.equal(kept?.closedOn, "2026-02-20", "the case still counts");
    await assertSummaryIsFresh(8 + 1);
    // Deleting the household's case with everything around it, in one statement, takes its row with it.
    const seven = world.cases[6] as (typeof world.cases)[number];
    await sql`with v as (delete from plan_version where household_id = ${seven.householdId} returning 1),
        a as (delete from plan_action where household_id = ${seven.householdId} returning 1),
        g as (delete from plan_goal where household_id = ${seven.householdId} returning 1),
        p as (delete from support_plan where household_id = ${seven.householdId} returning 1),
        s as (delete from assessment_score where household_id = ${seven.householdId} returning 1),
        z as (delete from assessment where household_id = ${seven.householdId} returning 1),
        l as (delete from case_professional where household_id = ${seven.householdId} returning 1),
        c as (delete from case_file where household_id = ${seven.householdId} returning 1)
      select (select count(*) from v) + (select count(*) from c)`.execute(db);
    assert.equal(await summaryOf(seven.caseId), undefined);
    await assertSummaryIsFresh(8);
    await assertSummaryAgreesWithLive();
  });

  test("the table itself shows a team lead only their cases and a policy officer none", async () => {
    const actor = (role: "policyOfficer" | "teamLead", userId: string, teamIds: string[]) => ({
      userId,
      municipalityId: world.municipality.id,
      role,
      displayName: role,
      organisationId: null,
      teamIds,
    });
    const count = (a: ReturnType<typeof actor>) =>
      withActor(app.database.db, a, { clientIp: null }, async (ctx) => {
        const r = await sql<{ n: number }>`select count(*)::int as n from case_outcome_summary`.execute(
          ctx.trx,
        );
        return r.rows[0]?.n;
      });
    assert.equal(await count(actor("policyOfficer", world.policy.id, [])), 0);
    const teamA = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from case_file where team_id = ${world.teamA.id}`.execute(app.database.db)
    ).rows[0]?.n;
    assert.equal(await count(actor("teamLead", world.lead.id, [world.teamA.id])), teamA);
    // The application role cannot write it: only the triggers (as the owner) do.
    await assert.rejects(
      withActor(
        app.database.db,
        actor("teamLead", world.lead.id, [world.teamA.id]),
        { clientIp: null },
        (ctx) => sql`delete from case_outcome_summary`.execute(ctx.trx),
      ),
      /permission denied/,
    );
  });
});
