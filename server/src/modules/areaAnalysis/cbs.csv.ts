/**
 * Parses CBS CSV text: comma- or semicolon-separated (StatLine exports use ";"), optional UTF-8 BOM,
 * double-quoted fields that may hold the separator, quotes ("") or line breaks. Returns rows of
 * trimmed-at-the-edges raw strings; blank lines are dropped.
 */
export function parseCsv(text: string): { delimiter: "," | ";"; rows: string[][] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0]?.trim() !== "") rows.push(row);
    row = [];
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n") endRow();
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) endRow();
  return { delimiter, rows };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
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
