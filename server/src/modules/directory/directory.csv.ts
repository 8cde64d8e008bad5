import {
  type CsvCell,
  type CsvDelimiter,
  CsvSyntaxError,
  parseCsvRows,
  restoreNeutralised,
} from "../../platform/csv/csv.ts";
import type { ValidEntry } from "./directory.validation.ts";
import {
  ENTRY_FIELDS,
  type OpeningPeriod,
  WEEKDAY_ABBREVIATIONS,
  WEEKDAYS,
  type Weekday,
} from "./directory.vocabulary.ts";

/**
 * The CSV format of the social map: UTF-8, comma or semicolon separated (Dutch spreadsheets write
 * semicolons), a header line with these column names. Lists within a cell are separated by "|",
 * yes/no as "ja"/"nee", dates as jjjj-mm-dd, opening hours as "ma 09:00-12:00, 13:00-17:00; di 09:00-12:00".
 * Export writes exactly these columns, so an exported file imports again unchanged.
 */
export const CSV_COLUMNS = ["externalKey", ...ENTRY_FIELDS] as const satisfies readonly (keyof ValidEntry)[];
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  "externalKey",
  "name",
  "description",
  "kind",
  "providerName",
  "accessRoute",
  "cost",
];

/** A file-level refusal: nothing is imported and the message says what to fix. */
export class CsvFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Decodes the upload as UTF-8 or refuses it, naming the likely encoding. */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvFileError(
      "wrongEncoding",
      "Het bestand is opgeslagen als UTF-16 (Unicode). Sla het op als 'CSV UTF-8 (door komma's gescheiden)' en probeer het opnieuw.",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new CsvFileError(
      "wrongEncoding",
      `Het bestand is geen UTF-8 (ongeldige tekens vanaf byte ${offset}, waarschijnlijk Windows-1252/ANSI). Sla het op als 'CSV UTF-8' en probeer het opnieuw.`,
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: false });
      low = mid;
    } catch {
      high = mid;
    }
  }
  return Math.max(0, low - 3) + 1;
}

/** RFC 4180 records through the shared CSV library; a broken quote is a file-level refusal. */
export function parseRecords(text: string, separator: CsvDelimiter): string[][] {
  try {
    return parseCsvRows(text, separator);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CsvFileError("invalidCsv", error.message);
    throw error;
  }
}

export interface ParsedCsv {
  separator: "," | ";";
  columns: CsvColumn[];
  /** row: the line number as a spreadsheet shows it (header = 1); width: the number of cells found. */
  rows: { row: number; values: Partial<Record<CsvColumn, string>>; width: number }[];
}

/** Finds the separator and checks the header; refuses a file without one or with another separator. */
export function parseCsv(text: string, maxRows: number): ParsedCsv {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  if (firstLine.trim() === "") throw new CsvFileError("emptyFile", "Het bestand is leeg.");
  const known = new Set<string>(CSV_COLUMNS);
  const split = (sep: string) => firstLine.split(sep).map((h) => h.trim().replace(/^"|"$/g, ""));
  const candidates = ([",", ";", "\t", "|"] as const).map((sep) => ({
    sep,
    hits: split(sep).filter((h) => known.has(h)).length,
  }));
  const best = candidates.sort((a, b) => b.hits - a.hits)[0];
  if (!best || best.hits < 2) {
    throw new CsvFileError(
      "missingHeader",
      `De eerste regel moet de kolomnamen bevatten, bijvoorbeeld: ${REQUIRED_CSV_COLUMNS.join(",")}. Gevonden: "${firstLine.slice(0, 80)}".`,
    );
  }
  if (best.sep !== "," && best.sep !== ";") {
    const name = best.sep === "\t" ? "een tab" : `"${best.sep}"`;
    throw new CsvFileError(
      "wrongSeparator",
      `Het scheidingsteken is ${name}. Gebruik een komma of een puntkomma tussen de kolommen.`,
    );
  }
  const separator = best.sep;
  const records = parseRecords(body, separator);
  const header = (records[0] ?? []).map((h) => h.trim());
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length > 0) {
    throw new CsvFileError(
      "unknownColumn",
      `Onbekende kolom(men): ${unknown.join(", ")}. Toegestaan: ${CSV_COLUMNS.join(", ")}.`,
    );
  }
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CsvFileError("missingColumn", `Deze verplichte kolom(men) ontbreken: ${missing.join(", ")}.`);
  }
  const duplicate = header.find((h, i) => header.indexOf(h) !== i);
  if (duplicate)
    throw new CsvFileError("duplicateColumn", `De kolom ${duplicate} staat twee keer in de kopregel.`);
  const dataCount = records.length - 1;
  if (dataCount > maxRows) {
    throw new CsvFileError(
      "tooManyRows",
      `Het bestand heeft ${dataCount.toLocaleString("nl-NL")} rijen; het maximum is ${maxRows.toLocaleString("nl-NL")} per keer. Splits het bestand en importeer de delen na elkaar. Er is niets geïmporteerd.`,
    );
  }
  const columns = header as CsvColumn[];
  const rows = records.slice(1).map((record, index) => {
    const values: Partial<Record<CsvColumn, string>> = {};
    columns.forEach((column, i) => {
      // A file Wijkwerk exported carries '=… for a cell starting like a formula: read it back as written.
      values[column] = restoreNeutralised(record[i] ?? "");
    });
    return { row: index + 2, values, width: record.length };
  });
  return { separator, columns, rows };
}

const YES = new Set(["ja", "j", "true", "1", "yes", "waar"]);
const NO = new Set(["nee", "n", "false", "0", "no", "onwaar", ""]);

export function parseYesNo(value: string | undefined): boolean | null {
  const v = (value ?? "").trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

const splitList = (value: string | undefined) =>
  (value ?? "")
    .split("|")
    .map((v) => v.trim())
    .filter(Boolean);

const DAY_BY_ABBREVIATION = new Map(WEEKDAYS.map((d) => [WEEKDAY_ABBREVIATIONS[d], d] as [string, Weekday]));

/** "ma 09:00-12:00, 13:00-17:00; di 09:00-12:00" → periods; null with a reason when it cannot be read. */
export function parseOpeningHours(value: string): { periods: OpeningPeriod[] } | { problem: string } {
  const periods: OpeningPeriod[] = [];
  for (const part of value
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z]{2})\s+(.+)$/i.exec(part);
    const day = match ? DAY_BY_ABBREVIATION.get((match[1] ?? "").toLowerCase()) : undefined;
    if (!match || !day) {
      return { problem: `"${part}" begint niet met een dag (ma, di, wo, do, vr, za, zo)` };
    }
    for (const range of (match[2] ?? "").split(",").map((r) => r.trim())) {
      const times = /^(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2})$/.exec(range);
      if (!times) return { problem: `"${range}" is geen tijdvak (gebruik bijvoorbeeld 09:00-12:30)` };
      const norm = (t: string) => t.replace(".", ":").padStart(5, "0");
      periods.push({ day, opens: norm(times[1] ?? ""), closes: norm(times[2] ?? "") });
    }
  }
  return { periods };
}

export function formatOpeningHours(periods: readonly OpeningPeriod[]): string {
  return WEEKDAYS.filter((d) => periods.some((p) => p.day === d))
    .map(
      (d) =>
        `${WEEKDAY_ABBREVIATIONS[d]} ${periods
          .filter((p) => p.day === d)
          .map((p) => `${p.opens}-${p.closes}`)
          .join(", ")}`,
    )
    .join("; ");
}

/** One CSV row → the same input the API takes, plus problems the CSV notation itself has. */
export function rowToInput(values: Partial<Record<CsvColumn, string>>) {
  const problems: { field: string; reason: string }[] = [];
  const input: Record<string, unknown> = {};
  for (const column of CSV_COLUMNS) {
    const raw = values[column];
    if (raw === undefined) continue;
    switch (column) {
      case "wmoPerformanceFields": {
        const parts = splitList(raw);
        const numbers = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        input[column] = numbers;
        break;
      }
      case "lifeDomains":
      case "targetGroups":
      case "areaCodes":
        input[column] = splitList(raw);
        break;
      case "servesWholeMunicipality":
      case "isPublic": {
        const yes = parseYesNo(raw);
        if (yes === null) problems.push({ field: column, reason: `"${raw}" is geen ja of nee` });
        input[column] = yes === true;
        break;
      }
      case "waitingWeeks":
        if (raw.trim() === "") input[column] = null;
        else if (/^\d+$/.test(raw.trim())) input[column] = Number(raw.trim());
        else problems.push({ field: column, reason: `"${raw}" is geen geheel aantal weken` });
        break;
      case "openingHours": {
        const parsed = parseOpeningHours(raw);
        if ("problem" in parsed) problems.push({ field: column, reason: parsed.problem });
        else input[column] = parsed.periods;
        break;
      }
      default:
        input[column] = raw;
    }
  }
  return { input, problems };
}

/** An entry as CSV cells in CSV_COLUMNS order (writeCsv quotes and neutralises them). */
export function entryToCsvCells(entry: Record<string, unknown>): CsvCell[] {
  return CSV_COLUMNS.map((column) => {
    const value = entry[column];
    if (column === "openingHours") return formatOpeningHours((value as OpeningPeriod[]) ?? []);
    if (Array.isArray(value)) return value.join("|");
    if (typeof value === "boolean") return value;
    if (value === null || value === undefined) return "";
    // Text also when it looks like a number: an external key "0012" must stay "0012".
    return String(value);
  });
}
