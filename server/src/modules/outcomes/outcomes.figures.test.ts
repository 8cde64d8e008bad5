import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Cell, completeAndProtect, periodLabels, shareOf } from "./outcomes.figures.ts";

const cell = (category: string, value: number | null, metric: Cell["metric"] = "residentInformed"): Cell => ({
  metric,
  period: "2026-02",
  groupKey: "t",
  subgroup: "",
  category,
  value,
  suppressed: value === null,
});

describe("monitor rules", () => {
  test("period labels per month and per quarter, across a year end", () => {
    assert.deepEqual(periodLabels("2025-11-15", "2026-02-01", "month"), [
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    assert.deepEqual(periodLabels("2025-11-15", "2026-04-01", "quarter"), ["2025-Q4", "2026-Q1", "2026-Q2"]);
  });

  test("missing categories of a distribution with data are true zeros", () => {
    const out = completeAndProtect([cell("informed", 7)], false);
    assert.deepEqual(
      out.map((c) => [c.category, c.value]),
      [
        ["informed", 7],
        ["notInformed", 0],
      ],
    );
  });

  test("one withheld figure takes the smallest other non-zero one with it, for policy staff only", () => {
    const cells = [
      cell("yes", 9, "escalationPrevented"),
      cell("no", 6, "escalationPrevented"),
      cell("unknown", null, "escalationPrevented"),
    ];
    const out = completeAndProtect(cells, true);
    assert.deepEqual(
      out.map((c) => [c.category, c.value]),
      [
        ["yes", 9],
        ["no", null],
        ["unknown", null],
      ],
    );
    assert.equal(shareOf(out, "yes"), null, "no share when a part is withheld");
    const lead = completeAndProtect(
      [cell("yes", 9, "escalationPrevented"), cell("no", 1, "escalationPrevented")],
      false,
    );
    assert.equal(shareOf(lead, "yes"), 90);
  });

  test("two withheld figures are left as they are; a stock figure is not a distribution", () => {
    const two = completeAndProtect([cell("informed", null), cell("notInformed", null)], true);
    assert.equal(two.filter((c) => c.suppressed).length, 2);
    const open = completeAndProtect([cell("open", null, "caseload")], true);
    assert.equal(open.length, 1);
  });
});
