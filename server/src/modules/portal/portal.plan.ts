import type { RequestContext } from "../../platform/context.ts";
import { assertPortalHousehold, currentCase, type PortalHousehold } from "./portal.scope.ts";
import { caseLeadOf } from "./portal.service.ts";

const GROUP: Record<string, "resident" | "network" | "professionals"> = {
  resident: "resident",
  networkMember: "network",
  volunteer: "network",
  collectiveProvision: "network",
  teamProfessional: "professionals",
  individualProvision: "professionals",
  specialistCare: "professionals",
};

export async function planOfCase(ctx: RequestContext, caseId: string) {
  return ctx.trx
    .selectFrom("supportPlan")
    .select(["id", "version", "startDate", "expectedEndDate"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("caseId", "=", caseId)
    .executeTakeFirst();
}

/**
 * Special-category goals (health, addiction, justice) of another household member are not shown:
 * a partner or parent sees their own and the shared goals.
 */
export function visibleGoal(
  scope: PortalHousehold,
  goal: { residentId: string | null; dataCategory: string },
) {
  return goal.dataCategory !== "special" || goal.residentId === null || goal.residentId === scope.residentId;
}

/** The plan in the resident's own words: goals, who does what, next review, end date, agreement. */
export async function getPlan(ctx: RequestContext, householdId: string) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const c = await currentCase(ctx, householdId);
  const plan = c && (await planOfCase(ctx, c.id));
  await ctx.audit({
    action: "portal.planViewed",
    resourceType: "supportPlan",
    resourceId: plan?.id ?? null,
    householdId,
  });
  if (!c || !plan) return { plan: null, proposals: [] };
  const m = ctx.actor.municipalityId;
  const goals = (
    await ctx.trx
      .selectFrom("planGoal")
      .select(["id", "residentId", "domain", "dataCategory", "ownWords", "targetDate", "status"])
      .where("municipalityId", "=", m)
      .where("planId", "=", plan.id)
      .where("removedAt", "is", null)
      .orderBy("position")
      .execute()
  ).filter((g) => visibleGoal(scope, g));
  const goalIds = goals.map((g) => g.id);
  const actions = goalIds.length
    ? await ctx.trx
        .selectFrom("planAction as a")
        .leftJoin("networkMember as n", (j) =>
          j.onRef("n.municipalityId", "=", "a.municipalityId").onRef("n.id", "=", "a.networkMemberId"),
        )
        .select([
          "a.id",
          "a.goalId",
          "a.description",
          "a.dueDate",
          "a.status",
          "a.actorKind",
          "a.actorName",
          "a.professionalUserId",
          "n.name as networkName",
        ])
        .where("a.municipalityId", "=", m)
        .where("a.goalId", "in", goalIds)
        .where("a.removedAt", "is", null)
        .orderBy("a.dueDate")
        .execute()
    : [];
  const comments = goalIds.length
    ? await ctx.trx
        .selectFrom("goalComment")
        .select(["id", "goalId", "text", "authorUserId", "createdAt"])
        .where("municipalityId", "=", m)
        .where("goalId", "in", goalIds)
        .orderBy("createdAt")
        .execute()
    : [];
  const review = await ctx.trx
    .selectFrom("planReview")
    .select("dueOn")
    .where("municipalityId", "=", m)
    .where("planId", "=", plan.id)
    .where("heldOn", "is", null)
    .executeTakeFirst();
  const agreements = await ctx.trx
    .selectFrom("planAgreement")
    .select(["planVersion", "agreedOn", "how"])
    .where("municipalityId", "=", m)
    .where("planId", "=", plan.id)
    .orderBy("planVersion", "desc")
    .execute();
  const lead = await caseLeadOf(ctx, householdId);
  return {
    plan: {
      id: plan.id,
      version: plan.version,
      startDate: plan.startDate,
      expectedEndDate: plan.expectedEndDate,
      nextReviewOn: review?.dueOn ?? null,
      agreedToCurrentVersion: agreements.some((a) => a.planVersion === plan.version),
      lastAgreement: agreements[0] ?? null,
      caseOpen: c.status !== "closed",
      goals: goals.map((g) => ({
        id: g.id,
        domain: g.domain,
        ownWords: g.ownWords,
        targetDate: g.targetDate,
        status: g.status,
        actions: actions
          .filter((a) => a.goalId === g.id)
          .map((a) => ({
            id: a.id,
            description: a.description,
            dueDate: a.dueDate,
            status: a.status,
            who: GROUP[a.actorKind] ?? "professionals",
            actorKind: a.actorKind,
            actorName:
              a.networkName ??
              (a.actorKind === "teamProfessional"
                ? a.professionalUserId === lead?.userId
                  ? lead.displayName
                  : null
                : a.actorName),
          })),
        comments: comments
          .filter((x) => x.goalId === g.id)
          .map((x) => ({
            id: x.id,
            text: x.text,
            mine: x.authorUserId === ctx.actor.userId,
            writtenAt: new Date(x.createdAt).toISOString(),
          })),
      })),
    },
    proposals: await listProposals(ctx, c.id),
  };
}

export async function listProposals(ctx: RequestContext, caseId: string) {
  const rows = await ctx.trx
    .selectFrom("goalProposal")
    .select(["id", "text", "status", "proposedAt", "decisionNote"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("caseId", "=", caseId)
    .orderBy("proposedAt", "desc")
    .execute();
  return rows.map((r) => ({ ...r, proposedAt: new Date(r.proposedAt).toISOString() }));
}
