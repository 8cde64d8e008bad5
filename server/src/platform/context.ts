import { type Kysely, sql } from "kysely";
import type { Role } from "./access/permissions.ts";
import type { AuditInput } from "./audit/actions.ts";
import type { DB } from "./db/schema.ts";
import { notFound } from "./http/errors.ts";

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
  readonly trx: Kysely<DB>;
  readonly now: Date;
  /** Writes an audit event in this transaction. */
  audit(event: AuditInput): Promise<void>;
  /**
   * Writes an audit event in a transaction of its own after this one ends, committed or rolled back:
   * for what must stay on record even when the request fails (a duplicate check that saw other
   * households, a refusal).
   */
  auditApart(event: AuditInput): void;
}

export interface ContextOptions {
  clientIp: string | null;
  now?: Date;
  /** Called after commit when the transaction wrote audit events. */
  afterAudit?: () => void;
}

/** A value for a statement sent without parameters: only ids and role names, quoted. */
function literal(value: string): string {
  if (!/^[\w{},-]*$/.test(value)) throw new Error("identity values are ids and role names");
  return `'${value}'`;
}

/**
 * Begins a transaction and sets the actor's identity in one round trip (two statements without
 * parameters go through the simple protocol together). On the city benchmark a request spent a third
 * of its CPU writing to sockets, so every round trip saved counts.
 */
function beginAs(actor: Actor) {
  return sql.raw(`begin; select set_config('role', 'wijkwerk_app', true),
    set_config('app.municipality_id', ${literal(actor.municipalityId)}, true),
    set_config('app.user_id', ${literal(actor.userId)}, true),
    set_config('app.role', ${literal(actor.role)}, true),
    set_config('app.team_ids', ${literal(`{${actor.teamIds.join(",")}}`)}, true)`);
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
  let failed = false;
  const apart: AuditInput[] = [];
  try {
    const result = await db.connection().execute(async (trx) => {
      const ctx: RequestContext = {
        actor,
        clientIp: options.clientIp,
        trx,
        now: options.now ?? new Date(),
        async audit(event) {
          audited = true;
          await insertAuditEvent(trx, actor, options.clientIp, event);
        },
        auditApart(event) {
          apart.push(event);
        },
      };
      try {
        await beginAs(actor).execute(trx);
        const value = await fn(ctx);
        await sql.raw("commit").execute(trx);
        return value;
      } catch (error) {
        // A broken connection cannot roll back; the error that got us here is the one to report.
        await sql
          .raw("rollback")
          .execute(trx)
          .catch(() => {});
        throw error;
      }
    });
    if (audited) options.afterAudit?.();
    return result;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // When the request failed, its own error is the one to report, even if this write fails too.
    if (apart.length > 0)
      await auditApart(db, actor, options, apart).catch((error) => {
        if (!failed) throw error;
      });
  }
}

function insertAuditEvent(trx: Kysely<DB>, actor: Actor, clientIp: string | null, event: AuditInput) {
  return trx
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
      clientIp,
      reason: event.reason ?? null,
      details: JSON.stringify(event.details ?? {}) as unknown as Record<string, unknown>,
    })
    .execute();
}

/** Audit events in a transaction of their own, as the actor (see RequestContext.auditApart). */
export async function auditApart(
  db: Kysely<DB>,
  actor: Actor,
  options: ContextOptions,
  events: AuditInput[],
): Promise<void> {
  await withActor(db, actor, options, async (ctx) => {
    for (const event of events) await ctx.audit(event);
  });
}

/**
 * What a public (resident-facing) request may use: one municipality, no user. The database sees
 * app.role = 'public' and no app.user_id, so only policies written for the public role let rows through.
 */
export interface PublicContext {
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly clientIp: string | null;
  readonly trx: Kysely<DB>;
  readonly now: Date;
}

/**
 * Runs fn for a municipality without a user (public pages and forms). The municipality is looked up by
 * its CBS code as the owner, before the transaction drops to the application role; an unknown code
 * is a 404.
 */
export async function withPublicContext<T>(
  db: Kysely<DB>,
  municipalityCode: string,
  options: Omit<ContextOptions, "afterAudit">,
  fn: (ctx: PublicContext) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const municipality = await trx
      .selectFrom("municipality")
      .select(["id", "name"])
      .where("code", "=", municipalityCode)
      .executeTakeFirst();
    if (!municipality) throw notFound("Deze gemeente is onbekend.");
    await sql`select set_config('role', 'wijkwerk_app', true),
      set_config('app.municipality_id', ${municipality.id}, true),
      set_config('app.user_id', '', true),
      set_config('app.role', 'public', true),
      set_config('app.team_ids', '{}', true)`.execute(trx);
    return fn({
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      clientIp: options.clientIp,
      trx,
      now: options.now ?? new Date(),
    });
  });
}
