import { sql, type Updateable } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { CaseFileTable, CaseStatus } from "../households/dossier.tables.ts";

type CasePatch = Omit<
  Updateable<CaseFileTable>,
  "municipalityId" | "id" | "householdId" | "teamId" | "version"
>;

// Inserts use no RETURNING (see households.repository.ts).

export function findCase(ctx: RequestContext, id: string) {
  return ctx.trx
    .selectFrom("caseFile as c")
    .innerJoin("team as t", (j) =>
      j.onRef("t.municipalityId", "=", "c.municipalityId").onRef("t.id", "=", "c.teamId"),
    )
    .select(["c.id", "c.householdId", "c.teamId", "t.model as teamModel", "c.status", "c.version", "c.acute"])
    .where("c.id", "=", id)
    .executeTakeFirst();
}

export function findOpenCase(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("caseFile")
    .select(["id", "status"])
    .where("householdId", "=", householdId)
    .where("status", "!=", "closed")
    .executeTakeFirst();
}

export async function insertCase(
  ctx: RequestContext,
  values: {
    id: string;
    householdId: string;
    teamId: string;
    allocatedByUserId: string;
    allocationGrounds: string;
  },
) {
  await ctx.trx
    .insertInto("caseFile")
    .values({
      ...values,
      municipalityId: ctx.actor.municipalityId,
      openedByUserId: ctx.actor.userId,
      openedAt: ctx.now,
    })
    .execute();
}

/** Writes the change only if nobody changed the case since `version` was read; returns rows changed. */
export async function updateCaseIfVersion(
  ctx: RequestContext,
  id: string,
  version: number,
  patch: CasePatch,
) {
  const result = await ctx.trx
    .updateTable("caseFile")
    .set({ ...patch, version: sql`version + 1`, updatedAt: ctx.now })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertStatusChange(
  ctx: RequestContext,
  values: {
    caseId: string;
    householdId: string;
    fromStatus: CaseStatus | null;
    toStatus: CaseStatus;
    note: string | null;
    details?: Record<string, unknown>;
  },
) {
  await ctx.trx
    .insertInto("caseStatusChange")
    .values({
      ...values,
      details: JSON.stringify(values.details ?? {}) as unknown as Record<string, unknown>,
      id: crypto.randomUUID(),
      municipalityId: ctx.actor.municipalityId,
      changedByUserId: ctx.actor.userId,
      changedAt: ctx.now,
    })
    .execute();
}

export function findMembership(ctx: RequestContext, teamId: string, userId: string) {
  return ctx.trx
    .selectFrom("teamMembership as m")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
    )
    .select(["m.userId", "m.organisationId", "u.displayName", "u.role", "u.disabledAt"])
    .where("m.teamId", "=", teamId)
    .where("m.userId", "=", userId)
    .executeTakeFirst();
}

export function findStaffUser(ctx: RequestContext, userId: string) {
  return ctx.trx
    .selectFrom("appUser")
    .select(["id", "displayName", "role", "homeOrganisationId", "disabledAt"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export function listCaseProfessionals(ctx: RequestContext, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return ctx.trx
    .selectFrom("caseProfessional as p")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "p.municipalityId").onRef("u.id", "=", "p.userId"),
    )
    .innerJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "p.municipalityId").onRef("o.id", "=", "p.organisationId"),
    )
    .leftJoin("appUser as e", (j) =>
      j.onRef("e.municipalityId", "=", "p.municipalityId").onRef("e.id", "=", "p.endedByUserId"),
    )
    .select([
      "e.displayName as endedByName",
      "p.caseId",
      "p.userId",
      "u.displayName as name",
      "p.organisationId",
      "o.name as organisationName",
      "p.roleInCase",
      "p.isCaseLead",
      "p.addedAt",
      "p.endedAt",
      "p.endedReason",
    ])
    .where("p.caseId", "in", caseIds)
    .orderBy("p.isCaseLead", "desc")
    .orderBy("p.addedAt")
    .execute();
}

export function findCaseProfessional(ctx: RequestContext, caseId: string, userId: string) {
  return ctx.trx
    .selectFrom("caseProfessional")
    .select(["userId", "isCaseLead", "endedAt"])
    .where("caseId", "=", caseId)
    .where("userId", "=", userId)
    .executeTakeFirst();
}

export function findCaseLead(ctx: RequestContext, caseId: string) {
  return ctx.trx
    .selectFrom("caseProfessional as p")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "p.municipalityId").onRef("u.id", "=", "p.userId"),
    )
    .select(["p.userId", "u.displayName"])
    .where("p.caseId", "=", caseId)
    .where("p.isCaseLead", "=", true)
    .executeTakeFirst();
}

export async function insertCaseProfessional(
  ctx: RequestContext,
  values: {
    caseId: string;
    householdId: string;
    userId: string;
    organisationId: string;
    roleInCase: string;
    isCaseLead: boolean;
  },
) {
  await ctx.trx
    .insertInto("caseProfessional")
    .values({ ...values, municipalityId: ctx.actor.municipalityId, addedAt: ctx.now })
    .execute();
}

export async function insertHandover(
  ctx: RequestContext,
  values: { caseId: string; householdId: string; fromUserId: string | null; toUserId: string; note: string },
) {
  await ctx.trx
    .insertInto("caseLeadHandover")
    .values({
      ...values,
      id: crypto.randomUUID(),
      municipalityId: ctx.actor.municipalityId,
      handedOverByUserId: ctx.actor.userId,
      handedOverAt: ctx.now,
    })
    .execute();
}

export function listCases(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("caseFile as c")
    .innerJoin("team as t", (j) =>
      j.onRef("t.municipalityId", "=", "c.municipalityId").onRef("t.id", "=", "c.teamId"),
    )
    .leftJoin("appUser as a", (j) =>
      j.onRef("a.municipalityId", "=", "c.municipalityId").onRef("a.id", "=", "c.allocatedByUserId"),
    )
    .selectAll("c")
    .select(["t.name as teamName", "a.displayName as allocatedByName"])
    .where("c.householdId", "=", householdId)
    .orderBy("c.openedAt", "desc")
    .execute();
}

export function listHandovers(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("caseLeadHandover as h")
    .leftJoin("appUser as f", (j) =>
      j.onRef("f.municipalityId", "=", "h.municipalityId").onRef("f.id", "=", "h.fromUserId"),
    )
    .leftJoin("appUser as t", (j) =>
      j.onRef("t.municipalityId", "=", "h.municipalityId").onRef("t.id", "=", "h.toUserId"),
    )
    .leftJoin("appUser as b", (j) =>
      j.onRef("b.municipalityId", "=", "h.municipalityId").onRef("b.id", "=", "h.handedOverByUserId"),
    )
    .select([
      "h.id",
      "h.caseId",
      "h.note",
      "h.handedOverAt",
      "f.displayName as fromName",
      "t.displayName as toName",
      "b.displayName as byName",
    ])
    .where("h.householdId", "=", householdId)
    .execute();
}

export function listStatusChanges(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("caseStatusChange as s")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "s.municipalityId").onRef("u.id", "=", "s.changedByUserId"),
    )
    .select([
      "s.id",
      "s.caseId",
      "s.fromStatus",
      "s.toStatus",
      "s.note",
      "s.changedAt",
      "u.displayName as byName",
    ])
    .where("s.householdId", "=", householdId)
    .execute();
}

/** The actor's worklist: cases of their teams, acute first, with aftercare check-ins of closed cases they lead. */
export function listWorklist(ctx: RequestContext) {
  if (ctx.actor.teamIds.length === 0) return Promise.resolve([]);
  return ctx.trx
    .selectFrom("caseFile as c")
    .innerJoin("household as h", (j) =>
      j.onRef("h.municipalityId", "=", "c.municipalityId").onRef("h.id", "=", "c.householdId"),
    )
    .innerJoin("team as t", (j) =>
      j.onRef("t.municipalityId", "=", "c.municipalityId").onRef("t.id", "=", "c.teamId"),
    )
    .leftJoin("caseProfessional as p", (j) =>
      j
        .onRef("p.municipalityId", "=", "c.municipalityId")
        .onRef("p.caseId", "=", "c.id")
        .on("p.isCaseLead", "=", true),
    )
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "p.municipalityId").onRef("u.id", "=", "p.userId"),
    )
    .select([
      "c.id",
      "c.householdId",
      "h.name as householdName",
      "c.status",
      "c.acute",
      "c.openedAt",
      "c.aftercareDate",
      "t.name as teamName",
      "u.displayName as caseLeadName",
      sql<boolean>`coalesce(p.user_id = ${ctx.actor.userId}, false)`.as("isMine"),
    ])
    .where("c.teamId", "in", ctx.actor.teamIds)
    .where((eb) =>
      eb.or([
        eb("c.status", "!=", "closed"),
        eb.and([eb("c.aftercareDate", "is not", null), eb("p.userId", "=", ctx.actor.userId)]),
      ]),
    )
    .orderBy("c.acute", "desc")
    .orderBy(sql`c.status = 'closed'`)
    .orderBy("c.openedAt", "desc")
    .limit(200)
    .execute();
}
