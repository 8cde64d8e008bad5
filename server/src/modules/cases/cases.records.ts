/** What is recorded on a case: the intake conversation, ZRM assessments and journal entries. */
import { randomUUID } from "node:crypto";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import { type AssessmentInput, insertAssessment } from "../assessments/assessments.service.ts";
import { ZRM_DOMAINS } from "../assessments/zrm.ts";
import { assertVisibleHousehold } from "../households/households.service.ts";
import { assertPastDate } from "../households/residents.rules.ts";
import { loadCase, loadForChange, saveCase, trimmed } from "./cases.guards.ts";
import { findCase, insertStatusChange } from "./cases.repository.ts";

export interface IntakeInput {
  version: number;
  conversationDate: string;
  location: "homeVisit" | "desk" | "elsewhere";
  locationNote?: string | null;
  requestInOwnWords: string;
  underlyingQuestion: string;
  lifeDomains: string[];
  ownStrengths?: string | null;
  networkSummary?: string | null;
  urgency: "low" | "normal" | "high" | "acute";
  safetyConcerns?: string | null;
}

/** Vraagverheldering. An acute urgency puts the case on top of worklists; a new case moves to intake. */
export async function recordIntake(ctx: RequestContext, caseId: string, input: IntakeInput) {
  const c = await loadForChange(ctx, caseId, input.version, { action: "register" });
  assertPastDate(input.conversationDate, ctx.now, "De datum van het gesprek", "conversationDate");
  const request = trimmed(input.requestInOwnWords);
  if (!request) {
    throw unprocessable("requestRequired", "Schrijf de hulpvraag op in de woorden van de inwoner.", {
      field: "requestInOwnWords",
    });
  }
  const underlying = trimmed(input.underlyingQuestion);
  if (!underlying) {
    throw unprocessable("underlyingQuestionRequired", "Beschrijf de vraag achter de vraag.", {
      field: "underlyingQuestion",
    });
  }
  const known = new Set([...ZRM_DOMAINS["2010"], ...ZRM_DOMAINS["2017"]].map((d) => d.key));
  const unknown = input.lifeDomains.filter((d) => !known.has(d));
  if (unknown.length > 0) {
    throw unprocessable("unknownDomain", `Onbekend leefgebied: ${unknown.join(", ")}.`, {
      field: "lifeDomains",
    });
  }
  const toIntake = c.status === "registration";
  await saveCase(ctx, c, input.version, {
    acute: input.urgency === "acute",
    ...(toIntake ? { status: "intake" as const } : {}),
  });
  const id = randomUUID();
  await ctx.trx
    .insertInto("intake")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      caseId,
      householdId: c.householdId,
      conversationDate: input.conversationDate,
      location: input.location,
      locationNote: trimmed(input.locationNote),
      requestInOwnWords: request,
      underlyingQuestion: underlying,
      lifeDomains: [...new Set(input.lifeDomains)],
      ownStrengths: trimmed(input.ownStrengths),
      networkSummary: trimmed(input.networkSummary),
      urgency: input.urgency,
      safetyConcerns: trimmed(input.safetyConcerns),
      recordedByUserId: ctx.actor.userId,
      recordedAt: ctx.now,
    })
    .execute();
  if (toIntake) {
    await insertStatusChange(ctx, {
      caseId,
      householdId: c.householdId,
      fromStatus: c.status,
      toStatus: "intake",
      note: null,
    });
  }
  await ctx.audit({
    action: "intake.recorded",
    resourceType: "intake",
    resourceId: id,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { caseId, urgency: input.urgency },
  });
  return { id };
}

export async function recordAssessment(ctx: RequestContext, caseId: string, input: AssessmentInput) {
  const c = await loadCase(ctx, caseId, "edit");
  if (c.status === "closed")
    throw conflict("caseClosed", "Deze casus is afgesloten. Heropen de casus om er weer in te werken.");
  const result = await insertAssessment(ctx, c, input);
  await ctx.audit({
    action: "assessment.recorded",
    resourceType: "assessment",
    resourceId: result.id,
    householdId: c.householdId,
    residentId: input.residentId,
    teamId: c.teamId,
    details: {
      caseId,
      zrmVersion: result.version,
      domains: input.scores.length,
      acuteDomains: result.acuteDomains.length,
    },
  });
  return { id: result.id };
}

export async function addJournalEntry(
  ctx: RequestContext,
  householdId: string,
  input: {
    caseId?: string | null;
    kind: "homeVisit" | "phoneCall" | "consultation" | "meeting";
    occurredOn: string;
    participants?: string | null;
    text: string;
  },
) {
  await assertHouseholdAction(ctx, householdId, "edit");
  const household = await assertVisibleHousehold(ctx, householdId);
  assertPastDate(input.occurredOn, ctx.now, "De datum van het contact", "occurredOn");
  const text = trimmed(input.text);
  if (!text) throw unprocessable("textRequired", "Schrijf op wat er besproken is.", { field: "text" });
  let teamId = household.registeredByTeamId;
  if (input.caseId) {
    const c = await findCase(ctx, input.caseId);
    if (!c || c.householdId !== householdId) {
      throw unprocessable("caseNotInHousehold", "Deze casus hoort niet bij dit huishouden.", {
        field: "caseId",
      });
    }
    teamId = c.teamId;
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("journalEntry")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      caseId: input.caseId ?? null,
      kind: input.kind,
      occurredOn: input.occurredOn,
      participants: trimmed(input.participants),
      text,
      authorUserId: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "journal.added",
    resourceType: "journal",
    resourceId: id,
    householdId,
    teamId,
    details: { kind: input.kind, caseId: input.caseId ?? null },
  });
  return { id };
}
