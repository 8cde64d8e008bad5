import type { Entry, PublicEntry } from "./directory.schemas.ts";
import type { OpeningPeriod } from "./directory.vocabulary.ts";

interface Row {
  openingHours: OpeningPeriod[] | string;
  distanceKm: number | null;
  [column: string]: unknown;
}

const iso = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : typeof value === "string" ? value : null;

function common(row: Row) {
  const openingHours =
    typeof row.openingHours === "string"
      ? (JSON.parse(row.openingHours) as OpeningPeriod[])
      : row.openingHours;
  const distanceKm = row.distanceKm === null ? null : Math.round(Number(row.distanceKm) * 10) / 10;
  const { total: _total, ...rest } = row;
  return { ...rest, openingHours, distanceKm };
}

/** A public row as the API sends it; the response schema drops anything not public as a second guard. */
export function presentPublicEntry(row: Row): PublicEntry {
  return common(row) as unknown as PublicEntry;
}

/** A staff row: dates as strings, distance rounded to 100 m, flags for review and activity. */
export function presentEntry(row: Row, today: string): Entry {
  const activeFrom = (row.activeFrom as string | null) ?? null;
  const activeUntil = (row.activeUntil as string | null) ?? null;
  const deactivatedAt = iso(row.deactivatedAt);
  return {
    ...common(row),
    deactivatedAt,
    updatedAt: iso(row.updatedAt) ?? "",
    reviewOverdue: String(row.reviewDate) < today && deactivatedAt === null,
    isActive:
      deactivatedAt === null &&
      (activeFrom === null || activeFrom <= today) &&
      (activeUntil === null || activeUntil >= today),
  } as unknown as Entry;
}
