import { randomUUID } from "node:crypto";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { municipalityZrmVersion } from "../assessments/assessments.service.ts";
import { advanceCaseWith } from "../cases/cases.service.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { ladderOfGoal, orderRungs } from "./plans.ladder.ts";
import {
  findCaseLeadContact,
  findGoal,
  findPlanByCase,
  latestLevels,
  listActions,
  listAgreements,
  listGoals,
  listProgress,
  listReviews,
  listVersions,
} from "./plans.repository.ts";
import {
  assertCaseOpen,
  assertDate,
  assertHouseholdResident,
  assertPlanDomain,
  assertVisibleCase,
  optionalText,
  requiredText,
} from "./plans.rules.ts";
import type { CreatePlan, GoalInput, PlanDates } from "./plans.schemas.ts";
import { commitPlanChange, insertVersion, PLAN_NOT_FOUND } from "./plans.versioning.ts";

function assertEndAfterStart(start: string, end: string | null | undefined) {
  if (end && end < start) {
    throw unprocessable("endBeforeStart", "De verwachte einddatum ligt vóór de startdatum van het plan.", {
      field: "expectedEndDate",
    });
  }
}

/** Opens the one plan of a case (version 1), optionally with its first review date. */
export async function createPlan(ctx: RequestContext, caseId: string, input: CreatePlan) {
  const c = await assertVisibleCase(ctx, caseId);
  await assertHouseholdAction(ctx, c.householdId, "edit");
  assertCaseOpen(c.status);
  if (await findPlanByCase(ctx, caseId))
    throw conflict("planExists", "Deze casus heeft al een plan: er is één plan per casus.");
  const startDate = assertDate(input.startDate, "De startdatum", "startDate");
  const expectedEndDate = input.expectedEndDate
    ? assertDate(input.expectedEndDate, "De verwachte einddatum", "expectedEndDate")
    : null;
  assertEndAfterStart(startDate, expectedEndDate);
  const id = randomUUID();
  const municipalityId = ctx.actor.municipalityId;
  await ctx.trx
    .insertInto("supportPlan")
    .values({
      municipalityId,
      id,
      caseId,
      householdId: c.householdId,
      startDate,
      expectedEndDate,
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .execute();
  if (input.firstReviewOn) {
    const dueOn = assertDate(input.firstReviewOn, "De evaluatiedatum", "firstReviewOn");
    if (dueOn < startDate)
      throw unprocessable("reviewBeforeStart", "De evaluatie ligt vóór de start van het plan.", {
        field: "firstReviewOn",
      });
    await ctx.trx
      .insertInto("planReview")
      .values({
        municipalityId,
        id: randomUUID(),
        planId: id,
        householdId: c.householdId,
        dueOn,
        heldOn: null,
        outcome: null,
        heldByUserId: null,
        createdAt: ctx.now,
      })
      .execute();
  }
  await insertVersion(ctx, { id, householdId: c.householdId }, 1, "Plan opgesteld");
  await advanceCaseWith(ctx, caseId, "plan", ["registration", "intake", "reopened"]);
  await ctx.audit({
    action: "plan.created",
    resourceType: "supportPlan",
    resourceId: id,
    householdId: c.householdId,
    teamId: c.teamId,
  });
  return { id, version: 1 };
}

/** The plan of a case as the dossier shows it: goals with their ladder and actions, reviews, agreement, versions. */
export async function getPlanOfCase(ctx: RequestContext, caseId: string) {
  const c = await assertVisibleCase(ctx, caseId);
  const access = await assertHouseholdAction(ctx, c.householdId, "read");
  const plan = await findPlanByCase(ctx, caseId);
  if (!plan) throw notFound("Deze casus heeft nog geen plan.");
  const [goals, actions, reviews, agreements, versions, caseLead, zrmVersion] = await Promise.all([
    listGoals(ctx, plan.id),
    listActions(ctx, plan.id),
    listReviews(ctx, plan.id),
    listAgreements(ctx, plan.id),
    listVersions(ctx, plan.id),
    findCaseLeadContact(ctx, caseId),
    municipalityZrmVersion(ctx),
  ]);
  const progress = await listProgress(
    ctx,
    actions.map((a) => a.id),
  );
  const today = todayInNetherlands(ctx.now);
  const open = (s: string) => s === "planned" || s === "inProgress";
  await ctx.audit({
    action: "plan.viewed",
    resourceType: "supportPlan",
    resourceId: plan.id,
    householdId: plan.householdId,
    teamId: c.teamId,
    details: {
      specialCategory: goals.some((g) => g.dataCategory === "special"),
    },
  });
  const nextReview = reviews.find((r) => r.heldOn === null) ?? null;
  return {
    id: plan.id,
    caseId,
    householdId: plan.householdId,
    caseStatus: c.status,
    version: plan.version,
    startDate: plan.startDate,
    expectedEndDate: plan.expectedEndDate,
    zrmVersion,
    caseLead: caseLead
      ? { userId: caseLead.userId, name: caseLead.displayName, organisationName: caseLead.organisationName }
      : null,
    goals: goals.map((g) => {
      const mine = actions.filter((a) => a.goalId === g.id);
      return {
        ...g,
        removedAt: undefined,
        ladder: ladderOfGoal(g.consideredRungs, mine),
        actions: mine.map((a) => ({
          ...a,
          overdue: open(a.status) && a.dueDate < today,
          progress: progress.filter((p) => p.actionId === a.id),
        })),
      };
    }),
    reviews: reviews.map((r) => ({ ...r, overdue: r.heldOn === null && r.dueOn < today })),
    nextReviewOn: nextReview?.dueOn ?? null,
    agreements,
    agreedToCurrentVersion: agreements.some((a) => a.planVersion === plan.version),
    versions,
    allowed: { write: c.status !== "closed" && access.actions.includes("edit") },
  };
}

/** The plan of a case, or null when the case has none yet (the dossier overview asks without a 404). */
export async function findPlanOfCase(ctx: RequestContext, caseId: string) {
  const c = await assertVisibleCase(ctx, caseId);
  if (!(await findPlanByCase(ctx, caseId))) return { householdId: c.householdId, plan: null };
  return { householdId: c.householdId, plan: await getPlanOfCase(ctx, caseId) };
}

export async function changePlanDates(ctx: RequestContext, planId: string, input: PlanDates) {
  const startDate = assertDate(input.startDate, "De startdatum", "startDate");
  const expectedEndDate = input.expectedEndDate
    ? assertDate(input.expectedEndDate, "De verwachte einddatum", "expectedEndDate")
    : null;
  assertEndAfterStart(startDate, expectedEndDate);
  return commitPlanChange(ctx, planId, input.version, "Looptijd van het plan gewijzigd", async () => {
    await ctx.trx
      .updateTable("supportPlan")
      .set({ startDate, expectedEndDate })
      .where("id", "=", planId)
      .execute();
    return { id: planId };
  });
}

async function validateGoal(ctx: RequestContext, householdId: string, planStart: string, input: GoalInput) {
  const domain = await assertPlanDomain(ctx, input.domain);
  if (input.residentId) await assertHouseholdResident(ctx, householdId, input.residentId);
  const startDate = assertDate(input.startDate ?? planStart, "De startdatum van het doel", "startDate");
  const targetDate = assertDate(input.targetDate, "De streefdatum", "targetDate");
  if (targetDate < startDate) {
    throw unprocessable(
      "targetDateBeforeStart",
      `De streefdatum (${targetDate}) ligt vóór de start van het doel (${startDate}). Kies een streefdatum op of na de start.`,
      { field: "targetDate" },
    );
  }
  const levels = await latestLevels(ctx, householdId, input.residentId ?? null);
  const current = levels.get(domain.key) ?? null;
  return {
    residentId: input.residentId ?? null,
    domain: domain.key,
    dataCategory: domain.dataCategory,
    currentLevel: current?.level ?? null,
    currentLevelAssessedOn: current?.assessedOn ?? null,
    targetLevel: input.targetLevel,
    startDate,
    targetDate,
    ownWords: requiredText(input.ownWords, "het doel in de eigen woorden van de inwoner", "ownWords"),
    professionalWording: requiredText(
      input.professionalWording,
      "de professionele formulering",
      "professionalWording",
    ),
    consideredRungs: orderRungs(input.consideredRungs ?? []),
    ladderNote: optionalText(input.ladderNote, "De toelichting bij de ladder", "ladderNote"),
  };
}

export async function addGoal(ctx: RequestContext, planId: string, input: GoalInput & { version: number }) {
  return commitPlanChange(ctx, planId, input.version, "Doel toegevoegd", async (plan) => {
    const values = await validateGoal(ctx, plan.householdId, plan.startDate, input);
    const count = (await listGoals(ctx, planId)).length;
    const id = randomUUID();
    await ctx.trx
      .insertInto("planGoal")
      .values({
        ...values,
        municipalityId: ctx.actor.municipalityId,
        id,
        planId,
        householdId: plan.householdId,
        position: count + 1,
        createdAt: ctx.now,
        removedAt: null,
      })
      .execute();
    return { id };
  });
}

export async function changeGoal(
  ctx: RequestContext,
  planId: string,
  goalId: string,
  input: GoalInput & { version: number; status?: "active" | "achieved" | "stopped" },
) {
  return commitPlanChange(ctx, planId, input.version, "Doel gewijzigd", async (plan) => {
    const goal = await findGoal(ctx, planId, goalId);
    if (!goal) throw notFound("Dit doel bestaat niet (meer) in dit plan.");
    const values = await validateGoal(ctx, plan.householdId, plan.startDate, {
      ...input,
      startDate: input.startDate ?? goal.startDate,
    });
    await ctx.trx
      .updateTable("planGoal")
      .set({ ...values, status: input.status ?? goal.status })
      .where("id", "=", goalId)
      .execute();
    return { id: goalId };
  });
}

export async function removeGoal(ctx: RequestContext, planId: string, goalId: string, version: number) {
  return commitPlanChange(ctx, planId, version, "Doel verwijderd", async () => {
    const goal = await findGoal(ctx, planId, goalId);
    if (!goal) throw notFound("Dit doel bestaat niet (meer) in dit plan.");
    await ctx.trx.updateTable("planGoal").set({ removedAt: ctx.now }).where("id", "=", goalId).execute();
    await ctx.trx
      .updateTable("planAction")
      .set({ removedAt: ctx.now })
      .where("goalId", "=", goalId)
      .where("removedAt", "is", null)
      .execute();
    return { id: goalId };
  });
}

export { PLAN_NOT_FOUND };
