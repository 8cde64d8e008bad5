import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import { municipalityZrmVersion } from "../assessments/assessments.service.ts";
import { ZRM_DOMAINS } from "../assessments/zrm.ts";
import { findVisibleCase } from "../messages/messages.service.ts";
import { addGoal } from "../plans/plans.service.ts";
import { planOfCase } from "./portal.plan.ts";

/** What the case lead adds to a proposal the resident wrote, to make it a goal of the plan. */
export interface AcceptedGoal {
  /** The plan version the case lead read (409 when the plan changed since). */
  planVersion: number;
  domain: string;
  targetLevel: number;
  targetDate: string;
  residentId?: string | null;
  professionalWording?: string | null;
}

export interface ProposalDecision {
  decision: "accepted" | "declined";
  note?: string;
  goal?: AcceptedGoal;
}

/** The life domains a goal can be about (the municipality's ZRM version), for the accept form. */
export async function goalDomains(ctx: RequestContext) {
  return ZRM_DOMAINS[await municipalityZrmVersion(ctx)].map((d) => ({ key: d.key, name: d.name }));
}

/**
 * The case lead decides on a goal the resident proposed. Accepting adds it to the case's plan through the
 * plans module (a new plan version, the resident's text as the goal in their own words); declining needs a
 * reason the resident reads. One transaction: a refused goal leaves the proposal undecided.
 */
export async function decideProposal(
  ctx: RequestContext,
  caseId: string,
  proposalId: string,
  input: ProposalDecision,
) {
  const c = await findVisibleCase(ctx, caseId);
  const note = input.note?.trim() || null;
  const proposal = await ctx.trx
    .selectFrom("goalProposal")
    .select(["id", "text"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("caseId", "=", caseId)
    .where("id", "=", proposalId)
    .where("status", "=", "proposed")
    .executeTakeFirst();
  if (!proposal) throw conflict("alreadyDecided", "Dit voorstel bestaat niet of is al beoordeeld.");
  let added: { goalId: string; planVersion: number } | null = null;
  if (input.decision === "declined" && !note) {
    throw unprocessable(
      "noteRequired",
      "Schrijf erbij waarom u dit doel niet overneemt; de inwoner leest dit.",
      { field: "note" },
    );
  }
  if (input.decision === "accepted") {
    const goal = input.goal;
    if (!goal) {
      throw unprocessable(
        "goalRequired",
        "Kies het leefgebied, het doelniveau en de streefdatum om het doel in het plan op te nemen.",
        { field: "goal" },
      );
    }
    const plan = await planOfCase(ctx, caseId);
    if (!plan) {
      throw conflict(
        "noPlan",
        "Deze casus heeft nog geen plan. Maak eerst een plan; neem dan het doel over.",
      );
    }
    const result = await addGoal(ctx, plan.id, {
      version: goal.planVersion,
      domain: goal.domain,
      residentId: goal.residentId ?? null,
      targetLevel: goal.targetLevel,
      targetDate: goal.targetDate,
      ownWords: proposal.text,
      professionalWording: goal.professionalWording?.trim() || proposal.text,
    });
    added = { goalId: result.id, planVersion: result.version };
  }
  await ctx.trx
    .updateTable("goalProposal")
    .set({
      status: input.decision,
      decidedByUserId: ctx.actor.userId,
      decidedAt: ctx.now,
      decisionNote: note,
    })
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", proposalId)
    .execute();
  await ctx.audit({
    action: "portal.goalProposalDecided",
    resourceType: "goalProposal",
    resourceId: proposalId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { decision: input.decision, ...(added ?? {}) },
  });
  return {
    id: proposalId,
    status: input.decision,
    goalId: added?.goalId ?? null,
    planVersion: added?.planVersion ?? null,
  };
}
