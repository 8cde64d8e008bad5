import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { assertPortalHousehold, currentCase } from "./portal.scope.ts";

export interface CaseLeadCard {
  caseId: string;
  userId: string;
  displayName: string;
  organisationName: string;
  phone: string | null;
  reachability: string | null;
  hasPhoto: boolean;
}

export async function caseLeadOf(ctx: RequestContext, householdId: string): Promise<CaseLeadCard | null> {
  const { rows } = await sql<CaseLeadCard>`select * from app_portal_case_lead(${householdId})`.execute(
    ctx.trx,
  );
  return rows[0] ?? null;
}

/** Start page of the portal: the household, the case, the case lead, closure and authorisations. */
export async function getOverview(ctx: RequestContext, householdId: string) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const household = await ctx.trx
    .selectFrom("household")
    .select(["id", "name"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", householdId)
    .executeTakeFirstOrThrow();
  const members = await ctx.trx
    .selectFrom("householdMember as m")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "m.municipalityId").onRef("r.id", "=", "m.residentId"),
    )
    .select(["r.id", "r.givenName", "m.relation"])
    .where("m.municipalityId", "=", ctx.actor.municipalityId)
    .where("m.householdId", "=", householdId)
    .orderBy("r.birthDate")
    .execute();
  const c = await currentCase(ctx, householdId);
  const closurePlan = c
    ? await ctx.trx
        .selectFrom("caseClosurePlan")
        .select(["plannedEndDate", "aftercareContactDate", "afterClosureNote"])
        .where("municipalityId", "=", ctx.actor.municipalityId)
        .where("caseId", "=", c.id)
        .executeTakeFirst()
    : undefined;
  const answered = c
    ? await ctx.trx
        .selectFrom("satisfactionInvitation")
        .select("caseId")
        .where("municipalityId", "=", ctx.actor.municipalityId)
        .where("caseId", "=", c.id)
        .executeTakeFirst()
    : undefined;
  const today = todayInNetherlands(ctx.now);
  const authorisations = await ctx.trx
    .selectFrom("representation")
    .select([
      "id",
      "representedResidentId",
      "representativeUserId",
      "basis",
      "validFrom",
      "validUntil",
      "revokedAt",
    ])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("householdId", "=", householdId)
    .orderBy("validFrom", "desc")
    .execute();
  await ctx.audit({
    action: "portal.overviewViewed",
    resourceType: "household",
    resourceId: householdId,
    householdId,
  });
  return {
    householdId,
    householdName: household.name,
    actingAs: scope.kind,
    residentId: scope.residentId,
    members: members.map((m) => ({ residentId: m.id, givenName: m.givenName, relation: m.relation })),
    case: c
      ? {
          id: c.id,
          status: c.status,
          openedOn: new Date(c.openedAt).toISOString().slice(0, 10),
          closedOn: c.closedAt ? new Date(c.closedAt).toISOString().slice(0, 10) : null,
          aftercareDate: c.aftercareDate,
        }
      : null,
    caseLead: await caseLeadOf(ctx, householdId),
    closurePlan: closurePlan ?? null,
    satisfactionAsked: Boolean(c && c.status === "closed" && !answered),
    authorisations: authorisations.map((a) => ({
      id: a.id,
      representedResidentId: a.representedResidentId,
      basis: a.basis,
      validFrom: a.validFrom,
      validUntil: a.validUntil,
      active: !a.revokedAt && a.validFrom <= today && today <= a.validUntil,
      isYou: a.representativeUserId === ctx.actor.userId,
    })),
  };
}
