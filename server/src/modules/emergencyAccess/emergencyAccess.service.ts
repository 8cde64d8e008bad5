import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { allows, householdAccess } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { householdExists } from "../privacy/privacy.repository.ts";

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
  const access = await householdAccess(ctx, input.householdId);
  if (access.levels.length === 0 && !(await householdExists(ctx, input.householdId)))
    throw notFound("Dit huishouden bestaat niet.");
  if (allows(access.levels, "read") && !access.levels.includes("emergency"))
    throw conflict("alreadyHasAccess", "U heeft al toegang tot dit huishouden; noodtoegang is niet nodig.");
  if (access.levels.includes("emergency"))
    throw conflict("emergencyActive", "U heeft al noodtoegang tot dit huishouden die nog loopt.");
  // Filed under the household's team, so its team lead reviews it; a team without a team lead has the
  // municipality's administrator (privacy officer) review it. Never nobody.
  const team = await householdTeam(ctx, input.householdId);
  const teamId = team?.teamId ?? null;
  const reviewer: "teamLead" | "administrator" = team?.hasTeamLead ? "teamLead" : "administrator";
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
      reviewer,
    })
    .execute();
  // The reason stays in its own record (which retention removes); the audit trail holds the reference.
  await ctx.audit({
    action: "emergencyAccess.granted",
    resourceType: "emergencyAccess",
    resourceId: id,
    householdId: input.householdId,
    teamId,
    details: { breakTheGlass: true, minutes, expiresAt: expiresAt.toISOString(), reviewer },
  });
  return { id, householdId: input.householdId, expiresAt: expiresAt.toISOString(), minutes, reviewer };
}

/** The household's team (open case, else latest case, else registering team) and whether it has a team lead. */
async function householdTeam(ctx: RequestContext, householdId: string) {
  const result = await sql<{ teamId: string; hasTeamLead: boolean }>`
    select team_id, has_team_lead from app_household_team(${householdId}::uuid)`.execute(ctx.trx);
  return result.rows[0] ?? null;
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

/** Who reviews what: the team lead of the team it is filed under, or the administrator when that team has none. */
function reviewable<Q extends ReturnType<typeof baseQuery>>(ctx: RequestContext, q: Q): Q {
  const none = "00000000-0000-0000-0000-000000000000";
  if (ctx.actor.role === "administrator") return q.where("e.reviewer", "=", "administrator") as Q;
  if (ctx.actor.role !== "teamLead") throw forbidden();
  return q
    .where("e.reviewer", "=", "teamLead")
    .where("e.teamId", "in", ctx.actor.teamIds.length ? ctx.actor.teamIds : [none]) as Q;
}

/**
 * Emergency accesses to households the user is case lead of, that they have not yet seen: the case
 * lead is told who read the dossier under emergency access, when and why.
 */
export async function listEmergencyAccessOnMyCases(ctx: RequestContext) {
  const rows = await baseQuery(ctx)
    .innerJoin("householdAccess as a", (j) =>
      j
        .onRef("a.municipalityId", "=", "e.municipalityId")
        .onRef("a.householdId", "=", "e.householdId")
        .on("a.userId", "=", ctx.actor.userId)
        .on("a.level", "=", "caseLead"),
    )
    .innerJoin("household as h", (j) =>
      j.onRef("h.municipalityId", "=", "e.municipalityId").onRef("h.id", "=", "e.householdId"),
    )
    .select("h.name as householdName")
    .where("e.caseLeadSeenAt", "is", null)
    .where("e.userId", "!=", ctx.actor.userId)
    .orderBy("e.startsAt", "desc")
    .limit(50)
    .execute();
  return { items: rows.map((r) => ({ ...present(ctx, r), householdName: r.householdName })) };
}

/** The case lead has seen an emergency access to their household. */
export async function markEmergencyAccessSeen(ctx: RequestContext, id: string) {
  const grant = await ctx.trx
    .selectFrom("emergencyAccess")
    .select(["id", "householdId", "teamId"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!grant) throw notFound("Deze noodtoegang bestaat niet.");
  const access = await householdAccess(ctx, grant.householdId);
  if (!access.levels.includes("caseLead"))
    throw forbidden(
      "Alleen de regiehouder van het huishouden bevestigt dat hij of zij de noodtoegang heeft gezien.",
    );
  await ctx.trx
    .updateTable("emergencyAccess")
    .set({ caseLeadSeenAt: ctx.now })
    .where("id", "=", id)
    .execute();
  await ctx.audit({
    action: "emergencyAccess.seenByCaseLead",
    resourceType: "emergencyAccess",
    resourceId: id,
    householdId: grant.householdId,
    teamId: grant.teamId,
  });
  return { id, seen: true };
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

/**
 * The review list: for a team lead the break-the-glass accesses filed under their teams, for the
 * administrator those of teams without a team lead; not yet reviewed (or all).
 */
export async function listEmergencyReviews(ctx: RequestContext, includeReviewed: boolean) {
  let q = reviewable(ctx, baseQuery(ctx));
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
  const grant = await reviewable(ctx, baseQuery(ctx))
    .select(["e.teamId", "e.reviewer"])
    .where("e.id", "=", id)
    .executeTakeFirst();
  if (!grant) throw notFound("Deze noodtoegang bestaat niet of u beoordeelt haar niet.");
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
