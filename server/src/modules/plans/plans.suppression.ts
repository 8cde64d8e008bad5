/**
 * Small-cell suppression for published figures. Primary suppression (a cell about 1 to 4 households) is done
 * in the database; this adds secondary suppression: where cells add up to a total that is also shown (a row,
 * a column, the grand total), one hidden member would be the total minus the visible ones, so one more member
 * is hidden — the smallest, to lose as little as possible — until every sum has no or at least two hidden
 * members.
 */
export const SMALL = "< 5" as const;
export const HIDDEN = "hidden" as const;
export type Shown = number | typeof SMALL | typeof HIDDEN;

/**
 * cells: every published cell by key, null where the database suppressed it. relations: groups of keys
 * whose values are linked by one linear equation (for example [row cells…, row total]).
 */
export function suppressCells(
  cells: ReadonlyMap<string, number | null>,
  relations: readonly (readonly string[])[],
): Map<string, Shown> {
  const shown = new Map<string, Shown>([...cells].map(([k, v]) => [k, v === null ? SMALL : v]));
  const hidden = (k: string) => typeof shown.get(k) !== "number";
  let changed = true;
  while (changed) {
    changed = false;
    for (const members of relations) {
      const present = members.filter((k) => shown.has(k));
      if (present.filter(hidden).length !== 1) continue;
      const visible = present.filter((k) => !hidden(k)).map((k) => [k, shown.get(k) as number] as const);
      const pick = [...visible].sort(([, a], [, b]) => Number(a === 0) - Number(b === 0) || a - b)[0];
      if (!pick) continue;
      shown.set(pick[0], HIDDEN);
      changed = true;
    }
  }
  return shown;
}
