import type { RequestContext } from "../../platform/context.ts";
import { AppError, conflict, unprocessable } from "../../platform/http/errors.ts";
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

interface ClosureProblem {
  field: keyof Omit<CloseInput, "version" | "note">;
  code: string;
  /** What to fill in or correct, as it reads after "Vul nog in of verbeter:". */
  message: string;
}

/**
 * Closure (§1.11): every problem with the closure fields is named in one answer, per field, so nothing
 * is closed half-way and the form can point at each field. The same rules are CHECKs on case_file.
 */
export async function closeCase(ctx: RequestContext, caseId: string, input: CloseInput) {
  const c = await loadForChange(ctx, caseId, input.version);
  if (!canClose(c.status)) throw conflict("caseClosed", "Deze casus is al afgesloten.");
  const problems: ClosureProblem[] = [];
  const problem = (field: ClosureProblem["field"], code: string, message: string) =>
    problems.push({ field, code, message });
  const reason = trimmed(input.reason);
  if (!reason) problem("reason", "required", "de reden van afsluiten");
  else if (!CLOSURE_REASONS.includes(reason))
    problem("reason", "invalidClosureReason", "een reden van afsluiten uit de lijst");
  const hasFinal = Boolean(input.finalAssessment && input.finalAssessment.scores.length > 0);
  if (!hasFinal) problem("finalAssessment", "required", "een eind-ZRM");
  if (!input.escalationPrevented)
    problem("escalationPrevented", "required", "of zwaardere zorg is voorkomen (ja, nee of onbekend)");
  const explanation = trimmed(input.escalationExplanation);
  if (!explanation)
    problem("escalationExplanation", "required", "een korte toelichting bij ‘zwaardere zorg voorkomen’");
  const informed = input.residentInformed ?? null;
  if (informed === null)
    problem("residentInformed", "required", "of de inwoner is verteld dat de hulp stopt");
  const how = trimmed(input.residentInformedHow);
  if (informed === true && !how)
    problem("residentInformedHow", "required", "hoe de inwoner is verteld dat de hulp stopt");
  // Not told: say why, so the team can still make sure the resident knows.
  if (informed === false && !how)
    problem(
      "residentInformedHow",
      "residentInformedExplanation",
      "waarom de inwoner (nog) niet is verteld dat de hulp stopt",
    );
  const aftercare = trimmed(input.aftercareDate);
  if (!aftercare) problem("aftercareDate", "required", "een datum voor het nazorgcontact");
  else if (!isCalendarDate(aftercare) || aftercare < todayInNetherlands(ctx.now))
    problem("aftercareDate", "invalidAftercareDate", "een nazorgdatum die bestaat en vandaag of later is");
  // The final ZRM is checked too (by recording it; a refusal rolls the whole closure back).
  let final: { id: string } | null = null;
  if (hasFinal) {
    try {
      final = await insertAssessment(ctx, c, input.finalAssessment as AssessmentInput, "final");
    } catch (error) {
      if (!(error instanceof AppError) || error.statusCode !== 422) throw error;
      problem("finalAssessment", error.code, `in de eind-ZRM: ${error.message}`);
    }
  }
  if (problems.length > 0 || !final) {
    throw unprocessable(
      "closureIncomplete",
      `De casus is niet afgesloten. Vul nog in of verbeter: ${problems.map((p) => p.message).join("; ")}.`,
      { missing: problems.map((p) => p.message), problems },
    );
  }
  const closure = {
    closureReason: reason,
    closureNote: trimmed(input.note),
    finalAssessmentId: final.id,
    escalationPrevented: input.escalationPrevented ?? null,
    escalationExplanation: explanation,
    residentInformed: informed,
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
    details: { finalAssessmentId: final.id },
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
