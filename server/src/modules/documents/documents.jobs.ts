import type { Kysely } from "kysely";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import type { DB } from "../../platform/db/schema.ts";

/**
 * An upload stays 'scanning' only while its request runs; a refused or interrupted upload removes
 * itself. When the process stops mid-upload (a crash, a deploy), nothing is left to do that: this job
 * removes such uploads, with their chunks (cascade), once they are clearly abandoned. Nobody could open
 * them, but they count towards the household's limit.
 */
export const UNFINISHED_AFTER_MS = 2 * 60 * 60 * 1000;

export async function removeUnfinishedUploads(db: Kysely<DB>, now: Date): Promise<Record<string, number>> {
  const removed = await db
    .deleteFrom("document")
    .where("status", "=", "scanning")
    .where("uploadedAt", "<", new Date(now.getTime() - UNFINISHED_AFTER_MS))
    .returning(["municipalityId"])
    .execute();
  const perMunicipality: Record<string, number> = {};
  for (const r of removed) perMunicipality[r.municipalityId] = (perMunicipality[r.municipalityId] ?? 0) + 1;
  for (const [municipalityId, count] of Object.entries(perMunicipality)) {
    await recordSystemAudit(db, { municipalityId, userId: null, role: null, organisationId: null }, null, {
      action: "document.unfinishedRemoved",
      resourceType: "document",
      details: { removed: count },
    });
  }
  return perMunicipality;
}
