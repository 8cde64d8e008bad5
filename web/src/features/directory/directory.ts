import type { OpeningPeriod } from "../../../../server/src/modules/directory/directory.vocabulary.ts";
import { tOptional } from "../../i18n/i18n.ts";

/**
 * The social map's shapes, as the server sends them (directory.schemas.ts). Its closed lists come from the
 * server's directory.vocabulary.ts itself.
 */
export interface PublicEntry {
  id: string;
  name: string;
  description: string;
  kind: string;
  providerName: string;
  lifeDomains: string[];
  targetGroups: string[];
  accessRoute: string;
  cost: string;
  costNote: string | null;
  servesWholeMunicipality: boolean;
  areaCodes: string[];
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  neighbourhoodCode: string | null;
  neighbourhoodName: string | null;
  openingHours: OpeningPeriod[];
  openingHoursNote: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  waitingWeeks: number | null;
  capacityNote: string | null;
  distanceKm: number | null;
}

export interface Entry extends PublicEntry {
  externalKey: string;
  wmoPerformanceFields: number[];
  contactPersonName: string | null;
  contactPersonPhone: string | null;
  contactPersonEmail: string | null;
  activeFrom: string | null;
  activeUntil: string | null;
  reviewDate: string;
  reviewOverdue: boolean;
  isPublic: boolean;
  isActive: boolean;
  deactivationReason: string | null;
}

export interface EntryDetail {
  entry: Entry;
  activePlanReferences: number;
  can: { edit: boolean; deactivate: boolean; suggest: boolean };
}

export interface Area {
  code: string;
  kind: "district" | "neighbourhood";
  name: string;
  districtCode: string | null;
}

export interface Suggestion {
  id: string;
  entryId: string | null;
  entryName: string | null;
  changes: Record<string, unknown>;
  note: string;
  status: "open" | "approved" | "rejected";
  suggestedByName: string;
  suggestedAt: string;
  decisionNote: string | null;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  rejected: number;
  problems: { row: number; field: string; reason: string }[];
}

export const label = (group: string, value: string | number) =>
  tOptional(`directory.${group}.${value}`) ?? String(value);

/** Search filters as a query string (empty values left out). */
export function toQuery(filters: Record<string, string | boolean>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === "" || value === false) continue;
    params.set(key, String(value));
  }
  return params.toString();
}
