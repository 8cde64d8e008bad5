import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { concurrentChange } from "../households/households.service.ts";
import { findCase, findMembership, updateCaseIfVersion } from "./cases.repository.ts";

export const trimmed = (v: string | null | undefined) => v?.trim() || null;

export async function loadCase(ctx: RequestContext, caseId: string) {
  const c = await findCase(ctx, caseId);
  if (!c) throw notFound("Deze casus bestaat niet of u heeft er geen toegang toe.");
  return c;
}

/** Loads the case, checks the version the client read, and refuses changes to a closed case. */
export async function loadForChange(
  ctx: RequestContext,
  caseId: string,
  version: number,
  options: { allowClosed?: boolean } = {},
) {
  const c = await loadCase(ctx, caseId);
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
