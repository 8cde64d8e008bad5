import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import {
  buildMembership,
  buildMunicipality,
  buildOrganisation,
  buildTeam,
  buildUser,
} from "../../test/factories.ts";
import { importShippedCbsFiles } from "../areaAnalysis/cbs.repository.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_team_domain_needs.

type Client = Awaited<ReturnType<typeof logInAs>>;

describe("team composition and staffing", () => {
  let t: TestApp;
  let teamId: string;
  let otherTeamId: string;
  let members: { id: string }[];
  let outsider: { id: string };
  let lead: Client;
  let otherLead: Client;
  let officer: Client;
  let admin: Client;
  let professional: Client;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const m = await buildMunicipality(db, { code: "GM0344" });
    await importShippedCbsFiles(db, m.id, "GM0344");
    const welzijn = await buildOrganisation(db, m.id, { name: "Welzijn" });
    const ggz = await buildOrganisation(db, m.id, { name: "GGZ", type: "mentalHealth" });
    teamId = (await buildTeam(db, m.id, { areaCodes: ["WK034403"] })).id;
    otherTeamId = (await buildTeam(db, m.id, { areaCodes: ["WK034405"] })).id;
    const leadUser = await buildUser(db, m.id, {
      role: "teamLead",
      organisationId: welzijn.id,
      displayName: "Tom Leider",
    });
    const worker = await buildUser(db, m.id, {
      role: "professional",
      organisationId: ggz.id,
      displayName: "Jeroen GGZ",
    });
    const otherLeadUser = await buildUser(db, m.id, { role: "teamLead", organisationId: welzijn.id });
    outsider = await buildUser(db, m.id, { role: "professional", organisationId: welzijn.id });
    await buildMembership(db, m.id, teamId, leadUser.id, welzijn.id, {
      hoursPerWeek: 32,
      expertise: ["multiprobleem"],
    });
    await buildMembership(db, m.id, teamId, worker.id, ggz.id, {
      hoursPerWeek: 8,
      expertise: ["psychiatrie"],
    });
    await buildMembership(db, m.id, otherTeamId, otherLeadUser.id, welzijn.id, { hoursPerWeek: 20 });
    await buildMembership(db, m.id, otherTeamId, outsider.id, welzijn.id, { hoursPerWeek: 20 });
    members = [leadUser, worker];
    lead = await logInAs(t.app, leadUser.username);
    otherLead = await logInAs(t.app, otherLeadUser.username);
    officer = await logInAs(t.app, (await buildUser(db, m.id, { role: "policyOfficer" })).username);
    admin = await logInAs(t.app, (await buildUser(db, m.id, { role: "administrator" })).username);
    professional = await logInAs(t.app, worker.username);
  });
  after(() => t.close());

  test("the team lead sees members × expertise against the needs of the team's areas, with the gaps", async () => {
    const res = await lead.get(`/api/staffing/teams/${teamId}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.coverage.source, "areaDemand", "no ZRM scores yet: derived from Overvecht's figures");
    assert.ok(
      body.coverage.gaps.includes("finances"),
      "Overvecht's many benefits ask for finances; nobody covers it",
    );
    assert.deepEqual(
      body.coverage.rows.map((r: { displayName: string }) => r.displayName),
      ["Jeroen GGZ", "Tom Leider"],
    );
    assert.deepEqual(
      body.organisations.map((o: { organisationName: string; hoursPerWeek: number }) => [
        o.organisationName,
        o.hoursPerWeek,
      ]),
      [
        ["Welzijn", 32],
        ["GGZ", 8],
      ],
    );
    assert.equal(body.norm.isDefault, true);
    assert.equal(body.staffing.halfDaysShort, 10, "an empty roster is short on every dagdeel");
    assert.equal(body.mayManage, true);
  });

  test("the policy officer sees hours per organisation, never a name", async () => {
    const body = (await officer.get(`/api/staffing/teams/${teamId}`)).json();
    assert.equal(body.members, null);
    assert.equal(body.coverage.rows, null);
    assert.equal(body.organisations.length, 2);
    assert.ok(!JSON.stringify(body).includes("Tom Leider"));
    assert.equal(body.mayManage, false);
    const cofunding = (await officer.get("/api/staffing/co-funding")).json();
    const welzijn = cofunding.organisations.find(
      (o: { organisationName: string }) => o.organisationName === "Welzijn",
    );
    assert.equal(welzijn.hoursPerWeek, 72);
    assert.deepEqual(welzijn.perTeam.map((p: { hoursPerWeek: number }) => p.hoursPerWeek).sort(), [32, 40]);
    assert.equal(
      (
        await officer.post(`/api/staffing/teams/${teamId}/norm`, {
          peoplePerHalfDay: 1,
          hoursPerWeek: 8,
          hoursPerHalfDay: 4,
        })
      ).statusCode,
      403,
    );
  });

  test("the team lead sets norm and roster; gaps per dagdeel follow", async () => {
    const norm = await lead.post(`/api/staffing/teams/${teamId}/norm`, {
      peoplePerHalfDay: 2,
      hoursPerWeek: 80,
      hoursPerHalfDay: 4,
    });
    assert.equal(norm.statusCode, 200, norm.body);
    const [a, b] = members.map((m) => m.id);
    const slots = [
      ...[1, 2, 3, 4].flatMap((weekday) =>
        ["morning", "afternoon"].map((halfDay) => ({ userId: a, weekday, halfDay })),
      ),
      { userId: b, weekday: 1, halfDay: "morning" },
      { userId: b, weekday: 1, halfDay: "afternoon" },
    ];
    const res = await lead.post(`/api/staffing/teams/${teamId}/roster`, { slots });
    assert.equal(res.statusCode, 200, res.body);
    const staffing = res.json().staffing;
    assert.equal(staffing.halfDaysShort, 8);
    assert.equal(staffing.rosteredHours, 40);
    assert.equal(staffing.hoursShortOfNorm, 40);
    const monday = staffing.grid.find(
      (g: { weekday: number; halfDay: string }) => g.weekday === 1 && g.halfDay === "morning",
    );
    assert.deepEqual([monday.present, monday.shortBy], [2, 0]);
    const events = await t.database.db
      .selectFrom("auditEvent")
      .select("action")
      .where("action", "=", "staffing.rosterChanged")
      .execute();
    assert.equal(events.length, 1);
  });

  test("only members on the roster; another team's lead and a professional may not change it", async () => {
    const stranger = await lead.post(`/api/staffing/teams/${teamId}/roster`, {
      slots: [{ userId: outsider.id, weekday: 1, halfDay: "morning" }],
    });
    assert.equal(stranger.statusCode, 422);
    assert.match(stranger.json().message, /Alleen leden van dit team/);
    const twice = await lead.post(`/api/staffing/teams/${teamId}/roster`, {
      slots: [
        { userId: members[0]?.id, weekday: 1, halfDay: "morning" },
        { userId: members[0]?.id, weekday: 1, halfDay: "morning" },
      ],
    });
    assert.equal(twice.statusCode, 422);
    assert.equal(
      (await otherLead.post(`/api/staffing/teams/${teamId}/roster`, { slots: [] })).statusCode,
      403,
    );
    assert.equal(
      (await professional.post(`/api/staffing/teams/${teamId}/roster`, { slots: [] })).statusCode,
      403,
    );
    assert.equal((await professional.get(`/api/staffing/teams/${teamId}`)).statusCode, 403);
    const adminRes = await admin.post(`/api/staffing/teams/${otherTeamId}/roster`, { slots: [] });
    assert.equal(adminRes.statusCode, 200, adminRes.body);
    const kept = (await lead.get(`/api/staffing/teams/${teamId}`)).json();
    assert.equal(kept.staffing.rosteredHours, 40, "refused requests changed nothing");
  });

  test("with ZRM scores, the needs come from the caseload (level 1–2); policy staff see small counts suppressed", async () => {
    const db = t.database.db;
    const { municipalityId } = await db
      .selectFrom("team")
      .select("municipalityId")
      .where("id", "=", teamId)
      .executeTakeFirstOrThrow();
    const [householdId, residentId, caseId, assessmentId] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const by = members[0]?.id ?? "";
    await db
      .insertInto("household")
      .values({
        municipalityId,
        id: householdId,
        name: "H",
        registeredByTeamId: teamId,
        registeredByUserId: by,
      })
      .execute();
    await db
      .insertInto("resident")
      .values({ municipalityId, id: residentId, givenName: "A", familyName: "B", birthDate: "1980-01-01" })
      .execute();
    await db
      .insertInto("householdMember")
      .values({ municipalityId, householdId, residentId, relation: "self", isMainContact: true })
      .execute();
    await db
      .insertInto("caseFile")
      .values({
        municipalityId,
        id: caseId,
        householdId,
        teamId,
        allocatedByUserId: by,
        allocationGrounds: "x",
        openedByUserId: by,
      })
      .execute();
    await db
      .insertInto("assessment")
      .values({
        municipalityId,
        id: assessmentId,
        caseId,
        householdId,
        residentId,
        zrmVersion: "2017",
        assessedOn: "2026-01-01",
        assessorUserId: by,
      })
      .execute();
    for (const [domain, level] of [
      ["housing", 2],
      ["substanceUse", 1],
      ["finances", 4],
    ] as const)
      await db
        .insertInto("assessmentScore")
        .values({
          municipalityId,
          assessmentId,
          householdId,
          domain,
          dataCategory: domain === "substanceUse" ? "special" : "ordinary",
          level,
          assessedOn: "2026-01-01",
          assessorUserId: by,
        })
        .execute();
    const seen = (await lead.get(`/api/staffing/teams/${teamId}`)).json().coverage;
    assert.equal(seen.source, "zrm");
    assert.deepEqual(
      seen.gaps.sort(),
      ["addiction", "housing"],
      "level 4 (finances) is no need; both needs are uncovered",
    );
    assert.equal(seen.columns.find((c: { key: string }) => c.key === "housing").need, 1);
    const policy = (await officer.get(`/api/staffing/teams/${teamId}`)).json().coverage;
    const housing = policy.columns.find((c: { key: string }) => c.key === "housing");
    assert.deepEqual([housing.need, housing.needSuppressed, housing.gap], [null, true, true]);
  });
});
