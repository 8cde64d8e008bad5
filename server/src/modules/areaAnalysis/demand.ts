import { unprocessable } from "../../platform/http/errors.ts";

/** Parts of the demand index; each is an indicator of expected support demand per area. */
export const DEMAND_COMPONENTS = [
  "elderly",
  "singlePersonHouseholds",
  "lowIncome",
  "socialAssistance",
  "corporationHousing",
  "density",
] as const;
export type DemandComponent = (typeof DEMAND_COMPONENTS)[number];
export type Weights = Record<DemandComponent, number>;

/** Used until a municipality sets its own. */
export const DEFAULT_WEIGHTS: Weights = {
  elderly: 0.25,
  singlePersonHouseholds: 0.2,
  lowIncome: 0.2,
  socialAssistance: 0.2,
  corporationHousing: 0.15,
  density: 0,
};

export type Indicators = Record<string, number | null | undefined>;

const ratio = (part: number | null | undefined, whole: number | null | undefined, scale: number) =>
  part != null && whole != null && whole > 0 ? (part / whole) * scale : null;

/**
 * The value of one component for one area: shares as percentages, social assistance per 1,000
 * inhabitants, density in inhabitants per km². Null when CBS has no figure — never 0.
 */
export function componentValue(component: DemandComponent, v: Indicators): number | null {
  switch (component) {
    case "elderly":
      return ratio(v.age65Plus, v.inhabitants, 100) ?? v.age65PlusPct ?? null;
    case "singlePersonHouseholds":
      return ratio(v.singlePersonHouseholds, v.households, 100) ?? v.singlePersonHouseholdsPct ?? null;
    case "lowIncome":
      return v.socialMinimumHouseholdsPct ?? v.lowIncomeHouseholdsPct ?? null;
    case "socialAssistance":
      return ratio(v.socialAssistanceBenefits, v.inhabitants, 1000);
    case "corporationHousing":
      return v.corporationHousingPct ?? null;
    case "density":
      return v.populationDensity ?? null;
  }
}

/** Weights must be known components, between 0 and 1, and sum to exactly 1 (to 4 decimals). */
export function assertWeights(weights: Record<string, number>): Weights {
  const unknown = Object.keys(weights).filter((k) => !(DEMAND_COMPONENTS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw unprocessable("unknownComponent", `Onbekende onderdelen van de vraagindex: ${unknown.join(", ")}.`);
  const full = Object.fromEntries(DEMAND_COMPONENTS.map((c) => [c, weights[c] ?? 0])) as Weights;
  if (Object.values(full).some((w) => !Number.isFinite(w) || w < 0 || w > 1))
    throw unprocessable("weightOutOfRange", "Elk gewicht ligt tussen 0 en 1.");
  const sum = Object.values(full).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 0.00005) {
    const shown = sum.toLocaleString("nl-NL", { maximumFractionDigits: 4 });
    throw unprocessable(
      "weightsDoNotSumToOne",
      `De gewichten tellen op tot ${shown}; samen moeten ze precies 1 zijn.`,
      { sum },
    );
  }
  return full;
}

export interface AreaDemand {
  code: string;
  components: { component: DemandComponent; value: number | null; relative: number | null }[];
  /** 100 = the average of the areas compared; null when no weighted component is known. */
  index: number | null;
  /** Weighted components without a CBS figure for this area (their weight was spread over the rest). */
  missing: DemandComponent[];
}

/**
 * The weighted demand index. Each component is divided by its mean over the areas compared (same
 * level, same year), so 1 = average; the index is 100 × the weighted sum of those relatives. When an
 * area lacks a component, the index uses the other components with their weights scaled up to 1, and
 * says which were missing.
 */
export function computeDemandIndex(
  areas: { code: string; indicators: Indicators }[],
  weights: Weights,
): AreaDemand[] {
  const values = areas.map((a) => DEMAND_COMPONENTS.map((c) => componentValue(c, a.indicators)));
  const means = DEMAND_COMPONENTS.map((_, ci) => {
    const known = values.map((v) => v[ci]).filter((x): x is number => x != null);
    const mean = known.length > 0 ? known.reduce((s, x) => s + x, 0) / known.length : null;
    return mean != null && mean > 0 ? mean : null;
  });
  return areas.map((area, ai) => {
    let weighted = 0;
    let usedWeight = 0;
    const missing: DemandComponent[] = [];
    const components = DEMAND_COMPONENTS.map((component, ci) => {
      const value = values[ai]?.[ci] ?? null;
      const mean = means[ci] ?? null;
      const relative = value != null && mean != null ? value / mean : null;
      const w = weights[component];
      if (w > 0 && relative == null) missing.push(component);
      if (w > 0 && relative != null) {
        weighted += w * relative;
        usedWeight += w;
      }
      return { component, value, relative };
    });
    return {
      code: area.code,
      components,
      index: usedWeight > 0 ? (100 * weighted) / usedWeight : null,
      missing,
    };
  });
}

/**
 * Expected share of the caseload per area: inhabitants × index, as a share of the sum over the areas
 * that have both. Multiplied by the actual total it gives the expected number of cases.
 */
export function expectedCases(
  areas: { code: string; inhabitants: number | null; index: number | null }[],
  actualTotal: number,
): Map<string, number | null> {
  const weight = (a: { inhabitants: number | null; index: number | null }) =>
    a.inhabitants != null && a.index != null ? a.inhabitants * a.index : null;
  const total = areas.reduce((s, a) => s + (weight(a) ?? 0), 0);
  return new Map(
    areas.map((a) => {
      const w = weight(a);
      return [a.code, w == null || total === 0 ? null : (w / total) * actualTotal];
    }),
  );
}
