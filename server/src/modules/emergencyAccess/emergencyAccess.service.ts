import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { accessLevelsOf, findOpenCaseOf } from "../privacy/privacy.repository.ts";

export interface EmergencySettings {
  defaultMinutes: number;
  maxMinutes: number;
  minReasonLength: number;
}

export async function emergencySettings(ctx: RequestContext): Promise<EmergencySettings> {
  const row = await ctx.trx.selectFrom("privacySetting").selectAll().executeTakeFirst();
  return {
    defaultMinutes: row?.emergencyDefaultMinutes ?? 240,
    maxMinutes: row?.emergencyMaxMinutes ?? 480,
    minReasonLength: row?.emergencyMinReasonLength ?? 20,
  };
}

const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} uur` : `${minutes} minuten`);

/**
 * Break the glass: a professional without access opens a household in an emergency, for a limited
 * time, after stating why. Row-level security lets the reads through until it expires; every audit
 * event about the household in that time is marked (database trigger), and the team lead reviews it.
 */
export async function requestEmergencyAccess(
  ctx: RequestContext,
  input: { householdId: string; reason: string; minutes?: number | null },
) {
  const settings = await emergencySettings(ctx);
  const reason = input.reason.trim();
  if (reason.length < settings.minReasonLength) {
    throw unprocessable(
      "reasonTooShort",
      `Beschrijf waarom u in deze noodsituatie toegang nodig heeft, in minstens ${settings.minReasonLength} tekens. We leggen de reden vast bij de noodtoegang en uw teamleider beoordeelt haar.`,
      { field: "reason" },
    );
  }
  const minutes = input.minutes ?? settings.defaultMinutes;
  if (minutes > settings.maxMinutes) {
    throw unprocessable(
      "emergencyTooLong",
      `Noodtoegang duurt hoogstens ${hours(settings.maxMinutes)}; u vroeg ${hours(minutes)}. Vraag daarna zo nodig opnieuw, of laat u bij de casus betrekken.`,
      { field: "minutes", maxMinutes: settings.maxMinutes },
    );
  }
  if (minutes < 15)
    throw unprocessable("emergencyTooShort", "Noodtoegang duurt minstens 15 minuten.", { field: "minutes" });
  const levels = await accessLevelsOf(ctx, input.householdId);
  if (!levels.exists) throw notFound("Dit huishouden bestaat niet.");
  if (levels.regular)
    throw conflict("alreadyHasAccess", "U heeft al toegang tot dit huishouden; noodtoegang is niet nodig.");
  if (levels.visible)
    throw conflict("emergencyActive", "U heeft al noodtoegang tot dit huishouden die nog loopt.");
  const openCase = await findCaseTeam(ctx, input.householdId);
  const teamId = ctx.actor.teamIds[0] ?? openCase ?? null;
  const id = randomUUID();
  const expiresAt = new Date(ctx.now.getTime() + minutes * 60_000);
  await ctx.trx
    .insertInto("emergencyAccess")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId: input.householdId,
      userId: ctx.actor.userId,
      teamId,
      reason,
      startsAt: ctx.now,
      expiresAt,
      endedAt: null,
      reviewedAt: null,
      reviewedByUserId: null,
      reviewNote: null,
    })
    .execute();
  await ctx.audit({
    action: "emergencyAccess.granted",
    resourceType: "emergencyAccess",
    resourceId: id,
    householdId: input.householdId,
    teamId,
    // The reason stays in the emergency access record (the review list and access logs read it there).
    details: { breakTheGlass: true, minutes, expiresAt: expiresAt.toISOString() },
  });
  return { id, householdId: input.householdId, expiresAt: expiresAt.toISOString(), minutes };
}

/** The case's team, read through the owner-free summary: null when the actor cannot see it. */
async function findCaseTeam(ctx: RequestContext, householdId: string) {
  const openCase = await findOpenCaseOf(ctx, householdId);
  return openCase?.teamId ?? null;
}

export async function endEmergencyAccess(ctx: RequestContext, id: string) {
  const grant = await ctx.trx
    .selectFrom("emergencyAccess")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!grant || grant.userId !== ctx.actor.userId) throw notFound("Deze noodtoegang bestaat niet.");
  if (grant.endedAt) throw conflict("alreadyEnded", "Deze noodtoegang is al beëindigd.");
  await ctx.trx.updateTable("emergencyAccess").set({ endedAt: ctx.now }).where("id", "=", id).execute();
  await ctx.audit({
    action: "emergencyAccess.ended",
    resourceType: "emergencyAccess",
    resourceId: id,
    teamId: grant.teamId,
  });
  return { id, ended: true };
}

function baseQuery(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("emergencyAccess as e")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "e.municipalityId").onRef("u.id", "=", "e.userId"),
    )
    .leftJoin("appUser as r", (j) =>
      j.onRef("r.municipalityId", "=", "e.municipalityId").onRef("r.id", "=", "e.reviewedByUserId"),
    )
    .select([
      "e.id",
      "e.householdId",
      "e.userId",
      "u.displayName as userName",
      "e.reason",
      "e.startsAt",
      "e.expiresAt",
      "e.endedAt",
      "e.reviewedAt",
      "r.displayName as reviewedByName",
      "e.reviewNote",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
function present(ctx: RequestContext, r: Row) {
  const active = !r.endedAt && new Date(r.startsAt) <= ctx.now && new Date(r.expiresAt) > ctx.now;
  return {
    ...r,
    startsAt: new Date(r.startsAt).toISOString(),
    expiresAt: new Date(r.expiresAt).toISOString(),
    endedAt: iso(r.endedAt),
    reviewedAt: iso(r.reviewedAt),
    active,
  };
}

/** The team lead's review list: break-the-glass accesses of their teams not yet reviewed (or all). */
export async function listEmergencyReviews(ctx: RequestContext, includeReviewed: boolean) {
  if (ctx.actor.role !== "teamLead") throw forbidden();
  let q = baseQuery(ctx).where(
    "e.teamId",
    "in",
    ctx.actor.teamIds.length ? ctx.actor.teamIds : ["00000000-0000-0000-0000-000000000000"],
  );
  if (!includeReviewed) q = q.where("e.reviewedAt", "is", null);
  const rows = await q.orderBy("e.startsAt", "desc").limit(200).execute();
  await ctx.audit({
    action: "emergencyAccess.reviewListViewed",
    resourceType: "emergencyAccess",
    details: { count: rows.length },
  });
  return { items: rows.map((r) => present(ctx, r)) };
}

export async function listMyEmergencyAccess(ctx: RequestContext) {
  const rows = await baseQuery(ctx)
    .where("e.userId", "=", ctx.actor.userId)
    .orderBy("e.startsAt", "desc")
    .limit(50)
    .execute();
  return { items: rows.map((r) => present(ctx, r)) };
}

export async function reviewEmergencyAccess(ctx: RequestContext, id: string, note: string) {
  if (ctx.actor.role !== "teamLead") throw forbidden();
  const grant = await ctx.trx
    .selectFrom("emergencyAccess")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!grant?.teamId || !ctx.actor.teamIds.includes(grant.teamId))
    throw notFound("Deze noodtoegang bestaat niet.");
  if (grant.userId === ctx.actor.userId) {
    throw forbidden(
      "U kunt uw eigen noodtoegang niet beoordelen; een andere teamleider of de privacyfunctionaris doet dat.",
    );
  }
  if (grant.reviewedAt) throw conflict("alreadyReviewed", "Deze noodtoegang is al beoordeeld.");
  if (note.trim().length < 5)
    throw unprocessable("reviewNoteRequired", "Schrijf kort op wat uw oordeel is (minstens 5 tekens).", {
      field: "note",
    });
  await ctx.trx
    .updateTable("emergencyAccess")
    .set({ reviewedAt: ctx.now, reviewedByUserId: ctx.actor.userId, reviewNote: note.trim() })
    .where("id", "=", id)
    .execute();
  await ctx.audit({
    action: "emergencyAccess.reviewed",
    resourceType: "emergencyAccess",
    resourceId: id,
    teamId: grant.teamId,
    details: { userId: grant.userId },
  });
  return { id, reviewed: true };
}
