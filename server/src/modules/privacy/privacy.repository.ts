import { type Insertable, sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { ConsentTable, ProcessingPurposeTable } from "./privacy.tables.ts";

// Inserts use no RETURNING: rows are checked against the SELECT policies (see 0002).

export function listPurposes(ctx: RequestContext) {
  return ctx.trx.selectFrom("processingPurpose").selectAll().orderBy("name").execute();
}

export function findPurposeByCode(ctx: RequestContext, code: string) {
  return ctx.trx.selectFrom("processingPurpose").selectAll().where("code", "=", code).executeTakeFirst();
}

export function findPurpose(ctx: RequestContext, id: string) {
  return ctx.trx.selectFrom("processingPurpose").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findDefaultPurpose(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("processingPurpose")
    .selectAll()
    .where("isDefault", "=", true)
    .where("active", "=", true)
    .executeTakeFirst();
}

export async function insertPurpose(
  ctx: RequestContext,
  values: Omit<Insertable<ProcessingPurposeTable>, "municipalityId" | "createdAt" | "active">,
) {
  await ctx.trx
    .insertInto("processingPurpose")
    .values({ ...values, municipalityId: ctx.actor.municipalityId, createdAt: ctx.now })
    .execute();
}

/** The purpose recorded for a case, or null. */
export async function findCasePurposeId(ctx: RequestContext, caseId: string) {
  const row = await ctx.trx
    .selectFrom("casePurpose")
    .select("purposeId")
    .where("caseId", "=", caseId)
    .executeTakeFirst();
  return row?.purposeId ?? null;
}

export async function upsertCasePurpose(
  ctx: RequestContext,
  caseId: string,
  householdId: string,
  purposeId: string,
) {
  const existing = await findCasePurposeId(ctx, caseId);
  if (existing) {
    await ctx.trx
      .updateTable("casePurpose")
      .set({ purposeId, setByUserId: ctx.actor.userId, setAt: ctx.now })
      .where("caseId", "=", caseId)
      .execute();
    return;
  }
  await ctx.trx
    .insertInto("casePurpose")
    .values({
      municipalityId: ctx.actor.municipalityId,
      caseId,
      householdId,
      purposeId,
      setByUserId: ctx.actor.userId,
      setAt: ctx.now,
    })
    .execute();
}

/** The open case of a household as the actor may see it (summary access is enough). */
export function findOpenCaseOf(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("caseFile")
    .select(["id", "teamId", "status"])
    .where("householdId", "=", householdId)
    .where("status", "!=", "closed")
    .executeTakeFirst();
}

export async function householdIsSummaryVisible(ctx: RequestContext, householdId: string) {
  const row = await ctx.trx
    .selectFrom("household")
    .select("id")
    .where("id", "=", householdId)
    .executeTakeFirst();
  return row !== undefined;
}

export function listConsents(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("consent as c")
    .innerJoin("processingPurpose as p", (j) =>
      j.onRef("p.municipalityId", "=", "c.municipalityId").onRef("p.id", "=", "c.purposeId"),
    )
    .selectAll("c")
    .select(["p.code as purposeCode", "p.name as purposeName"])
    .where("c.householdId", "=", householdId)
    .orderBy("c.recordedAt", "desc")
    .execute();
}

export function findConsent(ctx: RequestContext, id: string) {
  return ctx.trx.selectFrom("consent").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertConsent(
  ctx: RequestContext,
  values: Omit<
    Insertable<ConsentTable>,
    | "municipalityId"
    | "recordedAt"
    | "recordedByUserId"
    | "withdrawnAt"
    | "withdrawnByUserId"
    | "withdrawalNote"
  >,
) {
  await ctx.trx
    .insertInto("consent")
    .values({
      ...values,
      municipalityId: ctx.actor.municipalityId,
      recordedByUserId: ctx.actor.userId,
      recordedAt: ctx.now,
      withdrawnAt: null,
      withdrawnByUserId: null,
      withdrawalNote: null,
    })
    .execute();
}

export async function markConsentWithdrawn(ctx: RequestContext, id: string, note: string | null) {
  const result = await ctx.trx
    .updateTable("consent")
    .set({ withdrawnAt: ctx.now, withdrawnByUserId: ctx.actor.userId, withdrawalNote: note })
    .where("id", "=", id)
    .where("withdrawnAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findOrganisations(ctx: RequestContext, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return ctx.trx.selectFrom("organisation").select(["id", "name"]).where("id", "in", ids).execute();
}

/** Whether the household exists in the acting municipality (for a professional asking emergency access). */
export async function householdExists(ctx: RequestContext, householdId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(householdId)) return false;
  const result = await sql<{
    exists: boolean;
  }>`select app_household_exists(${householdId}::uuid) as exists`.execute(ctx.trx);
  return result.rows[0]?.exists === true;
}
