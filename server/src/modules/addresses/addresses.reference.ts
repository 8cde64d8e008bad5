import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsvLine } from "../areas/areas.loader.ts";

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../reference/cbs");

/**
 * Postcode area (PC4) → CBS buurten, derived from the shipped CBS Kerncijfers wijken en buurten: every
 * buurt row carries its most frequent postcode (`pst_mvp`) and how much of the buurt it covers
 * (`pst_dekp`, 1 = at least 90% of the addresses). A PC4 that is the main postcode of one buurt only
 * names that buurt; otherwise the candidates are offered. Only files with these columns count (today:
 * the Utrecht KWB 2023/2024 files). CC BY 4.0, "Bron: CBS".
 */
let cache: Map<string, { code: string; coverage: number }[]> | undefined;

export function readPostcodeAreas(dir = REFERENCE_DIR): Map<string, { code: string; coverage: number }[]> {
  if (cache) return cache;
  const byPc4 = new Map<string, { code: string; coverage: number }[]>();
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^kwb_\d{4}_.*\.csv$/.test(f))
    .sort()
    .reverse();
  const seen = new Set<string>();
  for (const file of files) {
    const lines = fs.readFileSync(path.join(dir, file), "utf8").split(/\r?\n/).filter(Boolean);
    const header = parseCsvLine(lines[0] ?? "");
    const [iCode, iPc, iCover] = [
      header.indexOf("gwb_code_10"),
      header.indexOf("pst_mvp"),
      header.indexOf("pst_dekp"),
    ];
    if (iCode < 0 || iPc < 0) continue;
    for (const line of lines.slice(1)) {
      const f = parseCsvLine(line);
      const code = (f[iCode] ?? "").trim();
      const pc4 = (f[iPc] ?? "").trim();
      if (!/^BU\d{8}$/.test(code) || !/^\d{4}$/.test(pc4) || seen.has(code)) continue;
      seen.add(code);
      const list = byPc4.get(pc4) ?? [];
      list.push({ code, coverage: Number((f[iCover] ?? "").trim()) || 9 });
      byPc4.set(pc4, list);
    }
  }
  cache = byPc4;
  return byPc4;
}
