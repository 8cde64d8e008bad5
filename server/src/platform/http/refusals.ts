import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { type Actor, auditApart } from "../context.ts";
import type { DB } from "../db/schema.ts";
import { AppError, fromDatabaseError } from "./errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refusal worth recording: 403 (not allowed) or 404 (not found, or not yours to know about). */
export function refusalOf(error: unknown): AppError | undefined {
  const e = error instanceof AppError ? error : fromDatabaseError(error);
  return e && (e.statusCode === 403 || e.statusCode === 404) ? e : undefined;
}

/**
 * Records a refused or failed attempt — who, which route, which ids, why — in a transaction of its own,
 * so the rollback of the request does not erase it (NEN 7513 asks for failed attempts too). The
 * administrator sees repeated refusals per user (audit.service: listRefusals).
 */
export async function recordRefusal(
  db: Kysely<DB>,
  actor: Actor,
  request: FastifyRequest,
  refusal: AppError,
  afterAudit: () => void,
): Promise<void> {
  const params = Object.fromEntries(
    Object.entries((request.params ?? {}) as Record<string, unknown>)
      .filter(([, v]) => typeof v === "string")
      .map(([k, v]) => [k, String(v).slice(0, 100)]),
  );
  const route = request.routeOptions.url ?? request.url.split("?")[0] ?? "";
  // The household tried: a householdId in the path, or the id of a household route.
  const candidate = params.householdId ?? (route.startsWith("/api/households/:id") ? params.id : undefined);
  const householdId = candidate && UUID.test(candidate) ? candidate : null;
  const tried = Object.values(params).find((v) => UUID.test(v)) ?? null;
  await auditApart(db, actor, { clientIp: request.ip, afterAudit }, [
    {
      action: "access.refused",
      resourceType: "request",
      resourceId: tried,
      householdId,
      details: {
        method: request.method,
        route,
        status: refusal.statusCode,
        code: refusal.code,
        params,
      },
    },
  ]).catch(() => {
    // The refusal itself is what the user gets; a database that cannot take the event reports itself.
  });
}
