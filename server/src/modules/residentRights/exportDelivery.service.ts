import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { DB } from "../../platform/db/schema.ts";
import { conflict, notFound } from "../../platform/http/errors.ts";
import { queueExportReadyNotice } from "../portal/portal.outbox.ts";
import { exportResident } from "./export.service.ts";

/** How long a delivered export can be downloaded in the portal; after that its content is removed. */
export const EXPORT_DOWNLOAD_DAYS = 30;

export type ExportStatus = "requested" | "ready" | "expired";

/** What the resident and the queue see: asked, ready to download, or past its download period. */
export function exportStatus(expiresAt: Date | string | null, purged: boolean, now: Date): ExportStatus {
  if (!expiresAt) return "requested";
  return purged || new Date(expiresAt) <= now ? "expired" : "ready";
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The queue of residents' export requests for the households the professional may open (row-level
 * security decides): open requests first, oldest first, then what was delivered.
 */
export async function listExportRequests(ctx: RequestContext) {
  const rows = await ctx.trx
    .selectFrom("exportRequest as r")
    .innerJoin("resident as p", (j) =>
      j.onRef("p.municipalityId", "=", "r.municipalityId").onRef("p.id", "=", "r.residentId"),
    )
    .innerJoin("household as h", (j) =>
      j.onRef("h.municipalityId", "=", "r.municipalityId").onRef("h.id", "=", "r.householdId"),
    )
    .leftJoin("exportDelivery as d", (j) =>
      j.onRef("d.municipalityId", "=", "r.municipalityId").onRef("d.requestId", "=", "r.id"),
    )
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "d.municipalityId").onRef("u.id", "=", "d.deliveredByUserId"),
    )
    .select([
      "r.id",
      "r.householdId",
      "r.residentId",
      "p.givenName",
      "p.familyName",
      "h.name as householdName",
      "r.requestedAt",
      "d.deliveredAt",
      "d.expiresAt",
      sql<boolean>`d.content is null`.as("purged"),
      "u.displayName as deliveredByName",
    ])
    .orderBy(sql`d.request_id is not null`)
    .orderBy("r.requestedAt")
    .limit(200)
    .execute();
  await ctx.audit({
    action: "resident.exportRequestsListed",
    resourceType: "exportRequest",
    details: { requests: rows.length },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      householdId: r.householdId,
      residentId: r.residentId,
      residentName: `${r.givenName} ${r.familyName}`,
      householdName: r.householdName,
      requestedAt: new Date(r.requestedAt).toISOString(),
      status: exportStatus(r.expiresAt, r.purged, ctx.now),
      deliveredAt: iso(r.deliveredAt),
      expiresAt: iso(r.expiresAt),
      deliveredByName: r.deliveredByName,
    })),
  };
}

/**
 * Produces the export a resident asked for (the same export as the dossier's, read through the access
 * rules of the professional who produces it), stores it for the portal, marks the request delivered and
 * tells the resident by e-mail without personal details. The audit trail keeps the export's SHA-256 and
 * size, never its content.
 */
export async function deliverExport(ctx: RequestContext, requestId: string) {
  const request = await ctx.trx
    .selectFrom("exportRequest")
    .select(["id", "householdId", "residentId", "requestedByUserId", "status"])
    .where("id", "=", requestId)
    .executeTakeFirst();
  if (!request)
    throw notFound("Dit verzoek bestaat niet of u heeft geen toegang tot het dossier van deze inwoner.");
  const delivered = await ctx.trx
    .selectFrom("exportDelivery")
    .select(["deliveredAt", "expiresAt"])
    .where("requestId", "=", requestId)
    .executeTakeFirst();
  if (delivered || request.status === "delivered") {
    throw conflict(
      "alreadyDelivered",
      delivered
        ? `Dit verzoek is al afgehandeld op ${iso(delivered.deliveredAt)?.slice(0, 10)}. De inwoner kan het downloaden tot ${iso(delivered.expiresAt)?.slice(0, 10)}; daarna kan de inwoner het opnieuw vragen.`
        : "Dit verzoek is al afgehandeld.",
    );
  }
  const exported = await exportResident(ctx, request.residentId);
  const content = JSON.stringify(exported);
  const sha256 = createHash("sha256").update(content).digest("hex");
  const bytes = Buffer.byteLength(content);
  const expiresAt = new Date(ctx.now.getTime() + EXPORT_DOWNLOAD_DAYS * 86_400_000);
  await ctx.trx
    .insertInto("exportDelivery")
    .values({
      municipalityId: ctx.actor.municipalityId,
      requestId,
      householdId: request.householdId,
      residentId: request.residentId,
      requestedByUserId: request.requestedByUserId,
      deliveredByUserId: ctx.actor.userId,
      deliveredAt: ctx.now,
      expiresAt,
      content,
      contentSha256: sha256,
      contentBytes: bytes,
      purgedAt: null,
    })
    .execute();
  await ctx.trx
    .updateTable("exportRequest")
    .set({ status: "delivered" })
    .where("id", "=", requestId)
    .execute();
  await queueExportReadyNotice(ctx.trx, ctx.actor.municipalityId, request.requestedByUserId);
  await ctx.audit({
    action: "resident.exportDelivered",
    resourceType: "exportRequest",
    resourceId: requestId,
    householdId: request.householdId,
    residentId: request.residentId,
    details: {
      tables: Object.keys(exported.tables).length,
      bytes,
      sha256,
      expiresAt: expiresAt.toISOString(),
    },
  });
  return {
    id: requestId,
    status: "ready" as const,
    deliveredAt: ctx.now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Background work (as the owner, from the retention job): removes the content of exports whose download
 * period ended; the row stays, so the resident sees "verlopen". Logs counts only.
 */
export async function purgeExpiredExports(db: Kysely<DB>, now: Date): Promise<Record<string, number>> {
  const purged = await db
    .updateTable("exportDelivery")
    .set({ content: null, purgedAt: now })
    .where("content", "is not", null)
    .where("expiresAt", "<=", now)
    .returning(["municipalityId"])
    .execute();
  const perMunicipality: Record<string, number> = {};
  for (const r of purged) perMunicipality[r.municipalityId] = (perMunicipality[r.municipalityId] ?? 0) + 1;
  for (const [municipalityId, count] of Object.entries(perMunicipality)) {
    await recordSystemAudit(db, { municipalityId, userId: null, role: null, organisationId: null }, null, {
      action: "resident.exportExpired",
      resourceType: "exportDelivery",
      details: { purged: count },
    });
  }
  return perMunicipality;
}
