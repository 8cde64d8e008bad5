import { type Kysely, sql, type Transaction } from "kysely";
import type { Role } from "./access/permissions.ts";
import type { AuditInput } from "./audit/actions.ts";
import type { DB } from "./db/schema.ts";

/** Who acts. Built from the session on every request; the database sees it through set_config. */
export interface Actor {
  userId: string;
  municipalityId: string;
  role: Role;
  displayName: string;
  organisationId: string | null;
  teamIds: string[];
}

/**
 * One request context: who acts, from where, inside which transaction. Every service and repository
 * takes it; there is no way to reach the database as the application role without it.
 */
export interface RequestContext {
  readonly actor: Actor;
  readonly clientIp: string | null;
  readonly trx: Transaction<DB>;
  readonly now: Date;
  /** Writes an audit event in this transaction. */
  audit(event: AuditInput): Promise<void>;
}

export interface ContextOptions {
  clientIp: string | null;
  now?: Date;
  /** Called after commit when the transaction wrote audit events. */
  afterAudit?: () => void;
}

/**
 * Runs fn in a transaction as the application role, with the actor's identity set for row-level
 * security. set_config(…, true) is local to the transaction, so a pooled connection never carries one
 * user's identity into another request.
 */
export async function withActor<T>(
  db: Kysely<DB>,
  actor: Actor,
  options: ContextOptions,
  fn: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  let audited = false;
  const result = await db.transaction().execute(async (trx) => {
    await sql`select set_config('role', 'wijkwerk_app', true),
      set_config('app.municipality_id', ${actor.municipalityId}, true),
      set_config('app.user_id', ${actor.userId}, true),
      set_config('app.role', ${actor.role}, true),
      set_config('app.team_ids', ${`{${actor.teamIds.join(",")}}`}, true)`.execute(trx);
    const ctx: RequestContext = {
      actor,
      clientIp: options.clientIp,
      trx,
      now: options.now ?? new Date(),
      async audit(event) {
        audited = true;
        await trx
          .insertInto("auditEvent")
          .values({
            municipalityId: actor.municipalityId,
            action: event.action,
            actorUserId: actor.userId,
            actorRole: actor.role,
            actorOrganisationId: actor.organisationId,
            teamId: event.teamId ?? null,
            resourceType: event.resourceType,
            resourceId: event.resourceId ?? null,
            householdId: event.householdId ?? null,
            residentId: event.residentId ?? null,
            clientIp: options.clientIp,
            reason: event.reason ?? null,
            details: JSON.stringify(event.details ?? {}) as unknown as Record<string, unknown>,
          })
          .execute();
      },
    };
    return fn(ctx);
  });
  if (audited) options.afterAudit?.();
  return result;
}
