import { Type } from "typebox";
import { DateTime, Nullable } from "../../platform/http/schemas.ts";
import { DEMAND_COMPONENTS } from "./demand.ts";

export const Level = Type.Union([Type.Literal("district"), Type.Literal("neighbourhood")]);
export const AnalysisQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  level: Type.Optional(Level),
});
export const Weights = Type.Object(
  Object.fromEntries(DEMAND_COMPONENTS.map((c) => [c, Type.Number({ minimum: 0, maximum: 1 })])),
  { additionalProperties: false },
);
export const WeightsBody = Type.Object({ weights: Type.Record(Type.String(), Type.Number()) });
export const WeightsResponse = Type.Object({ weights: Weights, isDefault: Type.Boolean() });

const Count = Type.Object({ value: Nullable(Type.Number()), suppressed: Type.Boolean() });
export const AreaAnalysis = Type.Object({
  year: Nullable(Type.Integer()),
  level: Level,
  years: Type.Array(Type.Integer()),
  sources: Type.Array(Type.String()),
  weights: Weights,
  weightsAreDefault: Type.Boolean(),
  signalsAvailable: Type.Boolean(),
  areas: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      districtCode: Nullable(Type.String()),
      indicators: Type.Array(
        Type.Object({
          indicator: Type.String(),
          value: Nullable(Type.Number()),
          sourceTable: Nullable(Type.String()),
        }),
      ),
      components: Type.Array(
        Type.Object({
          component: Type.String(),
          value: Nullable(Type.Number()),
          relative: Nullable(Type.Number()),
        }),
      ),
      demandIndex: Nullable(Type.Number()),
      missingComponents: Type.Array(Type.String()),
      openCases: Count,
      expectedCases: Nullable(Type.Number()),
      signals: Nullable(Count),
    }),
  ),
});

export const Boundaries = Type.Object({
  viewBox: Type.String(),
  width: Type.Number(),
  height: Type.Number(),
  source: Type.String(),
  areas: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), path: Type.String() })),
});

export const ImportQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  sourceTable: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9._-]{2,40}$" })),
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
  dryRun: Type.Optional(Type.Boolean()),
});
export const ImportJson = Type.Object({
  content: Type.String({ minLength: 1 }),
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  sourceTable: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9._-]{2,40}$" })),
  dryRun: Type.Optional(Type.Boolean()),
});
const Finding = Type.Object({ row: Type.Integer(), code: Type.String() });
export const ImportResult = Type.Object({
  importId: Nullable(Type.String()),
  stored: Type.Boolean(),
  report: Type.Object({
    layout: Type.String(),
    sourceTable: Type.String(),
    year: Type.Integer(),
    rowsRead: Type.Integer(),
    rowsImported: Type.Integer(),
    rowsOtherMunicipality: Type.Integer(),
    valuesStored: Type.Integer(),
    missingValues: Type.Integer(),
    indicatorColumns: Type.Array(Type.Object({ column: Type.String(), indicator: Type.String() })),
    unknownColumns: Type.Array(Type.String()),
    unusedColumns: Type.Integer(),
    invalidCodes: Type.Array(Finding),
    unknownCodes: Type.Array(Finding),
    unlistedCodes: Type.Array(Finding),
    duplicateCodes: Type.Array(Finding),
    notANumber: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), value: Type.String() })),
    notANumberCount: Type.Integer(),
  }),
});
export const ImportList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      sourceTable: Type.String(),
      year: Type.Integer(),
      layout: Type.String(),
      fileName: Nullable(Type.String()),
      rowsRead: Type.Integer(),
      rowsImported: Type.Integer(),
      valuesStored: Type.Integer(),
      importedAt: DateTime,
    }),
  ),
});

export const BudgetQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  budget: Type.Optional(Type.Number({ minimum: 0, maximum: 1e10 })),
  populationShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  hourlyRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  weeksPerYear: Type.Optional(Type.Integer({ minimum: 1, maximum: 53 })),
});
export const BudgetResponse = Type.Object({
  year: Type.Integer(),
  parameters: Type.Object({
    budget: Type.Number(),
    populationShare: Type.Number(),
    hourlyRate: Type.Number(),
    weeksPerYear: Type.Number(),
  }),
  currentTotal: Type.Number(),
  teams: Type.Array(
    Type.Object({
      teamId: Type.String(),
      teamName: Type.String(),
      inhabitants: Type.Number(),
      demandWeightedInhabitants: Type.Number(),
      populationFraction: Type.Number(),
      demandFraction: Type.Number(),
      modelFraction: Type.Number(),
      modelAmount: Type.Number(),
      currentAmount: Type.Number(),
      difference: Type.Number(),
      explanation: Type.String(),
      notes: Type.Array(Type.String()),
    }),
  ),
});
