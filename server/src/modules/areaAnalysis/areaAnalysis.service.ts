import { sql } from "kysely";
import { SMALL_NUMBER } from "../../platform/access/smallNumbers.ts";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import {
  countOpenCasesPerNeighbourhood,
  countSignalsPerArea,
  listImports,
  listYears,
  loadFigures,
  loadWeights,
  saveWeights,
} from "./areaAnalysis.repository.ts";
import { municipalityMap } from "./boundaries.ts";
import { parseCbsFile } from "./cbs.import.ts";
import { storeCbsFile } from "./cbs.repository.ts";
import { assertWeights, computeDemandIndex, DEFAULT_WEIGHTS, expectedCases } from "./demand.ts";

type Level = "district" | "neighbourhood";
/** Counts below this are shown as "minder dan 5" to policy staff (small-cell suppression). */
export const SMALL_CELL = SMALL_NUMBER;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The indicators shown per area, in this order. */
export const SHOWN_INDICATORS = [
  "inhabitants",
  "age65Plus",
  "households",
  "singlePersonHouseholds",
  "socialMinimumHouseholdsPct",
  "socialAssistanceBenefits",
  "corporationHousingPct",
  "populationDensity",
] as const;

async function municipalityCode(ctx: RequestContext) {
  const m = await ctx.trx.selectFrom("municipality").select("code").executeTakeFirstOrThrow();
  return m.code;
}

/** The year to show by default: the one with the most different indicators known, then the newest. */
export async function pickYear(ctx: RequestContext): Promise<number | null> {
  const row = await ctx.trx
    .selectFrom("areaIndicatorValue")
    .select(["year", sql<number>`count(distinct indicator) filter (where value is not null)`.as("known")])
    .groupBy("year")
    .orderBy("known", "desc")
    .orderBy("year", "desc")
    .executeTakeFirst();
  return row?.year ?? null;
}

export async function getWeights(ctx: RequestContext) {
  const saved = await loadWeights(ctx);
  return { weights: saved ?? DEFAULT_WEIGHTS, isDefault: saved === null };
}

export async function setWeights(ctx: RequestContext, input: Record<string, number>) {
  const weights = assertWeights(input);
  await saveWeights(ctx, weights);
  await ctx.audit({
    action: "areaAnalysis.weightsChanged",
    resourceType: "areaDemandWeight",
    details: { weights },
  });
  return { weights, isDefault: false };
}

/** Demand index per area of one level and year, computed with the municipality's weights. */
export async function demandPerArea(ctx: RequestContext, year: number, level: Level) {
  const figures = await loadFigures(ctx, year, level);
  const { weights } = await getWeights(ctx);
  const demand = computeDemandIndex(
    figures.map((f) => ({ code: f.code, indicators: f.values })),
    weights,
  );
  return { figures, demand, weights };
}

function rollUp(counts: Map<string, number>, level: Level): Map<string, number> {
  if (level === "neighbourhood") return counts;
  const out = new Map<string, number>();
  for (const [code, n] of counts) {
    const wijk = `WK${code.slice(2, 8)}`;
    out.set(wijk, (out.get(wijk) ?? 0) + n);
  }
  return out;
}

export async function getAreaAnalysis(ctx: RequestContext, query: { year?: number; level?: Level }) {
  const level = query.level ?? "district";
  const years = await listYears(ctx);
  const year = query.year ?? (await pickYear(ctx));
  if (year == null) {
    return {
      year: null,
      level,
      years: [],
      sources: [],
      weights: DEFAULT_WEIGHTS,
      weightsAreDefault: true,
      areas: [],
      signalsAvailable: false,
    };
  }
  if (!years.some((y) => y.year === year))
    throw unprocessable(
      "noDataForYear",
      `Er zijn geen CBS-cijfers voor ${year}. Kies een ander jaar of importeer een bestand.`,
    );
  const { figures, demand, weights } = await demandPerArea(ctx, year, level);
  const { isDefault } = await getWeights(ctx);
  const cases = rollUp(await countOpenCasesPerNeighbourhood(ctx), level);
  const signalCounts = await countSignalsPerArea(ctx);
  const signals = signalCounts && rollUp(signalCounts, level);
  const suppress = ctx.actor.role === "policyOfficer";
  const demandByCode = new Map(demand.map((d) => [d.code, d]));
  const totalCases = figures.reduce((s, f) => s + (cases.get(f.code) ?? 0), 0);
  const expected = expectedCases(
    figures.map((f) => ({
      code: f.code,
      inhabitants: f.values.inhabitants ?? null,
      index: demandByCode.get(f.code)?.index ?? null,
    })),
    totalCases,
  );
  const count = (n: number | undefined) => {
    const value = n ?? 0;
    return suppress && value > 0 && value < SMALL_CELL
      ? { value: null, suppressed: true }
      : { value, suppressed: false };
  };
  return {
    year,
    level,
    years: [...new Set(years.map((y) => y.year))],
    sources: years.filter((y) => y.year === year).map((y) => y.sourceTable),
    weights,
    weightsAreDefault: isDefault,
    signalsAvailable: signals !== null,
    areas: figures.map((f) => {
      const d = demandByCode.get(f.code);
      return {
        code: f.code,
        name: f.name,
        districtCode: f.districtCode,
        indicators: SHOWN_INDICATORS.map((indicator) => ({
          indicator,
          value: f.values[indicator] ?? null,
          sourceTable: f.sources[indicator] ?? null,
        })),
        components: d?.components ?? [],
        demandIndex: d?.index ?? null,
        missingComponents: d?.missing ?? [],
        openCases: count(cases.get(f.code)),
        expectedCases: expected.get(f.code) ?? null,
        signals: signals === null ? null : count(signals.get(f.code)),
      };
    }),
  };
}

export async function getBoundaries(ctx: RequestContext, level: Level) {
  const map = municipalityMap(await municipalityCode(ctx), level);
  if (!map) throw notFound("Voor deze gemeente zijn geen grenzen van wijken en buurten beschikbaar.");
  return map;
}

export async function getImports(ctx: RequestContext) {
  const items = await listImports(ctx);
  return { items: items.map((i) => ({ ...i, importedAt: new Date(i.importedAt).toISOString() })) };
}

/** Checks and (unless dryRun) stores an uploaded CBS file, in the request's one transaction. */
export async function importCbsFile(
  ctx: RequestContext,
  input: { content: string; fileName?: string | null; year?: number; sourceTable?: string; dryRun?: boolean },
) {
  if (Buffer.byteLength(input.content, "utf8") > MAX_IMPORT_BYTES)
    throw unprocessable("fileTooLarge", "Het bestand is groter dan 5 MB. Filter het eerst op uw gemeente.");
  const fileName = input.fileName?.slice(0, 200) ?? null;
  const parsed = parseCbsFile(input.content, {
    municipalityCode: await municipalityCode(ctx),
    fileName,
    year: input.year,
    sourceTable: input.sourceTable,
  });
  if (input.dryRun) return { importId: null, stored: false, report: parsed.report };
  const importId = await storeCbsFile(ctx.trx, ctx.actor.municipalityId, parsed, {
    fileName,
    userId: ctx.actor.userId,
  });
  await ctx.audit({
    action: "areaAnalysis.imported",
    resourceType: "cbsImport",
    resourceId: importId,
    details: {
      sourceTable: parsed.report.sourceTable,
      year: parsed.report.year,
      rows: parsed.report.rowsImported,
    },
  });
  return { importId, stored: true, report: parsed.report };
}
