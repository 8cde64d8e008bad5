import { Type } from "typebox";
import { Nullable } from "../../platform/http/schemas.ts";

export const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  householdId: Type.Optional(Type.String({ format: "uuid" })),
});

export const AuditItem = Type.Object({
  id: Type.String(),
  occurredAt: Type.String({ format: "date-time" }),
  action: Type.String(),
  actorDisplayName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  actorOrganisationName: Nullable(Type.String()),
  resourceType: Type.String(),
  resourceId: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  /** The household's name where the reader may see it. */
  householdName: Nullable(Type.String()),
  clientIp: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export const AuditPage = Type.Object({ items: Type.Array(AuditItem), nextBefore: Nullable(Type.String()) });

export const RefusalsQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
});
export const RefusalSummary = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Type.String(),
      displayName: Nullable(Type.String()),
      role: Nullable(Type.String()),
      refusals: Type.Integer(),
      /** Different households or records the user tried. */
      distinctTargets: Type.Integer(),
      /** Most refusals within one day. */
      busiestDay: Type.Integer(),
      firstAt: Type.String({ format: "date-time" }),
      lastAt: Type.String({ format: "date-time" }),
      /** Reads like snooping: many refusals in a day, or many different targets. */
      alert: Type.Boolean(),
    }),
  ),
  /** The latest refused attempts one by one (at most 100): what was tried, by whom, with which answer. */
  recent: Type.Array(
    Type.Object({
      id: Type.String(),
      occurredAt: Type.String({ format: "date-time" }),
      userId: Type.String(),
      displayName: Nullable(Type.String()),
      role: Nullable(Type.String()),
      /** The request tried: HTTP method and route pattern (e.g. GET /api/households/:id). */
      method: Nullable(Type.String()),
      route: Nullable(Type.String()),
      /** 403 (no right) or 404 (not found, or not the user's to know about). */
      status: Nullable(Type.Integer()),
      resourceId: Nullable(Type.String()),
      householdId: Nullable(Type.String()),
      /** The household's name where the reader may see it. */
      householdName: Nullable(Type.String()),
    }),
  ),
  days: Type.Integer(),
  thresholds: Type.Object({ perDay: Type.Integer(), distinctTargets: Type.Integer() }),
});
