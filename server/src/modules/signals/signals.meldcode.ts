import { hasPermission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { forbidden, unprocessable } from "../../platform/http/errors.ts";
import { listInDutch } from "../privacy/categories.ts";
import type { TriageState } from "./signals.tables.ts";
import type { Decision } from "./signals.triage.schemas.ts";
import { isMeldcodeCategory } from "./signals.vocabulary.ts";

/**
 * The meldcode huiselijk geweld en kindermishandeling on every triage path. Steps 1–4 are recorded (or
 * skipped by the team lead, with why) before a meldcode signal leaves triage; step 5 ("beslissen") is
 * the decision itself. Ending it without a case or a report to Veilig Thuis is the team lead's decision,
 * with a reason. The same rules are triggers on signal and signal_meldcode_step (migration 0030).
 */
export const STEPS_BEFORE_DECISION = [1, 2, 3, 4] as const;
export const VEILIG_THUIS = "Veilig Thuis";

/** Step 5 as the decision records it (no free text: the reason stays in the signal's own record). */
const DECISION_AS_STEP: Record<Exclude<Decision["decision"], "outreach">, string> = {
  noAction: "Besluit in de triage: geen actie nodig (besluit van de teamleider).",
  refer: "Besluit in de triage: verwezen naar een andere organisatie (besluit van de teamleider).",
  neighbourhood: "Besluit in de triage: buurtaanpak (besluit van de teamleider).",
  linkHousehold: "Besluit in de triage: gekoppeld aan het dossier van het huishouden.",
  openCase: "Besluit in de triage: hulp georganiseerd, casus geopend.",
  reportVeiligThuis: "Besluit in de triage: gemeld bij Veilig Thuis.",
};

interface GroupSignal {
  id: string;
  referenceCode: string;
  category: string;
}

/** Whether a state ends the signal without a case of the team or a report to Veilig Thuis. */
export function endsWithoutCaseOrReport(state: TriageState, caseId: unknown, reported: boolean): boolean {
  if (reported || state === "caseOpened") return false;
  if (state === "linked") return !caseId;
  return state !== "new" && state !== "outreach";
}

/** Who may end a meldcode signal without a case or a report: only a team lead (signal.decideMeldcode). */
export function mayEndMeldcodeWithout(role: RequestContext["actor"]["role"]): boolean {
  return hasPermission(role, "signal.decideMeldcode");
}

async function stepsOf(ctx: RequestContext, signalIds: string[]) {
  if (signalIds.length === 0) return [];
  return ctx.trx
    .selectFrom("signalMeldcodeStep")
    .select(["signalId", "step"])
    .where("signalId", "in", signalIds)
    .execute();
}

/** The steps of 1–4 not yet recorded or skipped, per meldcode signal of the group. */
async function missingSteps(ctx: RequestContext, signals: GroupSignal[]) {
  const recorded = await stepsOf(
    ctx,
    signals.map((s) => s.id),
  );
  return signals
    .map((s) => ({
      signalId: s.id,
      referenceCode: s.referenceCode,
      missingSteps: STEPS_BEFORE_DECISION.filter(
        (step) => !recorded.some((r) => r.signalId === s.id && r.step === step),
      ),
    }))
    .filter((s) => s.missingSteps.length > 0);
}

/**
 * Refuses a decision that would take a meldcode signal of the group out of triage against the meldcode:
 * 403 when it ends without case or report and the actor is no team lead, 422 without a reason, 422 while
 * steps 1–4 are not all recorded. Call it after the decision's own checks, before anything is written
 * that the refusal should not leave (the transaction rolls back either way).
 */
export async function assertMeldcodeDecision(
  ctx: RequestContext,
  group: GroupSignal[],
  decision: { state: TriageState; caseId: unknown; reported: boolean; reason: string | null },
) {
  const meldcode = group.filter((g) => isMeldcodeCategory(g.category));
  if (meldcode.length === 0 || decision.state === "outreach") return;
  if (endsWithoutCaseOrReport(decision.state, decision.caseId, decision.reported)) {
    if (!mayEndMeldcodeWithout(ctx.actor.role)) {
      throw forbidden(
        "Bij huiselijk geweld of zorgen om een kind (meldcode) beslist alleen een teamleider dat een signaal zonder casus of melding bij Veilig Thuis wordt afgesloten. Leg het signaal voor aan uw teamleider.",
      );
    }
    if (!decision.reason) {
      throw unprocessable(
        "reasonRequired",
        "Schrijf op waarom dit signaal (meldcode) zonder casus of melding bij Veilig Thuis wordt afgesloten.",
        { field: "reason" },
      );
    }
  }
  const missing = await missingSteps(ctx, meldcode);
  const first = missing[0];
  if (first) {
    throw unprocessable(
      "meldcodeStepsMissing",
      `Leg eerst stap ${listInDutch(first.missingSteps.map(String))} van de meldcode vast voor signaal ${first.referenceCode}, of laat uw teamleider vastleggen waarom een stap wordt overgeslagen. Het besluit zelf is stap 5.`,
      { signalId: first.signalId, missingSteps: first.missingSteps, signals: missing },
    );
  }
}

/** Records the decision as step 5 of every meldcode signal of the group that has no step 5 yet. */
export async function recordDecisionAsStep(
  ctx: RequestContext,
  group: GroupSignal[],
  decision: Exclude<Decision["decision"], "outreach">,
) {
  const meldcode = group.filter((g) => isMeldcodeCategory(g.category));
  const recorded = await stepsOf(
    ctx,
    meldcode.map((s) => s.id),
  );
  const values = meldcode
    .filter((s) => !recorded.some((r) => r.signalId === s.id && r.step === 5))
    .map((s) => ({
      municipalityId: ctx.actor.municipalityId,
      signalId: s.id,
      step: 5,
      note: DECISION_AS_STEP[decision],
      recordedByUserId: ctx.actor.userId,
      recordedAt: ctx.now,
    }));
  if (values.length > 0) await ctx.trx.insertInto("signalMeldcodeStep").values(values).execute();
}
