import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { completeDistribution } from "./outcomes.changeSize.ts";
import { buildOutcomeWorld } from "./outcomes.fixtures.ts";
import type { OutcomeMonitor } from "./outcomes.schemas.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_outcome_change_size.

const Q1 = "from=2026-01-01&until=2026-03-31";

/**
 * The size of ZRM change: per domain, how many residents moved how many levels between the first and
 * the last score (−4 … +4) and the mean, with the monitor's small-number rule for policy staff. The
 * known answers of the fixture: five cases closed in February, finances 2 → 4 for all five, housing
 * 3 → 3, 3, 3, 2, 4; mental health has a final score only (no change to measure).
 */
describe("outcome monitor: the size of ZRM change", () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof buildOutcomeWorld>>;
  const monitor = async (username: string) => {
    const res = await (await logInAs(app.app, username)).get(`/api/outcomes?${Q1}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as OutcomeMonitor;
  };
  const counts = (m: OutcomeMonitor, domain: string) =>
    m.zrmChangeSize.find((d) => d.domain === domain)?.cells.map((c) => (c.suppressed ? "< 5" : c.value));

  before(async () => {
    app = await createTestApp();
    world = await buildOutcomeWorld(app.database.db);
  });
  after(() => app.close());

  test("a team lead sees the full distribution and the mean per domain", async () => {
    const m = await monitor(world.lead.username);
    assert.deepEqual(
      m.zrmChangeSize.map((d) => d.domain),
      ["finances", "housing"],
      "only domains with a first and a last score",
    );
    assert.deepEqual(counts(m, "finances"), [0, 0, 0, 0, 0, 0, 5, 0, 0]);
    assert.deepEqual(counts(m, "housing"), [0, 0, 0, 1, 3, 1, 0, 0, 0]);
    const finances = m.zrmChangeSize.find((d) => d.domain === "finances");
    assert.equal(finances?.mean, 2);
    assert.equal(finances?.residents, 5);
    assert.equal(m.zrmChangeSize.find((d) => d.domain === "housing")?.mean, 0);
  });

  test("policy staff: counts of 1–4 withheld, and the mean with them", async () => {
    const m = await monitor(world.policy.username);
    assert.deepEqual(counts(m, "finances"), [0, 0, 0, 0, 0, 0, 5, 0, 0]);
    assert.equal(m.zrmChangeSize.find((d) => d.domain === "finances")?.mean, 2, "+2 on financiën on average");
    assert.deepEqual(counts(m, "housing"), [0, 0, 0, "< 5", "< 5", "< 5", 0, 0, 0]);
    assert.equal(m.zrmChangeSize.find((d) => d.domain === "housing")?.mean, null);
    assert.ok(!JSON.stringify(m.zrmChangeSize).includes('"value":1'), "no small number leaves the server");
  });

  test("another team's lead sees nothing of it; the CSV carries it", async () => {
    assert.deepEqual((await monitor(world.leadB.username)).zrmChangeSize, []);
    const csv = await (await logInAs(app.app, world.policy.username)).get(`/api/outcomes.csv?${Q1}`);
    assert.equal(csv.statusCode, 200);
    assert.match(
      csv.body,
      /"?ZRM-verandering in niveaus intake–afsluiting"?;[^\n]*"?finances"?;"?2 hoger"?;"?5"?/,
    );
    assert.match(csv.body, /"?housing"?;"?gemiddeld"?;"?niet getoond"?/);
  });

  test("secondary suppression: one withheld count takes the smallest other one with it", () => {
    const row = (delta: number, residents: number | null) => ({
      domain: "finances",
      delta,
      residents,
      suppressed: residents === null,
      total: 20,
      mean: null,
    });
    const d = completeDistribution([row(-1, null), row(0, 8), row(1, 6), row(2, 5)], true);
    assert.deepEqual(
      d.cells.map((c) => (c.suppressed ? "x" : c.value)),
      [0, 0, 0, "x", 8, 6, "x", 0, 0],
    );
    assert.equal(d.mean, null);
    const lead = completeDistribution([{ ...row(1, 3), suppressed: false, mean: "1.00" }], false);
    assert.equal(lead.mean, 1);
  });
});
