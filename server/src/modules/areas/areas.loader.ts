import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { parseCsvRows } from "../../platform/csv/csv.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { AreaTable } from "../households/dossier.tables.ts";

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../reference/cbs");
const BUURTEN_CSV = "cbs_buurtcodes_namen_2014_2017_2024_5gm.csv";
const WIJKEN_GEOJSON = "geo_wijken_2014_5gm_cbs-pdok.geojson";

/** Splits one CSV line (comma-separated, double quotes around fields that hold commas). */
export function parseCsvLine(line: string): string[] {
  return parseCsvRows(line, ",")[0] ?? [];
}

type AreaRow = Omit<AreaTable, "municipalityId">;
let cache: Map<string, AreaRow[]> | undefined;

/**
 * CBS wijken and buurten per municipality code (GMgggg), from the reference files: the buurt name of
 * the most recent year that has one (2024, 2017, 2014), the wijk name from the 2014 CBS boundaries
 * ("Wijk 03 Overvecht" → "Overvecht").
 */
export function readCbsAreas(dir = REFERENCE_DIR): Map<string, AreaRow[]> {
  if (cache) return cache;
  const byMunicipality = new Map<string, AreaRow[]>();
  const add = (gm: string, row: AreaRow) => {
    const list = byMunicipality.get(gm) ?? [];
    list.push(row);
    byMunicipality.set(gm, list);
  };
  const geo = JSON.parse(fs.readFileSync(path.join(dir, WIJKEN_GEOJSON), "utf8")) as {
    features: { properties: { statcode: string; statnaam: string; gemeentecode: string } }[];
  };
  const wijkNames = new Map<string, string>();
  for (const { properties: p } of geo.features) {
    wijkNames.set(p.statcode, p.statnaam.replace(/^Wijk \d+\s+/, ""));
  }
  const records = parseCsvRows(fs.readFileSync(path.join(dir, BUURTEN_CSV), "utf8"), ",");
  const header = records[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  const [iBuurt, iWijk, iGm] = [col("buurtcode"), col("wijkcode"), col("gemeentecode")];
  const nameCols = [
    col("naam_2024_85984NED"),
    col("naam_2017_83765NED"),
    col("naam_2014_cbs_gebiedsindeling"),
  ];
  const seenWijk = new Set<string>();
  for (const f of records.slice(1)) {
    const buurt = f[iBuurt] ?? "";
    const wijk = f[iWijk] ?? "";
    const gm = f[iGm] ?? "";
    if (!/^BU\d{8}$/.test(buurt) || !/^WK\d{6}$/.test(wijk)) continue;
    if (!seenWijk.has(wijk)) {
      seenWijk.add(wijk);
      add(gm, { code: wijk, kind: "district", name: wijkNames.get(wijk) ?? wijk, districtCode: null });
    }
    const name = nameCols.map((i) => (f[i] ?? "").trim()).find((n) => n.length > 0) ?? buurt;
    add(gm, { code: buurt, kind: "neighbourhood", name, districtCode: wijk });
  }
  cache = byMunicipality;
  return byMunicipality;
}

/**
 * Loads the CBS areas of one municipality (idempotent). Runs as the owner when a municipality is
 * created: by the demo loader and the test factories. A municipality outside the reference set gets none.
 */
export async function loadAreas(db: Kysely<DB>, municipalityId: string, municipalityCode: string) {
  const rows = readCbsAreas().get(municipalityCode) ?? [];
  if (rows.length === 0) return 0;
  await db
    .insertInto("area")
    .values(rows.map((r) => ({ ...r, municipalityId })))
    .onConflict((oc) => oc.columns(["municipalityId", "code"]).doNothing())
    .execute();
  return rows.length;
}
