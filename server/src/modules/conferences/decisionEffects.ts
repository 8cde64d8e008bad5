import type { RequestContext } from "../../platform/context.ts";
import { notFound } from "../../platform/http/errors.ts";
import { handOverCaseLead } from "../cases/cases.service.ts";

interface RecordedDecision {
  kind: "action" | "caseLead" | "escalation";
  caseId: string;
  assigneeUserId: string;
  description: string;
  conferenceTitle: string;
}

/**
 * What a decision changes outside the minutes, in the same transaction (all or nothing):
 * - caseLead: the handover through the cases module, with the decision as the handover note;
 * - action and escalation: an open item on the assignee's worklist (the conference_decision row itself);
 *   an action is also an action in the household's plan, written before the decision (decisionActions.ts).
 */
export async function applyDecision(ctx: RequestContext, decision: RecordedDecision): Promise<void> {
  if (decision.kind !== "caseLead") return;
  const c = await ctx.trx
    .selectFrom("caseFile")
    .select(["id", "version"])
    .where("id", "=", decision.caseId)
    .executeTakeFirst();
  if (!c) throw notFound("De casus van dit agendapunt bestaat niet (meer) of u heeft er geen toegang toe.");
  await handOverCaseLead(ctx, decision.caseId, {
    version: c.version,
    toUserId: decision.assigneeUserId,
    note: `Besluit casusoverleg "${decision.conferenceTitle}": ${decision.description}`,
  });
}
