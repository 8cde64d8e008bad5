import { householdAccess } from "../../platform/access/household.ts";
import { hasPermission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { municipalityZrmVersion } from "../assessments/assessments.service.ts";
import { ZRM_DOMAINS } from "../assessments/zrm.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { addAction, addProgress } from "../plans/plans.actions.ts";
import { requiresEscalationReason, rungOf } from "../plans/plans.ladder.ts";
import { findGoal, findPlanByCase, listGoals } from "../plans/plans.repository.ts";
import { addGoal } from "../plans/plans.service.ts";
import { ACTOR_KINDS } from "../plans/plans.tables.ts";
import { findAgendaItem, findConference } from "./conferences.repository.ts";
import type { DecisionPlanAction } from "./conferences.schemas.ts";

const NO_ACCESS =
  "U heeft geen toegang tot het dossier van dit huishouden, dus u kunt geen actie in het plan van aanpak zetten. Laat de regiehouder of een andere betrokken professional dit besluit vastleggen.";
const NO_PLAN =
  "Dit huishouden heeft nog geen plan van aanpak, dus de actie kan nog nergens in. Laat de regiehouder eerst het plan opstellen (dossier → Plan van aanpak) en leg het besluit daarna vast.";

/** Whether the actor may write the household's plan: the plans module's permission and the dossier access rules. */
async function mayWritePlan(ctx: RequestContext, householdId: string): Promise<boolean> {
  if (!hasPermission(ctx.actor.role, "plan.write")) return false;
  return (await householdAccess(ctx, householdId)).actions.includes("edit");
}

export interface ActionDecision {
  caseId: string;
  householdId: string;
  assigneeUserId: string;
  description: string;
  dueDate: string;
  planAction: DecisionPlanAction | null | undefined;
}

/**
 * Writes an 'action' decision into the household's current plan through the plans module (its ladder
 * rules, versioning and audit), in the request's transaction; returns the plan action's id. A new goal is
 * added first when the conference formulated one. The actor kind 'teamProfessional' is the assignee.
 */
export async function addDecisionToPlan(ctx: RequestContext, d: ActionDecision): Promise<string> {
  const input = d.planAction;
  if (!input) {
    throw unprocessable(
      "planActionRequired",
      "Een actie komt in het plan van aanpak van het huishouden: kies het doel en wie de actie uitvoert.",
      { field: "planAction" },
    );
  }
  if (!(await mayWritePlan(ctx, d.householdId))) throw forbidden(NO_ACCESS);
  const plan = await findPlanByCase(ctx, d.caseId);
  if (!plan) throw unprocessable("noPlan", NO_PLAN, { field: "planAction" });
  if (input.goalId && input.newGoal) {
    throw unprocessable(
      "goalChoice",
      "Kies een doel uit het plan óf formuleer een nieuw doel, niet allebei.",
      { field: "planAction.goalId" },
    );
  }
  let version = plan.version;
  let goalId = input.goalId || null;
  if (goalId) {
    if (!(await findGoal(ctx, plan.id, goalId))) {
      throw unprocessable(
        "goalNotInPlan",
        "Dit doel hoort niet bij het plan van dit huishouden. Kies een doel uit het plan van dit huishouden of formuleer een nieuw doel.",
        { field: "planAction.goalId" },
      );
    }
  } else if (input.newGoal) {
    const goal = await addGoal(ctx, plan.id, {
      version,
      domain: input.newGoal.domain,
      targetLevel: input.newGoal.targetLevel,
      targetDate: input.newGoal.targetDate,
      ownWords: input.newGoal.text,
      professionalWording: input.newGoal.text,
    });
    goalId = goal.id;
    version = goal.version;
  } else {
    throw unprocessable(
      "goalRequired",
      "Kies het doel uit het plan waar deze actie bij hoort, of formuleer een nieuw doel.",
      { field: "planAction.goalId" },
    );
  }
  const action = await addAction(ctx, plan.id, goalId, {
    version,
    description: d.description,
    dueDate: d.dueDate,
    actorKind: input.actorKind,
    professionalUserId: input.actorKind === "teamProfessional" ? d.assigneeUserId : null,
    networkMemberId: input.networkMemberId || null,
    directoryEntryId: input.directoryEntryId || null,
    actorName: input.actorName || null,
    escalationReason: input.escalationReason || null,
    escalationNote: input.escalationNote || null,
    helpTags: input.helpTags ?? [],
  });
  return action.id;
}

/**
 * The choices for an 'action' decision on one agenda item. Goals (in the resident's words) and network
 * members are personal data: they are offered only to a recorder who may open the household, and the
 * read is audited; others learn only that they cannot put the action in the plan, and why.
 */
export async function getDecisionOptions(ctx: RequestContext, conferenceId: string, itemId: string) {
  const c = await findConference(ctx, conferenceId);
  if (!ctx.actor.teamIds.includes(c.teamId))
    throw notFound("Dit casusoverleg bestaat niet of u neemt er niet aan deel.");
  const item = await findAgendaItem(ctx, conferenceId, itemId);
  if (!item) throw notFound("Dit agendapunt hoort niet bij dit overleg.");
  const actorKinds = ACTOR_KINDS.map((actorKind) => ({
    actorKind,
    rung: rungOf(actorKind),
    needsReason: requiresEscalationReason(rungOf(actorKind)),
  }));
  const empty = { goals: [], networkMembers: [], domains: [], caseId: null };
  const base = { agendaItemId: item.id, today: todayInNetherlands(ctx.now), actorKinds };
  if (!(await mayWritePlan(ctx, item.householdId)))
    return { ...base, planAction: { ...empty, possible: false, refusal: NO_ACCESS } };
  const plan = await findPlanByCase(ctx, item.caseId);
  if (!plan) return { ...base, planAction: { ...empty, possible: false, refusal: NO_PLAN } };
  const [goals, networkMembers, zrmVersion] = await Promise.all([
    listGoals(ctx, plan.id),
    ctx.trx
      .selectFrom("networkMember")
      .select(["id", "name"])
      .where("householdId", "=", item.householdId)
      .where("removedAt", "is", null)
      .orderBy("name")
      .execute(),
    municipalityZrmVersion(ctx),
  ]);
  await ctx.audit({
    action: "conference.decisionOptionsViewed",
    resourceType: "conferenceAgendaItem",
    resourceId: item.id,
    householdId: item.householdId,
    teamId: c.teamId,
    details: { goals: goals.length },
  });
  return {
    ...base,
    planAction: {
      possible: true,
      refusal: null,
      caseId: item.caseId,
      goals: goals
        .filter((g) => g.status === "active")
        .map((g) => ({ id: g.id, domain: g.domain, ownWords: g.ownWords })),
      networkMembers,
      domains: ZRM_DOMAINS[zrmVersion].map((d) => d.key),
    },
  };
}

/** Marks a decision's plan action done (with a progress note) if it is open and the actor may write the plan. */
export async function completeLinkedPlanAction(ctx: RequestContext, planActionId: string): Promise<boolean> {
  if (!hasPermission(ctx.actor.role, "plan.write")) return false;
  const a = await ctx.trx
    .selectFrom("planAction as a")
    .innerJoin("supportPlan as p", (j) =>
      j.onRef("p.municipalityId", "=", "a.municipalityId").onRef("p.id", "=", "a.planId"),
    )
    .innerJoin("caseFile as c", (j) =>
      j.onRef("c.municipalityId", "=", "p.municipalityId").onRef("c.id", "=", "p.caseId"),
    )
    .select(["a.id", "a.planId", "a.status", "a.removedAt", "p.version", "c.status as caseStatus"])
    .where("a.id", "=", planActionId)
    .executeTakeFirst();
  if (
    !a ||
    a.removedAt ||
    a.caseStatus === "closed" ||
    !(a.status === "planned" || a.status === "inProgress")
  )
    return false;
  await addProgress(ctx, a.planId, a.id, {
    version: a.version,
    note: "Afgerond als besluit uit het casusoverleg (via Mijn werk).",
    status: "done",
  });
  return true;
}
