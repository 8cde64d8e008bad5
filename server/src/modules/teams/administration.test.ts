import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser } from "../../test/factories.ts";

describe("administration: organisations, teams, users", () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildStaffedTeam>>;
  let b: Awaited<ReturnType<typeof buildStaffedTeam>>;
  let admin: Awaited<ReturnType<typeof logInAs>>;

  before(async () => {
    t = await createTestApp();
    // Both municipalities are added the way a platform operator adds one (npm run municipality:add).
    a = await buildStaffedTeam(t.database.db, { code: "GM0344", onboarded: true });
    b = await buildStaffedTeam(t.database.db, { code: "GM0355", onboarded: true });
    admin = await logInAs(
      t.app,
      (await buildUser(t.database.db, a.municipality.id, { role: "administrator" })).username,
    );
  });
  after(() => t.close());

  test("creates a team in the three models with area codes of its own municipality only", async () => {
    for (const model of ["integrated", "frontBackOffice", "network"]) {
      const res = await admin.post("/api/teams", {
        name: `Team ${model}`,
        model,
        areaCodes: ["WK034403", "BU03440311"],
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const foreign = await admin.post("/api/teams", {
      name: "Zeist",
      model: "network",
      areaCodes: ["WK035501"],
    });
    assert.equal(foreign.statusCode, 422);
    assert.match(foreign.json().message, /WK035501/);
    const malformed = await admin.post("/api/teams", {
      name: "Fout",
      model: "integrated",
      areaCodes: ["Overvecht"],
    });
    assert.equal(malformed.statusCode, 400);
    const duplicate = await admin.post("/api/teams", {
      name: "Team network",
      model: "network",
      areaCodes: [],
    });
    assert.equal(duplicate.statusCode, 409);
  });

  test("adds members with seconded hours; the front/back office choice fits the team model", async () => {
    const user = await buildUser(t.database.db, a.municipality.id, { organisationId: a.organisation.id });
    const fbo = (
      await admin.post("/api/teams", { name: "Loket", model: "frontBackOffice", areaCodes: [] })
    ).json();
    const missing = await admin.post(`/api/teams/${fbo.id}/members`, {
      userId: user.id,
      organisationId: a.organisation.id,
      hoursPerWeek: 28,
      expertise: [],
    });
    assert.equal(missing.statusCode, 422);
    const ok = await admin.post(`/api/teams/${fbo.id}/members`, {
      userId: user.id,
      organisationId: a.organisation.id,
      hoursPerWeek: 28,
      expertise: ["finances", "LVB"],
      office: "back",
    });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().members[0].hoursPerWeek, 28);
    const twice = await admin.post(`/api/teams/${fbo.id}/members`, {
      userId: user.id,
      organisationId: a.organisation.id,
      hoursPerWeek: 8,
      expertise: [],
      office: "front",
    });
    assert.equal(twice.statusCode, 409);
    const tooMany = await admin.post(`/api/teams/${fbo.id}/members`, {
      userId: user.id,
      organisationId: a.organisation.id,
      hoursPerWeek: 41,
      expertise: [],
      office: "front",
    });
    assert.equal(tooMany.statusCode, 400);
  });

  test("a body accepts only declared fields: a teamId beside the path's is a 400 and goes nowhere", async () => {
    const user = await buildUser(t.database.db, a.municipality.id, { organisationId: a.organisation.id });
    const other = (
      await admin.post("/api/teams", { name: "Team B", model: "integrated", areaCodes: [] })
    ).json();
    const smuggled = await admin.post(`/api/teams/${a.team.id}/members`, {
      teamId: other.id,
      userId: user.id,
      organisationId: a.organisation.id,
      hoursPerWeek: 12,
      expertise: [],
    });
    assert.equal(smuggled.statusCode, 400);
    assert.equal(smuggled.json().error, "unknownField");
    assert.match(smuggled.json().message, /teamId/);
    const memberships = await t.database.db
      .selectFrom("teamMembership")
      .select("teamId")
      .where("userId", "=", user.id)
      .execute();
    assert.deepEqual(memberships, [], "nothing written");
    // An unknown field in a nested object is named too, never a 500.
    const nested = await admin.post("/api/teams", {
      name: "X",
      model: "integrated",
      areaCodes: [],
      extra: { a: 1 },
    });
    assert.equal(nested.statusCode, 400);
    assert.equal(nested.json().error, "unknownField");
  });

  test("another municipality's team, user or organisation is not found", async () => {
    assert.equal((await admin.get(`/api/teams/${b.team.id}`)).statusCode, 404);
    const foreignUser = await buildUser(t.database.db, b.municipality.id);
    assert.equal((await admin.post(`/api/users/${foreignUser.id}/disable`)).statusCode, 404);
    const res = await admin.post(`/api/teams/${a.team.id}/members`, {
      userId: foreignUser.id,
      organisationId: b.organisation.id,
      hoursPerWeek: 8,
      expertise: [],
    });
    assert.equal(res.statusCode, 422);
    const list = (await admin.get("/api/organisations")).json().items as { id: string }[];
    assert.ok(!list.some((o) => o.id === b.organisation.id));
  });

  test("an organisation's name is new in the municipality, whatever its capitals", async () => {
    const first = await admin.post("/api/organisations", { name: "Buurtzorg Oost", type: "other" });
    assert.equal(first.statusCode, 201, first.body);
    const again = await admin.post("/api/organisations", { name: "  buurtzorg OOST ", type: "other" });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().message, /Er is al een organisatie met de naam "buurtzorg OOST"/);
    const other = await admin.post("/api/organisations", { name: "Buurtzorg West", type: "other" });
    assert.equal(other.statusCode, 201, other.body);
  });

  test("creates users with a unique name and no password (the user chooses it through a link)", async () => {
    const withPassword = await admin.post("/api/users", {
      username: "nieuw",
      displayName: "Nieuw",
      role: "professional",
      password: "een lang genoeg wachtwoord",
    });
    assert.equal(withPassword.statusCode, 400, "an administrator never sets a password");
    const ok = await admin.post("/api/users", {
      username: "nieuw",
      displayName: "Nieuwe Collega",
      role: "professional",
      homeOrganisationId: a.organisation.id,
    });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().homeOrganisationName, a.organisation.name);
    assert.ok(!("passwordHash" in ok.json()), "no password hash leaves the server");
    const dup = await admin.post("/api/users", { username: "nieuw", displayName: "X", role: "professional" });
    assert.equal(dup.statusCode, 409);
    const role = await admin.post("/api/users", { username: "x2", displayName: "X", role: "god" });
    assert.equal(role.statusCode, 400);
  });

  test("only administrators manage; other roles get 403", async () => {
    for (const role of ["teamLead", "professional", "partner", "policyOfficer"]) {
      const user = await a.member(role);
      const client = await logInAs(t.app, user.username);
      assert.equal(
        (await client.post("/api/organisations", { name: `Org ${role}`, type: "other" })).statusCode,
        403,
        role,
      );
      assert.equal(
        (await client.post("/api/teams", { name: `T ${role}`, model: "network", areaCodes: [] })).statusCode,
        403,
        role,
      );
      assert.equal((await client.get("/api/users")).statusCode, 403, role);
    }
    const partner = await logInAs(t.app, (await a.member("partner")).username);
    assert.equal((await partner.get("/api/teams")).statusCode, 403);
  });

  test("every change is audited in the same transaction", async () => {
    const before = (await admin.get("/api/audit-events?limit=200")).json().items.length;
    await admin.post("/api/organisations", { name: "Audit-test", type: "police" });
    const items = (await admin.get("/api/audit-events?limit=200")).json().items as { action: string }[];
    assert.ok(items.length > before);
    assert.ok(items.some((i) => i.action === "organisation.created"));
  });
});
