import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  coverageMatrix,
  domainsFromAreaDemand,
  hoursPerOrganisation,
  type Member,
  staffingGaps,
} from "./staffing.rules.ts";

const member = (userId: string, hoursPerWeek: number, expertise: string[], org = "o1"): Member => ({
  userId,
  displayName: userId,
  organisationId: org,
  organisationName: org === "o1" ? "Welzijn" : "GGZ",
  hoursPerWeek,
  expertise,
});
const m1 = member("m1", 32, ["finances", "multiprobleem"]);
const m2 = member("m2", 8, ["psychiatrie"], "o2");

describe("team composition", () => {
  test("a needed domain nobody covers is a gap; aliases (psychiatrie = mental health) count as cover", () => {
    const matrix = coverageMatrix(
      [m1, m2],
      [
        { domain: "finances", count: 3 },
        { domain: "substanceUse", count: 2 },
        { domain: "mentalHealth", count: 1 },
      ],
    );
    assert.deepEqual(matrix.gaps, ["addiction"]);
    const col = (key: string) => matrix.columns.find((c) => c.key === key);
    assert.equal(col("finances")?.coveredBy, 1);
    assert.equal(col("mentalHealth")?.coveredBy, 1);
    assert.equal(col("multiprobleem")?.kind, "targetGroup");
    assert.equal(col("multiprobleem")?.need, null);
    const row = matrix.rows.find((r) => r.userId === "m2");
    assert.equal(row?.covers[matrix.columns.findIndex((c) => c.key === "mentalHealth")], true);
  });

  test("hours per home organisation (co-funding)", () => {
    assert.deepEqual(
      hoursPerOrganisation([m1, m2, member("m3", 4, [], "o2")]).map((o) => [
        o.organisationName,
        o.hoursPerWeek,
        o.members,
      ]),
      [
        ["Welzijn", 32, 1],
        ["GGZ", 12, 2],
      ],
    );
  });

  test("domains suggested by area demand when there are no ZRM scores", () => {
    assert.deepEqual(
      domainsFromAreaDemand([
        { component: "lowIncome", relative: 1.3 },
        { component: "elderly", relative: 0.8 },
        { component: "corporationHousing", relative: null },
      ]).map((d) => d.domain),
      ["finances"],
    );
  });
});

describe("staffing per half-day", () => {
  test("presence per dagdeel against 2 people, hours against 80 a week (hand-computed)", () => {
    const slots = [
      ...[1, 2, 3, 4].flatMap((weekday) =>
        (["morning", "afternoon"] as const).map((halfDay) => ({ userId: "m1", weekday, halfDay })),
      ),
      { userId: "m2", weekday: 1, halfDay: "morning" as const },
      { userId: "m2", weekday: 1, halfDay: "afternoon" as const },
      { userId: "m2", weekday: 2, halfDay: "morning" as const },
    ];
    const g = staffingGaps([m1, m2], slots, { peoplePerHalfDay: 2, hoursPerWeek: 80, hoursPerHalfDay: 4 });
    const at = (weekday: number, halfDay: string) =>
      g.grid.find((x) => x.weekday === weekday && x.halfDay === halfDay);
    assert.equal(at(1, "morning")?.shortBy, 0);
    assert.equal(at(2, "afternoon")?.shortBy, 1);
    assert.equal(at(5, "morning")?.shortBy, 2);
    assert.equal(g.halfDaysShort, 7);
    assert.equal(g.rosteredHours, 44);
    assert.equal(g.hoursShortOfNorm, 36);
    assert.equal(g.contractShortOfNorm, 40);
    assert.deepEqual(g.overRostered, [{ userId: "m2", rostered: 12, contract: 8 }]);
  });
});
