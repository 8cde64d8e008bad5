import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { withActor } from "../../platform/context.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildDossierWorld, member } from "../households/dossier.factories.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { ageOn, buildPseudonym } from "./pseudonym.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_pseudonym_group_size.

/**
 * Issue 18: a pseudonym must not re-identify. "inwoner, 80, Overvecht" named one person; now an age
 * band, a wijk and a household size appear only as far as at least 5 households share them.
 */
const OVERVECHT = "BU03440311"; // wijk WK034403
const OOST = "BU03440511"; // wijk WK034405

describe("pseudonyms in case conferences", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildDossierWorld>>;
  const households: { id: string; note: string }[] = [];
  const today = todayInNetherlands(new Date());
  const yearsAgo = (age: number, day: number) =>
    `${Number(today.slice(0, 4)) - age - 1}-0${(day % 9) + 1}-1${day % 9}`;

  before(async () => {
    t = await createTestApp();
    w = await buildDossierWorld(t.database.db);
    const worker = await logInAs(t.app, w.worker.username);
    let n = 0;
    const register = async (note: string, people: { age: number; buurt: string }[]) => {
      n += 1;
      const members = people.map((p, i) =>
        member({
          givenName: `Persoon${n}x${i}`,
          familyName: `Gezin${n}`,
          birthDate: yearsAgo(p.age, n + i),
          bsn: null,
          email: null,
          phone: null,
          neighbourhoodCode: p.buurt,
          houseNumber: 100 + n,
          houseNumberAddition: null,
          relation: i === 0 ? "self" : "partner",
          isMainContact: i === 0,
        }),
      );
      const res = await worker.post("/api/households", { members });
      assert.equal(res.statusCode, 201, res.body);
      households.push({ id: res.json().id, note });
    };
    // Six couples in their forties in Overvecht: a group large enough for band, wijk and size.
    for (let i = 0; i < 6; i++)
      await register("overvecht-40s", [
        { age: 41 + i, buurt: OVERVECHT },
        { age: 43 + i, buurt: OVERVECHT },
      ]);
    // Five people in their thirties in Oost, in households of different sizes: band and wijk, no size.
    for (let i = 0; i < 5; i++)
      await register(
        "oost-30s",
        Array.from({ length: 1 + (i % 3) }, (_, k) => ({ age: 31 + i + k * 20, buurt: OOST })),
      );
    // One person of 80 in Oost, alone: the old pseudonym "inwoner, 80, Oost" named exactly them.
    await register("oost-80", [{ age: 80, buurt: OOST }]);
  });
  after(() => t.close());

  const actor = () => ({
    userId: w.worker.id,
    municipalityId: w.municipality.id,
    role: "professional" as const,
    displayName: w.worker.displayName,
    organisationId: w.organisation.id,
    teamIds: [w.team.id],
  });
  const pseudonymOf = (householdId: string) =>
    withActor(t.appDatabase.db, actor(), { clientIp: null }, (ctx) => buildPseudonym(ctx, householdId));

  /** What a pseudonym says about the group, read back from its text. */
  function parse(pseudonym: string) {
    const [head = "", ...rest] = pseudonym.split("; ");
    const [, ...attributes] = head.split(", ");
    const band = attributes.find((a) => /^\d+–\d+$|of ouder|jonger dan/.test(a));
    const wijk = attributes.find((a) => a !== band);
    const size = rest.map((r) => /^huishouden van (\d+)$/.exec(r)?.[1]).find(Boolean);
    return { band, wijk, size: size ? Number(size) : undefined };
  }

  const bandRange = (band: string): [number, number] => {
    if (band === "jonger dan 18") return [0, 17];
    const over = /^(\d+) of ouder$/.exec(band);
    if (over) return [Number(over[1]), 200];
    const [from, to] = band.split("–").map(Number);
    return [from ?? 0, to ?? 200];
  };

  /** Households in the municipality with a member that fits everything the pseudonym says (counted independently). */
  async function groupSize(group: ReturnType<typeof parse>): Promise<number> {
    const [from, to] = group.band ? bandRange(group.band) : [0, 200];
    const { rows } = await sql<{ n: number }>`
      select count(distinct m.household_id)::int as n from household_member m
      join resident r on r.municipality_id = m.municipality_id and r.id = m.resident_id
      left join area b on b.municipality_id = r.municipality_id and b.code = r.neighbourhood_code
      left join area d on d.municipality_id = b.municipality_id and d.code = b.district_code
      where m.municipality_id = ${w.municipality.id}
        and extract(year from age(${today}::date, r.birth_date)) between ${from} and ${to}
        and (${group.wijk ?? null}::text is null or d.name = ${group.wijk ?? null})
        and (${group.size ?? null}::int is null or (select count(*) from household_member x
          where x.municipality_id = m.municipality_id and x.household_id = m.household_id) = ${group.size ?? null})`.execute(
      t.database.db,
    );
    return rows[0]?.n ?? 0;
  }

  test("a pseudonym never names a group of fewer than 5 households", async () => {
    for (const h of households) {
      const pseudonym = await pseudonymOf(h.id);
      const group = parse(pseudonym);
      const attributes = (pseudonym.split("; ")[0] ?? "").split(", ");
      assert.ok(!attributes.some((a) => /^\d+$/.test(a)), `no exact age: ${pseudonym}`);
      if (group.band || group.wijk || group.size)
        assert.ok((await groupSize(group)) >= 5, `${h.note}: "${pseudonym}" names a group under 5`);
    }
  });

  test("detail where the group is large enough, less where it is not", async () => {
    const byNote = async (note: string) => pseudonymOf(households.find((h) => h.note === note)?.id ?? "");
    assert.match(await byNote("overvecht-40s"), /^inwoner, 40–49, Overvecht; huishouden van 2(;|$)/);
    const thirties = await byNote("oost-30s");
    assert.match(thirties, /^inwoner, 30–39, Oost(;|$)/);
    assert.doesNotMatch(thirties, /huishouden van/);
    const eighty = await byNote("oost-80");
    assert.doesNotMatch(eighty, /80|Oost/, eighty);
    assert.match(eighty, /^inwoner(, 65 of ouder)?(;|$)/);
    assert.equal(ageOn("1946-05-01", "2026-04-30"), 79);
  });
});
