import type { RequestContext } from "../../platform/context.ts";
import { exportAsHtml, type exportResident } from "../residentRights/export.service.ts";
import { EXPORT_DOWNLOAD_DAYS, exportStatus } from "../residentRights/exportDelivery.service.ts";
import { AuditedRefusal, assertPortalHousehold, type PortalHousehold } from "./portal.scope.ts";

type Export = Awaited<ReturnType<typeof exportResident>>;
const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/**
 * The export requests this account made for the person it is (or acts for), with a status the resident
 * understands: requested (aangevraagd), ready (klaar) until a date, or expired (verlopen).
 */
export async function listMyExports(ctx: RequestContext, scope: PortalHousehold) {
  const rows = await ctx.trx
    .selectFrom("exportRequest as r")
    .leftJoin("exportDelivery as d", (j) =>
      j.onRef("d.municipalityId", "=", "r.municipalityId").onRef("d.requestId", "=", "r.id"),
    )
    .select(["r.id", "r.requestedAt", "d.deliveredAt", "d.expiresAt", "d.purgedAt"])
    .where("r.municipalityId", "=", ctx.actor.municipalityId)
    .where("r.householdId", "=", scope.householdId)
    .where("r.residentId", "=", scope.residentId)
    .where("r.requestedByUserId", "=", ctx.actor.userId)
    .orderBy("r.requestedAt", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    requestedAt: new Date(r.requestedAt).toISOString(),
    status: exportStatus(r.expiresAt, r.purgedAt !== null, ctx.now),
    readyAt: r.deliveredAt ? new Date(r.deliveredAt).toISOString() : null,
    expiresAt: r.expiresAt ? new Date(r.expiresAt).toISOString() : null,
  }));
}

/**
 * The resident downloads their delivered export: the stored JSON as it was produced, or the readable page
 * made from it. Another household, another person's or an unknown request is a 404; not ready yet (409)
 * and expired (410) say what to do. Every refusal and every download is audited; the content never is.
 */
export async function downloadExport(
  ctx: RequestContext,
  householdId: string,
  requestId: string,
  format: "json" | "html",
) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const row = await ctx.trx
    .selectFrom("exportRequest as r")
    .leftJoin("exportDelivery as d", (j) =>
      j.onRef("d.municipalityId", "=", "r.municipalityId").onRef("d.requestId", "=", "r.id"),
    )
    .select(["r.id", "r.residentId", "d.expiresAt", "d.content", "d.purgedAt", "d.contentSha256"])
    .where("r.municipalityId", "=", ctx.actor.municipalityId)
    .where("r.id", "=", requestId)
    .where("r.householdId", "=", householdId)
    .where("r.residentId", "=", scope.residentId)
    .where("r.requestedByUserId", "=", ctx.actor.userId)
    .executeTakeFirst();
  const subject = { resourceType: "exportRequest", resourceId: requestId, householdId };
  if (!row) {
    throw new AuditedRefusal(404, "notFound", "Deze gegevens bestaan niet of zijn niet van u.", {
      ...subject,
      action: "portal.accessRefused",
    });
  }
  const status = exportStatus(row.expiresAt, row.purgedAt !== null, ctx.now);
  const refused = {
    ...subject,
    residentId: scope.residentId,
    action: "portal.exportDownloadRefused" as const,
  };
  if (status === "requested") {
    throw new AuditedRefusal(
      409,
      "exportNotReady",
      "Uw gegevens zijn nog niet klaar. U krijgt een e-mail als u ze kunt downloaden.",
      { ...refused, details: { status } },
    );
  }
  if (status === "expired" || row.content === null || !row.expiresAt) {
    throw new AuditedRefusal(
      410,
      "exportExpired",
      `U kon deze gegevens downloaden tot ${day(row.expiresAt ?? ctx.now)}. Die tijd is voorbij. Vraag uw gegevens opnieuw op als u ze nog nodig heeft.`,
      { ...refused, details: { status } },
    );
  }
  await ctx.audit({
    ...subject,
    action: "portal.exportDownloaded",
    residentId: scope.residentId,
    details: { format, sha256: row.contentSha256 },
  });
  const filename = `mijn-gegevens-${day(ctx.now)}`;
  if (format === "html") {
    const html = exportAsHtml(JSON.parse(row.content) as Export);
    return { body: html, type: "text/html; charset=utf-8", filename: `${filename}.html` };
  }
  return { body: row.content, type: "application/json; charset=utf-8", filename: `${filename}.json` };
}

export { EXPORT_DOWNLOAD_DAYS };
