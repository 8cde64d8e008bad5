import { unprocessable } from "../../platform/http/errors.ts";

export interface BudgetParameters {
  /** Total to distribute (€ per year); null = what the teams cost now by hours. */
  budget: number | null;
  /** Part distributed by inhabitants (0–1); the rest goes by demand-weighted inhabitants. */
  populationShare: number;
  hourlyRate: number;
  weeksPerYear: number;
}

export interface BudgetTeamInput {
  teamId: string;
  teamName: string;
  hoursPerWeek: number;
  areas: { code: string; inhabitants: number | null; index: number | null }[];
}

export interface BudgetTeamResult {
  teamId: string;
  teamName: string;
  inhabitants: number;
  demandWeightedInhabitants: number;
  populationFraction: number;
  demandFraction: number;
  modelFraction: number;
  modelAmount: number;
  currentAmount: number;
  difference: number;
  explanation: string;
  notes: string[];
}

export interface BudgetResult {
  parameters: BudgetParameters & { budget: number };
  currentTotal: number;
  teams: BudgetTeamResult[];
}

const euro = (n: number) =>
  new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
const pct = (f: number) => `${(f * 100).toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;
const num = (n: number) => Math.round(n).toLocaleString("nl-NL");

/** Whole euros that add up exactly to the rounded total (largest remainder). */
export function roundToTotal(amounts: number[], total: number): number[] {
  const floors = amounts.map(Math.floor);
  let left = Math.round(total) - floors.reduce((a, b) => a + b, 0);
  const order = amounts.map((a, i) => ({ i, r: a - Math.floor(a) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/**
 * Population-based budget. A team's share = populationShare × (its inhabitants / all served
 * inhabitants) + (1 − populationShare) × (its demand-weighted inhabitants / all). Demand-weighted
 * inhabitants = inhabitants × index / 100. An area served by several teams is split evenly among them;
 * an area without a demand index counts as average (100); an area without inhabitants counts for nothing.
 * Next to it: what the team costs now, hours per week × weeks × hourly rate.
 */
export function allocateBudget(teams: BudgetTeamInput[], parameters: BudgetParameters): BudgetResult {
  const { populationShare, hourlyRate, weeksPerYear } = parameters;
  if (!(populationShare >= 0 && populationShare <= 1))
    throw unprocessable("invalidParameter", "Het aandeel op inwoners ligt tussen 0 en 1.");
  const servedBy = new Map<string, number>();
  for (const t of teams)
    for (const a of new Set(t.areas.map((x) => x.code))) servedBy.set(a, (servedBy.get(a) ?? 0) + 1);
  const perTeam = teams.map((t) => {
    const notes: string[] = [];
    let inhabitants = 0;
    let demand = 0;
    const seen = new Set<string>();
    for (const a of t.areas) {
      if (seen.has(a.code)) continue;
      seen.add(a.code);
      const split = servedBy.get(a.code) ?? 1;
      if (a.inhabitants == null) {
        notes.push(`Voor ${a.code} is het aantal inwoners onbekend; dit gebied telt niet mee.`);
        continue;
      }
      if (a.index == null)
        notes.push(`Voor ${a.code} is de vraagindex onbekend; gerekend als gemiddeld (100).`);
      if (split > 1)
        notes.push(`${a.code} wordt door ${split} teams bediend; elk team telt een ${split}e deel.`);
      inhabitants += a.inhabitants / split;
      demand += (a.inhabitants * (a.index ?? 100)) / 100 / split;
    }
    return { t, inhabitants, demand, notes, current: t.hoursPerWeek * weeksPerYear * hourlyRate };
  });
  const totalInhabitants = perTeam.reduce((s, x) => s + x.inhabitants, 0);
  const totalDemand = perTeam.reduce((s, x) => s + x.demand, 0);
  if (totalInhabitants <= 0)
    throw unprocessable(
      "noPopulation",
      "Geen van de teams heeft gebieden met een bekend aantal inwoners; koppel wijken aan de teams of importeer CBS-cijfers.",
    );
  const currentExact = perTeam.map((x) => x.current);
  const currentAmounts = currentExact.map(Math.round);
  const currentTotal = currentAmounts.reduce((a, b) => a + b, 0);
  const budget = Math.round(parameters.budget ?? currentTotal);
  const fractions = perTeam.map((x) => {
    const p = x.inhabitants / totalInhabitants;
    const d = totalDemand > 0 ? x.demand / totalDemand : p;
    return { p, d, m: populationShare * p + (1 - populationShare) * d };
  });
  const modelAmounts = roundToTotal(
    fractions.map((f) => f.m * budget),
    budget,
  );
  return {
    parameters: { ...parameters, budget },
    currentTotal,
    teams: perTeam.map((x, i) => {
      const f = fractions[i] ?? { p: 0, d: 0, m: 0 };
      const modelAmount = modelAmounts[i] ?? 0;
      const currentAmount = currentAmounts[i] ?? 0;
      const difference = modelAmount - currentAmount;
      const averageIndex = x.inhabitants > 0 ? (100 * x.demand) / x.inhabitants : null;
      const explanation =
        `${x.t.teamName} krijgt ${euro(modelAmount)} omdat het ${pct(f.p)} van de inwoners bedient ` +
        `(${num(x.inhabitants)} van ${num(totalInhabitants)}) en ${pct(f.d)} van de vraaggewogen inwoners` +
        (averageIndex == null ? "" : ` (gemiddelde vraagindex ${Math.round(averageIndex)})`) +
        `; met ${pct(populationShare)} op inwoners en ${pct(1 - populationShare)} op vraag is dat ` +
        `${pct(f.m)} van ${euro(budget)}. Nu kost het team op basis van uren ${euro(currentAmount)} ` +
        `(${x.t.hoursPerWeek.toLocaleString("nl-NL")} uur × ${weeksPerYear} weken × ${euro(hourlyRate)}), ` +
        (difference === 0
          ? "dus evenveel."
          : `dus ${euro(Math.abs(difference))} ${difference > 0 ? "meer" : "minder"} dan nu.`);
      return {
        teamId: x.t.teamId,
        teamName: x.t.teamName,
        inhabitants: x.inhabitants,
        demandWeightedInhabitants: x.demand,
        populationFraction: f.p,
        demandFraction: f.d,
        modelFraction: f.m,
        modelAmount,
        currentAmount,
        difference,
        explanation,
        notes: x.notes,
      };
    }),
  };
}
