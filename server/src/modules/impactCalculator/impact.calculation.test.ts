import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  aggregateCases,
  calculateImpact,
  costOfEntry,
  monthOffset,
  type PriceItem,
  type TimelineEntry,
} from "./impact.calculation.ts";

const hour: PriceItem = {
  id: "h",
  item: "Uur wijkteam",
  unit: "hour",
  priceCents: 8000,
  stakeholder: "municipality",
};
const shelter: PriceItem = {
  id: "s",
  item: "Maand opvang",
  unit: "month",
  priceCents: 300000,
  stakeholder: "municipality",
};
const eviction: PriceItem = {
  id: "e",
  item: "Huisuitzetting",
  unit: "occurrence",
  priceCents: 800000,
  stakeholder: "housingCorporation",
};
const ggz: PriceItem = {
  id: "g",
  item: "GGZ-traject",
  unit: "occurrence",
  priceCents: 450000,
  stakeholder: "healthInsurer",
};
const income: PriceItem = {
  id: "i",
  item: "Inkomensverlies",
  unit: "month",
  priceCents: 40000,
  stakeholder: "resident",
};
const prices = [hour, shelter, eviction, ggz, income];
const entry = (
  id: string,
  scenario: "actual" | "counterfactual",
  priceId: string,
  monthOffset: number,
  quantity: number,
): TimelineEntry => ({ id, scenario, priceId, monthOffset, quantity });

describe("Effectencalculator arithmetic (hand-computed)", () => {
  test("hours fall in their month: 12.5 h × € 80 = € 1.000 in month 2", () => {
    const line = costOfEntry(entry("a", "actual", "h", 2, 12.5), hour);
    assert.equal(line.amountCents, 100000);
    assert.deepEqual([...line.byMonth], [[2, 100000]]);
  });

  test("six months of shelter from month 5 spread € 3.000 a month over months 5–10", () => {
    const line = costOfEntry(entry("b", "counterfactual", "s", 5, 6), shelter);
    assert.equal(line.amountCents, 1800000);
    assert.deepEqual(
      [...line.byMonth],
      [5, 6, 7, 8, 9, 10].map((m) => [m, 300000]),
    );
  });

  test("2.5 months: two whole months and half a month", () => {
    const line = costOfEntry(entry("c", "counterfactual", "s", 0, 2.5), shelter);
    assert.deepEqual(
      [...line.byMonth],
      [
        [0, 300000],
        [1, 300000],
        [2, 150000],
      ],
    );
  });

  test("rounding cents never loses money: 3 months of € 100,00 / 3 each", () => {
    const third: PriceItem = { ...shelter, priceCents: 3333 };
    const line = costOfEntry(entry("d", "actual", "s", 0, 3), third);
    assert.equal(
      [...line.byMonth.values()].reduce((a, b) => a + b, 0),
      line.amountCents,
    );
  });

  test("the eviction case: both scenarios per stakeholder and the difference", () => {
    // Actual: 40 h team (€ 3.200), 10 h in month 3 (€ 800): municipality € 4.000.
    // Counterfactual: eviction in month 4 (corporation € 8.000), shelter 6 months from month 4 (municipality
    // € 18.000), GGZ in month 6 (insurer € 4.500), 6 months income loss from month 4 (resident € 2.400).
    const result = calculateImpact(
      [
        entry("1", "actual", "h", 0, 40),
        entry("2", "actual", "h", 3, 10),
        entry("3", "counterfactual", "e", 4, 1),
        entry("4", "counterfactual", "s", 4, 6),
        entry("5", "counterfactual", "g", 6, 1),
        entry("6", "counterfactual", "i", 4, 6),
      ],
      prices,
    );
    assert.deepEqual(result.actual.totals, {
      municipality: 400000,
      healthInsurer: 0,
      housingCorporation: 0,
      resident: 0,
    });
    assert.equal(result.actual.total, 400000);
    assert.deepEqual(result.counterfactual.totals, {
      municipality: 1800000,
      healthInsurer: 450000,
      housingCorporation: 800000,
      resident: 240000,
    });
    assert.equal(result.counterfactual.total, 3290000);
    assert.deepEqual(result.benefit, {
      municipality: 1400000,
      healthInsurer: 450000,
      housingCorporation: 800000,
      resident: 240000,
    });
    assert.equal(result.netBenefit, 2890000);
    assert.equal(result.horizonMonths, 12);
    // Month 4 of the counterfactual: eviction € 8.000 + shelter € 3.000 + income € 400.
    assert.deepEqual(result.counterfactual.months[4], {
      municipality: 300000,
      healthInsurer: 0,
      housingCorporation: 800000,
      resident: 40000,
    });
    assert.equal(result.actual.months[3]?.municipality, 80000);
  });

  test("the horizon grows with the last month used", () => {
    const result = calculateImpact([entry("1", "counterfactual", "s", 20, 6)], prices);
    assert.equal(result.horizonMonths, 26);
  });

  test("an entry with an unknown price is refused, never counted as zero", () => {
    assert.throws(() => calculateImpact([entry("1", "actual", "x", 0, 1)], prices));
  });

  test("team overview adds cases up", () => {
    const total = aggregateCases([
      {
        actual: { municipality: 400000, healthInsurer: 0, housingCorporation: 0, resident: 0 },
        counterfactual: {
          municipality: 1800000,
          healthInsurer: 450000,
          housingCorporation: 800000,
          resident: 240000,
        },
        hasCounterfactual: true,
      },
      {
        actual: { municipality: 250000, healthInsurer: 0, housingCorporation: 0, resident: 0 },
        counterfactual: { municipality: 0, healthInsurer: 0, housingCorporation: 0, resident: 0 },
        hasCounterfactual: false,
      },
    ]);
    assert.equal(total.cases, 2);
    assert.equal(total.withCounterfactual, 1);
    assert.equal(total.actualTotal, 650000);
    assert.equal(total.counterfactualTotal, 3290000);
    assert.equal(total.netBenefit, 2640000);
    assert.equal(total.benefit.municipality, 1150000);
  });

  test("month offsets count calendar months from the month the case opened", () => {
    assert.equal(monthOffset("2026-01-31", "2026-02-01"), 1);
    assert.equal(monthOffset("2025-11-15", "2026-03-02"), 4);
    assert.equal(monthOffset("2026-03-10", "2026-03-31"), 0);
  });
});
