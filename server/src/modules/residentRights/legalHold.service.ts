import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";

/**
 * Legal holds (bewaarplicht bij klacht, bezwaar of rechtszaak): the functional administrator keeps a
 * household or a signal whatever its retention period says, with a reason, and releases the hold when it
 * is no longer needed. The retention job keeps what a hold covers and says so in its log. The reason is
 * free text of the hold itself; the audit events hold only ids.
 */
export async function placeLegalHold(
  ctx: RequestContext,
  input: { householdId?: string | null; signalId?: string | null; reason: string },
) {
  const householdId = input.householdId ?? null;
  const signalId = input.signalId ?? null;
  if ((householdId === null) === (signalId === null))
    throw unprocessable("subjectRequired", "Kies een huishouden óf een signaal om te bewaren.", {
      field: householdId ? "signalId" : "householdId",
    });
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw unprocessable(
      "reasonRequired",
      "Schrijf op waarom deze gegevens bewaard moeten blijven (bijvoorbeeld: klacht of rechtszaak, met kenmerk).",
      { field: "reason" },
    );
  const id = randomUUID();
  await ctx.trx
    .insertInto("legalHold")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      signalId,
      reason,
      placedByUserId: ctx.actor.userId,
      placedAt: ctx.now,
      releasedAt: null,
      releasedByUserId: null,
    })
    .execute();
  await ctx.audit({
    action: "legalHold.placed",
    resourceType: "legalHold",
    resourceId: id,
    householdId,
    details: { signalId },
  });
  return { id };
}

export async function releaseLegalHold(ctx: RequestContext, id: string) {
  const hold = await ctx.trx.selectFrom("legalHold").selectAll().where("id", "=", id).executeTakeFirst();
  if (!hold) throw notFound("Deze bewaarplicht bestaat niet.");
  if (hold.releasedAt) throw conflict("alreadyReleased", "Deze bewaarplicht is al opgeheven.");
  await ctx.trx
    .updateTable("legalHold")
    .set({ releasedAt: ctx.now, releasedByUserId: ctx.actor.userId })
    .where("id", "=", id)
    .execute();
  await ctx.audit({
    action: "legalHold.released",
    resourceType: "legalHold",
    resourceId: id,
    householdId: hold.householdId,
    details: { signalId: hold.signalId },
  });
  return { id };
}

export async function listLegalHolds(ctx: RequestContext) {
  const rows = await ctx.trx.selectFrom("legalHold").selectAll().orderBy("placedAt", "desc").execute();
  await ctx.audit({ action: "legalHold.listed", resourceType: "legalHold", details: { count: rows.length } });
  return {
    items: rows.map((r) => ({
      id: r.id,
      householdId: r.householdId,
      signalId: r.signalId,
      reason: r.reason,
      placedAt: new Date(r.placedAt).toISOString(),
      releasedAt: r.releasedAt ? new Date(r.releasedAt).toISOString() : null,
    })),
  };
}

/** The retention log: the latest runs with what each did per record (kinds, ids, dates, rules). */
export async function readRetentionLog(ctx: RequestContext, limit = 10) {
  const runs = await ctx.trx
    .selectFrom("retentionRun")
    .select(["id", "ranAt", "clock"])
    .orderBy("ranAt", "desc")
    .limit(limit)
    .execute();
  const entries = runs.length
    ? await ctx.trx
        .selectFrom("retentionLogEntry")
        .selectAll()
        .where(
          "runId",
          "in",
          runs.map((r) => r.id),
        )
        .orderBy("position")
        .execute()
    : [];
  await ctx.audit({
    action: "retention.logViewed",
    resourceType: "retentionRun",
    details: { runs: runs.length },
  });
  return {
    runs: runs.map((r) => ({
      id: r.id,
      ranAt: new Date(r.ranAt).toISOString(),
      clock: new Date(r.clock).toISOString(),
      entries: entries
        .filter((e) => e.runId === r.id)
        .map((e) => ({
          kind: e.kind,
          recordId: e.recordId,
          recordDate: e.recordDate,
          rule: e.rule,
          outcome: e.outcome,
          keptBecause: e.keptBecause,
        })),
    })),
  };
}
