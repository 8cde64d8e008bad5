import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { withActor } from "../../platform/context.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildPrivacyWorld } from "./privacy.fixtures.ts";

/**
 * Who sees what, per team model and role: the full dossier (journal, special-category scores), the
 * front office's summary (household and intake summary, nothing else), and nothing at all.
 */
describe("the three team models as access semantics", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
  });
  after(() => t.close());

  type Name = keyof typeof w.users;
  /** What one user reads through row-level security, per dossier. */
  async function seen(name: Name) {
    return withActor(t.database.db, w.actor(w.users[name]), { clientIp: null }, async (ctx) => {
      const out: Record<string, string> = {};
      for (const [label, d] of Object.entries(w.dossiers)) {
        const q = async (table: string) =>
          Number(
            (
              await sql<{
                n: number;
              }>`select count(*)::int as n from ${sql.table(table)} where household_id = ${d.householdId}`.execute(
                ctx.trx,
              )
            ).rows[0]?.n,
          );
        const household = Number(
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from household where id = ${d.householdId}`.execute(ctx.trx)
          ).rows[0]?.n,
        );
        const journal = await q("journal_entry");
        const special = Number(
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from assessment_score where household_id = ${d.householdId} and data_category = 'special'`.execute(
              ctx.trx,
            )
          ).rows[0]?.n,
        );
        const intake = await q("intake");
        const summary = Number(
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from app_intake_summaries(array[${d.householdId}::uuid])`.execute(
              ctx.trx,
            )
          ).rows[0]?.n,
        );
        out[label] =
          journal > 0 && special > 0 && intake > 0
            ? "full"
            : household > 0 && summary > 0 && journal === 0 && special === 0 && intake === 0
              ? "summary"
              : household === 0 && journal === 0 && summary === 0
                ? "none"
                : `inconsistent(h${household},j${journal},s${special},i${intake},sum${summary})`;
      }
      return out;
    });
  }

  const none = { integrated: "none", routed: "none", unrouted: "none", network: "none" };
  const expected: Record<Name, Record<string, string>> = {
    // integrated: every member sees the team's caseload
    integratedLead: { ...none, integrated: "full" },
    caseLead: { ...none, integrated: "full" },
    colleague: { ...none, integrated: "full" },
    // front/back office: the front office sees summaries of all its requests; the back office only what was routed to it
    frontOffice: { ...none, routed: "summary", unrouted: "summary" },
    backOffice: { ...none, routed: "full" },
    otherBackOffice: none,
    fboLead: { ...none, routed: "full", unrouted: "full" },
    // network: only the involved professional (and the team lead)
    networkLead: { ...none, network: "full" },
    networkInvolved: { ...none, network: "full" },
    networkOther: none,
    // outside the teams: nothing
    partner: none,
    policyOfficer: none,
    administrator: none,
  };

  for (const name of Object.keys(expected) as Name[]) {
    test(`${name} sees exactly ${JSON.stringify(expected[name])}`, async () => {
      assert.deepEqual(await seen(name), expected[name]);
    });
  }

  test("in the integrated model the case lead edits and a colleague only reads; the API says so", async () => {
    const lead = await logInAs(t.app, w.users.caseLead.username);
    const colleague = await logInAs(t.app, w.users.colleague.username);
    const id = w.dossiers.integrated.householdId;
    const a = (await lead.get(`/api/households/${id}/access`)).json();
    const b = (await colleague.get(`/api/households/${id}/access`)).json();
    assert.equal(a.level, "caseLead");
    assert.ok(a.actions.includes("edit"));
    assert.equal(b.level, "read");
    assert.ok(!b.actions.includes("edit"));
    // and row-level security refuses the colleague's write, whatever the API does
    await assert.rejects(
      withActor(t.database.db, w.actor(w.users.colleague), { clientIp: null }, (ctx) =>
        sql`insert into journal_entry (municipality_id, id, household_id, kind, occurred_on, text, author_user_id)
            values (${w.municipality.id}, gen_random_uuid(), ${id}, 'phoneCall', '2026-01-13', 'Gebeld', ${w.users.colleague.id})`.execute(
          ctx.trx,
        ),
      ),
      /row-level security/,
    );
  });

  test("the front office gets a summary and may route; the back office cannot route", async () => {
    const front = await logInAs(t.app, w.users.frontOffice.username);
    const access = (await front.get(`/api/households/${w.dossiers.unrouted.householdId}/access`)).json();
    assert.equal(access.level, "frontOffice");
    assert.ok(access.actions.includes("route"));
    const list = (await front.get("/api/front-office/requests")).json().items as {
      name: string;
      requestInOwnWords: string;
      urgency: string;
    }[];
    assert.equal(list.length, 2);
    assert.ok(
      list.some(
        (r) =>
          r.name === "Els Bosman" &&
          r.requestInOwnWords === "Ik kom niet rond met mijn geld" &&
          r.urgency === "high",
      ),
    );
    assert.ok(
      !JSON.stringify(list).includes("Somberheid"),
      "the underlying question stays hidden from the front office",
    );
    const back = await logInAs(t.app, w.users.backOffice.username);
    const denied = await back.post(`/api/households/${w.dossiers.routed.householdId}/routing`, {
      organisationId: w.organisations.debt.id,
    });
    assert.equal(denied.statusCode, 403);
  });

  test("routing to a back-office organisation opens the dossier to that organisation's back office only", async () => {
    const front = await logInAs(t.app, w.users.frontOffice.username);
    const res = await front.post(`/api/households/${w.dossiers.unrouted.householdId}/routing`, {
      organisationId: w.organisations.debt.id,
      note: "Schulden: graag oppakken",
    });
    assert.equal(res.statusCode, 201, res.body);
    const seenByOther = await seen("otherBackOffice");
    assert.equal(seenByOther.unrouted, "full");
    assert.equal((await seen("backOffice")).unrouted, "none");
    assert.equal((await seen("frontOffice")).unrouted, "summary");
    const notBack = await front.post(`/api/households/${w.dossiers.unrouted.householdId}/routing`, {
      organisationId: w.organisations.gp.id,
    });
    assert.equal(notBack.statusCode, 422);
    assert.match(notBack.json().message, /backoffice/);
  });

  test("audit events: the team lead reads their team's trail; professionals, partners and policy officers read none", async () => {
    const lead = await logInAs(t.app, w.users.fboLead.username);
    const events = (await lead.get("/api/audit-events?limit=200")).json().items as { action: string }[];
    assert.ok(events.some((e) => e.action === "case.routed"));
    const otherLead = await logInAs(t.app, w.users.integratedLead.username);
    const others = (await otherLead.get("/api/audit-events?limit=200")).json().items as { action: string }[];
    assert.ok(!others.some((e) => e.action === "case.routed"));
    for (const name of ["frontOffice", "partner", "policyOfficer"] as const) {
      const c = await logInAs(t.app, w.users[name].username);
      assert.equal((await c.get("/api/audit-events")).statusCode, 403, name);
    }
  });
});
