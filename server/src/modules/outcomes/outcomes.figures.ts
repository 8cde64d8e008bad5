/** The figures of the outcome monitor, their categories, and the pure rules applied to them. */

export const METRICS = [
  "caseload",
  "throughput",
  "zrmChange",
  "ladder",
  "referrals",
  "escalationPrevented",
  "residentInformed",
  "signalDeadlines",
  "satisfaction",
] as const;
export type Metric = (typeof METRICS)[number];

/** The categories of each figure, in display order; a category without a row is a true zero. */
export const CATEGORIES: Record<Metric, readonly string[]> = {
  caseload: ["open"],
  throughput: ["opened", "closed"],
  zrmChange: ["improved", "same", "worse", "missing"],
  ladder: ["ownStrength", "ownNetwork", "volunteersAndCollective", "individualProvision", "specialistCare"],
  referrals: ["specialistCareAction", "closedWithReferral"],
  escalationPrevented: ["yes", "no", "unknown"],
  residentInformed: ["informed", "notInformed"],
  signalDeadlines: ["onTime", "late", "openOverdue", "openWithinDeadline"],
  satisfaction: ["yes", "somewhat", "no"],
};

/** Categories that together form one distribution (their sum can be known from elsewhere). */
const DISTRIBUTIONS: readonly Metric[] = [
  "zrmChange",
  "ladder",
  "escalationPrevented",
  "residentInformed",
  "signalDeadlines",
  "satisfaction",
];

/** Figures per dimension that the work does not record: shown as "not available", never as zero. */
export const NOT_AVAILABLE: Record<Dimension, readonly Metric[]> = {
  team: [],
  district: ["satisfaction"],
  wmoField: ["signalDeadlines", "satisfaction"],
};

export const DIMENSIONS = ["team", "district", "wmoField"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const GRANULARITIES = ["month", "quarter"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface Cell {
  metric: Metric;
  period: string;
  groupKey: string;
  subgroup: string;
  category: string;
  /** null: suppressed (fewer than 5 residents behind it, or needed to protect such a figure). */
  value: number | null;
  suppressed: boolean;
}

const distributionKey = (c: Cell) => `${c.metric}|${c.period}|${c.groupKey}|${c.subgroup}`;

/**
 * Fills in the true zeros of every distribution that has data, then applies secondary suppression:
 * a distribution with exactly one suppressed category also loses its smallest other non-zero category,
 * because its total is known elsewhere (closures per period, answers per question) and the one small
 * number would follow by subtraction. Pure; the database already returned the primary suppression.
 */
export function completeAndProtect(cells: readonly Cell[], protect: boolean): Cell[] {
  const byKey = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = distributionKey(cell);
    const group = byKey.get(key);
    if (group) group.push(cell);
    else byKey.set(key, [cell]);
  }
  const out: Cell[] = [];
  for (const group of byKey.values()) {
    const first = group[0] as Cell;
    const present = new Map(group.map((c) => [c.category, c]));
    const complete = CATEGORIES[first.metric].map(
      (category) => present.get(category) ?? { ...first, category, value: 0, suppressed: false },
    );
    if (protect && DISTRIBUTIONS.includes(first.metric)) {
      const suppressed = complete.filter((c) => c.suppressed);
      if (suppressed.length === 1) {
        const next = complete
          .filter((c) => !c.suppressed && (c.value ?? 0) > 0)
          .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
        if (next) {
          const i = complete.indexOf(next);
          complete[i] = { ...next, value: null, suppressed: true };
        }
      }
    }
    out.push(...complete);
  }
  return out;
}

/** Period labels from..until: "2026-03" per month, "2026-Q1" per quarter. */
export function periodLabels(from: string, until: string, granularity: Granularity): string[] {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [uy, um] = until.split("-").map(Number) as [number, number];
  const labels: string[] = [];
  const months = granularity === "month" ? 1 : 3;
  const first = fy * 12 + (granularity === "month" ? fm - 1 : Math.floor((fm - 1) / 3) * 3);
  for (let index = first; index <= uy * 12 + um - 1; index += months) {
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    labels.push(granularity === "month" ? `${y}-${String(m).padStart(2, "0")}` : `${y}-Q${Math.ceil(m / 3)}`);
  }
  return labels;
}

/** Share of a category in its distribution, as a whole percentage; null when any part is suppressed. */
export function shareOf(cells: readonly Cell[], category: string): number | null {
  if (cells.some((c) => c.suppressed)) return null;
  const total = cells.reduce((sum, c) => sum + (c.value ?? 0), 0);
  if (total === 0) return null;
  const part = cells.find((c) => c.category === category)?.value ?? 0;
  return Math.round((100 * part) / total);
}
