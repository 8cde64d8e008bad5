import { Type } from "typebox";
import { Nullable, Uuid } from "../../platform/http/schemas.ts";

export const HalfDay = Type.Union([Type.Literal("morning"), Type.Literal("afternoon")]);
export const NormBody = Type.Object({
  peoplePerHalfDay: Type.Integer({ minimum: 0, maximum: 50 }),
  hoursPerWeek: Type.Number({ minimum: 0, maximum: 2000 }),
  hoursPerHalfDay: Type.Number({ exclusiveMinimum: 0, maximum: 6 }),
});
export const RosterBody = Type.Object({
  slots: Type.Array(
    Type.Object({ userId: Uuid, weekday: Type.Integer({ minimum: 1, maximum: 5 }), halfDay: HalfDay }),
    { maxItems: 2000 },
  ),
});

const Organisation = Type.Object({
  organisationId: Type.String(),
  organisationName: Type.String(),
  hoursPerWeek: Type.Number(),
  members: Type.Integer(),
});

export const TeamStaffing = Type.Object({
  team: Type.Object({
    id: Type.String(),
    name: Type.String(),
    model: Type.String(),
    areaCodes: Type.Array(Type.String()),
  }),
  mayManage: Type.Boolean(),
  norm: Type.Object({
    peoplePerHalfDay: Type.Integer(),
    hoursPerWeek: Type.Number(),
    hoursPerHalfDay: Type.Number(),
    isDefault: Type.Boolean(),
  }),
  coverage: Type.Object({
    source: Type.Union([Type.Literal("zrm"), Type.Literal("areaDemand"), Type.Literal("none")]),
    columns: Type.Array(
      Type.Object({
        key: Type.String(),
        kind: Type.Union([Type.Literal("lifeDomain"), Type.Literal("targetGroup")]),
        need: Nullable(Type.Number()),
        needSuppressed: Type.Boolean(),
        coveredBy: Type.Integer(),
        gap: Type.Boolean(),
      }),
    ),
    gaps: Type.Array(Type.String()),
    rows: Nullable(
      Type.Array(
        Type.Object({
          userId: Type.String(),
          displayName: Type.String(),
          organisationName: Type.String(),
          covers: Type.Array(Type.Boolean()),
        }),
      ),
    ),
  }),
  members: Nullable(
    Type.Array(
      Type.Object({
        userId: Type.String(),
        displayName: Type.String(),
        organisationName: Type.String(),
        hoursPerWeek: Type.Number(),
      }),
    ),
  ),
  organisations: Type.Array(Organisation),
  staffing: Type.Object({
    grid: Type.Array(
      Type.Object({
        weekday: Type.Integer(),
        halfDay: HalfDay,
        present: Type.Integer(),
        userIds: Nullable(Type.Array(Type.String())),
        shortBy: Type.Integer(),
      }),
    ),
    halfDaysShort: Type.Integer(),
    rosteredHours: Type.Number(),
    contractHours: Type.Number(),
    hoursShortOfNorm: Type.Number(),
    contractShortOfNorm: Type.Number(),
    overRostered: Type.Array(
      Type.Object({ userId: Type.String(), rostered: Type.Number(), contract: Type.Number() }),
    ),
  }),
});

export const CoFunding = Type.Object({
  teams: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  organisations: Type.Array(
    Type.Object({
      organisationId: Type.String(),
      organisationName: Type.String(),
      hoursPerWeek: Type.Number(),
      members: Type.Integer(),
      perTeam: Type.Array(Type.Object({ teamId: Type.String(), hoursPerWeek: Type.Number() })),
    }),
  ),
});
