import type { RequestContext } from "../../platform/context.ts";
import { writeCsv } from "../../platform/csv/csv.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import {
  CSV_COLUMNS,
  CsvFileError,
  decodeUtf8,
  entryToCsvCells,
  parseCsv,
  rowToInput,
} from "./directory.csv.ts";
import { presentEntry } from "./directory.present.ts";
import {
  findEntriesByExternalKey,
  listEntriesForExport,
  loadAreaCatalogue,
  municipalityCodeOf,
  today,
  upsertEntries,
} from "./directory.repository.ts";
import { type ValidEntry, validateEntry } from "./directory.validation.ts";

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

const BATCH = 500;

/**
 * Imports a CSV file: every row is checked on its own; good rows are inserted or, when their external key
 * exists, updated; a bad row writes nothing and is reported with row, field and reason. A file-level
 * problem (encoding, separator, header, too many rows) refuses the whole file. One transaction: if the
 * database refuses anything unforeseen, nothing of the file is kept.
 */
export async function importEntries(
  ctx: RequestContext,
  bytes: Uint8Array,
  options: { maxRows: number; dryRun: boolean },
) {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(decodeUtf8(bytes), options.maxRows);
  } catch (error) {
    if (error instanceof CsvFileError) throw unprocessable(error.code, error.message);
    throw error;
  }
  const areas = await loadAreaCatalogue(ctx, await municipalityCodeOf(ctx));
  const day = today(ctx);
  const problems: RowProblem[] = [];
  const good: (ValidEntry & { externalKey: string })[] = [];
  const seen = new Map<string, number>();
  let rejected = 0;

  for (const { row, values, width } of parsed.rows) {
    const rowProblems: RowProblem[] = [];
    if (width !== parsed.columns.length) {
      rowProblems.push({
        row,
        field: "(rij)",
        reason: `heeft ${width} cellen, de kopregel ${parsed.columns.length}; controleer aanhalingstekens en scheidingstekens`,
      });
    } else {
      const { input, problems: notation } = rowToInput(values);
      for (const p of notation) rowProblems.push({ row, ...p });
      const result = validateEntry(input, areas, day);
      if (!result.ok) {
        for (const p of result.problems) {
          if (!rowProblems.some((q) => q.field === p.field)) rowProblems.push({ row, ...p });
        }
      } else if (!result.value.externalKey) {
        rowProblems.push({
          row,
          field: "externalKey",
          reason: "is verplicht bij importeren (een vaste sleutel per voorziening)",
        });
      } else {
        const earlier = seen.get(result.value.externalKey);
        if (earlier !== undefined) {
          rowProblems.push({
            row,
            field: "externalKey",
            reason: `"${result.value.externalKey}" staat ook al in rij ${earlier}`,
          });
        } else if (rowProblems.length === 0) {
          seen.set(result.value.externalKey, row);
          good.push({ ...result.value, externalKey: result.value.externalKey });
        }
      }
    }
    if (rowProblems.length > 0) {
      rejected++;
      problems.push(...rowProblems);
    }
  }

  const existing = new Set<string>();
  for (let i = 0; i < good.length; i += BATCH) {
    const keys = good.slice(i, i + BATCH).map((e) => e.externalKey);
    for (const e of await findEntriesByExternalKey(ctx, keys)) existing.add(e.externalKey);
  }
  const updated = good.filter((e) => existing.has(e.externalKey)).length;
  if (!options.dryRun) {
    for (let i = 0; i < good.length; i += BATCH) await upsertEntries(ctx, good.slice(i, i + BATCH));
    await ctx.audit({
      action: "directory.imported",
      resourceType: "directoryEntry",
      details: { rows: parsed.rows.length, created: good.length - updated, updated, rejected },
    });
  }
  return {
    dryRun: options.dryRun,
    rows: parsed.rows.length,
    created: good.length - updated,
    updated,
    rejected,
    problems,
  };
}

/** The same columns as the import, so an exported file can be edited and imported again. */
export async function exportEntries(
  ctx: RequestContext,
  options: { separator: "," | ";"; includeInactive: boolean },
) {
  const rows = await listEntriesForExport(ctx, options.includeInactive);
  const day = today(ctx);
  const lines = [[...CSV_COLUMNS], ...rows.map((row) => entryToCsvCells(presentEntry(row, day)))];
  await ctx.audit({
    action: "directory.exported",
    resourceType: "directoryEntry",
    details: { entries: rows.length, includeInactive: options.includeInactive },
  });
  // A byte-order mark lets spreadsheet programs recognise UTF-8; the import skips it. Every cell that
  // starts like a formula is neutralised (issue 18), also in suggested entries from outside the team.
  return writeCsv(lines, { delimiter: options.separator });
}
