import { type Static, Type } from "typebox";
import { Nullable } from "../../platform/http/schemas.ts";
import { DIMENSIONS, GRANULARITIES, METRICS } from "./outcomes.figures.ts";

const literals = Type.Enum;

export const MonitorQuery = Type.Object({
  from: Type.Optional(
    Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Eerste dag (JJJJ-MM-DD)" }),
  ),
  until: Type.Optional(
    Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Laatste dag (JJJJ-MM-DD)" }),
  ),
  granularity: Type.Optional(literals(GRANULARITIES)),
  dimension: Type.Optional(literals(DIMENSIONS)),
});
export type MonitorQuery = Static<typeof MonitorQuery>;

export const MonitorCell = Type.Object({
  metric: literals(METRICS),
  period: Type.String(),
  groupKey: Type.String(),
  subgroup: Type.String(),
  category: Type.String(),
  value: Nullable(Type.Integer()),
  suppressed: Type.Boolean(),
});

export const OutcomeMonitor = Type.Object({
  from: Type.String(),
  until: Type.String(),
  granularity: literals(GRANULARITIES),
  dimension: literals(DIMENSIONS),
  /** True for policy staff: figures about fewer than 5 residents are withheld. */
  smallCellsSuppressed: Type.Boolean(),
  periods: Type.Array(Type.String()),
  groups: Type.Array(Type.Object({ key: Type.String(), label: Nullable(Type.String()) })),
  cells: Type.Array(MonitorCell),
  /** Figures the work does not record per this dimension: shown as not available, never as zero. */
  notAvailable: Type.Array(literals(METRICS)),
  hasData: Type.Boolean(),
  /**
   * The size of ZRM change per life domain for cases closed in the period, over the teams the role may
   * see (not per group: a total beside its parts would give withheld parts away): residents per change
   * in levels (−4 … +4) and the mean. For policy staff counts of 1–4 are withheld, and the mean with them.
   */
  zrmChangeSize: Type.Array(
    Type.Object({
      domain: Type.String(),
      residents: Nullable(Type.Integer()),
      mean: Nullable(Type.Number()),
      cells: Type.Array(
        Type.Object({ delta: Type.Integer(), value: Nullable(Type.Integer()), suppressed: Type.Boolean() }),
      ),
    }),
  ),
});
export type OutcomeMonitor = Static<typeof OutcomeMonitor>;
