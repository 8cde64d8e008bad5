import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/** A foreign key between two public tables, without the tenant column every key starts with. */
export interface ForeignKey {
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
}

export async function foreignKeys(db: Kysely<DB>): Promise<ForeignKey[]> {
  const result = await sql<{
    child: string;
    parent: string;
    childColumns: string[];
    parentColumns: string[];
  }>`
    select cl.relname as child, pl.relname as parent,
      array(select a.attname::text from unnest(k.conkey) with ordinality u (n, i)
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as child_columns,
      array(select a.attname::text from unnest(k.confkey) with ordinality u (n, i)
            join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as parent_columns
    from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid
    join pg_class pl on pl.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  return result.rows
    .map((r) => {
      const keep = r.childColumns.map(
        (c, i) => c !== "municipality_id" || r.parentColumns[i] !== "municipality_id",
      );
      return {
        child: r.child,
        parent: r.parent,
        childColumns: r.childColumns.filter((_, i) => keep[i]),
        parentColumns: r.parentColumns.filter((_, i) => keep[i]),
      };
    })
    .filter((k) => k.childColumns.length > 0 && k.child !== k.parent);
}

const columns = (names: string[]) => sql.join(names.map((n) => sql.ref(n)));

/**
 * The rows to delete per table: the given base conditions, and every row that refers (by foreign key) to
 * a row being deleted, so that one statement removes a record with everything hanging off it. Only the
 * tables in `removable` are touched; a reference from any other table makes the statement fail (and the
 * job log the record as failed) rather than silently delete what another rule keeps.
 */
export function deletionConditions(
  base: ReadonlyMap<string, RawBuilder<unknown>>,
  keys: readonly ForeignKey[],
  removable: ReadonlySet<string>,
  /** Also follow references into tables that have a condition of their own (slower; see removeRows). */
  full = true,
): Map<string, RawBuilder<unknown>> {
  const memo = new Map<string, RawBuilder<unknown> | null>();
  const inProgress = new Set<string>();
  const condition = (table: string): RawBuilder<unknown> | null => {
    if (memo.has(table)) return memo.get(table) ?? null;
    if (inProgress.has(table)) return base.get(table) ?? null;
    inProgress.add(table);
    const parts: RawBuilder<unknown>[] = [];
    const own = base.get(table);
    if (own) parts.push(own);
    for (const key of keys) {
      if (key.child !== table || (own && !full)) continue;
      const parent = condition(key.parent);
      if (!parent) continue;
      // With the tenant column, so the child's foreign-key or primary-key index can answer it.
      parts.push(
        sql`(municipality_id, ${columns(key.childColumns)}) in (select municipality_id, ${columns(key.parentColumns)} from ${sql.table(key.parent)} where ${parent})`,
      );
    }
    inProgress.delete(table);
    const result = parts.length > 0 && removable.has(table) ? sql`(${sql.join(parts, sql` or `)})` : null;
    memo.set(table, result);
    return result;
  };
  const out = new Map<string, RawBuilder<unknown>>();
  for (const table of removable) {
    const c = condition(table);
    if (c) out.set(table, c);
  }
  return out;
}

/**
 * Deletes the rows in one statement (a data-modifying CTE per table: foreign keys are checked at its end,
 * so order and cycles do not matter) and returns the number of rows per table.
 */
export async function deleteRows(
  trx: Kysely<DB>,
  conditions: ReadonlyMap<string, RawBuilder<unknown>>,
): Promise<Record<string, number>> {
  const targets = [...conditions.entries()];
  if (targets.length === 0) return {};
  const parts = targets.map(
    ([table, where], i) =>
      sql`${sql.raw(`d${i}`)} as (delete from ${sql.table(table)} where ${where} returning 1)`,
  );
  const counts = sql.join(targets.map((_, i) => sql`(select count(*)::int from ${sql.raw(`d${i}`)})`));
  const row = (
    await sql<{ counts: number[] }>`with ${sql.join(parts)} select array[${counts}] as counts`.execute(trx)
  ).rows[0];
  const out: Record<string, number> = {};
  targets.forEach(([table], i) => {
    const n = row?.counts[i] ?? 0;
    if (n > 0) out[table] = n;
  });
  return out;
}

/**
 * Deletes a record with everything that refers to it. First with each table's own condition only (a
 * household's rows by household_id: index look-ups); when a foreign key then still refers to a removed
 * row from another record's row (a match on another household's request, a merge note), again in the
 * same transaction following every reference, which reads the referring tables through their keys.
 */
export async function removeRows(
  trx: Kysely<DB>,
  base: ReadonlyMap<string, RawBuilder<unknown>>,
  keys: readonly ForeignKey[],
  removable: ReadonlySet<string>,
): Promise<Record<string, number>> {
  await sql`savepoint retention_fast`.execute(trx);
  try {
    const counts = await deleteRows(trx, deletionConditions(base, keys, removable, false));
    await sql`release savepoint retention_fast`.execute(trx);
    return counts;
  } catch (error) {
    if ((error as { code?: string }).code !== "23503") throw error;
    await sql`rollback to savepoint retention_fast`.execute(trx);
    return deleteRows(trx, deletionConditions(base, keys, removable, true));
  }
}
