import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser } from "../../test/factories.ts";
import type { buildDossier } from "./plans.fixtures.ts";
import { seedActions } from "./plans.seed.fixtures.ts";

type Staffed = Awaited<ReturnType<typeof buildStaffedTeam>>;

describe("ladder figures on a known data set, and who may see plans", () => {
  let t: TestApp;
  let a: Staffed;
  let b: Staffed;
  let teamLead: Client;
  let professional: Client;
  let otherTeam: Client;
  let dossier: Awaited<ReturnType<typeof buildDossier>>;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    a = await buildStaffedTeam(db, { code: "GM0344" });
    b = await buildStaffedTeam(db, { code: "GM0355" });
    const pro = await a.member("professional");
    const lead = await a.member("teamLead");
    const proB = await b.member("professional");
    // Team A, January: 2 own strength, 3 network, 1 collective, 1 individual, 2 specialist.
    dossier = await seedActions(db, a, pro.id, [
      ["2026-01-05T10:00:00Z", "resident", "ownStrength", null],
      ["2026-01-06T10:00:00Z", "resident", "ownStrength", null],
      ["2026-01-07T10:00:00Z", "networkMember", "ownNetwork", null],
      ["2026-01-08T10:00:00Z", "networkMember", "ownNetwork", null],
      ["2026-01-09T10:00:00Z", "networkMember", "ownNetwork", null],
      ["2026-01-10T10:00:00Z", "volunteer", "volunteersAndCollective", null],
      ["2026-01-11T10:00:00Z", "individualProvision", "individualProvision", "noNetwork"],
      ["2026-01-12T10:00:00Z", "specialistCare", "specialistCare", "needsSpecialistExpertise"],
      ["2026-01-13T10:00:00Z", "specialistCare", "specialistCare", "crisisFirst"],
    ]);
    // February: 23:30 UTC on 31 January is 1 February in the Netherlands; a removed action does not count.
    await seedActions(db, a, pro.id, [
      ["2026-01-31T23:30:00Z", "networkMember", "ownNetwork", null],
      ["2026-02-10T10:00:00Z", "specialistCare", "specialistCare", "needsSpecialistExpertise"],
      ["2026-02-11T10:00:00Z", "specialistCare", "specialistCare", "conflict", true],
      ["2026-03-02T10:00:00Z", "resident", "ownStrength", null],
    ]);
    // Team B's actions never count for team A.
    await seedActions(db, b, proB.id, [
      ["2026-01-15T10:00:00Z", "specialistCare", "specialistCare", "other"],
    ]);
    teamLead = await logInAs(t.app, lead.username);
    professional = await logInAs(t.app, pro.username);
    otherTeam = await logInAs(t.app, (await a.member("professional")).username);
    // A second team in municipality A whose member has no case of this household.
    const stranger = await buildStaffedTeam(db);
    otherTeam = await logInAs(t.app, (await stranger.member("professional")).username);
  });
  after(() => t.close());

  test("actions per rung per month and referrals to specialist care match the known counts", async () => {
    const res = await teamLead.get(
      `/api/plan-figures/ladder?teamId=${a.team.id}&from=2026-01-01&to=2026-02-28`,
    );
    assert.equal(res.statusCode, 200, res.body);
    const f = res.json();
    assert.deepEqual(f.periods, [
      {
        period: "2026-01",
        perRung: {
          ownStrength: 2,
          ownNetwork: 3,
          volunteersAndCollective: 1,
          individualProvision: 1,
          specialistCare: 2,
        },
        specialistReferrals: 2,
        total: 9,
      },
      {
        period: "2026-02",
        perRung: {
          ownStrength: 0,
          ownNetwork: 1,
          volunteersAndCollective: 0,
          individualProvision: 0,
          specialistCare: 1,
        },
        specialistReferrals: 1,
        total: 2,
      },
    ]);
    assert.deepEqual(f.totals.perRung, {
      ownStrength: 2,
      ownNetwork: 4,
      volunteersAndCollective: 1,
      individualProvision: 1,
      specialistCare: 3,
    });
    assert.equal(f.totals.specialistReferrals, 3);
    assert.deepEqual(f.totals.reasons, { noNetwork: 1, needsSpecialistExpertise: 2, crisisFirst: 1 });
  });

  test("figures are for a team lead of that team only", async () => {
    assert.equal(
      (await professional.get(`/api/plan-figures/ladder?teamId=${a.team.id}&from=2026-01-01&to=2026-02-28`))
        .statusCode,
      403,
    );
    assert.equal(
      (await teamLead.get(`/api/plan-figures/ladder?teamId=${b.team.id}&from=2026-01-01&to=2026-02-28`))
        .statusCode,
      403,
    );
    const reversed = await teamLead.get(
      `/api/plan-figures/ladder?teamId=${a.team.id}&from=2026-03-01&to=2026-02-01`,
    );
    assert.equal(reversed.statusCode, 422);
  });

  test("a professional of another team gets 404 for the plan, its network and reciprocity, and cannot change it", async () => {
    assert.equal((await professional.get(`/api/cases/${dossier.caseId}/plan`)).statusCode, 200);
    for (const url of [
      `/api/cases/${dossier.caseId}/plan`,
      `/api/households/${dossier.householdId}/network`,
      `/api/households/${dossier.householdId}/reciprocity`,
    ]) {
      assert.equal((await otherTeam.get(url)).statusCode, 404, url);
    }
    const plan = await t.database.db
      .selectFrom("supportPlan")
      .select(["id", "version"])
      .where("caseId", "=", dossier.caseId)
      .executeTakeFirstOrThrow();
    const write = await otherTeam.post(`/api/plans/${plan.id}/goals`, {
      version: plan.version,
      domain: "housing",
      targetLevel: 4,
      targetDate: "2026-12-01",
      ownWords: "x",
      professionalWording: "y",
    });
    assert.equal(write.statusCode, 404);
    const add = await otherTeam.post(`/api/households/${dossier.householdId}/network`, {
      name: "X",
      relation: "friend",
      contactFrequency: "weekly",
      closeness: 2,
    });
    assert.equal(add.statusCode, 404);
    assert.equal((await otherTeam.get(`/api/plans/${plan.id}/print`)).statusCode, 404);
  });

  test("a partner and a policy officer get 403 for plans, networks and the worklist", async () => {
    for (const role of ["partner", "policyOfficer", "administrator"]) {
      const user = await buildUser(t.database.db, a.municipality.id, {
        role,
        organisationId: a.organisation.id,
      });
      const client = await logInAs(t.app, user.username);
      for (const url of [
        `/api/cases/${dossier.caseId}/plan`,
        `/api/households/${dossier.householdId}/network`,
        `/api/households/${dossier.householdId}/reciprocity`,
        "/api/worklist",
      ]) {
        assert.equal((await client.get(url)).statusCode, 403, `${role} ${url}`);
      }
    }
  });

  test("the social map counts plans that use an entry, without exposing them", async () => {
    const db = t.database.db;
    const entryId = randomUUID();
    await db
      .insertInto("directoryEntry")
      .values({
        municipalityId: a.municipality.id,
        id: entryId,
        externalKey: "koffie",
        name: "Koffieochtend",
        description: "Elke week koffie in de buurtkamer.",
        kind: "collectiveProvision",
        providerName: "Welzijn",
        accessRoute: "walkIn",
        cost: "free",
        servesWholeMunicipality: true,
        reviewDate: "2027-01-01",
      })
      .execute();
    await db
      .updateTable("planAction")
      .set({
        directoryEntryId: entryId,
        actorKind: "collectiveProvision",
        rung: "volunteersAndCollective",
        helpTags: [],
      })
      .where("householdId", "=", dossier.householdId)
      .where("actorKind", "=", "volunteer")
      .execute();
    const admin = await logInAs(
      t.app,
      (await buildUser(db, a.municipality.id, { role: "administrator" })).username,
    );
    const entry = await admin.get(`/api/directory/entries/${entryId}`);
    assert.equal(entry.statusCode, 200, entry.body);
    assert.equal(entry.json().activePlanReferences, 1);
  });
});
