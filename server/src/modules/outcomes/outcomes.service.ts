import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { writeCsv } from "../../platform/csv/csv.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { isCalendarDate, todayInNetherlands } from "../households/residents.rules.ts";
import { getChangeSize } from "./outcomes.changeSize.ts";
import {
  type Cell,
  completeAndProtect,
  type Dimension,
  type Granularity,
  METRICS,
  type Metric,
  NOT_AVAILABLE,
  periodLabels,
} from "./outcomes.figures.ts";
import type { MonitorQuery, OutcomeMonitor } from "./outcomes.schemas.ts";

const MAX_MONTHS = 60;
const collator = new Intl.Collator();

/** Each distinct value with its place in locale order (the order of localeCompare). */
const rankOf = (values: readonly string[]) =>
  new Map([...new Set(values)].sort(collator.compare).map((value, i) => [value, i]));

function assertPeriod(query: MonitorQuery, today: string) {
  const until = query.until ?? today;
  const [y, m] = until.split("-").map(Number) as [number, number];
  const from = query.from ?? `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, "0")}-01`;
  for (const [value, field, label] of [
    [from, "from", "De begindatum"],
    [until, "until", "De einddatum"],
  ] as const) {
    if (!isCalendarDate(value))
      throw unprocessable("invalidDate", `${label} bestaat niet (${value}).`, { field });
  }
  if (until < from)
    throw unprocessable("periodReversed", "De einddatum ligt vóór de begindatum.", { field: "until" });
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  if ((y - fy) * 12 + (m - fm) >= MAX_MONTHS)
    throw unprocessable("periodTooLong", `Kies een periode van hoogstens ${MAX_MONTHS} maanden.`, {
      field: "from",
    });
  return { from, until };
}

async function groupLabels(ctx: RequestContext, dimension: Dimension, keys: Set<string>) {
  if (dimension === "wmoField") return new Map<string, string | null>();
  const rows =
    dimension === "team"
      ? await ctx.trx.selectFrom("team").select(["id as key", "name as label"]).execute()
      : await ctx.trx
          .selectFrom("area")
          .select(["code as key", "name as label"])
          .where("kind", "=", "district")
          .where("code", "in", [...keys, ""])
          .execute();
  return new Map<string, string | null>(rows.map((r) => [r.key, r.label]));
}

/**
 * The outcome monitor: figures derived from cases, ZRM, plans, signals and anonymous satisfaction,
 * per team, wijk or Wmo performance field, per month or quarter. The database function returns only
 * counts, for the teams the role may see, with small cells already withheld for policy staff.
 */
export async function getOutcomeMonitor(ctx: RequestContext, query: MonitorQuery): Promise<OutcomeMonitor> {
  const { from, until } = assertPeriod(query, todayInNetherlands(ctx.now));
  const granularity: Granularity = query.granularity ?? "month";
  const dimension: Dimension = query.dimension ?? "team";
  const result = await sql<Cell>`
    select metric, period, group_key, subgroup, category, value, suppressed
    from app_outcome_figures(${from}::date, ${until}::date, ${granularity}, ${dimension}, ${ctx.now})`.execute(
    ctx.trx,
  );
  const protect = ctx.actor.role === "policyOfficer";
  const cells = completeAndProtect(result.rows, protect);
  // In locale order of period, group and subgroup: the few distinct values are ranked once, so sorting the
  // city's 16,000 cells compares numbers.
  const metric = new Map<string, number>(METRICS.map((m, i) => [m, i]));
  const period = rankOf(cells.map((c) => c.period));
  const group = rankOf(cells.map((c) => c.groupKey));
  const subgroup = rankOf(cells.map((c) => c.subgroup));
  const rank = (map: Map<string, number>, value: string) => map.get(value) ?? 0;
  cells.sort(
    (a, b) =>
      rank(metric, a.metric) - rank(metric, b.metric) ||
      rank(period, a.period) - rank(period, b.period) ||
      rank(group, a.groupKey) - rank(group, b.groupKey) ||
      rank(subgroup, a.subgroup) - rank(subgroup, b.subgroup),
  );
  const zrmChangeSize = await getChangeSize(ctx, from, until, protect);
  const keys = new Set(cells.map((c) => c.groupKey));
  const labels = await groupLabels(ctx, dimension, keys);
  await ctx.audit({
    action: "outcomes.viewed",
    resourceType: "outcomeMonitor",
    details: { from, until, granularity, dimension, cells: cells.length },
  });
  return {
    from,
    until,
    granularity,
    dimension,
    smallCellsSuppressed: protect,
    periods: periodLabels(from, until, granularity),
    groups: [...keys].sort().map((key) => ({ key, label: labels.get(key) ?? null })),
    cells,
    notAvailable: [...NOT_AVAILABLE[dimension]],
    hasData: cells.length > 0,
    zrmChangeSize,
  };
}

const METRIC_NAMES: Record<Metric, string> = {
  caseload: "caseload (open aan eind periode)",
  throughput: "doorstroom",
  zrmChange: "ZRM-verandering intake–afsluiting",
  ladder: "treden van de ondersteuningsladder (acties)",
  referrals: "verwijzingen naar specialistische zorg",
  escalationPrevented: "zwaardere zorg voorkomen",
  residentInformed: "inwoner geïnformeerd bij afsluiting",
  signalDeadlines: "signalen tegen de termijn",
  satisfaction: "tevredenheid (anoniem)",
};

/** The same figures as CSV (semicolon, UTF-8 with BOM); a withheld figure reads "< 5". */
export async function exportOutcomeMonitor(ctx: RequestContext, query: MonitorQuery): Promise<string> {
  const monitor = await getOutcomeMonitor(ctx, query);
  const label = new Map(monitor.groups.map((g) => [g.key, g.label ?? g.key]));
  const lines: (string | number | null)[][] = [
    ["onderdeel", "periode", monitor.dimension, "groep", "deelgroep", "categorie", "aantal"],
  ];
  for (const c of monitor.cells) {
    lines.push([
      METRIC_NAMES[c.metric],
      c.period,
      c.groupKey,
      label.get(c.groupKey) ?? c.groupKey,
      c.subgroup,
      c.category,
      c.suppressed ? "< 5" : c.value,
    ]);
  }
  for (const d of monitor.zrmChangeSize) {
    for (const c of d.cells)
      lines.push([
        "ZRM-verandering in niveaus intake–afsluiting",
        `${monitor.from} – ${monitor.until}`,
        "",
        "alle teams",
        d.domain,
        c.delta === 0 ? "gelijk" : c.delta > 0 ? `${c.delta} hoger` : `${-c.delta} lager`,
        c.suppressed ? "< 5" : c.value,
      ]);
    lines.push([
      "ZRM-verandering in niveaus intake–afsluiting",
      `${monitor.from} – ${monitor.until}`,
      "",
      "alle teams",
      d.domain,
      "gemiddeld",
      d.mean === null ? "niet getoond" : d.mean.toFixed(2),
    ]);
  }
  for (const metric of monitor.notAvailable)
    lines.push([METRIC_NAMES[metric], "", "", "", "", "niet beschikbaar voor deze indeling", null]);
  await ctx.audit({
    action: "outcomes.exported",
    resourceType: "outcomeMonitor",
    details: { from: monitor.from, until: monitor.until, dimension: monitor.dimension },
  });
  return writeCsv(lines, { delimiter: ";" });
}
