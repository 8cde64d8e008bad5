import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { HouseholdAction } from "../../platform/access/rules.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { concurrentChange } from "../households/households.service.ts";
import { findCase, findMembership, updateCaseIfVersion } from "./cases.repository.ts";

export const trimmed = (v: string | null | undefined) => v?.trim() || null;

/**
 * The case, if the user may see it (404 otherwise), and — with an action — may do that with its
 * household (403 with what is needed otherwise), checked before anything is written.
 */
export async function loadCase(ctx: RequestContext, caseId: string, action?: HouseholdAction) {
  const c = await findCase(ctx, caseId);
  if (!c) throw notFound("Deze casus bestaat niet of u heeft er geen toegang toe.");
  if (action) await assertHouseholdAction(ctx, c.householdId, action);
  return c;
}

/**
 * Loads the case for a change (`edit` unless said otherwise: the front office registers), checks the
 * version the client read, and refuses changes to a closed case.
 */
export async function loadForChange(
  ctx: RequestContext,
  caseId: string,
  version: number,
  options: { allowClosed?: boolean; action?: HouseholdAction } = {},
) {
  const c = await loadCase(ctx, caseId, options.action ?? "edit");
  if (c.version !== version) throw concurrentChange("De gegevens van deze casus");
  if (c.status === "closed" && !options.allowClosed) {
    throw conflict("caseClosed", "Deze casus is afgesloten. Heropen de casus om er weer in te werken.");
  }
  return c;
}

export async function saveCase(
  ctx: RequestContext,
  c: { id: string },
  version: number,
  patch: Parameters<typeof updateCaseIfVersion>[3],
) {
  if ((await updateCaseIfVersion(ctx, c.id, version, patch)) === 0)
    throw concurrentChange("De gegevens van deze casus");
}

export async function assertTeamStaff(ctx: RequestContext, teamId: string, userId: string, what: string) {
  const m = await findMembership(ctx, teamId, userId);
  if (!m || m.disabledAt || !["professional", "teamLead"].includes(m.role)) {
    throw unprocessable(
      "notTeamMember",
      `${what} moet een actieve professional of teamleider van het team zijn.`,
      {
        userId,
      },
    );
  }
  return m;
}
