import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound } from "../../platform/http/errors.ts";
import { bumpPlanVersion, findOpenReview, findPlan, listActions, listGoals } from "./plans.repository.ts";
import type { PlanSnapshot, SnapshotAction, SnapshotGoal } from "./plans.tables.ts";

export const PLAN_NOT_FOUND = "Dit plan bestaat niet of u heeft er geen toegang toe.";

export function concurrentPlanChange() {
  return conflict(
    "concurrentChange",
    "Het plan is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen; laad het plan opnieuw en voer haar dan opnieuw in.",
  );
}

/** Goals and actions as they stand now, for the version record. */
export async function takeSnapshot(ctx: RequestContext, planId: string): Promise<PlanSnapshot> {
  const plan = await findPlan(ctx, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  const [goals, actions, review] = await Promise.all([
    listGoals(ctx, planId),
    listActions(ctx, planId),
    findOpenReview(ctx, planId),
  ]);
  return {
    startDate: plan.startDate,
    expectedEndDate: plan.expectedEndDate,
    nextReviewOn: review?.dueOn ?? null,
    goals: goals.map((g) => ({
      id: g.id,
      domain: g.domain,
      targetLevel: g.targetLevel,
      startDate: g.startDate,
      targetDate: g.targetDate,
      ownWords: g.ownWords,
      professionalWording: g.professionalWording,
      status: g.status,
      consideredRungs: g.consideredRungs,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      goalId: a.goalId,
      description: a.description,
      dueDate: a.dueDate,
      status: a.status,
      actorKind: a.actorKind,
      rung: a.rung,
      actor: a.networkMemberName ?? a.directoryEntryName ?? a.professionalName ?? a.actorName,
      escalationReason: a.escalationReason,
    })),
  };
}

export async function insertVersion(
  ctx: RequestContext,
  plan: { id: string; householdId: string },
  version: number,
  summary: string,
) {
  const snapshot = await takeSnapshot(ctx, plan.id);
  await ctx.trx
    .insertInto("planVersion")
    .values({
      municipalityId: ctx.actor.municipalityId,
      planId: plan.id,
      version,
      householdId: plan.householdId,
      changedByUserId: ctx.actor.userId,
      changedAt: ctx.now,
      summary: summary.slice(0, 500),
      snapshot: JSON.stringify(snapshot),
    })
    .execute();
}

export type LoadedPlan = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/**
 * One change of a plan: checks the version the client read (409 concurrentChange otherwise), applies the
 * change, records the new version with a snapshot and writes the audit event, all in the request's transaction.
 */
export async function commitPlanChange<T>(
  ctx: RequestContext,
  planId: string,
  expectedVersion: number,
  summary: string,
  change: (plan: LoadedPlan) => Promise<T>,
  details: Record<string, unknown> = {},
): Promise<T & { version: number }> {
  const plan = await findPlan(ctx, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  await assertHouseholdAction(ctx, plan.householdId, "edit");
  if (plan.caseStatus === "closed") {
    throw conflict(
      "caseClosed",
      "De casus is afgesloten; het plan kan niet meer worden gewijzigd. Heropen eerst de casus.",
    );
  }
  if (plan.version !== expectedVersion) throw concurrentPlanChange();
  const changed = await bumpPlanVersion(ctx, planId, expectedVersion);
  if (changed === 0) throw concurrentPlanChange();
  const result = await change(plan);
  const version = expectedVersion + 1;
  await insertVersion(ctx, plan, version, summary);
  await ctx.audit({
    action: "plan.changed",
    resourceType: "supportPlan",
    resourceId: planId,
    householdId: plan.householdId,
    teamId: plan.teamId,
    details: { version, summary, ...details },
  });
  return { ...result, version };
}

export interface Change<T> {
  kind: "added" | "changed" | "removed";
  id: string;
  before: T | null;
  after: T | null;
  fields: string[];
}

function diffList<T extends { id: string }>(before: readonly T[], after: readonly T[]): Change<T>[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const changes: Change<T>[] = [];
  for (const [id, a] of now) {
    const b = old.get(id);
    if (!b) {
      changes.push({ kind: "added", id, before: null, after: a, fields: [] });
      continue;
    }
    const fields = Object.keys(a).filter(
      (k) =>
        JSON.stringify((a as Record<string, unknown>)[k]) !==
        JSON.stringify((b as Record<string, unknown>)[k]),
    );
    if (fields.length > 0) changes.push({ kind: "changed", id, before: b, after: a, fields });
  }
  for (const [id, b] of old)
    if (!now.has(id)) changes.push({ kind: "removed", id, before: b, after: null, fields: [] });
  return changes;
}

/** What changed between two versions: goals and actions added, changed (with the fields) or removed. */
export function comparePlanSnapshots(before: PlanSnapshot, after: PlanSnapshot) {
  const planFields = (["startDate", "expectedEndDate", "nextReviewOn"] as const).filter(
    (k) => before[k] !== after[k],
  );
  return {
    planFields,
    goals: diffList<SnapshotGoal>(before.goals, after.goals),
    actions: diffList<SnapshotAction>(before.actions, after.actions),
  };
}
