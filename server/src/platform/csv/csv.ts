import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * The one CSV library of Wijkwerk (issue 18): parsing (social map, CBS files, reference data) with
 * csv-parse and writing (every export) with csv-stringify, both RFC 4180 with quoted fields that may
 * hold separators, quotes and line breaks.
 *
 * Every text cell written is neutralised against formula injection (OWASP "CSV injection"): a cell that
 * a spreadsheet would run as a formula — starting with = + - @, a tab or a carriage return, also after
 * leading spaces — gets a leading apostrophe, so Excel and LibreOffice show it as text. Numbers are
 * written as numbers (a number is never a formula). An importer can undo it with restoreNeutralised.
 */
export type CsvDelimiter = "," | ";";
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Starts like a formula, or is apostrophes before one (so that reading back is exact). */
function needsApostrophe(value: string): boolean {
  return FORMULA_START.test(value) || (value.startsWith("'") && needsApostrophe(value.slice(1)));
}

export function neutraliseFormula(value: string): string {
  return needsApostrophe(value) ? `'${value}` : value;
}

/** The inverse for an import of a file this library wrote: "'=A1" back to "=A1". */
export function restoreNeutralised(value: string): string {
  return value.startsWith("'") && needsApostrophe(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Rows to CSV text: every text cell neutralised, booleans as "ja"/"nee", null as empty; lines end in
 * CRLF; with a byte-order mark so spreadsheet programs read UTF-8 (the importers skip it).
 */
export function writeCsv(
  rows: readonly (readonly CsvCell[])[],
  options: { delimiter: CsvDelimiter; bom?: boolean } = { delimiter: ";" },
): string {
  const cells = rows.map((row) =>
    row.map((cell) => {
      if (typeof cell === "string") return neutraliseFormula(cell);
      if (typeof cell === "boolean") return cell ? "ja" : "nee";
      if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
      return "";
    }),
  );
  const text = stringify(cells, {
    delimiter: options.delimiter,
    record_delimiter: "\r\n",
    // Also quote line breaks other than CRLF and values with leading or trailing spaces.
    quoted_match: [/[\r\n]/, /^\s|\s$/],
  });
  return `${options.bom === false ? "" : "\uFEFF"}${text}`;
}

/** The separator of a file from its first line: ";" when it has more semicolons than commas. */
export function detectDelimiter(text: string): CsvDelimiter {
  const body = stripBom(text);
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * CSV text to rows of raw strings (nothing trimmed). Blank lines are skipped; rows may differ in
 * length (the caller reports that); a quote inside an unquoted field is an ordinary character.
 * An unclosed quote is a CsvSyntaxError with the line it started on.
 */
export function parseCsvRows(text: string, delimiter: CsvDelimiter): string[][] {
  try {
    const rows = parse(stripBom(text), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: false,
    }) as string[][];
    return rows.filter((r) => !(r.length === 1 && r[0]?.trim() === ""));
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string };
    throw new CsvSyntaxError(
      e.lines ?? 0,
      e.code === "CSV_QUOTE_NOT_CLOSED"
        ? `Er staat een aanhalingsteken (") dat niet wordt gesloten, vanaf regel ${e.lines ?? "?"}.`
        : `Het bestand is geen geldige CSV (regel ${e.lines ?? "?"}).`,
    );
  }
}
