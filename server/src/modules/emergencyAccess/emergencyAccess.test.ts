import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { withActor } from "../../platform/context.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMembership, buildMunicipality, buildTeam, buildUser } from "../../test/factories.ts";
import { member } from "../households/dossier.factories.ts";
import { buildPrivacyWorld } from "../privacy/privacy.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_household_exists, app_household_team, app_mark_emergency_audit.

describe("emergency access (break the glass)", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
  });
  after(() => t.close());

  const journalCount = (name: keyof typeof w.users, householdId: string) =>
    withActor(t.database.db, w.actor(w.users[name]), { clientIp: null }, async (ctx) =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from journal_entry where household_id = ${householdId}`.execute(
            ctx.trx,
          )
        ).rows[0]?.n,
      ),
    );

  test("bad input is refused precisely and grants nothing", async () => {
    const c = await logInAs(t.app, w.users.networkOther.username);
    const id = w.dossiers.network.householdId;
    const short = await c.post("/api/emergency-access", { householdId: id, reason: "nood" });
    assert.equal(short.statusCode, 422);
    assert.match(short.json().message, /minstens 20 tekens/);
    const long = await c.post("/api/emergency-access", {
      householdId: id,
      reason: "Bewoner belt in paniek, casusregisseur onbereikbaar",
      minutes: 600,
    });
    assert.equal(long.statusCode, 422);
    assert.match(long.json().message, /hoogstens 8 uur/);
    const unknown = await c.post("/api/emergency-access", {
      householdId: crypto.randomUUID(),
      reason: "Bewoner belt in paniek, casusregisseur onbereikbaar",
    });
    assert.equal(unknown.statusCode, 404);
    const already = await (await logInAs(t.app, w.users.networkInvolved.username)).post(
      "/api/emergency-access",
      {
        householdId: id,
        reason: "Bewoner belt in paniek, casusregisseur onbereikbaar",
      },
    );
    assert.equal(already.statusCode, 409);
    assert.equal(await journalCount("networkOther", id), 0);
  });

  test("another municipality's household is unknown (404)", async () => {
    const other = await buildMunicipality(t.database.db);
    const stranger = await buildUser(t.database.db, other.id, { role: "professional" });
    const c = await logInAs(t.app, stranger.username);
    const res = await c.post("/api/emergency-access", {
      householdId: w.dossiers.network.householdId,
      reason: "Bewoner belt in paniek, casusregisseur onbereikbaar",
    });
    assert.equal(res.statusCode, 404);
  });

  test("a granted access opens the dossier, marks every read in the audit trail, and goes on the team lead's review list", async () => {
    const id = w.dossiers.network.householdId;
    const c = await logInAs(t.app, w.users.networkOther.username);
    const reason = "Bewoner belt in paniek, casusregisseur onbereikbaar";
    const res = await c.post("/api/emergency-access", { householdId: id, reason, minutes: 60 });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(await journalCount("networkOther", id), 1);
    const access = (await c.get(`/api/households/${id}/access`)).json();
    assert.equal(access.level, "emergency");
    // A read by any module that audits with the household id is marked as break-the-glass, with a reference
    // to the emergency access (its reason stays there: the audit chain holds no free text).
    await withActor(t.database.db, w.actor(w.users.networkOther), { clientIp: null }, (ctx) =>
      ctx.audit({ action: "household.viewed", resourceType: "household", resourceId: id, householdId: id }),
    );
    const marked = await t.database.db
      .selectFrom("auditEvent")
      .select(["reason", "details", "teamId"])
      .where("action", "=", "household.viewed")
      .where("householdId", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(marked.reason, null);
    const details = marked.details as { breakTheGlass?: boolean; emergencyAccessId?: string };
    assert.equal(details.breakTheGlass, true);
    assert.equal(details.emergencyAccessId, res.json().id);
    // The network team lead sees it to review, with the reason; the integrated team lead does not.
    const lead = await logInAs(t.app, w.users.networkLead.username);
    const list = (await lead.get("/api/emergency-access/reviews")).json().items as {
      id: string;
      reason: string;
      userName: string;
    }[];
    assert.equal(list.length, 1);
    assert.equal(list[0]?.reason, reason);
    const trail = (await lead.get(`/api/audit-events?householdId=${id}`)).json().items as {
      action: string;
      reason: string | null;
    }[];
    // The event refers to the grant; the trail shows the reason read from the grant itself.
    assert.ok(trail.some((e) => e.action === "emergencyAccess.granted" && e.reason === reason));
    const otherLead = await logInAs(t.app, w.users.integratedLead.username);
    assert.equal((await otherLead.get("/api/emergency-access/reviews")).json().items.length, 0);
    // Reviewing takes it off the list.
    const reviewed = await lead.post(`/api/emergency-access/${list[0]?.id}/review`, {
      note: "Terecht: crisis buiten kantoortijd",
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.equal((await lead.get("/api/emergency-access/reviews")).json().items.length, 0);
    // A regular read by someone with access is not marked.
    await withActor(t.database.db, w.actor(w.users.networkInvolved), { clientIp: null }, (ctx) =>
      ctx.audit({ action: "household.viewed", resourceType: "household", resourceId: id, householdId: id }),
    );
    const regular = await t.database.db
      .selectFrom("auditEvent")
      .select(["reason"])
      .where("actorUserId", "=", w.users.networkInvolved.id)
      .where("action", "=", "household.viewed")
      .executeTakeFirstOrThrow();
    assert.equal(regular.reason, null);
  });

  test("expired access reads nothing", async () => {
    const id = w.dossiers.integrated.householdId;
    const c = await logInAs(t.app, w.users.networkOther.username);
    const res = await c.post("/api/emergency-access", {
      householdId: id,
      reason: "Melding van huiselijk geweld, regiehouder ziek",
    });
    assert.equal(res.statusCode, 201);
    assert.equal(await journalCount("networkOther", id), 1);
    // The clock moves past the end: the grant started 5 hours ago and lasted 4.
    await t.database.db
      .updateTable("emergencyAccess")
      .set({ startsAt: new Date(Date.now() - 5 * 3_600_000), expiresAt: new Date(Date.now() - 3_600_000) })
      .where("id", "=", res.json().id)
      .execute();
    assert.equal(await journalCount("networkOther", id), 0);
    assert.equal((await c.get(`/api/households/${id}/access`)).json().level, "none");
  });

  test("filed under the household's team: its team lead reviews, the requester's does not; the case lead is told", async () => {
    const id = w.dossiers.integrated.householdId;
    const requester = await logInAs(t.app, w.users.networkOther.username);
    const res = await requester.post("/api/emergency-access", {
      householdId: id,
      reason: "Buurman meldt rook uit de woning, regiehouder is met verlof",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().reviewer, "teamLead");
    const grantId = res.json().id as string;
    const listOf = async (name: keyof typeof w.users) =>
      (
        (await (await logInAs(t.app, w.users[name].username)).get("/api/emergency-access/reviews")).json()
          .items as { id: string }[]
      ).map((i) => i.id);
    assert.ok((await listOf("integratedLead")).includes(grantId), "the household's team lead reviews it");
    assert.ok(!(await listOf("networkLead")).includes(grantId), "the requester's own team lead does not");
    // The case lead sees who read their household under emergency access, and marks it seen.
    const caseLead = await logInAs(t.app, w.users.caseLead.username);
    const told = (await caseLead.get("/api/emergency-access/on-my-cases")).json().items as { id: string }[];
    assert.ok(told.some((i) => i.id === grantId));
    assert.equal((await requester.post(`/api/emergency-access/${grantId}/seen`)).statusCode, 403);
    assert.equal((await caseLead.post(`/api/emergency-access/${grantId}/seen`)).statusCode, 200);
    const after = (await caseLead.get("/api/emergency-access/on-my-cases")).json().items as { id: string }[];
    assert.ok(!after.some((i) => i.id === grantId));
  });

  test("a team without a team lead: the administrator reviews, so no emergency access goes unreviewed", async () => {
    const team = await buildTeam(t.database.db, w.municipality.id, { name: "Team zonder teamleider" });
    const pro = await buildUser(t.database.db, w.municipality.id, {
      role: "professional",
      organisationId: w.organisations.welfare.id,
    });
    await buildMembership(t.database.db, w.municipality.id, team.id, pro.id, w.organisations.welfare.id);
    const owner = await logInAs(t.app, pro.username);
    const registered = await owner.post("/api/households", {
      members: [
        member({
          familyName: "Zonderleider",
          bsn: null,
          postcode: null,
          houseNumber: null,
          neighbourhoodCode: null,
        }),
      ],
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const requester = await logInAs(t.app, w.users.networkOther.username);
    const res = await requester.post("/api/emergency-access", {
      householdId: registered.json().id,
      reason: "Acute zorg om de veiligheid, niemand van het team bereikbaar",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().reviewer, "administrator");
    const admin = await logInAs(t.app, w.users.administrator.username);
    const list = (await admin.get("/api/emergency-access/reviews")).json().items as { id: string }[];
    assert.ok(list.some((i) => i.id === res.json().id));
    const reviewed = await admin.post(`/api/emergency-access/${res.json().id}/review`, {
      note: "Terecht, vastgelegd in het privacyoverleg",
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    // A team lead cannot review what the administrator reviews.
    const lead = await logInAs(t.app, w.users.integratedLead.username);
    assert.ok(
      !((await lead.get("/api/emergency-access/reviews?all=true")).json().items as { id: string }[]).some(
        (i) => i.id === res.json().id,
      ),
    );
  });
});
