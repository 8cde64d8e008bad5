import { detectDelimiter, parseCsvRows } from "../../platform/csv/csv.ts";

/**
 * Parses CBS CSV text with the shared CSV library: comma- or semicolon-separated (StatLine exports use
 * ";"), optional UTF-8 BOM, double-quoted fields that may hold the separator, quotes ("") or line
 * breaks. Returns rows of raw strings; blank lines are dropped.
 */
export function parseCsv(text: string): { delimiter: "," | ";"; rows: string[][] } {
  const delimiter = detectDelimiter(text);
  return { delimiter, rows: parseCsvRows(text, delimiter) };
}

export type ParsedNumber = { kind: "value"; value: number } | { kind: "missing" } | { kind: "invalid" };

/**
 * A CBS cell as a number. "." (CBS: unknown, unreliable or secret), "" and "x" are missing — kept as
 * NULL, never 0. With ";" as separator a decimal comma is accepted ("2,3").
 */
export function parseCbsNumber(raw: string, delimiter: "," | ";"): ParsedNumber {
  const s = raw.trim();
  if (s === "" || s === "." || s === "x" || s === "-") return { kind: "missing" };
  const normal = delimiter === ";" ? s.replace(",", ".") : s;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return { kind: "invalid" };
  return { kind: "value", value: Number(normal) };
}
