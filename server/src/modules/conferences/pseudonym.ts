import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { categoryName, isSpecialCategory, listInDutch } from "../privacy/categories.ts";
import type { KnownPerson } from "./personalData.ts";

interface Member extends KnownPerson {
  birthDate: string;
  districtName: string | null;
  isMainContact: boolean;
  relation: string;
}

/** Residents of a household with what the pseudonym and the personal-data check need (full access required). */
export async function householdPeople(ctx: RequestContext, householdId: string): Promise<Member[]> {
  const result = await sql<Member>`
    select r.given_name, r.family_name, r.bsn, r.postcode, r.street, r.phone, r.email, r.birth_date::text as birth_date,
      coalesce(d.name, b.name) as district_name, m.is_main_contact, m.relation
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

/**
 * "inwoner, 54, Overvecht; huishouden van 3; financiën en sociaal netwerk op niveau 2" — derived from
 * the main resident and their latest ZRM: the life domains at level 1–2 (or 3 when none is lower),
 * never the special categories (health, substance use, justice). The resident table has no gender, so
 * the summary says "inwoner".
 */
export async function buildPseudonym(
  ctx: RequestContext,
  householdId: string,
  people?: Member[],
): Promise<string> {
  const members = people ?? (await householdPeople(ctx, householdId));
  const main = members[0];
  if (!main) return "huishouden zonder geregistreerde leden";
  const parts = [
    `inwoner, ${ageOn(main.birthDate, todayInNetherlands(ctx.now))}${main.districtName ? `, ${main.districtName}` : ""}`,
  ];
  if (members.length > 1) parts.push(`huishouden van ${members.length}`);
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
