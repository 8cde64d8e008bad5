import { allows, householdAccess } from "../../platform/access/household.ts";
import { hasPermission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import { isCalendarDate, todayInNetherlands } from "../households/residents.rules.ts";
import { findVisibleCase, listMessages, sendMessage } from "../messages/messages.service.ts";
import { householdAccounts } from "./portal.accounts.ts";
import { listProposals } from "./portal.plan.ts";
import { goalDomains } from "./portal.proposals.ts";

/**
 * The case lead's side of the portal, shown in the dossier: what the household said and agreed
 * (self-assessment beside the professional's scores, messages, proposals, comments, agreements).
 */
export async function getCasePortal(ctx: RequestContext, caseId: string) {
  const c = await findVisibleCase(ctx, caseId);
  const m = ctx.actor.municipalityId;
  const h = c.householdId;
  const selfAssessments = await ctx.trx
    .selectFrom("selfAssessment as s")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "s.municipalityId").onRef("r.id", "=", "s.residentId"),
    )
    .select(["s.id", "s.residentId", "s.submittedAt", "r.givenName", "r.familyName"])
    .where("s.municipalityId", "=", m)
    .where("s.householdId", "=", h)
    .orderBy("s.submittedAt", "desc")
    .limit(20)
    .execute();
  const ids = selfAssessments.map((s) => s.id);
  const selfScores = ids.length
    ? await ctx.trx
        .selectFrom("selfAssessmentScore")
        .select(["selfAssessmentId", "domain", "level"])
        .where("municipalityId", "=", m)
        .where("selfAssessmentId", "in", ids)
        .execute()
    : [];
  // The professional's latest score per resident and domain, to show beside the resident's own.
  const professional = await ctx.trx
    .selectFrom("assessment as a")
    .innerJoin("assessmentScore as s", (j) =>
      j.onRef("s.municipalityId", "=", "a.municipalityId").onRef("s.assessmentId", "=", "a.id"),
    )
    .select(["a.residentId", "a.assessedOn", "s.domain", "s.level"])
    .where("a.municipalityId", "=", m)
    .where("a.householdId", "=", h)
    .orderBy("a.assessedOn", "desc")
    .execute();
  const plan = await ctx.trx
    .selectFrom("supportPlan")
    .select(["id", "version"])
    .where("municipalityId", "=", m)
    .where("caseId", "=", caseId)
    .executeTakeFirst();
  const agreements = plan
    ? await ctx.trx
        .selectFrom("planAgreement")
        .select(["planVersion", "agreedOn", "how", "note"])
        .where("municipalityId", "=", m)
        .where("planId", "=", plan.id)
        .orderBy("planVersion", "desc")
        .execute()
    : [];
  const comments = await ctx.trx
    .selectFrom("goalComment as k")
    .leftJoin("planGoal as g", (j) =>
      j.onRef("g.municipalityId", "=", "k.municipalityId").onRef("g.id", "=", "k.goalId"),
    )
    .select(["k.id", "k.goalId", "k.text", "k.createdAt", "g.ownWords"])
    .where("k.municipalityId", "=", m)
    .where("k.caseId", "=", caseId)
    .orderBy("k.createdAt", "desc")
    .execute();
  const closurePlan = await ctx.trx
    .selectFrom("caseClosurePlan")
    .select(["plannedEndDate", "aftercareContactDate", "afterClosureNote"])
    .where("municipalityId", "=", m)
    .where("caseId", "=", caseId)
    .executeTakeFirst();
  const representations = await ctx.trx
    .selectFrom("representation as p")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "p.municipalityId").onRef("r.id", "=", "p.representedResidentId"),
    )
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "p.municipalityId").onRef("u.id", "=", "p.representativeUserId"),
    )
    .select(["p.id", "p.basis", "p.validFrom", "p.validUntil", "p.revokedAt", "r.givenName", "u.displayName"])
    .where("p.municipalityId", "=", m)
    .where("p.householdId", "=", h)
    .execute();
  await ctx.audit({
    action: "portal.selfAssessmentViewed",
    resourceType: "case",
    resourceId: caseId,
    householdId: h,
    teamId: c.teamId,
  });
  const today = todayInNetherlands(ctx.now);
  return {
    caseId,
    householdId: h,
    status: c.status,
    planVersion: plan?.version ?? null,
    agreements,
    selfAssessments: selfAssessments.map((s) => ({
      id: s.id,
      residentId: s.residentId,
      residentName: `${s.givenName} ${s.familyName}`,
      submittedAt: new Date(s.submittedAt).toISOString(),
      scores: selfScores
        .filter((x) => x.selfAssessmentId === s.id)
        .map((x) => ({
          domain: x.domain,
          level: x.level,
          professionalLevel:
            professional.find((p) => p.residentId === s.residentId && p.domain === x.domain)?.level ?? null,
        })),
    })),
    messages: await listMessages(ctx, h),
    proposals: await listProposals(ctx, caseId),
    comments: comments.map((k) => ({
      id: k.id,
      goalId: k.goalId,
      goal: k.ownWords,
      text: k.text,
      writtenAt: new Date(k.createdAt).toISOString(),
    })),
    closurePlan: closurePlan ?? null,
    representations: representations.map((p) => ({
      id: p.id,
      representedName: p.givenName,
      representativeName: p.displayName,
      basis: p.basis,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      active: !p.revokedAt && p.validFrom <= today && today <= p.validUntil,
      revoked: p.revokedAt !== null,
    })),
    members: await householdAccounts(ctx, h),
    // Linking a login subject is for whoever works in the dossier (the same rule the link route checks).
    mayManageAccounts:
      hasPermission(ctx.actor.role, "household.write") &&
      allows((await householdAccess(ctx, h)).levels, "linkPortalAccount"),
    goalDomains: await goalDomains(ctx),
  };
}

export async function replyToHousehold(ctx: RequestContext, caseId: string, text: string) {
  const c = await findVisibleCase(ctx, caseId);
  return sendMessage(ctx, {
    householdId: c.householdId,
    caseId,
    caseClosed: c.status === "closed",
    text,
    today: todayInNetherlands(ctx.now),
  });
}

export interface ClosurePlanInput {
  plannedEndDate: string;
  aftercareContactDate?: string | null;
  afterClosureNote?: string | null;
}

/** The case lead plans the end of support; the resident sees the date and what happens after. */
export async function planClosure(ctx: RequestContext, caseId: string, input: ClosurePlanInput) {
  const c = await findVisibleCase(ctx, caseId);
  if (c.status === "closed") throw conflict("caseClosed", "Deze casus is al afgesloten.");
  for (const [field, value] of [
    ["plannedEndDate", input.plannedEndDate],
    ["aftercareContactDate", input.aftercareContactDate],
  ] as const) {
    if (value && !isCalendarDate(value))
      throw unprocessable("invalidDate", "Deze datum bestaat niet.", { field });
  }
  if (input.plannedEndDate < todayInNetherlands(ctx.now)) {
    throw unprocessable("pastDate", "De geplande einddatum ligt in het verleden.", {
      field: "plannedEndDate",
    });
  }
  if (input.aftercareContactDate && input.aftercareContactDate < input.plannedEndDate) {
    throw unprocessable("aftercareBeforeEnd", "Het nazorgcontact komt na de einddatum.", {
      field: "aftercareContactDate",
    });
  }
  const values = {
    plannedEndDate: input.plannedEndDate,
    aftercareContactDate: input.aftercareContactDate || null,
    afterClosureNote: input.afterClosureNote?.trim() || null,
    plannedByUserId: ctx.actor.userId,
    plannedAt: ctx.now,
  };
  const m = ctx.actor.municipalityId;
  const updated = await ctx.trx
    .updateTable("caseClosurePlan")
    .set(values)
    .where("municipalityId", "=", m)
    .where("caseId", "=", caseId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await ctx.trx
      .insertInto("caseClosurePlan")
      .values({ municipalityId: m, caseId, householdId: c.householdId, ...values })
      .execute();
  }
  await ctx.audit({
    action: "closurePlan.recorded",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { plannedEndDate: input.plannedEndDate },
  });
  return {
    plannedEndDate: values.plannedEndDate,
    aftercareContactDate: values.aftercareContactDate,
    afterClosureNote: values.afterClosureNote,
  };
}

export async function getPortalInbox(ctx: RequestContext) {
  const rows = await ctx.trx
    .selectFrom("portalMessage as p")
    .innerJoin("household as h", (j) =>
      j.onRef("h.municipalityId", "=", "p.municipalityId").onRef("h.id", "=", "p.householdId"),
    )
    .select((eb) => [
      "p.caseId",
      "p.householdId",
      "h.name as householdName",
      eb.fn.max("p.createdAt").as("lastMessageAt"),
      eb.fn.count<number>("p.id").filterWhere("p.authorKind", "=", "resident").as("fromResident"),
    ])
    .where("p.municipalityId", "=", ctx.actor.municipalityId)
    .groupBy(["p.caseId", "p.householdId", "h.name"])
    .orderBy("lastMessageAt", "desc")
    .limit(50)
    .execute();
  await ctx.audit({ action: "message.listed", resourceType: "portalInbox" });
  return rows.map((r) => ({
    caseId: r.caseId,
    householdId: r.householdId,
    householdName: r.householdName,
    lastMessageAt: new Date(r.lastMessageAt).toISOString(),
    fromResident: Number(r.fromResident),
  }));
}
