import { randomUUID } from "node:crypto";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { HouseholdAction } from "../../platform/access/rules.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { municipalityZrmVersion } from "../assessments/assessments.service.ts";
import { findDomain } from "../assessments/zrm.ts";
import { advanceCaseWith } from "../cases/cases.service.ts";
import { assertPastDate, todayInNetherlands } from "../households/residents.rules.ts";
import {
  findCaseLeadContact,
  findOpenReview,
  findPlan,
  findVersion,
  listActions,
  listAgreements,
  listGoals,
} from "./plans.repository.ts";
import { assertDate, optionalText, requiredText } from "./plans.rules.ts";
import type { HoldReview, RecordAgreement } from "./plans.schemas.ts";
import type { PlanSnapshot } from "./plans.tables.ts";
import {
  commitPlanChange,
  comparePlanSnapshots,
  concurrentPlanChange,
  PLAN_NOT_FOUND,
} from "./plans.versioning.ts";

async function loadPlan(ctx: RequestContext, planId: string, action: HouseholdAction) {
  const plan = await findPlan(ctx, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  await assertHouseholdAction(ctx, plan.householdId, action);
  return plan;
}

/** The resident's agreement to the version they were shown; it does not change the plan itself. */
export async function recordAgreement(ctx: RequestContext, planId: string, input: RecordAgreement) {
  const plan = await loadPlan(ctx, planId, "edit");
  if (plan.version !== input.version) throw concurrentPlanChange();
  assertPastDate(input.agreedOn, ctx.now, "De datum van instemming", "agreedOn");
  if (input.agreedOn < todayInNetherlands(plan.createdAt)) {
    throw unprocessable("agreedBeforePlan", "De inwoner kan niet instemmen vóór het plan bestond.", {
      field: "agreedOn",
    });
  }
  const existing = (await listAgreements(ctx, planId)).find((a) => a.planVersion === plan.version);
  if (existing) throw conflict("alreadyAgreed", `De instemming met versie ${plan.version} is al vastgelegd.`);
  await ctx.trx
    .insertInto("planAgreement")
    .values({
      municipalityId: ctx.actor.municipalityId,
      planId,
      planVersion: plan.version,
      householdId: plan.householdId,
      agreedOn: input.agreedOn,
      how: input.how,
      note: optionalText(input.note, "De toelichting", "note", 1000),
      recordedByUserId: ctx.actor.userId,
      recordedAt: ctx.now,
    })
    .execute();
  await advanceCaseWith(ctx, plan.caseId, "execution", ["plan"]);
  await ctx.audit({
    action: "plan.agreementRecorded",
    resourceType: "supportPlan",
    resourceId: planId,
    householdId: plan.householdId,
    teamId: plan.teamId,
    details: { version: plan.version, how: input.how },
  });
  return { id: planId, version: plan.version };
}

export async function scheduleReview(
  ctx: RequestContext,
  planId: string,
  input: { version: number; dueOn: string },
) {
  return commitPlanChange(ctx, planId, input.version, "Evaluatiedatum gepland", async (plan) => {
    const dueOn = assertDate(input.dueOn, "De evaluatiedatum", "dueOn");
    if (dueOn < plan.startDate)
      throw unprocessable("reviewBeforeStart", "De evaluatie ligt vóór de start van het plan.", {
        field: "dueOn",
      });
    const open = await findOpenReview(ctx, planId);
    if (open) {
      await ctx.trx.updateTable("planReview").set({ dueOn }).where("id", "=", open.id).execute();
      return { id: open.id };
    }
    const id = randomUUID();
    await ctx.trx
      .insertInto("planReview")
      .values({
        municipalityId: ctx.actor.municipalityId,
        id,
        planId,
        householdId: plan.householdId,
        dueOn,
        heldOn: null,
        outcome: null,
        heldByUserId: null,
        createdAt: ctx.now,
      })
      .execute();
    return { id };
  });
}

export async function holdReview(ctx: RequestContext, planId: string, reviewId: string, input: HoldReview) {
  return commitPlanChange(ctx, planId, input.version, "Evaluatie gehouden", async (plan) => {
    const open = await findOpenReview(ctx, planId);
    if (!open || open.id !== reviewId) throw notFound("Deze evaluatie staat niet (meer) open.");
    assertPastDate(input.heldOn, ctx.now, "De datum van de evaluatie", "heldOn");
    const outcome = requiredText(input.outcome, "de uitkomst van de evaluatie", "outcome", 4000);
    await ctx.trx
      .updateTable("planReview")
      .set({ heldOn: input.heldOn, outcome, heldByUserId: ctx.actor.userId })
      .where("id", "=", reviewId)
      .execute();
    if (input.nextDueOn) {
      const dueOn = assertDate(input.nextDueOn, "De volgende evaluatiedatum", "nextDueOn");
      if (dueOn <= input.heldOn)
        throw unprocessable("nextReviewTooEarly", "De volgende evaluatie moet na deze evaluatie liggen.", {
          field: "nextDueOn",
        });
      await ctx.trx
        .insertInto("planReview")
        .values({
          municipalityId: ctx.actor.municipalityId,
          id: randomUUID(),
          planId,
          householdId: plan.householdId,
          dueOn,
          heldOn: null,
          outcome: null,
          heldByUserId: null,
          createdAt: ctx.now,
        })
        .execute();
    }
    return { id: reviewId };
  });
}

export async function compareVersions(ctx: RequestContext, planId: string, from: number, to: number) {
  const plan = await loadPlan(ctx, planId, "read");
  const [a, b] = await Promise.all([findVersion(ctx, planId, from), findVersion(ctx, planId, to)]);
  if (!a || !b) throw notFound("Een van deze versies van het plan bestaat niet.");
  await ctx.audit({
    action: "plan.versionsCompared",
    resourceType: "supportPlan",
    resourceId: planId,
    householdId: plan.householdId,
    teamId: plan.teamId,
    details: { from, to },
  });
  const head = (v: typeof a) => ({
    version: v.version,
    changedAt: v.changedAt,
    changedByName: v.changedByName,
    summary: v.summary,
  });
  return {
    from: head(a),
    to: head(b),
    ...comparePlanSnapshots(a.snapshot as PlanSnapshot, b.snapshot as PlanSnapshot),
  };
}

const AGREEMENT_WORDS = {
  inPerson: "in een gesprek",
  signed: "met een handtekening",
  digitalLater: "later digitaal",
  digital: "digitaal in het inwonersportaal",
} as const;

/** Who does it, in plain words for the resident. */
function who(a: Awaited<ReturnType<typeof listActions>>[number]): string {
  switch (a.actorKind) {
    case "resident":
      return "U zelf";
    case "networkMember":
      return a.networkMemberName ?? "Iemand uit uw omgeving";
    case "volunteer":
      return a.networkMemberName ?? a.directoryEntryName ?? a.actorName ?? "Een vrijwilliger uit de buurt";
    case "teamProfessional":
      return a.professionalName ?? "Iemand van het buurtteam";
    default:
      return a.directoryEntryName ?? a.actorName ?? "Een hulpverlener";
  }
}

/** The plan for the resident, in plain Dutch (B1): their goals in their own words, who does what, when we meet again. */
export async function getPrintablePlan(ctx: RequestContext, planId: string) {
  const plan = await loadPlan(ctx, planId, "read");
  const [household, residents, goals, actions, review, lead, agreements, version] = await Promise.all([
    ctx.trx.selectFrom("household").select("name").where("id", "=", plan.householdId).executeTakeFirst(),
    ctx.trx
      .selectFrom("householdMember as m")
      .innerJoin("resident as r", (j) =>
        j.onRef("r.municipalityId", "=", "m.municipalityId").onRef("r.id", "=", "m.residentId"),
      )
      .select(["r.givenName", "r.familyName"])
      .where("m.householdId", "=", plan.householdId)
      .orderBy("m.isMainContact", "desc")
      .execute(),
    listGoals(ctx, planId),
    listActions(ctx, planId),
    findOpenReview(ctx, planId),
    findCaseLeadContact(ctx, plan.caseId),
    listAgreements(ctx, planId),
    municipalityZrmVersion(ctx),
  ]);
  await ctx.audit({
    action: "plan.printed",
    resourceType: "supportPlan",
    resourceId: planId,
    householdId: plan.householdId,
    teamId: plan.teamId,
    details: { version: plan.version },
  });
  const agreement = agreements.find((a) => a.planVersion === plan.version);
  return {
    householdName: household?.name ?? "",
    residents: residents.map((r) => `${r.givenName} ${r.familyName}`),
    planVersion: plan.version,
    startDate: plan.startDate,
    expectedEndDate: plan.expectedEndDate,
    nextReviewOn: review?.dueOn ?? null,
    caseLead: lead
      ? { name: lead.displayName, organisationName: lead.organisationName, email: lead.email, phone: null }
      : null,
    goals: goals
      .filter((g) => g.status === "active")
      .map((g) => ({
        domainName: findDomain(version, g.domain)?.name ?? g.domain,
        ownWords: g.ownWords,
        targetDate: g.targetDate,
        actions: actions
          .filter((a) => a.goalId === g.id && a.status !== "cancelled")
          .map((a) => ({ what: a.description, who: who(a), when: a.dueDate, done: a.status === "done" })),
      })),
    agreement: agreement ? { agreedOn: agreement.agreedOn, how: AGREEMENT_WORDS[agreement.how] } : null,
  };
}
