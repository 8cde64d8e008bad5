import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AppError } from "../../platform/http/errors.ts";
import { allocateBudget, roundToTotal } from "./budget.ts";
import { assertWeights, computeDemandIndex, DEFAULT_WEIGHTS, expectedCases, type Weights } from "./demand.ts";

const none: Weights = {
  ...DEFAULT_WEIGHTS,
  elderly: 0,
  singlePersonHouseholds: 0,
  lowIncome: 0,
  socialAssistance: 0,
  corporationHousing: 0,
  density: 0,
};
const A = {
  code: "BU03440001",
  indicators: {
    inhabitants: 1000,
    age65Plus: 200,
    households: 500,
    singlePersonHouseholds: 250,
    socialMinimumHouseholdsPct: 10,
  },
};
const B = {
  code: "BU03440002",
  indicators: {
    inhabitants: 3000,
    age65Plus: 300,
    households: 1000,
    singlePersonHouseholds: 300,
    socialMinimumHouseholdsPct: null,
  },
};
const close = (actual: number | null | undefined, expected: number) =>
  assert.ok(actual != null && Math.abs(actual - expected) < 1e-3, `${actual} ≠ ${expected}`);

describe("demand index", () => {
  test("each component relative to the mean of the areas; 100 = average (hand-computed)", () => {
    // 65+: A 20 %, B 10 %, mean 15. One-person households: A 50 %, B 30 %, mean 40.
    // A: 100 × (0.5 × 20/15 + 0.5 × 50/40) = 129.1667; B: 100 × (0.5 × 10/15 + 0.5 × 30/40) = 70.8333
    const [a, b] = computeDemandIndex([A, B], { ...none, elderly: 0.5, singlePersonHouseholds: 0.5 });
    close(a?.index, 129.1667);
    close(b?.index, 70.8333);
    close(a?.components.find((c) => c.component === "elderly")?.value, 20);
  });

  test("a missing component is not zero: the other weights are scaled up and the gap is named", () => {
    // Low income only known for A (10 %, mean 10 → 1.0). A: 100 × (0.5 × 1.3333 + 0.5 × 1) = 116.667.
    // B: only 65+ known: 100 × (0.5 × 0.6667) / 0.5 = 66.667.
    const [a, b] = computeDemandIndex([A, B], { ...none, elderly: 0.5, lowIncome: 0.5 });
    close(a?.index, 116.6667);
    close(b?.index, 66.6667);
    assert.deepEqual(b?.missing, ["lowIncome"]);
    const [c] = computeDemandIndex([{ code: "X", indicators: { inhabitants: 10 } }], {
      ...none,
      lowIncome: 1,
    });
    assert.equal(c?.index, null, "nothing known → index unknown, not 0");
  });

  test("expected caseload: inhabitants × index as a share of the actual total", () => {
    // A 1000 × 129.1667 = 129166.7; B 3000 × 70.8333 = 212500; total 341666.7; 10 cases.
    const expected = expectedCases(
      [
        { code: "A", inhabitants: 1000, index: 129.1667 },
        { code: "B", inhabitants: 3000, index: 70.8333 },
        { code: "C", inhabitants: null, index: 90 },
      ],
      10,
    );
    close(expected.get("A"), 3.7805);
    close(expected.get("B"), 6.2195);
    assert.equal(expected.get("C"), null);
  });

  test("weights must sum to 1, else a 422 with a Dutch message", () => {
    assert.throws(
      () => assertWeights({ elderly: 0.5, lowIncome: 0.4 }),
      (e: unknown) => e instanceof AppError && e.statusCode === 422 && /tellen op tot 0,9/.test(e.message),
    );
    assert.throws(() => assertWeights({ elderly: 0.5, schoenmaat: 0.5 }), /schoenmaat/);
    assert.equal(assertWeights({ elderly: 0.25, lowIncome: 0.75 }).density, 0);
  });
});

describe("population-based budget", () => {
  const team = (
    teamId: string,
    hoursPerWeek: number,
    areas: { code: string; inhabitants: number | null; index: number | null }[],
  ) => ({
    teamId,
    teamName: `Team ${teamId}`,
    hoursPerWeek,
    areas,
  });

  test("half by inhabitants, half by demand-weighted inhabitants, next to hours × rate (hand-computed)", () => {
    // Inhabitants 1000 vs 3000 → 25 % / 75 %. Demand-weighted: 1000 × 1.5 = 1500 vs 3000 × 0.5 = 1500 → 50 % / 50 %.
    // Model: 0.5 × 25 % + 0.5 × 50 % = 37.5 % → € 37,500; 62.5 % → € 62,500. Now: 40 h × 50 wk × € 50 = € 100,000 each.
    const r = allocateBudget(
      [
        team("1", 40, [{ code: "A", inhabitants: 1000, index: 150 }]),
        team("2", 40, [{ code: "B", inhabitants: 3000, index: 50 }]),
      ],
      { budget: 100000, populationShare: 0.5, hourlyRate: 50, weeksPerYear: 50 },
    );
    assert.deepEqual(
      r.teams.map((t) => [t.modelAmount, t.currentAmount, t.difference]),
      [
        [37500, 100000, -62500],
        [62500, 100000, -37500],
      ],
    );
    assert.equal(r.currentTotal, 200000);
    assert.match(
      r.teams[0]?.explanation ?? "",
      /^Team 1 krijgt €\s37\.500 omdat het 25% van de inwoners bedient/,
    );
    assert.match(r.teams[0]?.explanation ?? "", /€\s62\.500 minder dan nu/);
  });

  test("an area two teams serve is split; a missing index counts as average; missing inhabitants count for nothing", () => {
    // Only population (share 1): A's 1000 split 500/500, B 3000 to team 2 → 500 : 3500 of € 4,000.
    const r = allocateBudget(
      [
        team("1", 10, [{ code: "A", inhabitants: 1000, index: null }]),
        team("2", 10, [
          { code: "A", inhabitants: 1000, index: null },
          { code: "B", inhabitants: 3000, index: 100 },
          { code: "C", inhabitants: null, index: 80 },
        ]),
      ],
      { budget: 4000, populationShare: 1, hourlyRate: 1, weeksPerYear: 1 },
    );
    assert.deepEqual(
      r.teams.map((t) => t.modelAmount),
      [500, 3500],
    );
    assert.ok(r.teams[1]?.notes.some((n) => /C .*onbekend/.test(n)));
    assert.ok(r.teams[0]?.notes.some((n) => /gemiddeld \(100\)/.test(n)));
    assert.ok(r.teams[0]?.notes.some((n) => /door 2 teams/.test(n)));
  });

  test("without a budget the current total is distributed; whole euros add up exactly", () => {
    const r = allocateBudget(
      [1, 2, 3].map((i) => team(String(i), 1, [{ code: `X${i}`, inhabitants: 100, index: 100 }])),
      { budget: null, populationShare: 0.5, hourlyRate: 100, weeksPerYear: 1 },
    );
    assert.equal(r.parameters.budget, 300);
    assert.deepEqual(
      r.teams.map((t) => t.modelAmount),
      [100, 100, 100],
    );
    assert.deepEqual(roundToTotal([33.34, 33.33, 33.33], 100), [34, 33, 33]);
    assert.deepEqual(roundToTotal([10 / 3, 10 / 3, 10 / 3], 10), [4, 3, 3]);
  });

  test("no known inhabitants at all is a 422", () => {
    assert.throws(
      () =>
        allocateBudget([team("1", 1, [])], {
          budget: 1,
          populationShare: 0.5,
          hourlyRate: 1,
          weeksPerYear: 1,
        }),
      (e: unknown) => e instanceof AppError && e.code === "noPopulation",
    );
  });
});
