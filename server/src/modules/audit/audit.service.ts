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
