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
      "e.reason",
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
