import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type Actor, withActor } from "../../platform/context.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMembership, buildStaffedTeam, buildTeam, buildUser } from "../../test/factories.ts";
import { buildDossier } from "../plans/plans.fixtures.ts";
import { buildDirectoryEntry } from "./directory.factories.ts";
import { type Staffed, seedPlan } from "./directory.usage.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_directory_entry_usage.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Report {
  scope: string;
  teams: {
    teamName: string;
    entries: {
      name: string;
      actions: { value: number | null; suppressed: boolean };
      plans: { value: number | null; suppressed: boolean };
    }[];
  }[];
}
/** "Team: entry actions/plans, …" with "<5" for a suppressed count: compact to compare. */
const summary = (r: Report) =>
  r.teams.map(
    (team) =>
      `${team.teamName}: ${team.entries
        .map((e) => {
          const n = (c: { value: number | null }) => (c.value === null ? "<5" : String(c.value));
          return `${e.name} ${n(e.actions)}/${n(e.plans)}`;
        })
        .join(", ")}`,
  );

describe("social map usage by plans: what teams use most, and entries that cannot silently disappear", () => {
  let t: TestApp;
  let a: Staffed;
  let teamB: string;
  let leadA: Client;
  let professionalA: Client;
  let professionalB: Client;
  let policy: Client;
  let admin: Client;
  let partner: Client;
  let profAId: string;
  const entry: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    a = await buildStaffedTeam(db, { code: "GM0344" });
    await db.updateTable("team").set({ name: "Team Overvecht" }).where("id", "=", a.team.id).execute();
    teamB = (await buildTeam(db, a.municipality.id, { name: "Team Zuid" })).id;
    const lead = await a.member("teamLead");
    const profA = await a.member("professional");
    profAId = profA.id;
    const profB = await buildUser(db, a.municipality.id, { organisationId: a.organisation.id });
    await buildMembership(db, a.municipality.id, teamB, profB.id, a.organisation.id);
    const policyUser = await buildUser(db, a.municipality.id, { role: "policyOfficer" });
    const adminUser = await buildUser(db, a.municipality.id, { role: "administrator" });
    const partnerUser = await buildUser(db, a.municipality.id, { role: "partner" });
    leadA = await logInAs(t.app, lead.username);
    professionalA = await logInAs(t.app, profA.username);
    professionalB = await logInAs(t.app, profB.username);
    policy = await logInAs(t.app, policyUser.username);
    admin = await logInAs(t.app, adminUser.username);
    partner = await logInAs(t.app, partnerUser.username);
    for (const name of ["Administratiecafé", "Taalcafé", "Maatjesproject", "Repair Café"]) {
      entry[name] = (await buildDirectoryEntry(db, a.municipality.id, { name })).id;
    }
    const [e1, e2, e3] = [entry.Administratiecafé, entry.Taalcafé, entry.Maatjesproject] as string[];
    assert.ok(e1 && e2 && e3);
    // Team Overvecht: three plans.
    await seedPlan(db, a, a.team.id, lead.id, [
      { entryId: e1, createdAt: "2025-03-01" },
      { entryId: e1, createdAt: "2025-04-01", status: "inProgress" },
      { entryId: e2, createdAt: "2025-03-01" },
    ]);
    await seedPlan(db, a, a.team.id, lead.id, [
      { entryId: e1, createdAt: "2025-05-01" },
      { entryId: e2, createdAt: "2025-01-10", status: "done", completedAt: "2025-02-15" },
      { entryId: e3, createdAt: "2025-03-01", removed: true },
    ]);
    // A case closed on 1 May 2025: its action counts in a period before that, not now.
    const closed = await seedPlan(
      db,
      a,
      a.team.id,
      lead.id,
      [{ entryId: e3, createdAt: "2025-03-01" }],
      "closed",
    );
    await db
      .updateTable("caseFile")
      .set({ closedAt: new Date("2025-05-01T12:00:00+02:00") })
      .where("id", "=", closed.caseId)
      .execute();
    // Team Zuid: six plans use the Administratiecafé, one the Taalcafé.
    for (let i = 0; i < 6; i++) {
      await seedPlan(db, a, teamB, profB.id, [
        { entryId: e1, createdAt: "2025-03-15" },
        ...(i === 0 ? [{ entryId: e2, createdAt: "2025-03-15" }] : []),
      ]);
    }
  });
  after(() => t.close());

  const usage = async (client: Client, query: string) => {
    const res = await client.get(`/api/directory/usage?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Report;
  };

  test("a team lead sees the provisions their own team's plans use, most used first, per period", async () => {
    assert.deepEqual(summary(await usage(leadA, "from=2025-03-01&until=2025-06-30")), [
      "Team Overvecht: Administratiecafé 3/2, Maatjesproject 1/1, Taalcafé 1/1",
    ]);
    // After the case closed on 1 May its action no longer counts.
    assert.deepEqual(summary(await usage(leadA, "from=2025-05-02&until=2025-06-30")), [
      "Team Overvecht: Administratiecafé 3/2, Taalcafé 1/1",
    ]);
    // Early 2025 only the action that was done in February was running.
    assert.deepEqual(summary(await usage(leadA, "from=2025-01-01&until=2025-02-28")), [
      "Team Overvecht: Taalcafé 1/1",
    ]);
    // Without a period: what runs today (the closed case and the removed action do not count).
    const now = await usage(professionalA, "");
    assert.equal(now.scope, "ownTeams");
    assert.deepEqual(summary(now), ["Team Overvecht: Administratiecafé 3/2, Taalcafé 1/1"]);
    assert.deepEqual(summary(await usage(professionalB, "from=2025-03-01&until=2025-06-30")), [
      "Team Zuid: Administratiecafé 6/6, Taalcafé 1/1",
    ]);
  });

  test("a policy officer sees every team; counts below 5 are only '< 5', also in the raw database answer", async () => {
    const report = await usage(policy, "from=2025-03-01&until=2025-06-30");
    assert.equal(report.scope, "municipality");
    assert.deepEqual(summary(report), [
      "Team Overvecht: Administratiecafé <5/<5, Maatjesproject <5/<5, Taalcafé <5/<5",
      "Team Zuid: Administratiecafé 6/6, Taalcafé <5/<5",
    ]);
    assert.equal(report.teams[0]?.entries[0]?.actions.suppressed, true);
    const raw = await withActor(t.database.db, actor("policyOfficer", []), { clientIp: null }, async (ctx) =>
      (
        await sql<{ activeActions: number | null }>`
          select active_actions from app_directory_usage_by_team('2025-03-01', '2025-06-30')`.execute(ctx.trx)
      ).rows.map((r) => r.activeActions),
    );
    assert.deepEqual(
      raw.sort((x, y) => (x ?? 0) - (y ?? 0)),
      [null, null, null, null, 6],
    );
    const zuid = await usage(policy, `teamId=${teamB}&from=2025-03-01&until=2025-06-30`);
    assert.deepEqual(summary(zuid), ["Team Zuid: Administratiecafé 6/6, Taalcafé <5/<5"]);
  });

  test("no one sees another team's figures; roles without the permission get 403; bad periods get 422", async () => {
    const other = await leadA.get(`/api/directory/usage?teamId=${teamB}`);
    assert.equal(other.statusCode, 403);
    assert.match(other.json().message, /eigen teams/);
    for (const [client, who] of [
      [admin, "administrator"],
      [partner, "partner"],
    ] as const) {
      const res = await client.get("/api/directory/usage");
      assert.equal(res.statusCode, 403, `${who}: ${res.body}`);
    }
    // Even straight through the database a member of team Overvecht gets only team Overvecht.
    const rows = await withActor(
      t.database.db,
      actor("professional", [a.team.id], profAId),
      { clientIp: null },
      async (ctx) =>
        (
          await sql<{
            teamId: string;
          }>`select team_id from app_directory_usage_by_team('2000-01-01', '2100-01-01')`.execute(ctx.trx)
        ).rows,
    );
    assert.ok(rows.length > 0 && rows.every((r) => r.teamId === a.team.id));
    const reversed = await leadA.get("/api/directory/usage?from=2025-06-30&until=2025-03-01");
    assert.equal(reversed.statusCode, 422);
    assert.equal(reversed.json().message, "De einddatum ligt vóór de begindatum.");
    const impossible = await leadA.get("/api/directory/usage?from=2025-02-30");
    assert.equal(impossible.statusCode, 422);
    assert.match(impossible.json().message, /2025-02-30 bestaat niet/);
    const malformed = await leadA.get("/api/directory/usage?from=gisteren");
    assert.equal(malformed.statusCode, 400);
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .select("action")
      .where("action", "=", "directory.usageViewed")
      .execute();
    assert.ok(audit.length >= 5, "every view of the figures is logged");
  });

  test("the entry shows how many active plans use it, counted over all teams", async () => {
    const detail = async (name: string) =>
      (await admin.get(`/api/directory/entries/${entry[name]}`)).json().activePlanReferences;
    assert.equal(await detail("Administratiecafé"), 8, "2 plans of Overvecht + 6 of Zuid");
    assert.equal(await detail("Taalcafé"), 2);
    assert.equal(await detail("Maatjesproject"), 0, "removed action and closed case do not count");
  });

  test("an entry a real plan action uses cannot be deactivated without confirming the count", async () => {
    const id = entry["Repair Café"] as string;
    const dossier = await buildDossier(t.database.db, {
      municipalityId: a.municipality.id,
      teamId: a.team.id,
      organisationId: a.organisation.id,
      leadUserId: profAId,
    });
    const plan = await professionalA.post(`/api/cases/${dossier.caseId}/plan`, { startDate: day(-5) });
    assert.equal(plan.statusCode, 201, plan.body);
    const planId = plan.json().id as string;
    const goal = await professionalA.post(`/api/plans/${planId}/goals`, {
      version: plan.json().version,
      domain: "finances",
      targetLevel: 4,
      targetDate: day(90),
      ownWords: "Ik wil mijn fiets zelf maken",
      professionalWording: "Zelf kleine reparaties doen",
      consideredRungs: ["ownStrength", "ownNetwork", "volunteersAndCollective"],
    });
    assert.equal(goal.statusCode, 200, goal.body);
    const action = await professionalA.post(`/api/plans/${planId}/goals/${goal.json().id}/actions`, {
      version: goal.json().version,
      description: "Samen naar het Repair Café",
      dueDate: day(7),
      actorKind: "collectiveProvision",
      directoryEntryId: id,
    });
    assert.equal(action.statusCode, 200, action.body);

    const detail = (await admin.get(`/api/directory/entries/${id}`)).json();
    assert.equal(detail.activePlanReferences, 1);
    const unconfirmed = await admin.post(`/api/directory/entries/${id}/deactivate`, {
      reason: "Gestopt",
    });
    assert.equal(unconfirmed.statusCode, 409, unconfirmed.body);
    assert.equal(unconfirmed.json().error, "entryInUse");
    assert.deepEqual(unconfirmed.json().details, { activePlanReferences: 1 });
    assert.match(unconfirmed.json().message, /^1 lopende plannen gebruiken deze voorziening/);
    const wrong = await admin.post(`/api/directory/entries/${id}/deactivate`, {
      reason: "Gestopt",
      confirmActivePlanReferences: 0,
    });
    assert.equal(wrong.statusCode, 409, "confirming a different number is not enough");
    const still = (await professionalA.get(`/api/directory/entries/${id}`)).json();
    assert.equal(still.entry.isActive, true, "nothing changed");
    const confirmed = await admin.post(`/api/directory/entries/${id}/deactivate`, {
      reason: "Gestopt",
      confirmActivePlanReferences: 1,
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().entry.isActive, false);
    assert.equal(confirmed.json().activePlanReferences, 1, "the plan keeps its reference");
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .select("details")
      .where("action", "=", "directory.entryDeactivated")
      .where("resourceId", "=", id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, { activePlanReferences: 1 });
  });

  function actor(role: Actor["role"], teamIds: string[], userId: string = randomUUID()): Actor {
    return {
      userId,
      municipalityId: a.municipality.id,
      role,
      displayName: "x",
      organisationId: null,
      teamIds,
    };
  }
});
