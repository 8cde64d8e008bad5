import type { RequestContext } from "../../platform/context.ts";
import { notFound } from "../../platform/http/errors.ts";

/** Open reminders of the user, soonest first. They hold ids and dates, no names. */
export async function listMyReminders(ctx: RequestContext) {
  const rows = await ctx.trx
    .selectFrom("reminder")
    .select(["id", "kind", "dueOn", "caseId", "planReviewId", "directoryEntryId", "signalId", "createdAt"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("userId", "=", ctx.actor.userId)
    .where("dismissedAt", "is", null)
    .orderBy("dueOn")
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

export async function dismissReminder(ctx: RequestContext, id: string) {
  const result = await ctx.trx
    .updateTable("reminder")
    .set({ dismissedAt: ctx.now })
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", id)
    .where("userId", "=", ctx.actor.userId)
    .where("dismissedAt", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw notFound("Deze herinnering bestaat niet of is al afgevinkt.");
}
