import { type MessageKey, t, tOptional } from "../../i18n/i18n.ts";

export interface Cell {
  metric: string;
  period: string;
  groupKey: string;
  subgroup: string;
  category: string;
  value: number | null;
  suppressed: boolean;
}

export interface OutcomeMonitor {
  from: string;
  until: string;
  granularity: "month" | "quarter";
  dimension: "team" | "district" | "wmoField";
  smallCellsSuppressed: boolean;
  periods: string[];
  groups: { key: string; label: string | null }[];
  cells: Cell[];
  notAvailable: string[];
  hasData: boolean;
  zrmChangeSize: DomainChange[];
}

/** Residents per change in ZRM levels (−4 … +4) in one life domain, and the mean; null when withheld. */
export interface DomainChange {
  domain: string;
  residents: number | null;
  mean: number | null;
  cells: { delta: number; value: number | null; suppressed: boolean }[];
}

export const METRICS = [
  "caseload",
  "throughput",
  "zrmChange",
  "ladder",
  "referrals",
  "escalationPrevented",
  "residentInformed",
  "signalDeadlines",
  "satisfaction",
] as const;

export const label = (prefix: string, key: string) => tOptional(`${prefix}.${key}`) ?? key;

export function groupName(monitor: OutcomeMonitor, key: string): string {
  const found = monitor.groups.find((g) => g.key === key)?.label;
  if (found) return found;
  if (["unknown", "none", "unassigned"].includes(key)) return t(`outcomes.group.${key}` as MessageKey);
  if (monitor.dimension === "wmoField") return t("outcomes.wmo", { n: key });
  return key;
}

export const shownValue = (cell: Cell | undefined) =>
  !cell ? "–" : cell.suppressed ? t("outcomes.hiddenValue") : String(cell.value ?? 0);
