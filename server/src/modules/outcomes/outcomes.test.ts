import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { withActor } from "../../platform/context.ts";
import { parseCsvRows } from "../../platform/csv/csv.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import type { Cell } from "./outcomes.figures.ts";
import { buildOutcomeWorld } from "./outcomes.fixtures.ts";
import type { OutcomeMonitor } from "./outcomes.schemas.ts";

let app: TestApp;
let world: Awaited<ReturnType<typeof buildOutcomeWorld>>;
const Q1 = "from=2026-01-01&until=2026-03-31";

before(async () => {
  app = await createTestApp();
  world = await buildOutcomeWorld(app.database.db);
});
after(() => app.close());

const monitor = async (username: string, query: string) => {
  const client = await logInAs(app.app, username);
  const res = await client.get(`/api/outcomes?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as OutcomeMonitor;
};
const pick =
  (m: OutcomeMonitor) =>
  (metric: string, period: string, group: string, category: string, subgroup = "") => {
    const cell = m.cells.find(
      (c: Cell) =>
        c.metric === metric &&
        c.period === period &&
        c.groupKey === group &&
        c.category === category &&
        c.subgroup === subgroup,
    );
    return cell ? (cell.suppressed ? "< 5" : cell.value) : "no row";
  };

describe("outcome monitor: every figure against known answers", () => {
  test("team lead sees their own team, unsuppressed", async () => {
    const m = await monitor(world.lead.username, Q1);
    const a = world.teamA.id;
    const v = pick(m);
    assert.equal(m.smallCellsSuppressed, false);
    assert.deepEqual(m.periods, ["2026-01", "2026-02", "2026-03"]);
    assert.deepEqual(m.groups, [{ key: a, label: "Team Noord" }], "no other team");
    // Caseload (open at the end of the month) and throughput.
    assert.deepEqual(
      [
        v("caseload", "2026-01", a, "open"),
        v("caseload", "2026-02", a, "open"),
        v("caseload", "2026-03", a, "open"),
      ],
      [6, 2, 2],
    );
    assert.equal(v("throughput", "2026-01", a, "opened"), 6);
    assert.equal(v("throughput", "2026-02", a, "opened"), 1);
    assert.equal(v("throughput", "2026-02", a, "closed"), 5);
    assert.equal(v("throughput", "2026-01", a, "closed"), 0, "a true zero next to figures of the same month");
    // ZRM between intake and closure, per domain; a domain without an intake score is missing, not "same".
    assert.deepEqual(
      ["improved", "same", "worse", "missing"].map((c) => v("zrmChange", "2026-02", a, c, "finances")),
      [5, 0, 0, 0],
    );
    assert.deepEqual(
      ["improved", "same", "worse", "missing"].map((c) => v("zrmChange", "2026-02", a, c, "housing")),
      [1, 3, 1, 0],
    );
    assert.deepEqual(
      ["improved", "same", "worse", "missing"].map((c) => v("zrmChange", "2026-02", a, c, "mentalHealth")),
      [0, 0, 0, 1],
    );
    // Support ladder per month of the action, and its shift from individual provision to own strength.
    assert.equal(v("ladder", "2026-01", a, "individualProvision"), 6);
    assert.equal(v("ladder", "2026-01", a, "ownStrength"), 0);
    assert.equal(v("ladder", "2026-02", a, "ownStrength"), 5);
    assert.equal(v("ladder", "2026-03", a, "specialistCare"), 1);
    assert.equal(v("referrals", "2026-03", a, "specialistCareAction"), 1);
    assert.deepEqual(
      ["yes", "no", "unknown"].map((c) => v("escalationPrevented", "2026-02", a, c)),
      [4, 1, 0],
    );
    assert.deepEqual(
      ["informed", "notInformed"].map((c) => v("residentInformed", "2026-02", a, c)),
      [5, 0],
    );
    assert.deepEqual(
      ["onTime", "late", "openOverdue", "openWithinDeadline"].map((c) =>
        v("signalDeadlines", "2026-01", a, c),
      ),
      [5, 1, 0, 0],
    );
    assert.deepEqual(
      ["yes", "somewhat", "no"].map((c) => v("satisfaction", "2026-02", a, c, "takenSeriously")),
      [5, 2, 0],
    );
    assert.deepEqual(
      ["yes", "somewhat", "no"].map((c) => v("satisfaction", "2026-02", a, c, "feltHelped")),
      [7, 0, 0],
    );
  });

  test("policy officer sees every team, with figures about fewer than 5 residents withheld", async () => {
    const m = await monitor(world.policy.username, Q1);
    const [a, b] = [world.teamA.id, world.teamB.id];
    const v = pick(m);
    assert.equal(m.smallCellsSuppressed, true);
    assert.equal(m.groups.length, 2);
    assert.deepEqual([v("caseload", "2026-01", a, "open"), v("caseload", "2026-02", a, "open")], [6, "< 5"]);
    assert.equal(v("caseload", "2026-01", b, "open"), "< 5", "team Zuid has two cases");
    assert.equal(v("throughput", "2026-02", a, "opened"), "< 5");
    assert.equal(v("throughput", "2026-02", a, "closed"), 5);
    assert.deepEqual(
      ["improved", "same", "worse"].map((c) => v("zrmChange", "2026-02", a, c, "finances")),
      [5, 0, 0],
    );
    assert.deepEqual(
      ["improved", "same", "worse"].map((c) => v("zrmChange", "2026-02", a, c, "housing")),
      ["< 5", "< 5", "< 5"],
    );
    assert.deepEqual(
      ["yes", "no"].map((c) => v("escalationPrevented", "2026-02", a, c)),
      ["< 5", "< 5"],
    );
    assert.equal(v("ladder", "2026-03", a, "specialistCare"), "< 5");
    // Secondary suppression: one late signal would follow from the total, so "on time" is withheld too.
    assert.deepEqual(
      ["onTime", "late"].map((c) => v("signalDeadlines", "2026-01", a, c)),
      ["< 5", "< 5"],
    );
    assert.deepEqual(
      ["yes", "somewhat"].map((c) => v("satisfaction", "2026-02", a, c, "takenSeriously")),
      ["< 5", "< 5"],
    );
    assert.equal(v("satisfaction", "2026-02", a, "yes", "feltHelped"), 7);
    // No small number anywhere in the answer.
    assert.ok(m.cells.every((c) => (c.suppressed ? c.value === null : c.value === 0 || (c.value ?? 0) >= 5)));
  });

  test("per wijk and per Wmo performance field, with unknown areas shown as unknown", async () => {
    const d = await monitor(world.lead.username, `${Q1}&dimension=district`);
    assert.deepEqual(
      d.groups.map((g) => [g.key, g.label]),
      [
        ["WK000101", "Noord"],
        ["unknown", null],
      ],
    );
    assert.equal(pick(d)("caseload", "2026-01", "WK000101", "open"), 6);
    assert.equal(pick(d)("caseload", "2026-02", "unknown", "open"), 1);
    assert.equal(pick(d)("signalDeadlines", "2026-01", "WK000101", "onTime"), 5);
    assert.deepEqual(d.notAvailable, ["satisfaction"]);
    const w = await monitor(world.lead.username, `${Q1}&dimension=wmoField&granularity=quarter`);
    assert.deepEqual(w.periods, ["2026-Q1"]);
    assert.equal(
      pick(w)("caseload", "2026-Q1", "6", "open"),
      1,
      "case 6 is the only one still open with field 6",
    );
    assert.equal(pick(w)("throughput", "2026-Q1", "6", "opened"), 6);
    assert.equal(pick(w)("throughput", "2026-Q1", "none", "opened"), 1);
    assert.deepEqual(w.notAvailable, ["signalDeadlines", "satisfaction"]);
  });

  test("a period without data says so; bad periods get a precise message", async () => {
    const empty = await monitor(world.policy.username, "from=2020-01-01&until=2020-03-31");
    assert.equal(empty.hasData, false);
    assert.deepEqual(empty.cells, []);
    const client = await logInAs(app.app, world.policy.username);
    const reversed = await client.get("/api/outcomes?from=2026-03-01&until=2026-01-01");
    assert.equal(reversed.statusCode, 422);
    assert.match(reversed.json().message, /vóór de begindatum/);
    const impossible = await client.get("/api/outcomes?from=2026-02-30&until=2026-03-31");
    assert.equal(impossible.statusCode, 422);
    assert.equal((await client.get("/api/outcomes?dimension=street")).statusCode, 400);
  });

  test("CSV export shows withheld figures as < 5 and is audited", async () => {
    const client = await logInAs(app.app, world.policy.username);
    const res = await client.get(`/api/outcomes.csv?${Q1}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers["content-type"] as string, /text\/csv/);
    // Written by the shared CSV library (issue 18): quoted only where needed.
    const rows = parseCsvRows(res.body, ";").map((r) => r.slice(3).join("|"));
    assert.ok(rows.includes("Team Zuid||open|< 5"), rows.join("\n"));
    assert.ok(!rows.includes("Team Zuid||open|2"));
    const events = await sql<{ action: string; actorRole: string }>`select action, actor_role from audit_event
      where municipality_id = ${world.municipality.id} and action like 'outcomes.%'`.execute(app.database.db);
    assert.ok(events.rows.some((e) => e.action === "outcomes.viewed" && e.actorRole === "policyOfficer"));
    assert.ok(events.rows.some((e) => e.action === "outcomes.exported"));
  });

  test("permissions per role: only team leads and policy officers", async () => {
    for (const [username, status] of [
      [world.worker.username, 403],
      [world.admin.username, 403],
      [world.lead.username, 200],
      [world.policy.username, 200],
    ] as const) {
      const client = await logInAs(app.app, username);
      assert.equal((await client.get(`/api/outcomes?${Q1}`)).statusCode, status, username);
    }
    const leadB = await monitor(world.leadB.username, Q1);
    assert.deepEqual(
      leadB.groups.map((g) => g.key),
      [world.teamB.id],
    );
  });

  test("the aggregation opens no personal data: a policy officer still reads no case, score or resident", async () => {
    const actor = {
      userId: world.policy.id,
      municipalityId: world.municipality.id,
      role: "policyOfficer" as const,
      displayName: "Beleid",
      organisationId: null,
      teamIds: [],
    };
    const counts = await withActor(app.database.db, actor, { clientIp: null }, async (ctx) => {
      const r = await sql<{ cases: number; scores: number; residents: number }>`select
        (select count(*)::int from case_file) as cases, (select count(*)::int from assessment_score) as scores,
        (select count(*)::int from resident) as residents`.execute(ctx.trx);
      return r.rows[0];
    });
    assert.deepEqual(counts, { cases: 0, scores: 0, residents: 0 });
    // A professional calling the function directly gets nothing either.
    const rows = await withActor(
      app.database.db,
      { ...actor, userId: world.worker.id, role: "professional", teamIds: [world.teamA.id] },
      { clientIp: null },
      async (ctx) =>
        (
          await sql`select * from app_outcome_figures('2026-01-01', '2026-03-31', 'month', 'team', now())`.execute(
            ctx.trx,
          )
        ).rows,
    );
    assert.equal(rows.length, 0);
  });
});

describe("outcome monitor over the wire", () => {
  test("a large answer travels compressed to a browser that accepts it, and unpacks to the same figures", async () => {
    const { brotliDecompressSync, gunzipSync } = await import("node:zlib");
    const client = await logInAs(app.app, world.policy.username);
    const url = "/api/outcomes?from=2025-01-01&until=2026-12-31&granularity=month";
    const plain = await client.get(url);
    assert.equal(plain.statusCode, 200, plain.body);
    assert.equal(plain.headers["content-encoding"], undefined, "no compression unless asked for");
    assert.ok(plain.rawPayload.length > 8_192, `a large answer (${plain.rawPayload.length} bytes)`);
    const { cookie } = client;
    for (const [encoding, unpack] of [
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const) {
      const packed = await app.app.inject({
        method: "GET",
        url,
        headers: { cookie, "accept-encoding": encoding },
      });
      assert.equal(packed.headers["content-encoding"], encoding);
      assert.ok(packed.rawPayload.length * 5 < plain.rawPayload.length, `${encoding} is at least 5× smaller`);
      assert.deepEqual(JSON.parse(unpack(packed.rawPayload).toString()), plain.json());
    }
  });
});
