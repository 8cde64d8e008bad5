import { type Static, type TSchema, Type } from "typebox";
import { DateTime, Uuid } from "../../platform/http/schemas.ts";

/** null first: with type coercion on, ajv would otherwise turn null into "" or 0 (see households.schemas.ts). */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
export const RELATIONS = ["family", "friend", "neighbour", "volunteer", "colleague", "professional"] as const;
export const CONTACT_FREQUENCIES = ["daily", "weekly", "monthly", "fewTimesAYear", "rarely"] as const;
export const RELUCTANCES = ["shame", "conflict", "distance", "doesNotWantThemToKnow"] as const;

export const HouseholdParams = Type.Object({ householdId: Uuid });
export const MemberParams = Type.Object({ memberId: Uuid });

export const NetworkMemberInput = Type.Object({
  residentId: Type.Optional(Nullable(Uuid)),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  relation: Type.Enum(RELATIONS),
  contactFrequency: Type.Enum(CONTACT_FREQUENCIES),
  closeness: Type.Integer({ minimum: 1, maximum: 3, description: "1 inner ring (closest) … 3 outer ring" }),
  doesNow: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  couldDo: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  overburdened: Type.Optional(Type.Boolean()),
  reluctance: Type.Optional(Type.Array(Type.Enum(RELUCTANCES), { maxItems: 4 })),
  reluctanceNote: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
});
export type NetworkMemberInput = Static<typeof NetworkMemberInput>;
export const ChangeNetworkMember = Type.Intersect([
  NetworkMemberInput,
  Type.Object({ version: Type.Integer({ minimum: 1 }) }),
]);
export type ChangeNetworkMember = Static<typeof ChangeNetworkMember>;
export const RemoveNetworkMember = Type.Object({ version: Type.Integer({ minimum: 1 }) });

export const NetworkMember = Type.Object({
  id: Type.String(),
  residentId: Nullable(Type.String()),
  name: Type.String(),
  relation: Type.String(),
  contactFrequency: Type.String(),
  closeness: Type.Integer(),
  doesNow: Nullable(Type.String()),
  couldDo: Nullable(Type.String()),
  overburdened: Type.Boolean(),
  reluctance: Type.Array(Type.String()),
  reluctanceNote: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: DateTime,
  actions: Type.Array(
    Type.Object({
      id: Type.String(),
      description: Type.String(),
      status: Type.String(),
      dueDate: Type.String(),
    }),
  ),
});
export const Network = Type.Object({
  householdId: Type.String(),
  householdName: Type.String(),
  residents: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), isMainContact: Type.Boolean() }),
  ),
  members: Type.Array(NetworkMember),
});
export const SavedMember = Type.Object({ id: Type.String(), version: Type.Integer() });
