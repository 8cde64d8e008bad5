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
