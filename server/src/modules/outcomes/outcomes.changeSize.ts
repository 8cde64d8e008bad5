import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { ZRM_DOMAINS } from "../assessments/zrm.ts";

/** Change in ZRM level from the first regular to the latest final score: −4 … +4. */
export const DELTAS = [-4, -3, -2, -1, 0, 1, 2, 3, 4] as const;

export interface ChangeCell {
  delta: number;
  /** Residents whose level changed by `delta`; null when withheld. */
  value: number | null;
  suppressed: boolean;
}

export interface DomainChange {
  domain: string;
  /** Residents with both scores in this domain; null when withheld. */
  residents: number | null;
  /** Mean change in levels (two decimals); null when withheld. */
  mean: number | null;
  cells: ChangeCell[];
}

interface Row {
  domain: string;
  delta: number;
  residents: number | null;
  suppressed: boolean;
  total: number | null;
  mean: number | string | null;
}

/**
 * One domain's distribution: every change from −4 to +4 (a missing one is a true zero) and, for policy
 * staff, the same secondary suppression as the monitor: with exactly one count withheld, the smallest
 * other non-zero count goes too, because the domain's total is known from the direction figures.
 */
export function completeDistribution(rows: readonly Row[], protect: boolean): Omit<DomainChange, "domain"> {
  const cells: ChangeCell[] = DELTAS.map((delta) => {
    const row = rows.find((r) => r.delta === delta);
    return row
      ? { delta, value: row.residents, suppressed: row.suppressed }
      : { delta, value: 0, suppressed: false };
  });
  if (protect && cells.filter((c) => c.suppressed).length === 1) {
    const next = cells
      .filter((c) => !c.suppressed && (c.value ?? 0) > 0)
      .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
    if (next) Object.assign(next, { value: null, suppressed: true });
  }
  const first = rows[0];
  const mean = first?.mean === null || first?.mean === undefined ? null : Number(first.mean);
  const withheld = cells.some((c) => c.suppressed);
  return {
    residents: first?.total ?? null,
    mean: protect && withheld ? null : mean,
    cells,
  };
}

const ORDER = new Map(
  [...ZRM_DOMAINS["2017"], ...ZRM_DOMAINS["2010"]].map((d, i) => [d.key, i] as [string, number]),
);

/** The size of ZRM change per domain, for cases closed from..until that the role may see. */
export async function getChangeSize(
  ctx: RequestContext,
  from: string,
  until: string,
  protect: boolean,
): Promise<DomainChange[]> {
  const rows = (
    await sql<Row>`select domain, delta, residents, suppressed, total, mean
      from app_outcome_change_size(${from}::date, ${until}::date)`.execute(ctx.trx)
  ).rows;
  const byDomain = new Map<string, Row[]>();
  for (const r of rows) byDomain.set(r.domain, [...(byDomain.get(r.domain) ?? []), r]);
  return [...byDomain.entries()]
    .sort(([a], [b]) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99) || a.localeCompare(b))
    .map(([domain, list]) => ({ domain, ...completeDistribution(list, protect) }));
}
