import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { AuditInput } from "./actions.ts";

/** Audit events written before a user context exists (login, logout), as the owner. */
export async function recordSystemAudit(
  db: Kysely<DB>,
  who: { municipalityId: string; userId: string | null; role: string | null; organisationId: string | null },
  clientIp: string | null,
  event: AuditInput,
): Promise<void> {
  await db
    .insertInto("auditEvent")
    .values({
      municipalityId: who.municipalityId,
      action: event.action,
      actorUserId: who.userId,
      actorRole: who.role,
      actorOrganisationId: who.organisationId,
      teamId: event.teamId ?? null,
      resourceType: event.resourceType,
      resourceId: event.resourceId ?? null,
      householdId: event.householdId ?? null,
      residentId: event.residentId ?? null,
      clientIp,
      reason: event.reason ?? null,
      details: JSON.stringify(event.details ?? {}) as unknown as Record<string, unknown>,
    })
    .execute();
}
