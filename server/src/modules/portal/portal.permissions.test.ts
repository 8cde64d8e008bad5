import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { auditActions, buildPortalWorld, logInResident } from "./portal.fixtures.ts";

describe("a resident reaches only their own household", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  let residentA: Client;
  before(async () => {
    t = await createTestApp();
    world = await buildPortalWorld(t.database.db);
    residentA = await logInResident(t.app, t.database.db, world.usernameA);
  });
  after(() => t.close());

  const portalRoutes = (householdId: string, goalId: string) =>
    [
      ["GET", `/api/portal/households/${householdId}`],
      ["GET", `/api/portal/households/${householdId}/plan`],
      ["POST", `/api/portal/households/${householdId}/plan/agreement`, { planVersion: 1 }],
      ["POST", `/api/portal/households/${householdId}/goals/${goalId}/comments`, { text: "Hallo" }],
      ["POST", `/api/portal/households/${householdId}/goal-proposals`, { text: "Een doel" }],
      ["GET", `/api/portal/households/${householdId}/self-assessment`],
      [
        "POST",
        `/api/portal/households/${householdId}/self-assessment`,
        { scores: [{ domain: "finances", level: 3 }] },
      ],
      ["GET", `/api/portal/households/${householdId}/access-log`],
      ["POST", `/api/portal/households/${householdId}/export-request`],
      ["GET", `/api/portal/households/${householdId}/messages`],
      ["POST", `/api/portal/households/${householdId}/messages`, { text: "Hallo" }],
      [
        "POST",
        `/api/portal/households/${householdId}/satisfaction`,
        { feltHelped: "yes", takenSeriously: "yes", knowsNextStep: "yes" },
      ],
      ["GET", `/api/portal/households/${householdId}/case-lead/photo`],
    ] as const;

  test("every portal route answers 404 for another household and for an id that does not exist, and audits it", async () => {
    for (const householdId of [world.b.householdId, randomUUID()]) {
      for (const [method, url, body] of portalRoutes(householdId, world.b.goalIds[0] ?? randomUUID())) {
        const before = (await auditActions(t.database.db, "portal.accessRefused")).length;
        const response = await residentA.request(method, url, body);
        assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`);
        assert.doesNotMatch(response.body, /de Boer|Piet/);
        const after = await auditActions(t.database.db, "portal.accessRefused");
        assert.equal(after.length, before + 1, `${method} ${url} is audited`);
        assert.equal(after.at(-1)?.actorUserId, world.a.userId);
      }
    }
    const messagesOfB = await t.database.db
      .selectFrom("portalMessage")
      .select("id")
      .where("householdId", "=", world.b.householdId)
      .execute();
    assert.equal(messagesOfB.length, 0, "nothing was written into the other household");
  });

  test("a goal of another household's plan cannot be commented on through one's own household", async () => {
    const response = await residentA.post(
      `/api/portal/households/${world.a.householdId}/goals/${world.b.goalIds[0]}/comments`,
      { text: "Hallo" },
    );
    assert.equal(response.statusCode, 404);
  });

  test("professional-only routes are closed to a resident", async () => {
    const routes: [string, string][] = [
      ["GET", `/api/households/${world.a.householdId}`],
      ["GET", `/api/households/${world.b.householdId}`],
      ["GET", `/api/residents/${world.a.residentId}`],
      ["GET", `/api/cases/${world.a.caseId}/plan`],
      ["GET", `/api/plans/${world.a.planId}`],
      ["GET", "/api/cases"],
      ["GET", "/api/households"],
      ["GET", "/api/audit"],
      ["GET", "/api/users"],
      ["GET", "/api/teams"],
      ["GET", `/api/portal-desk/cases/${world.a.caseId}`],
      ["GET", "/api/portal-desk/inbox"],
      ["POST", `/api/portal-desk/cases/${world.a.caseId}/messages`],
      ["POST", `/api/portal-desk/cases/${world.a.caseId}/closure-plan`],
      ["POST", `/api/portal-desk/households/${world.a.householdId}/representations`],
    ];
    for (const [method, url] of routes) {
      const response = await residentA.request(method as "GET", url, method === "POST" ? {} : undefined);
      assert.ok([403, 404].includes(response.statusCode), `${method} ${url}: ${response.statusCode}`);
      assert.notEqual(response.statusCode, 200);
      assert.doesNotMatch(response.body, /Aydin|de Boer/);
    }
  });

  test("a professional cannot use the resident's portal routes", async () => {
    const lead = await logInAs(t.app, world.caseLead.username);
    const response = await lead.get(`/api/portal/households/${world.a.householdId}`);
    assert.equal(response.statusCode, 403);
  });

  test("a representative acts for the household while authorised; after the end date access is refused and audited", async () => {
    const lead = await logInAs(t.app, world.caseLead.username);
    const today = world.today;
    const record = (validFrom: string, validUntil: string) =>
      lead.post(`/api/portal-desk/households/${world.a.householdId}/representations`, {
        representedResidentId: world.a.childId,
        representativeUsername: world.usernameB,
        basis: "parent",
        validFrom,
        validUntil,
      });
    const created = await record("2020-01-01", today);
    assert.equal(created.statusCode, 201, created.body);
    const representative = await logInResident(t.app, t.database.db, world.usernameB);
    const me = (await representative.get("/api/portal/me")).json();
    assert.ok(
      me.authorisations.some(
        (a: { householdId: string; active: boolean }) => a.householdId === world.a.householdId && a.active,
      ),
    );
    const overview = await representative.get(`/api/portal/households/${world.a.householdId}`);
    assert.equal(overview.statusCode, 200);
    assert.equal(overview.json().actingAs, "representative");
    assert.ok(
      overview
        .json()
        .authorisations.some((a: { isYou: boolean; basis: string }) => a.isYou && a.basis === "parent"),
    );

    // The authorisation ends: yesterday was its last day.
    await t.database.db
      .updateTable("representation")
      .set({ validUntil: "2020-12-31" })
      .where("id", "=", created.json().id)
      .execute();
    const refused = await representative.get(`/api/portal/households/${world.a.householdId}`);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error, "authorisationEnded");
    assert.match(refused.json().message, /machtiging/);
    const events = await auditActions(t.database.db, "portal.representationRefused");
    assert.equal(events.at(-1)?.householdId, world.a.householdId);
    assert.equal(events.at(-1)?.actorUserId, world.b.userId);
    const plan = await representative.get(`/api/portal/households/${world.a.householdId}/plan`);
    assert.equal(plan.statusCode, 403);
  });

  test("a representation can only be recorded for a resident account and a member of the household", async () => {
    const lead = await logInAs(t.app, world.caseLead.username);
    const notResident = await lead.post(
      `/api/portal-desk/households/${world.a.householdId}/representations`,
      {
        representedResidentId: world.a.childId,
        representativeUsername: world.colleague.username,
        basis: "parent",
        validFrom: "2024-01-01",
        validUntil: "2030-01-01",
      },
    );
    assert.equal(notResident.statusCode, 422);
    const notMember = await lead.post(`/api/portal-desk/households/${world.a.householdId}/representations`, {
      representedResidentId: world.b.residentId,
      representativeUsername: world.usernameB,
      basis: "parent",
      validFrom: "2024-01-01",
      validUntil: "2030-01-01",
    });
    assert.equal(notMember.statusCode, 404);
  });
});
