import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";

/**
 * The audit trail as administrators (whole municipality) and team leads (their teams) see it.
 * Which rows are visible is decided by row-level security; reading the trail is itself audited.
 */
export async function readAuditTrail(
  ctx: RequestContext,
  query: { limit?: number; before?: number; householdId?: string },
) {
  const limit = query.limit ?? 50;
  let q = ctx.trx
    .selectFrom("auditEvent as e")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "e.municipalityId").onRef("u.id", "=", "e.actorUserId"),
    )
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "e.municipalityId").onRef("o.id", "=", "e.actorOrganisationId"),
    )
    // An emergency access's reason lives in its own record (readable by the team lead who reviews it).
    .leftJoin("emergencyAccess as ea", (j) =>
      j
        .onRef("ea.municipalityId", "=", "e.municipalityId")
        .on((eb) => eb("ea.id", "=", sql<string>`app_audit_emergency_access_id(e)`)),
    )
    // The household's name only where the reader may see the household (row-level security decides).
    .leftJoin("household as h", (j) =>
      j.onRef("h.municipalityId", "=", "e.municipalityId").onRef("h.id", "=", "e.householdId"),
    )
    .select([
      "e.id",
      "e.occurredAt",
      "e.action",
      "u.displayName as actorDisplayName",
      "e.actorRole",
      "o.name as actorOrganisationName",
      "e.resourceType",
      "e.resourceId",
      "e.householdId",
      "h.name as householdName",
      "e.clientIp",
      sql<string | null>`coalesce(ea.reason, e.reason)`.as("reason"),
    ])
    .orderBy("e.id", "desc")
    .limit(limit + 1);
  if (query.before) q = q.where("e.id", "<", query.before);
  if (query.householdId) q = q.where("e.householdId", "=", query.householdId);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  await ctx.audit({
    action: "audit.viewed",
    resourceType: "auditTrail",
    householdId: query.householdId ?? null,
    details: { count: page.length, before: query.before ?? null },
  });
  return {
    items: page.map((r) => ({ ...r, id: String(r.id), occurredAt: new Date(r.occurredAt).toISOString() })),
    nextBefore: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}

/** Refusals in one day, or different targets tried, from which a user's refusals read like snooping. */
export const SNOOPING = { perDay: 10, distinctTargets: 5 } as const;

/**
 * Refused and failed attempts per user (access.refused events) over the last days, with an alert where
 * they read like someone looking for dossiers they have no business with. For the administrator.
 */
export async function listRefusals(ctx: RequestContext, query: { days?: number }) {
  const days = query.days ?? 7;
  const since = new Date(ctx.now.getTime() - days * 86_400_000);
  const rows = await ctx.trx
    .with("refused", (db) =>
      db
        .selectFrom("auditEvent")
        .select([
          "actorUserId",
          "occurredAt",
          sql<string>`coalesce(household_id::text, resource_id)`.as("target"),
          sql<string>`(occurred_at at time zone 'Europe/Amsterdam')::date::text`.as("day"),
        ])
        .where("action", "=", "access.refused")
        .where("occurredAt", ">=", since)
        .where("actorUserId", "is not", null),
    )
    .with("per_day", (db) =>
      db
        .selectFrom("refused")
        .select(["actorUserId", sql<number>`count(*)::int`.as("n")])
        .groupBy(["actorUserId", "day"]),
    )
    .selectFrom("refused as r")
    .leftJoin("appUser as u", "u.id", "r.actorUserId")
    .select([
      "r.actorUserId as userId",
      "u.displayName",
      "u.role",
      sql<number>`count(*)::int`.as("refusals"),
      sql<number>`count(distinct r.target)::int`.as("distinctTargets"),
      sql<number>`(select max(n) from per_day p where p.actor_user_id = r.actor_user_id)`.as("busiestDay"),
      sql<Date>`min(r.occurred_at)`.as("firstAt"),
      sql<Date>`max(r.occurred_at)`.as("lastAt"),
    ])
    .groupBy(["r.actorUserId", "u.displayName", "u.role"])
    .orderBy(sql`count(*)`, "desc")
    .limit(100)
    .execute();
  const recent = await listRecentRefusals(ctx, since);
  await ctx.audit({ action: "audit.refusalsViewed", resourceType: "auditTrail", details: { days } });
  return {
    days,
    recent,
    thresholds: { ...SNOOPING },
    items: rows.map((r) => ({
      userId: r.userId as string,
      displayName: r.displayName,
      role: r.role,
      refusals: r.refusals,
      distinctTargets: r.distinctTargets,
      busiestDay: r.busiestDay,
      firstAt: new Date(r.firstAt).toISOString(),
      lastAt: new Date(r.lastAt).toISOString(),
      alert: r.busiestDay >= SNOOPING.perDay || r.distinctTargets >= SNOOPING.distinctTargets,
    })),
  };
}

/** The latest refused attempts one by one: the request tried (method, route, answer) and its target. */
async function listRecentRefusals(ctx: RequestContext, since: Date) {
  const rows = await ctx.trx
    .selectFrom("auditEvent as e")
    .leftJoin("appUser as u", "u.id", "e.actorUserId")
    // The household's name only where the reader may see the household (row-level security decides).
    .leftJoin("household as h", (j) =>
      j.onRef("h.municipalityId", "=", "e.municipalityId").onRef("h.id", "=", "e.householdId"),
    )
    .select([
      "e.id",
      "e.occurredAt",
      "e.actorUserId",
      "u.displayName",
      "u.role",
      "e.resourceId",
      "e.householdId",
      "h.name as householdName",
      sql<string | null>`e.details->>'method'`.as("method"),
      sql<string | null>`e.details->>'route'`.as("route"),
      sql<number | null>`(e.details->>'status')::int`.as("status"),
    ])
    .where("e.action", "=", "access.refused")
    .where("e.occurredAt", ">=", since)
    .where("e.actorUserId", "is not", null)
    .orderBy("e.id", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    occurredAt: new Date(r.occurredAt).toISOString(),
    userId: r.actorUserId as string,
    displayName: r.displayName,
    role: r.role,
    method: r.method,
    route: r.route,
    status: r.status,
    resourceId: r.resourceId,
    householdId: r.householdId,
    householdName: r.householdName,
  }));
}
