import { Type } from "typebox";
import { Nullable, Uuid } from "../../platform/http/schemas.ts";

export const TeamModel = Type.Union([
  Type.Literal("integrated"),
  Type.Literal("frontBackOffice"),
  Type.Literal("network"),
]);
export const Office = Nullable(Type.Union([Type.Literal("front"), Type.Literal("back")]));
export const AreaCode = Type.String({ pattern: "^(WK[0-9]{6}|BU[0-9]{8})$" });

export const TeamSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  model: TeamModel,
  areaCodes: Type.Array(Type.String()),
  memberCount: Type.Number(),
});
export const TeamList = Type.Object({ items: Type.Array(TeamSummary) });

export const TeamMember = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  hoursPerWeek: Type.Number(),
  expertise: Type.Array(Type.String()),
  office: Office,
});
export const TeamDetail = Type.Object({
  id: Type.String(),
  name: Type.String(),
  model: TeamModel,
  areaCodes: Type.Array(Type.String()),
  members: Type.Array(TeamMember),
});

export const CreateTeam = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  model: TeamModel,
  areaCodes: Type.Array(AreaCode, { maxItems: 500, uniqueItems: true }),
});

export const AddMember = Type.Object({
  userId: Uuid,
  organisationId: Uuid,
  hoursPerWeek: Type.Number({ exclusiveMinimum: 0, maximum: 40 }),
  expertise: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 40 }),
  office: Type.Optional(Office),
});
