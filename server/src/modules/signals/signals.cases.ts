import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { openCase } from "../cases/cases.service.ts";
import { registerHousehold } from "../households/households.service.ts";
import type { Decision } from "./signals.triage.schemas.ts";

interface SignalForCase {
  teamId: string | null;
  postcode: string | null;
  houseNumber: number | null;
  houseNumberAddition: string | null;
  street: string | null;
  neighbourhoodCode: string;
  outreachUserId: string | null;
}

/**
 * Triage "open a case": registers the household dossier through the households service (with its
 * duplicate check: a 409 lists possible existing dossiers to link instead) and opens the case through
 * the cases service, with the signal's address filled in where the professional left it empty.
 */
export async function openCaseForSignal(ctx: RequestContext, signal: SignalForCase, input: Decision) {
  if (!input.members || input.members.length === 0) {
    throw unprocessable(
      "membersRequired",
      "Vul de gegevens in van de inwoner(s) om een dossier te openen: naam en geboortedatum.",
      { field: "members" },
    );
  }
  if (!input.allocationGrounds?.trim()) {
    throw unprocessable(
      "allocationGroundsRequired",
      "Leg vast op welke gronden het team deze casus oppakt.",
      {
        field: "allocationGrounds",
      },
    );
  }
  const members = input.members.map((m) => ({
    ...m,
    postcode: m.postcode ?? signal.postcode,
    houseNumber: m.houseNumber ?? signal.houseNumber,
    houseNumberAddition: m.houseNumberAddition ?? signal.houseNumberAddition,
    street: m.street ?? signal.street,
    neighbourhoodCode: m.neighbourhoodCode ?? signal.neighbourhoodCode,
  }));
  const teamId = signal.teamId ?? undefined;
  const household = await registerHousehold(ctx, {
    teamId,
    members,
    confirmNotDuplicate: input.confirmNotDuplicate,
  });
  const caseLeadUserId = input.outreachUserId ?? signal.outreachUserId ?? ctx.actor.userId;
  const opened = await openCase(ctx, household.id, {
    teamId,
    caseLeadUserId,
    allocationGrounds: input.allocationGrounds,
  });
  return { householdId: household.id, caseId: opened.id };
}
