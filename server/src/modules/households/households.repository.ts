import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { Relation, ResidentTable } from "./dossier.tables.ts";

export type ResidentValues = Omit<
  ResidentTable,
  "municipalityId" | "id" | "version" | "createdAt" | "updatedAt" | "preferredLanguage" | "interpreterNeeded"
> & {
  preferredLanguage: string;
  interpreterNeeded: boolean;
};

// Inserts use no RETURNING: row-level security would check the new row against the SELECT policy,
// which cannot see rows of the statement that writes them. Ids are generated here.

export function findHousehold(ctx: RequestContext, id: string) {
  return ctx.trx
    .selectFrom("household")
    .select(["id", "name", "registeredByTeamId", "mergedIntoId", "createdAt"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertHousehold(
  ctx: RequestContext,
  values: { id: string; name: string; registeredByTeamId: string },
) {
  await ctx.trx
    .insertInto("household")
    .values({ ...values, municipalityId: ctx.actor.municipalityId, registeredByUserId: ctx.actor.userId })
    .execute();
}

export async function insertResident(ctx: RequestContext, id: string, values: ResidentValues) {
  await ctx.trx
    .insertInto("resident")
    .values({ ...values, id, municipalityId: ctx.actor.municipalityId })
    .execute();
}

export async function insertMember(
  ctx: RequestContext,
  values: { householdId: string; residentId: string; relation: Relation; isMainContact: boolean },
) {
  await ctx.trx
    .insertInto("householdMember")
    .values({ ...values, municipalityId: ctx.actor.municipalityId })
    .execute();
}

export function listMembers(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("householdMember as m")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "m.municipalityId").onRef("r.id", "=", "m.residentId"),
    )
    .leftJoin("area as a", (j) =>
      j.onRef("a.municipalityId", "=", "r.municipalityId").onRef("a.code", "=", "r.neighbourhoodCode"),
    )
    .select([
      "r.id",
      "r.givenName",
      "r.familyName",
      "r.birthDate",
      "r.bsn",
      "r.postcode",
      "r.houseNumber",
      "r.houseNumberAddition",
      "r.street",
      "r.city",
      "r.neighbourhoodCode",
      "a.name as neighbourhoodName",
      "r.phone",
      "r.email",
      "r.preferredLanguage",
      "r.interpreterNeeded",
      "r.version",
      "m.relation",
      "m.isMainContact",
    ])
    .where("m.householdId", "=", householdId)
    .orderBy("m.isMainContact", "desc")
    .orderBy("r.birthDate")
    .execute();
}

export function findResidentWithHousehold(ctx: RequestContext, residentId: string) {
  return ctx.trx
    .selectFrom("resident as r")
    .innerJoin("householdMember as m", (j) =>
      j.onRef("m.municipalityId", "=", "r.municipalityId").onRef("m.residentId", "=", "r.id"),
    )
    .select(["r.id", "r.version", "m.householdId"])
    .where("r.id", "=", residentId)
    .executeTakeFirst();
}

export async function updateResident(
  ctx: RequestContext,
  id: string,
  version: number,
  values: ResidentValues,
) {
  const result = await ctx.trx
    .updateTable("resident")
    .set({ ...values, version: sql`version + 1`, updatedAt: ctx.now })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function areaExists(ctx: RequestContext, code: string) {
  return ctx.trx
    .selectFrom("area")
    .select("code")
    .where("code", "=", code)
    .where("kind", "=", "neighbourhood")
    .executeTakeFirst();
}

export interface DuplicateRow {
  residentId: string;
  householdId: string | null;
  byBsn: boolean;
  byNameBirthPostcode: boolean;
  byAddress: boolean;
  visible: boolean | null;
}

/** Looks past the user's own dossiers (SECURITY DEFINER); the caller shows details only where visible. */
export async function findDuplicates(
  ctx: RequestContext,
  r: {
    bsn: string | null;
    familyName: string;
    birthDate: string;
    postcode: string | null;
    houseNumber: number | null;
    houseNumberAddition: string | null;
  },
) {
  const result = await sql<DuplicateRow>`select * from app_find_duplicate_residents(
    ${r.bsn}, ${r.familyName}, ${r.birthDate}::date, ${r.postcode}, ${r.houseNumber}::int, ${r.houseNumberAddition})`.execute(
    ctx.trx,
  );
  return result.rows;
}

export function findVisibleResidents(ctx: RequestContext, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return ctx.trx
    .selectFrom("resident")
    .select([
      "id",
      "givenName",
      "familyName",
      "birthDate",
      "postcode",
      "houseNumber",
      "houseNumberAddition",
      "city",
    ])
    .where("id", "in", ids)
    .execute();
}

export function searchResidents(
  ctx: RequestContext,
  q: { name?: string; birthDate?: string; postcode?: string; bsn?: string },
) {
  let query = ctx.trx
    .selectFrom("resident as r")
    .innerJoin("householdMember as m", (j) =>
      j.onRef("m.municipalityId", "=", "r.municipalityId").onRef("m.residentId", "=", "r.id"),
    )
    .innerJoin("household as h", (j) =>
      j.onRef("h.municipalityId", "=", "m.municipalityId").onRef("h.id", "=", "m.householdId"),
    )
    .select([
      "r.id as residentId",
      "h.id as householdId",
      "h.name as householdName",
      sql<string>`r.given_name || ' ' || r.family_name`.as("name"),
      "r.birthDate",
      "r.postcode",
      "r.houseNumber",
      "r.houseNumberAddition",
      sql<string | null>`(select c.status from case_file c where c.municipality_id = h.municipality_id
        and c.household_id = h.id order by c.opened_at desc limit 1)`.as("caseStatus"),
    ])
    .where("h.mergedIntoId", "is", null);
  if (q.name) {
    const pattern = `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("r.familyName", "ilike", pattern),
        eb("r.givenName", "ilike", pattern),
        eb(sql`r.given_name || ' ' || r.family_name`, "ilike", pattern),
      ]),
    );
  }
  if (q.birthDate) query = query.where("r.birthDate", "=", q.birthDate);
  if (q.postcode) query = query.where("r.postcode", "=", q.postcode);
  if (q.bsn) query = query.where("r.bsn", "=", q.bsn);
  return query.orderBy("r.familyName").orderBy("r.givenName").limit(50).execute();
}

/** Moves every dossier row of one household into another (merge); both histories stay whole. */
export async function moveHouseholdRows(ctx: RequestContext, fromId: string, toId: string) {
  await ctx.trx
    .updateTable("householdMember")
    .set({ householdId: toId, isMainContact: false })
    .where("householdId", "=", fromId)
    .execute();
  for (const table of [
    "journalEntry",
    "assessmentScore",
    "assessment",
    "intake",
    "caseStatusChange",
    "caseLeadHandover",
    "caseProfessional",
  ] as const) {
    await ctx.trx.updateTable(table).set({ householdId: toId }).where("householdId", "=", fromId).execute();
  }
  // Cases last: once they move, the old household may no longer be visible to the actor.
  await ctx.trx
    .updateTable("caseFile")
    .set({ householdId: toId })
    .where("householdId", "=", fromId)
    .execute();
}

export async function insertMerge(
  ctx: RequestContext,
  values: { id: string; householdId: string; mergedHouseholdId: string; note: string },
) {
  await ctx.trx
    .insertInto("householdMerge")
    .values({ ...values, municipalityId: ctx.actor.municipalityId, mergedByUserId: ctx.actor.userId })
    .execute();
}

export function listMerges(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("householdMerge as g")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "g.municipalityId").onRef("u.id", "=", "g.mergedByUserId"),
    )
    .select(["g.id", "g.mergedHouseholdId", "g.note", "g.mergedAt", "u.displayName"])
    .where("g.householdId", "=", householdId)
    .execute();
}
