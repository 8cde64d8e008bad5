import { hasPermission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { loadForChange, saveCase, trimmed } from "./cases.guards.ts";
import { findCaseLead, findCaseProfessional } from "./cases.repository.ts";

/** Who may end someone's involvement: the professional themselves, the case lead, or the team lead. */
export function mayEndInvolvement(
  actor: RequestContext["actor"],
  caseLeadUserId: string | null,
  userId: string,
): boolean {
  return (
    actor.userId === userId || actor.userId === caseLeadUserId || hasPermission(actor.role, "case.allocate")
  );
}

/**
 * Ends a professional's involvement in a case, with a reason (case_professional.ended_at). Access
 * follows at once: the household sets only count involvement that has not ended. The case lead's own
 * involvement ends by handing over the case first (there is always exactly one case lead).
 */
export async function endInvolvement(
  ctx: RequestContext,
  caseId: string,
  userId: string,
  input: { version: number; reason?: string | null },
) {
  const c = await loadForChange(ctx, caseId, input.version);
  const involvement = await findCaseProfessional(ctx, caseId, userId);
  if (!involvement) throw notFound("Deze professional is niet bij deze casus betrokken.");
  if (involvement.endedAt) throw conflict("involvementEnded", "De betrokkenheid is al beëindigd.");
  if (involvement.isCaseLead) {
    throw conflict(
      "caseLeadInvolvement",
      "De regiehouder blijft betrokken zolang die de regie heeft. Draag eerst de regie over.",
    );
  }
  const lead = await findCaseLead(ctx, caseId);
  if (!mayEndInvolvement(ctx.actor, lead?.userId ?? null, userId)) {
    throw forbidden(
      "Alleen de professional zelf, de regiehouder of de teamleider beëindigt een betrokkenheid.",
    );
  }
  const reason = trimmed(input.reason);
  if (!reason)
    throw unprocessable("reasonRequired", "Schrijf op waarom de betrokkenheid stopt.", { field: "reason" });
  if (reason.length > 2000)
    throw unprocessable("reasonTooLong", "De reden is te lang (ten hoogste 2000 tekens).", {
      field: "reason",
    });
  // The version first, while the actor may still write (a professional ending their own involvement
  // loses that right with the next statement).
  await saveCase(ctx, c, input.version, {});
  await ctx.trx
    .updateTable("caseProfessional")
    .set({ endedAt: ctx.now, endedReason: reason, endedByUserId: ctx.actor.userId })
    .where("caseId", "=", caseId)
    .where("userId", "=", userId)
    .where("endedAt", "is", null)
    .execute();
  await ctx.audit({
    action: "case.involvementEnded",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { userId },
  });
  return { id: caseId };
}
