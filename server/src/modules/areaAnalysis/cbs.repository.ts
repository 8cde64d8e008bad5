import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { AppError } from "../../platform/http/errors.ts";
import { type ParsedCbsFile, parseCbsFile } from "./cbs.import.ts";
import { REFERENCE_DIR } from "./cbs.layouts.ts";

type Db = Kysely<DB>;

/**
 * Stores a checked file: its regions (the newest name wins), its figures (a re-import of the same table
 * and year replaces the figures of that table), and the import with its report.
 */
export async function storeCbsFile(
  db: Db,
  municipalityId: string,
  parsed: ParsedCbsFile,
  meta: { fileName: string | null; userId: string | null },
): Promise<string> {
  const { report } = parsed;
  const id = randomUUID();
  await db
    .insertInto("cbsImport")
    .values({
      municipalityId,
      id,
      sourceTable: report.sourceTable,
      year: report.year,
      layout: report.layout,
      fileName: meta.fileName,
      rowsRead: report.rowsRead,
      rowsImported: report.rowsImported,
      valuesStored: report.valuesStored,
      report: JSON.stringify(report),
      importedByUserId: meta.userId,
    })
    .execute();
  for (let i = 0; i < parsed.regions.length; i += 500) {
    await db
      .insertInto("cbsRegion")
      .values(parsed.regions.slice(i, i + 500).map((r) => ({ ...r, municipalityId, nameYear: report.year })))
      .onConflict((oc) =>
        oc.columns(["municipalityId", "code"]).doUpdateSet({
          name: sql`case when excluded.name_year >= cbs_region.name_year then excluded.name else cbs_region.name end`,
          nameYear: sql`greatest(excluded.name_year, cbs_region.name_year)`,
        }),
      )
      .execute();
  }
  for (let i = 0; i < parsed.values.length; i += 1000) {
    await db
      .insertInto("areaIndicatorValue")
      .values(
        parsed.values.slice(i, i + 1000).map((v) => ({
          municipalityId,
          areaCode: v.areaCode,
          year: report.year,
          indicator: v.indicator,
          sourceTable: report.sourceTable,
          value: v.value,
          importId: id,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(["municipalityId", "areaCode", "year", "indicator", "sourceTable"])
          .doUpdateSet({ value: sql`excluded.value`, importId: sql`excluded.import_id` }),
      )
      .execute();
  }
  return id;
}

/** The shipped CBS files, oldest first, with the table id and year each holds. */
export const SHIPPED_CBS_FILES: { file: string; year: number; sourceTable: string }[] = [
  {
    file: "kwb_2015_gemeente_5gm_pdok_wijkenbuurten2015.csv",
    year: 2015,
    sourceTable: "pdok-wijkenbuurten2015",
  },
  { file: "kwb_2017_buurten_5gm_83765NED_subset.csv", year: 2017, sourceTable: "83765NED" },
  { file: "kwb_2023_GM0344_utrecht.csv", year: 2023, sourceTable: "kwb-2023" },
  { file: "kwb_2024_gemeente_wijk_5gm_85984NED_basis.csv", year: 2024, sourceTable: "85984NED" },
  { file: "kwb_2024_buurten_5gm_85984NED_subset.csv", year: 2024, sourceTable: "85984NED" },
  { file: "kwb_2024_GM0344_utrecht.csv", year: 2024, sourceTable: "kwb-2024" },
];

/**
 * Imports the shipped CBS files for one municipality (as the owner, at demo start or in tests). Files
 * without rows for the municipality are skipped. Returns the number of figures stored.
 */
export async function importShippedCbsFiles(db: Db, municipalityId: string, municipalityCode: string) {
  let stored = 0;
  for (const { file, year, sourceTable } of SHIPPED_CBS_FILES) {
    const text = fs.readFileSync(path.join(REFERENCE_DIR, file), "utf8");
    let parsed: ParsedCbsFile;
    try {
      parsed = parseCbsFile(text, { municipalityCode, fileName: file, year, sourceTable });
    } catch (error) {
      if (error instanceof AppError && error.code === "noRowsForMunicipality") continue;
      throw error;
    }
    await storeCbsFile(db, municipalityId, parsed, { fileName: file, userId: null });
    stored += parsed.values.length;
  }
  return stored;
}
