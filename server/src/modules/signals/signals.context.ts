import { type Kysely, sql } from "kysely";
import type { AuditInput } from "../../platform/audit/actions.ts";
import type { PublicContext, RequestContext } from "../../platform/context.ts";
import type { DB } from "../../platform/db/schema.ts";
import { unauthorized } from "../../platform/http/errors.ts";
import { hashApiKey } from "./signals.rules.ts";

/**
 * What signal intake needs, whichever channel it came in through: the municipality, one transaction
 * with row-level security set for the sender, the time, and an audit writer.
 */
export interface IntakeContext {
  readonly municipalityId: string;
  readonly trx: Kysely<DB>;
  readonly now: Date;
  readonly channel:
    | { source: "partner"; userId: string; organisationId: string | null; displayName: string }
    | { source: "public" }
    | { source: "api"; organisationId: string; apiKeyId: string };
  audit(event: AuditInput): Promise<void>;
}

export function intakeFromRequest(ctx: RequestContext): IntakeContext {
  return {
    municipalityId: ctx.actor.municipalityId,
    trx: ctx.trx,
    now: ctx.now,
    channel: {
      source: "partner",
      userId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      displayName: ctx.actor.displayName,
    },
    audit: (event) => ctx.audit(event),
  };
}

/** Writes an audit event for a sender that is not a logged-in user (the public form, an API key). */
function auditWithoutUser(
  trx: Kysely<DB>,
  who: { municipalityId: string; role: string; organisationId: string | null; clientIp: string | null },
  onWrite: () => void,
) {
  return async (event: AuditInput) => {
    onWrite();
    await trx
      .insertInto("auditEvent")
      .values({
        municipalityId: who.municipalityId,
        action: event.action,
        actorUserId: null,
        actorRole: who.role,
        actorOrganisationId: who.organisationId,
        teamId: event.teamId ?? null,
        resourceType: event.resourceType,
        resourceId: event.resourceId ?? null,
        householdId: event.householdId ?? null,
        residentId: event.residentId ?? null,
        clientIp: who.clientIp,
        reason: event.reason ?? null,
        details: JSON.stringify(event.details ?? {}) as unknown as Record<string, unknown>,
      })
      .execute();
  };
}

export function intakeFromPublic(ctx: PublicContext, onAudit: () => void): IntakeContext {
  return {
    municipalityId: ctx.municipalityId,
    trx: ctx.trx,
    now: ctx.now,
    channel: { source: "public" },
    audit: auditWithoutUser(
      ctx.trx,
      { municipalityId: ctx.municipalityId, role: "public", organisationId: null, clientIp: ctx.clientIp },
      onAudit,
    ),
  };
}

/** "Bearer wk_…" → the token; anything else is a 401 that says what to send. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(wk_[A-Za-z0-9_-]{20,100})\s*$/.exec(header ?? "");
  if (!match?.[1]) {
    throw unauthorized(
      "apiKeyMissing",
      "Stuur een geldige API-sleutel mee in de kop Authorization: Bearer wk_…",
    );
  }
  return match[1];
}

/**
 * Runs fn for a partner system identified by its API key. The key is looked up by its SHA-256 as the
 * owner, before the transaction drops to the application role with app.role = 'partnerSystem' and the
 * key's organisation, so row-level security scopes everything to that partner. An unknown or revoked
 * key is the same 401: the answer does not reveal which keys exist.
 */
export async function withPartnerSystem<T>(
  db: Kysely<DB>,
  authorization: string | undefined,
  options: { clientIp: string | null; afterAudit: () => void; now?: Date },
  fn: (ctx: IntakeContext) => Promise<T>,
): Promise<T> {
  const token = bearerToken(authorization);
  let audited = false;
  const result = await db.transaction().execute(async (trx) => {
    const key = await trx
      .selectFrom("partnerApiKey")
      .select(["id", "municipalityId", "organisationId", "revokedAt"])
      .where("keyHash", "=", hashApiKey(token))
      .executeTakeFirst();
    if (!key || key.revokedAt) {
      throw unauthorized("invalidApiKey", "Deze API-sleutel is ongeldig of ingetrokken.");
    }
    await sql`select set_config('role', 'wijkwerk_app', true),
      set_config('app.municipality_id', ${key.municipalityId}, true),
      set_config('app.user_id', '', true),
      set_config('app.role', 'partnerSystem', true),
      set_config('app.team_ids', '{}', true),
      set_config('app.organisation_id', ${key.organisationId}, true),
      set_config('app.api_key_id', ${key.id}, true)`.execute(trx);
    const now = options.now ?? new Date();
    await trx.updateTable("partnerApiKey").set({ lastUsedAt: now }).where("id", "=", key.id).execute();
    return fn({
      municipalityId: key.municipalityId,
      trx,
      now,
      channel: { source: "api", organisationId: key.organisationId, apiKeyId: key.id },
      audit: auditWithoutUser(
        trx,
        {
          municipalityId: key.municipalityId,
          role: "partnerSystem",
          organisationId: key.organisationId,
          clientIp: options.clientIp,
        },
        () => {
          audited = true;
        },
      ),
    });
  });
  if (audited) options.afterAudit();
  return result;
}
