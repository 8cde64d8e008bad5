import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import { type AssessmentInput, insertAssessment } from "../assessments/assessments.service.ts";
import { isCalendarDate, todayInNetherlands } from "../households/residents.rules.ts";
import { loadForChange, saveCase, trimmed } from "./cases.guards.ts";
import { findOpenCase, insertStatusChange } from "./cases.repository.ts";
import { canClose, canReopen } from "./cases.rules.ts";

export interface CloseInput {
  version: number;
  reason?: string | null;
  note?: string | null;
  finalAssessment?: AssessmentInput | null;
  escalationPrevented?: "yes" | "no" | "unknown" | null;
  escalationExplanation?: string | null;
  residentInformed?: boolean | null;
  residentInformedHow?: string | null;
  aftercareDate?: string | null;
}

const CLOSURE_REASONS = [
  "goalsAchieved",
  "referredToSpecialistCare",
  "referredToCollectiveProvision",
  "residentDeclined",
  "movedAway",
  "deceased",
  "other",
];

/** Closure (§1.11): every required field is named when missing, so nothing is closed half-way. */
export async function closeCase(ctx: RequestContext, caseId: string, input: CloseInput) {
  const c = await loadForChange(ctx, caseId, input.version);
  if (!canClose(c.status)) throw conflict("caseClosed", "Deze casus is al afgesloten.");
  const missing: string[] = [];
  const reason = trimmed(input.reason);
  if (!reason) missing.push("de reden van afsluiten");
  if (!input.finalAssessment || input.finalAssessment.scores.length === 0) missing.push("een eind-ZRM");
  if (!input.escalationPrevented) missing.push("of zwaardere zorg is voorkomen (ja, nee of onbekend)");
  const explanation = trimmed(input.escalationExplanation);
  if (!explanation) missing.push("een korte toelichting bij ‘zwaardere zorg voorkomen’");
  if (input.residentInformed === undefined || input.residentInformed === null)
    missing.push("of de inwoner is verteld dat de hulp stopt");
  const how = trimmed(input.residentInformedHow);
  if (input.residentInformed === true && !how) missing.push("hoe de inwoner is verteld dat de hulp stopt");
  const aftercare = trimmed(input.aftercareDate);
  if (!aftercare) missing.push("een datum voor het nazorgcontact");
  if (missing.length > 0) {
    throw unprocessable(
      "closureIncomplete",
      `De casus is niet afgesloten. Vul nog in: ${missing.join("; ")}.`,
      { missing },
    );
  }
  if (reason && !CLOSURE_REASONS.includes(reason)) {
    throw unprocessable("invalidClosureReason", "Kies een reden van afsluiten uit de lijst.", {
      field: "reason",
    });
  }
  if (aftercare && (!isCalendarDate(aftercare) || aftercare < todayInNetherlands(ctx.now))) {
    throw unprocessable(
      "invalidAftercareDate",
      "De nazorgdatum moet een bestaande datum vandaag of later zijn.",
      {
        field: "aftercareDate",
      },
    );
  }
  if (input.residentInformed === false && !how) {
    // Not told: say why, so the team can still make sure the resident knows.
    throw unprocessable(
      "residentInformedExplanation",
      "Leg uit waarom de inwoner (nog) niet is verteld dat de hulp stopt.",
      {
        field: "residentInformedHow",
      },
    );
  }
  const final = await insertAssessment(ctx, c, input.finalAssessment as AssessmentInput, "final");
  const closure = {
    closureReason: reason,
    closureNote: trimmed(input.note),
    finalAssessmentId: final.id,
    escalationPrevented: input.escalationPrevented ?? null,
    escalationExplanation: explanation,
    residentInformed: input.residentInformed ?? null,
    residentInformedHow: how,
    aftercareDate: aftercare,
  };
  await saveCase(ctx, c, input.version, { ...closure, status: "closed", closedAt: ctx.now });
  await insertStatusChange(ctx, {
    caseId,
    householdId: c.householdId,
    fromStatus: c.status,
    toStatus: "closed",
    note: closure.closureNote,
    details: closure,
  });
  await ctx.audit({
    action: "case.closed",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { reason, escalationPrevented: input.escalationPrevented, finalAssessmentId: final.id },
  });
  return { id: caseId };
}

export async function reopenCase(
  ctx: RequestContext,
  caseId: string,
  input: { version: number; reason: string },
) {
  const c = await loadForChange(ctx, caseId, input.version, { allowClosed: true });
  if (!canReopen(c.status))
    throw conflict("caseNotClosed", "Alleen een afgesloten casus kan worden heropend.");
  const reason = trimmed(input.reason);
  if (!reason)
    throw unprocessable("reopenReasonRequired", "Schrijf op waarom de casus wordt heropend.", {
      field: "reason",
    });
  const open = await findOpenCase(ctx, c.householdId);
  if (open) throw conflict("caseAlreadyOpen", "Dit huishouden heeft al een andere lopende casus.");
  await saveCase(ctx, c, input.version, { status: "reopened" });
  await insertStatusChange(ctx, {
    caseId,
    householdId: c.householdId,
    fromStatus: "closed",
    toStatus: "reopened",
    note: reason,
  });
  await ctx.audit({
    action: "case.reopened",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
  });
  return { id: caseId };
}
