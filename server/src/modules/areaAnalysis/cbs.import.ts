import { unprocessable } from "../../platform/http/errors.ts";
import type { CbsLayout, RegionKind } from "./areaAnalysis.tables.ts";
import { cbsCodeReference } from "./cbs.codes.ts";
import { parseCbsNumber, parseCsv } from "./cbs.csv.ts";
import { columnKey, detectLayout, detectSource } from "./cbs.layouts.ts";

/** At most this many examples per finding go into the report; the counts are always complete. */
const EXAMPLES = 50;

export interface ImportReport {
  layout: CbsLayout;
  sourceTable: string;
  year: number;
  rowsRead: number;
  rowsImported: number;
  rowsOtherMunicipality: number;
  valuesStored: number;
  missingValues: number;
  indicatorColumns: { column: string; indicator: string }[];
  unknownColumns: string[];
  unusedColumns: number;
  invalidCodes: { row: number; code: string }[];
  /** Codes that did not exist in the file's year according to the CBS code list: not imported. */
  unknownCodes: { row: number; code: string }[];
  /** Codes of a year the code list does not cover and that appear in no covered year: imported, to check. */
  unlistedCodes: { row: number; code: string }[];
  duplicateCodes: { row: number; code: string }[];
  notANumber: { row: number; column: string; value: string }[];
  notANumberCount: number;
}

export interface ParsedRegion {
  code: string;
  kind: RegionKind;
  name: string;
  districtCode: string | null;
}

export interface ParsedCbsFile {
  report: ImportReport;
  regions: ParsedRegion[];
  values: { areaCode: string; indicator: string; value: number | null }[];
}

export interface ParseOptions {
  municipalityCode: string;
  fileName: string | null;
  year?: number;
  sourceTable?: string;
}

const CODE = /^(GM\d{4}|WK\d{6}|BU\d{8})$/;
export const kindOf = (code: string): RegionKind =>
  code.startsWith("GM") ? "municipality" : code.startsWith("WK") ? "district" : "neighbourhood";
export const municipalityOf = (code: string) => (code.startsWith("GM") ? code : `GM${code.slice(2, 6)}`);

/**
 * Reads one CBS Kerncijfers file for one municipality and checks it. Fatal problems (not a CBS layout,
 * no year or table, nothing for this municipality) are a 422; row and cell problems go into the report
 * and only the faulty row or cell is left out. Missing values ("." and empty) stay null.
 */
export function parseCbsFile(text: string, options: ParseOptions): ParsedCbsFile {
  const { delimiter, rows } = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const spec = detectLayout(header);
  if (!spec || rows.length < 2) {
    throw unprocessable(
      "unrecognisedLayout",
      rows.length < 2 && spec
        ? "Het bestand bevat geen gegevensregels."
        : "Dit is geen bekend CBS-bestand van de Kerncijfers wijken en buurten: de kolom met de gebiedscode (gwb_code_10, WijkenEnBuurten of gemeentecode) ontbreekt.",
    );
  }
  const detected = detectSource(spec, header, options.fileName);
  const year = options.year ?? detected.year;
  const sourceTable = options.sourceTable ?? detected.sourceTable;
  if (!year || !sourceTable) {
    throw unprocessable(
      "sourceUnknown",
      "Het jaar of de CBS-tabel van dit bestand is niet te herkennen. Geef het jaar en de tabel (bijvoorbeeld 85984NED) op.",
    );
  }
  const codeIndex = header.indexOf(spec.codeColumn);
  const keys = header.map((h) => columnKey(spec, h));
  const indicatorColumns = header
    .map((column, i) => ({ column, i, indicator: spec.indicators[keys[i] ?? ""] }))
    .filter((c): c is { column: string; i: number; indicator: string } => c.indicator !== undefined);
  const nameIndexes = spec.nameColumns.map((n) => keys.indexOf(n)).filter((i) => i >= 0);
  const unknownColumns = header.filter(
    (h, i) =>
      h !== "" &&
      !spec.known.has(keys[i] ?? "") &&
      !spec.indicators[keys[i] ?? ""] &&
      !spec.nameColumns.includes(keys[i] ?? ""),
  );

  const report: ImportReport = {
    layout: spec.layout,
    sourceTable,
    year,
    rowsRead: rows.length - 1,
    rowsImported: 0,
    rowsOtherMunicipality: 0,
    valuesStored: 0,
    missingValues: 0,
    indicatorColumns: indicatorColumns.map(({ column, indicator }) => ({ column, indicator })),
    unknownColumns,
    unusedColumns: header.length - indicatorColumns.length - unknownColumns.length,
    invalidCodes: [],
    unknownCodes: [],
    unlistedCodes: [],
    duplicateCodes: [],
    notANumber: [],
    notANumberCount: 0,
  };
  const push = <T>(list: T[], item: T) => {
    if (list.length < EXAMPLES) list.push(item);
  };
  const reference = cbsCodeReference();
  const regions: ParsedRegion[] = [];
  const values: ParsedCbsFile["values"] = [];
  const seen = new Set<string>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    const row = index + 1;
    const code = (cells[codeIndex] ?? "").trim();
    if (!CODE.test(code)) {
      push(report.invalidCodes, { row, code });
      continue;
    }
    if (municipalityOf(code) !== options.municipalityCode) {
      report.rowsOtherMunicipality++;
      continue;
    }
    if (seen.has(code)) {
      push(report.duplicateCodes, { row, code });
      continue;
    }
    seen.add(code);
    const exists = reference.exists(options.municipalityCode, year, code);
    if (exists === false && reference.years.includes(year)) {
      push(report.unknownCodes, { row, code });
      continue;
    }
    if (exists === false) push(report.unlistedCodes, { row, code });
    const name = nameIndexes.map((i) => (cells[i] ?? "").trim()).find((n) => n.length > 0) ?? code;
    regions.push({
      code,
      kind: kindOf(code),
      name: name.slice(0, 200),
      districtCode: code.startsWith("BU") ? `WK${code.slice(2, 8)}` : null,
    });
    report.rowsImported++;
    for (const { column, i, indicator } of indicatorColumns) {
      const parsed = parseCbsNumber(cells[i] ?? "", delimiter);
      if (parsed.kind === "invalid") {
        report.notANumberCount++;
        push(report.notANumber, { row, column, value: (cells[i] ?? "").trim().slice(0, 40) });
      }
      if (parsed.kind !== "value") report.missingValues++;
      else report.valuesStored++;
      values.push({ areaCode: code, indicator, value: parsed.kind === "value" ? parsed.value : null });
    }
  }
  if (report.rowsImported === 0) {
    throw unprocessable(
      "noRowsForMunicipality",
      `Het bestand bevat geen bruikbare regels voor gemeente ${options.municipalityCode}.`,
      report,
    );
  }
  return { report, regions, values };
}
