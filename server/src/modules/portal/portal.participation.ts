import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound } from "../../platform/http/errors.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { cleanMessageText } from "../messages/messages.text.ts";
import { planOfCase, visibleGoal } from "./portal.plan.ts";
import { AuditedRefusal, assertPortalHousehold, currentCase } from "./portal.scope.ts";

async function openCaseOf(ctx: RequestContext, householdId: string) {
  const c = await currentCase(ctx, householdId);
  if (!c) throw notFound("Er is nog geen hulp gestart voor uw huishouden.");
  if (c.status === "closed") throw conflict("caseClosed", "De hulp is afgerond. Dit kan niet meer.");
  return c;
}

/** The resident agrees to the version of the plan they read (recorded as the plan module's agreement). */
export async function agreeToPlan(ctx: RequestContext, householdId: string, planVersion: number) {
  await assertPortalHousehold(ctx, householdId);
  const c = await openCaseOf(ctx, householdId);
  const plan = await planOfCase(ctx, c.id);
  if (!plan) throw notFound("Er is nog geen plan om akkoord op te geven.");
  if (plan.version !== planVersion) {
    throw conflict("planChanged", "Het plan is net veranderd. Lees het plan opnieuw en geef dan akkoord.", {
      version: plan.version,
    });
  }
  const existing = await ctx.trx
    .selectFrom("planAgreement")
    .select("planVersion")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("planId", "=", plan.id)
    .where("planVersion", "=", planVersion)
    .executeTakeFirst();
  if (existing) throw conflict("alreadyAgreed", "U heeft al akkoord gegeven op dit plan.");
  await ctx.trx
    .insertInto("planAgreement")
    .values({
      municipalityId: ctx.actor.municipalityId,
      planId: plan.id,
      planVersion,
      householdId,
      agreedOn: todayInNetherlands(ctx.now),
      how: "digital",
      note: "Digitaal akkoord gegeven in het inwonersportaal.",
      recordedByUserId: ctx.actor.userId,
    })
    .execute();
  await ctx.audit({
    action: "portal.planAgreed",
    resourceType: "supportPlan",
    resourceId: plan.id,
    householdId,
    details: { planVersion, how: "digital" },
  });
  return { planVersion, agreedOn: todayInNetherlands(ctx.now) };
}

export async function commentOnGoal(
  ctx: RequestContext,
  householdId: string,
  goalId: string,
  rawText: string,
) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const c = await openCaseOf(ctx, householdId);
  const goal = await ctx.trx
    .selectFrom("planGoal as g")
    .innerJoin("supportPlan as p", (j) =>
      j.onRef("p.municipalityId", "=", "g.municipalityId").onRef("p.id", "=", "g.planId"),
    )
    .select(["g.id", "g.residentId", "g.dataCategory"])
    .where("g.municipalityId", "=", ctx.actor.municipalityId)
    .where("g.id", "=", goalId)
    .where("p.caseId", "=", c.id)
    .where("g.removedAt", "is", null)
    .executeTakeFirst();
  if (!goal || !visibleGoal(scope, goal)) {
    throw new AuditedRefusal(404, "notFound", "Dit doel bestaat niet of is niet van u.", {
      action: "portal.accessRefused",
      resourceType: "planGoal",
      resourceId: goalId,
    });
  }
  const text = cleanMessageText(rawText, 1000);
  const id = randomUUID();
  await ctx.trx
    .insertInto("goalComment")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      caseId: c.id,
      goalId,
      text,
      authorUserId: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "portal.goalCommented",
    resourceType: "planGoal",
    resourceId: goalId,
    householdId,
  });
  return { id, text, mine: true, writtenAt: ctx.now.toISOString() };
}

export async function proposeGoal(ctx: RequestContext, householdId: string, rawText: string) {
  await assertPortalHousehold(ctx, householdId);
  const c = await openCaseOf(ctx, householdId);
  const text = cleanMessageText(rawText, 1000);
  const id = randomUUID();
  await ctx.trx
    .insertInto("goalProposal")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      caseId: c.id,
      text,
      proposedByUserId: ctx.actor.userId,
      proposedAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "portal.goalProposed",
    resourceType: "goalProposal",
    resourceId: id,
    householdId,
  });
  return { id, text, status: "proposed" as const, proposedAt: ctx.now.toISOString(), decisionNote: null };
}
