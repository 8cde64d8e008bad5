import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildTeam } from "../../test/factories.ts";
import { seedActions } from "./plans.seed.fixtures.ts";
import { suppressCells } from "./plans.suppression.ts";
import type { ActorKind, Rung } from "./plans.tables.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_ladder_figures_municipality, app_ladder_figures_municipality_live.

type Row = [string, ActorKind, Rung, string | null, boolean?];
const JAN = "2026-01-15T10:00:00Z";
const FEB = "2026-02-15T10:00:00Z";
const own: Row = [JAN, "resident", "ownStrength", null];
const network: Row = [JAN, "networkMember", "ownNetwork", null];
const networkFeb: Row = [FEB, "networkMember", "ownNetwork", null];
const specialist: Row = [JAN, "specialistCare", "specialistCare", "needsSpecialistExpertise"];

describe("ladder figures for the whole municipality: small cells shown as < 5", () => {
  let t: TestApp;
  let policyOfficer: Client;
  let teamLead: Client;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const a = await buildStaffedTeam(db, { code: "GM0344" });
    const pro = await a.member("professional");
    const teamB = { ...a, team: await buildTeam(db, a.municipality.id) };
    // Six households (five in team A, one in team B). Known counts, cell by cell (actions / households):
    // January: own strength 6/6, network 5/5, individual provision 1/1, specialist care 3/2 → total 15/6.
    // February: own strength 1/1, network 5/5 → total 6/6. A removed action never counts.
    await seedActions(db, a, pro.id, [own, network, networkFeb, specialist, specialist]);
    await seedActions(db, a, pro.id, [own, network, networkFeb, specialist]);
    await seedActions(db, a, pro.id, [
      own,
      network,
      networkFeb,
      [JAN, "individualProvision", "individualProvision", "noNetwork"],
    ]);
    await seedActions(db, a, pro.id, [
      own,
      network,
      networkFeb,
      [JAN, "resident", "ownStrength", null, true],
    ]);
    await seedActions(db, a, pro.id, [own, network, networkFeb]);
    await seedActions(db, teamB, pro.id, [own, [FEB, "resident", "ownStrength", null]]);
    // Another municipality's actions are not part of these figures.
    const other = await buildStaffedTeam(db, { code: "GM0355" });
    await seedActions(db, other, (await other.member("professional")).id, [own, own, own, own, own]);
    policyOfficer = await logInAs(t.app, (await a.member("policyOfficer")).username);
    teamLead = await logInAs(t.app, (await a.member("teamLead")).username);
  });
  after(() => t.close());

  test("cells about fewer than 5 households read < 5, and none can be worked out from a total", async () => {
    const res = await policyOfficer.get(
      "/api/plan-figures/ladder/municipality?from=2026-01-01&to=2026-02-28",
    );
    assert.equal(res.statusCode, 200, res.body);
    const f = res.json();
    assert.deepEqual(f.periods, [
      {
        period: "2026-01",
        // Own strength (6) and network (5) are large enough, but hidden: with February's hidden cells and
        // the column totals they would give away February's "< 5".
        perRung: {
          ownStrength: "hidden",
          ownNetwork: "hidden",
          volunteersAndCollective: 0,
          individualProvision: "< 5",
          specialistCare: "< 5",
        },
        specialistReferrals: "< 5",
        total: 15,
      },
      {
        period: "2026-02",
        // One own-strength action of one household: < 5; network (5) hidden, or 6 − 5 would reveal it.
        perRung: {
          ownStrength: "< 5",
          ownNetwork: "hidden",
          volunteersAndCollective: 0,
          individualProvision: 0,
          specialistCare: 0,
        },
        specialistReferrals: 0,
        total: 6,
      },
    ]);
    assert.deepEqual(f.totals, {
      perRung: {
        ownStrength: 7,
        ownNetwork: 10,
        volunteersAndCollective: 0,
        individualProvision: "< 5",
        specialistCare: "< 5",
      },
      specialistReferrals: "< 5",
      total: 21,
      reasons: { needsSpecialistExpertise: "< 5", noNetwork: "< 5" },
    });
    assert.equal(f.threshold, 5);
  });

  test("with five households or more every cell shows its number", async () => {
    const res = await policyOfficer.get(
      "/api/plan-figures/ladder/municipality?from=2026-01-01&to=2026-01-31",
    );
    const f = res.json();
    assert.deepEqual(f.periods[0].perRung.ownNetwork, 5);
    assert.deepEqual(f.periods[0].perRung.ownStrength, 6);
    assert.equal(f.totals.total, 15);
  });

  test("only the policy officer sees municipality figures; a reversed period is refused", async () => {
    const url = "/api/plan-figures/ladder/municipality?from=2026-01-01&to=2026-02-28";
    assert.equal((await teamLead.get(url)).statusCode, 403);
    const reversed = await policyOfficer.get(
      "/api/plan-figures/ladder/municipality?from=2026-03-01&to=2026-02-01",
    );
    assert.equal(reversed.statusCode, 422);
    assert.match(reversed.json().message, /einddatum ligt vóór de begindatum/);
  });

  test("viewing the figures leaves an audit event", async () => {
    const events = await t.database.db
      .selectFrom("auditEvent")
      .select(["action", "resourceType"])
      .where("action", "=", "plan.figuresViewed")
      .where("resourceType", "=", "municipality")
      .execute();
    assert.ok(events.length >= 1);
  });
});

describe("secondary suppression", () => {
  test("after suppression no sum has exactly one hidden member", () => {
    const cell = fc.oneof(fc.constant(null), fc.nat(40));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (grid) => {
          const cells = new Map<string, number | null>();
          const relations: string[][] = [];
          grid.forEach((row, i) => {
            for (const [j, v] of row.entries()) cells.set(`${i}:${j}`, v);
            cells.set(
              `row:${i}`,
              row.reduce<number>((s, v) => s + (v ?? 1), 0),
            );
            relations.push([...row.map((_, j) => `${i}:${j}`), `row:${i}`]);
          });
          for (let j = 0; j < 3; j++) {
            cells.set(
              `col:${j}`,
              grid.reduce<number>((s, row) => s + (row[j] ?? 1), 0),
            );
            relations.push([...grid.map((_, i) => `${i}:${j}`), `col:${j}`]);
          }
          const shown = suppressCells(cells, relations);
          for (const members of relations) {
            const hidden = members.filter((k) => typeof shown.get(k) !== "number").length;
            assert.notEqual(hidden, 1, JSON.stringify({ grid, members }));
          }
          // Nothing the database hid becomes visible.
          for (const [k, v] of cells) if (v === null) assert.equal(shown.get(k), "< 5");
        },
      ),
    );
  });
});
