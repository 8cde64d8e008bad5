import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { RegionKind } from "./areaAnalysis.tables.ts";
import { DEMAND_COMPONENTS, type DemandComponent, type Weights } from "./demand.ts";

export interface AreaFigures {
  code: string;
  name: string;
  districtCode: string | null;
  values: Record<string, number | null>;
  sources: Record<string, string>;
}

/** Years with figures and the tables they come from (for "Bron: CBS, tabel …, jaar …"). */
export async function listYears(ctx: RequestContext) {
  const rows = await ctx.trx
    .selectFrom("areaIndicatorValue")
    .select(["year", "sourceTable", sql<number>`count(value)::int`.as("knownValues")])
    .groupBy(["year", "sourceTable"])
    .orderBy("year", "desc")
    .execute();
  return rows;
}

/**
 * Figures of one year for all regions of one kind. Where two tables give the same figure, the known
 * value of the most recent import wins; a figure no table knows stays null.
 */
export async function loadFigures(
  ctx: RequestContext,
  year: number,
  kind: RegionKind,
): Promise<AreaFigures[]> {
  const regions = await ctx.trx
    .selectFrom("cbsRegion")
    .select(["code", "name", "districtCode"])
    .where("kind", "=", kind)
    .orderBy("code")
    .execute();
  const values = await ctx.trx
    .selectFrom("areaIndicatorValue as v")
    .innerJoin("cbsImport as i", (j) =>
      j.onRef("i.municipalityId", "=", "v.municipalityId").onRef("i.id", "=", "v.importId"),
    )
    .innerJoin("cbsRegion as r", (j) =>
      j.onRef("r.municipalityId", "=", "v.municipalityId").onRef("r.code", "=", "v.areaCode"),
    )
    .select(["v.areaCode", "v.indicator", "v.value", "v.sourceTable"])
    .where("v.year", "=", year)
    .where("r.kind", "=", kind)
    .orderBy(sql`v.value is null`, "desc")
    .orderBy("i.importedAt", "asc")
    .execute();
  const byCode = new Map(
    regions.map((r) => [
      r.code,
      { ...r, values: {} as Record<string, number | null>, sources: {} as Record<string, string> },
    ]),
  );
  // Rows come unknown-first, then oldest-first: later rows overwrite, so the newest known value wins.
  for (const v of values) {
    const area = byCode.get(v.areaCode);
    if (!area) continue;
    const value = v.value == null ? null : Number(v.value);
    if (value == null && area.values[v.indicator] != null) continue;
    area.values[v.indicator] = value;
    area.sources[v.indicator] = v.sourceTable;
  }
  return [...byCode.values()].filter((a) => Object.keys(a.values).length > 0);
}

export async function loadWeights(ctx: RequestContext): Promise<Weights | null> {
  const rows = await ctx.trx.selectFrom("areaDemandWeight").select(["component", "weight"]).execute();
  if (rows.length === 0) return null;
  const weights = Object.fromEntries(DEMAND_COMPONENTS.map((c) => [c, 0])) as Weights;
  for (const r of rows) weights[r.component as DemandComponent] = Number(r.weight);
  return weights;
}

export async function saveWeights(ctx: RequestContext, weights: Weights) {
  await ctx.trx
    .insertInto("areaDemandWeight")
    .values(
      DEMAND_COMPONENTS.map((component) => ({
        municipalityId: ctx.actor.municipalityId,
        component,
        weight: weights[component],
        updatedByUserId: ctx.actor.userId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["municipalityId", "component"]).doUpdateSet({
        weight: sql`excluded.weight`,
        updatedByUserId: sql`excluded.updated_by_user_id`,
        updatedAt: sql`now()`,
      }),
    )
    .execute();
}

export function listImports(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("cbsImport")
    .select([
      "id",
      "sourceTable",
      "year",
      "layout",
      "fileName",
      "rowsRead",
      "rowsImported",
      "valuesStored",
      "importedAt",
    ])
    .orderBy("importedAt", "desc")
    .limit(30)
    .execute();
}

/**
 * Open cases per neighbourhood, through the counting function of migration 0005 (household dossier
 * of migration 0002): counts only, never a household.
 */
export async function countOpenCasesPerNeighbourhood(ctx: RequestContext): Promise<Map<string, number>> {
  const { rows } = await sql<{ areaCode: string; openCases: number | string }>`
    select area_code, open_cases from app_open_cases_per_neighbourhood()`.execute(ctx.trx);
  return new Map(rows.map((r) => [r.areaCode, Number(r.openCases)]));
}

/**
 * Signals received in the last 12 months per neighbourhood, through app_signal_facts() of the signals
 * module (migration 0004): no personal data. Policy officers and administrators count the whole
 * municipality, a team lead the signals of their own teams.
 */
export async function countSignalsPerArea(ctx: RequestContext): Promise<Map<string, number> | null> {
  const since = new Date(ctx.now.getTime() - 365 * 24 * 3600 * 1000);
  const { rows } = await sql<{ neighbourhoodCode: string; signals: number | string }>`
    select neighbourhood_code, count(*) as signals from app_signal_facts()
    where received_at >= ${since} group by neighbourhood_code`.execute(ctx.trx);
  return new Map(rows.map((r) => [r.neighbourhoodCode, Number(r.signals)]));
}
