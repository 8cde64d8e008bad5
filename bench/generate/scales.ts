import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCbsAreas } from "../../server/src/modules/areas/areas.loader.ts";
import { parseCsvRows } from "../../server/src/platform/csv/csv.ts";

/**
 * The generator's scales. `town` is Wijk bij Duurstede (GM0352, ~24,000 inhabitants), `city` Utrecht
 * (GM0344, ~360,000): five years of work. Counts of dependent rows (journal entries, assessments) follow
 * from per-case rates, so they scale with the households; the figures in the comments are the targets.
 */
export interface Scale {
  name: "town" | "city";
  municipalityCode: string;
  municipalityName: string;
  cityName: string;
  /** Households with a case over five years. */
  households: number;
  teams: number;
  /** Staff per team: one team lead and professionals. */
  staffPerTeam: number;
  partners: number;
  signals: number;
  auditEvents: number;
  /** Mean journal entries per case (city: 30,000 × 33.3 ≈ 1,000,000). */
  journalPerCase: number;
  /** Mean regular ZRM assessments per case; closed cases add a final one (city ≈ 150,000). */
  assessmentsPerCase: number;
  /** First postcode digits of the municipality (PC4 range). */
  pc4From: number;
  pc4Count: number;
}

export const SCALES: Record<Scale["name"], Scale> = {
  town: {
    name: "town",
    municipalityCode: "GM0352",
    municipalityName: "Gemeente Wijk bij Duurstede",
    cityName: "Wijk bij Duurstede",
    households: 2_100,
    teams: 2,
    staffPerTeam: 14,
    partners: 6,
    signals: 7_000,
    auditEvents: 700_000,
    journalPerCase: 33.3,
    assessmentsPerCase: 4.15,
    pc4From: 3961,
    pc4Count: 2,
  },
  city: {
    name: "city",
    municipalityCode: "GM0344",
    municipalityName: "Gemeente Utrecht",
    cityName: "Utrecht",
    households: 30_000,
    teams: 20,
    staffPerTeam: 20,
    partners: 40,
    signals: 100_000,
    auditEvents: 10_000_000,
    journalPerCase: 33.3,
    assessmentsPerCase: 4.15,
    pc4From: 3511,
    pc4Count: 75,
  },
};

const CBS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../reference/cbs");

function readCsv(file: string): Record<string, string>[] {
  const [header = [], ...records] = parseCsvRows(fs.readFileSync(path.join(CBS_DIR, file), "utf8"), ",");
  return records.map((f) => {
    return Object.fromEntries(header.map((h, i) => [h, (f[i] ?? "").trim()]));
  });
}

const count = (v: string | undefined) => {
  const n = Number(v);
  return Number.isFinite(n) && v !== "" && v !== "." ? n : 0;
};

export interface BuurtWeight {
  code: string;
  districtCode: string;
  name: string;
  inhabitants: number;
  households: number;
  /** Social-assistance (bijstand) recipients, CBS kwb 2023, where published. */
  socialAssistance: number;
  weight: number;
}

/**
 * Buurten of the municipality with a case weight: households per buurt (CBS kwb 2024) times
 * (0.25 + 25 × share of households on social assistance) where CBS publishes that figure (Utrecht,
 * kwb 2023), so a buurt with 15% on bijstand gets about 16 times the cases per household of one
 * with none. Without the figure (the town) cases follow households. Only buurten in the `area` table.
 */
export function buurtWeights(scale: Scale): BuurtWeight[] {
  const areas = readCbsAreas().get(scale.municipalityCode) ?? [];
  const known = new Map(areas.filter((a) => a.kind === "neighbourhood").map((a) => [a.code, a]));
  const assistance = new Map<string, number>();
  if (scale.municipalityCode === "GM0344") {
    for (const r of readCsv("kwb_2023_GM0344_utrecht.csv")) {
      if (r.recs === "Buurt") assistance.set(r.gwb_code ?? "", count(r.a_soz_wb));
    }
  }
  const rows: BuurtWeight[] = [];
  for (const r of readCsv("kwb_2024_buurten_5gm_85984NED_subset.csv")) {
    const code = r.WijkenEnBuurten ?? "";
    const area = known.get(code);
    if (r.gemeentecode !== scale.municipalityCode || !area) continue;
    const households = count(r.HuishoudensTotaal_29);
    if (households <= 0) continue;
    const soz = assistance.get(code);
    const weight = households * (soz === undefined ? 1 : 0.25 + 25 * Math.min(soz / households, 0.4));
    rows.push({
      code,
      districtCode: area.districtCode ?? "",
      name: area.name,
      inhabitants: count(r.AantalInwoners_5),
      households,
      socialAssistance: soz ?? 0,
      weight,
    });
  }
  if (rows.length === 0) throw new Error(`no CBS buurten for ${scale.municipalityCode}`);
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

/** Splits the buurten (in code order, so wijken stay together) into `teams` groups of similar weight. */
export function assignTeams(buurten: BuurtWeight[], teams: number): number[] {
  const total = buurten.reduce((s, b) => s + b.weight, 0);
  let running = 0;
  return buurten.map((b) => {
    const team = Math.min(teams - 1, Math.floor((running / total) * teams));
    running += b.weight;
    return team;
  });
}
