/**
 * The Effectencalculator's arithmetic, as pure functions on cents: what each entry on a case's timeline
 * costs, spread over the months it covers, per scenario and per stakeholder, and the difference between
 * the counterfactual ("without this approach") and what actually happened.
 */

export const STAKEHOLDERS = ["municipality", "healthInsurer", "housingCorporation", "resident"] as const;
export type Stakeholder = (typeof STAKEHOLDERS)[number];
export const UNITS = ["hour", "day", "month", "year", "occurrence"] as const;
export type Unit = (typeof UNITS)[number];
export const SCENARIOS = ["actual", "counterfactual"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface PriceItem {
  id: string;
  item: string;
  unit: Unit;
  /** Euro cents per unit. */
  priceCents: number;
  stakeholder: Stakeholder;
}

export interface TimelineEntry {
  id: string;
  scenario: Scenario;
  priceId: string;
  monthOffset: number;
  quantity: number;
}

export type PerStakeholder = Record<Stakeholder, number>;
const zero = (): PerStakeholder => ({
  municipality: 0,
  healthInsurer: 0,
  housingCorporation: 0,
  resident: 0,
});
const sum = (p: PerStakeholder) => STAKEHOLDERS.reduce((s, k) => s + p[k], 0);

export interface CostLine {
  entryId: string;
  scenario: Scenario;
  stakeholder: Stakeholder;
  amountCents: number;
  /** Cents per month offset, e.g. { 4: 300000, 5: 300000 } for two months of shelter from month 4. */
  byMonth: Map<number, number>;
}

/**
 * Where an entry's cost falls. A quantity of months (or years, as 12 months each) is spread one month at a
 * time from its month onward, the last month taking the fraction and any rounding; hours, days and single
 * occurrences fall in the month they are placed in.
 */
export function costOfEntry(entry: TimelineEntry, price: PriceItem): CostLine {
  const amountCents = Math.round(price.priceCents * entry.quantity);
  const byMonth = new Map<number, number>();
  const months = price.unit === "month" ? entry.quantity : price.unit === "year" ? entry.quantity * 12 : 0;
  if (months <= 1) {
    byMonth.set(entry.monthOffset, amountCents);
  } else {
    const perMonth = Math.round(amountCents / months);
    const whole = Math.ceil(months) - 1;
    for (let i = 0; i < whole; i++) byMonth.set(entry.monthOffset + i, perMonth);
    byMonth.set(entry.monthOffset + whole, amountCents - perMonth * whole);
  }
  return {
    entryId: entry.id,
    scenario: entry.scenario,
    stakeholder: price.stakeholder,
    amountCents,
    byMonth,
  };
}

export interface ScenarioTotals {
  totals: PerStakeholder;
  total: number;
  /** Per month offset 0..horizon-1: cents per stakeholder. */
  months: PerStakeholder[];
}

export interface ImpactResult {
  horizonMonths: number;
  lines: CostLine[];
  actual: ScenarioTotals;
  counterfactual: ScenarioTotals;
  /** Per stakeholder: counterfactual minus actual. Positive = the approach saved this party money. */
  benefit: PerStakeholder;
  netBenefit: number;
}

/** Totals of both scenarios. An entry whose price is unknown is an error of the caller, not a zero. */
export function calculateImpact(
  entries: readonly TimelineEntry[],
  prices: readonly PriceItem[],
): ImpactResult {
  const byId = new Map(prices.map((p) => [p.id, p]));
  const lines = entries.map((e) => {
    const price = byId.get(e.priceId);
    if (!price) throw new Error(`no price ${e.priceId} for entry ${e.id}`);
    return costOfEntry(e, price);
  });
  const lastMonth = Math.max(11, ...lines.flatMap((l) => [...l.byMonth.keys()]));
  const horizonMonths = lastMonth + 1;
  const scenario = (s: Scenario): ScenarioTotals => {
    const totals = zero();
    const months = Array.from({ length: horizonMonths }, zero);
    for (const line of lines.filter((l) => l.scenario === s)) {
      totals[line.stakeholder] += line.amountCents;
      for (const [month, cents] of line.byMonth) (months[month] as PerStakeholder)[line.stakeholder] += cents;
    }
    return { totals, total: sum(totals), months };
  };
  const actual = scenario("actual");
  const counterfactual = scenario("counterfactual");
  const benefit = zero();
  for (const k of STAKEHOLDERS) benefit[k] = counterfactual.totals[k] - actual.totals[k];
  return { horizonMonths, lines, actual, counterfactual, benefit, netBenefit: sum(benefit) };
}

export interface CaseSummary {
  actual: PerStakeholder;
  counterfactual: PerStakeholder;
  hasCounterfactual: boolean;
}

/** The team overview: several cases added up per stakeholder, and how many had a counterfactual. */
export function aggregateCases(cases: readonly CaseSummary[]) {
  const actual = zero();
  const counterfactual = zero();
  for (const c of cases) {
    for (const k of STAKEHOLDERS) {
      actual[k] += c.actual[k];
      counterfactual[k] += c.counterfactual[k];
    }
  }
  const benefit = zero();
  for (const k of STAKEHOLDERS) benefit[k] = counterfactual[k] - actual[k];
  return {
    cases: cases.length,
    withCounterfactual: cases.filter((c) => c.hasCounterfactual).length,
    actual,
    counterfactual,
    benefit,
    actualTotal: sum(actual),
    counterfactualTotal: sum(counterfactual),
    netBenefit: sum(benefit),
  };
}

/** Whole months from the month of `start` to the month of `date` (both YYYY-MM-DD); negative before. */
export function monthOffset(start: string, date: string): number {
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const [dy, dm] = date.split("-").map(Number) as [number, number];
  return (dy - sy) * 12 + (dm - sm);
}

/** "12,50" style euros from cents, for messages and CSV. */
export const euros = (cents: number) => (cents / 100).toFixed(2);
