import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { categoryName, isSpecialCategory, listInDutch } from "../privacy/categories.ts";
import type { KnownPerson } from "./personalData.ts";

interface Member extends KnownPerson {
  birthDate: string;
  districtName: string | null;
  districtCode: string | null;
  isMainContact: boolean;
  relation: string;
}

/** Residents of a household with what the pseudonym and the personal-data check need (full access required). */
export async function householdPeople(ctx: RequestContext, householdId: string): Promise<Member[]> {
  const result = await sql<Member>`
    select r.given_name, r.family_name, r.bsn, r.postcode, r.street, r.phone, r.email, r.birth_date::text as birth_date,
      d.name as district_name, d.code as district_code, m.is_main_contact, m.relation
    from household_member m
    join resident r on r.municipality_id = m.municipality_id and r.id = m.resident_id
    left join area b on b.municipality_id = r.municipality_id and b.code = r.neighbourhood_code
    left join area d on d.municipality_id = b.municipality_id and d.code = b.district_code
    where m.household_id = ${householdId}
    order by m.is_main_contact desc, (m.relation = 'self') desc, r.birth_date`.execute(ctx.trx);
  return result.rows;
}

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** At least this many households must share what a pseudonym says about age, wijk and household size. */
export const MIN_GROUP = 5;

/** A ten-year band ("40–49"), from 90 on "90 of ouder". */
export function ageBand(age: number): { from: number; to: number; label: string } {
  if (age >= 90) return { from: 90, to: 200, label: "90 of ouder" };
  const from = Math.floor(age / 10) * 10;
  return { from, to: from + 9, label: `${from}–${from + 9}` };
}

/** The wide bands when a ten-year band is too small a group. */
export function wideBand(age: number): { from: number; to: number; label: string } {
  if (age < 18) return { from: 0, to: 17, label: "jonger dan 18" };
  if (age < 65) return { from: 18, to: 64, label: "18–64" };
  return { from: 65, to: 200, label: "65 of ouder" };
}

export interface PseudonymGroup {
  band: { from: number; to: number; label: string } | null;
  district: { code: string; name: string } | null;
  householdSize: number | null;
}

/**
 * The most specific description that at least MIN_GROUP households of the municipality share: ten-year
 * band, wijk and household size; then without the size, then without the wijk, then a wide band, then
 * nothing but "inwoner". Counted by app_pseudonym_group_size (server/sql/functions/conferences.sql) over all households.
 */
export async function chooseGroup(
  ctx: RequestContext,
  age: number,
  district: { code: string; name: string } | null,
  householdSize: number,
): Promise<PseudonymGroup> {
  const today = todayInNetherlands(ctx.now);
  const band = ageBand(age);
  const wide = wideBand(age);
  const candidates: PseudonymGroup[] = [
    { band, district, householdSize },
    { band, district, householdSize: null },
    { band, district: null, householdSize },
    { band, district: null, householdSize: null },
    { band: wide, district, householdSize: null },
    { band: wide, district: null, householdSize: null },
  ];
  const tried = new Set<string>();
  for (const c of candidates) {
    const key = JSON.stringify(c);
    if (tried.has(key)) continue;
    tried.add(key);
    const { rows } = await sql<{ n: number }>`select app_pseudonym_group_size(${c.band?.from ?? null}::int,
      ${c.band?.to ?? null}::int, ${c.district?.code ?? null}::text, ${c.householdSize}::int, ${today}::date) as n`.execute(
      ctx.trx,
    );
    if ((rows[0]?.n ?? 0) >= MIN_GROUP) return c;
  }
  return { band: null, district: null, householdSize: null };
}

/**
 * "inwoner, 50–59, Overvecht; huishouden van 3; financiën en sociaal netwerk op niveau 2" — derived
 * from the main resident and their latest ZRM: an age band, a wijk and a household size only as far as
 * at least 5 households share them (chooseGroup), and the life domains at level 1–2 (or 3 when none is
 * lower), never the special categories (health, substance use, justice). The resident table has no
 * gender, so the summary says "inwoner".
 */
export async function buildPseudonym(
  ctx: RequestContext,
  householdId: string,
  people?: Member[],
): Promise<string> {
  const members = people ?? (await householdPeople(ctx, householdId));
  const main = members[0];
  if (!main) return "huishouden zonder geregistreerde leden";
  const district =
    main.districtCode && main.districtName ? { code: main.districtCode, name: main.districtName } : null;
  const group = await chooseGroup(
    ctx,
    ageOn(main.birthDate, todayInNetherlands(ctx.now)),
    district,
    members.length,
  );
  const parts = [["inwoner", group.band?.label, group.district?.name].filter(Boolean).join(", ")];
  // Shown for one person too: leaving it out would itself say "lives alone".
  if (group.householdSize !== null) parts.push(`huishouden van ${group.householdSize}`);
  const scores = await sql<{ domain: string; level: number }>`
    select s.domain, s.level from assessment a
    join assessment_score s on s.municipality_id = a.municipality_id and s.assessment_id = a.id
    where a.household_id = ${householdId}
      and a.id = (select a2.id from assessment a2 where a2.household_id = ${householdId}
                  order by a2.assessed_on desc, a2.recorded_at desc limit 1)`.execute(ctx.trx);
  const ordinary = scores.rows.filter((s) => !isSpecialCategory(s.domain));
  const threshold = ordinary.some((s) => s.level <= 2) ? 2 : 3;
  const byLevel = new Map<number, string[]>();
  for (const s of ordinary.filter((x) => x.level <= threshold).sort((a, b) => a.level - b.level)) {
    byLevel.set(s.level, [...(byLevel.get(s.level) ?? []), categoryName(s.domain)]);
  }
  if (scores.rows.length === 0) parts.push("nog geen ZRM");
  for (const [level, names] of byLevel) parts.push(`${listInDutch(names)} op niveau ${level}`);
  return parts.join("; ");
}

export function namedLabel(members: Member[]): string {
  const main = members[0];
  return main ? `${main.givenName} ${main.familyName}` : "onbekend";
}
