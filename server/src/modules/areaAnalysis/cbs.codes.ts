import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "./cbs.csv.ts";
import { REFERENCE_DIR } from "./cbs.layouts.ts";

/** CBS codes that existed in a year, per municipality, from the shipped code list (2014, 2017, 2024). */
export interface CodeReference {
  /** Years the list covers. A file of another year is checked against the union of all years. */
  years: number[];
  exists(municipalityCode: string, year: number, code: string): boolean | undefined;
}

let cached: CodeReference | undefined;

export function cbsCodeReference(): CodeReference {
  if (cached) return cached;
  const { rows } = parseCsv(
    fs.readFileSync(path.join(REFERENCE_DIR, "cbs_buurtcodes_namen_2014_2017_2024_5gm.csv"), "utf8"),
  );
  const header = rows[0] ?? [];
  const iCode = header.indexOf("buurtcode");
  const iGm = header.indexOf("gemeentecode");
  const yearColumns = header
    .map((h, i) => ({ year: Number(h.match(/^naam_(\d{4})_/)?.[1]), i }))
    .filter((c) => Number.isFinite(c.year));
  /** "GM0344:2024" → codes (buurten, and the wijken they lie in); "GM0344:*" → any year. */
  const sets = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    const set = sets.get(key) ?? new Set<string>();
    set.add(code);
    sets.set(key, set);
  };
  for (const r of rows.slice(1)) {
    const code = r[iCode] ?? "";
    const gm = r[iGm] ?? "";
    for (const { year, i } of yearColumns) {
      if ((r[i] ?? "").trim() === "") continue;
      for (const key of [`${gm}:${year}`, `${gm}:*`]) {
        add(key, code);
        add(key, `WK${code.slice(2, 8)}`);
        add(key, gm);
      }
    }
  }
  const years = yearColumns.map((c) => c.year);
  cached = {
    years,
    exists(municipalityCode, year, code) {
      const key = years.includes(year) ? `${municipalityCode}:${year}` : `${municipalityCode}:*`;
      const set = sets.get(key);
      return set ? set.has(code) : undefined;
    },
  };
  return cached;
}
