import type { ColumnType, Generated } from "kysely";
import type {
  AccessRoute,
  Cost,
  EntryKind,
  LifeDomain,
  OpeningPeriod,
  TargetGroup,
} from "./directory.vocabulary.ts";

type Auto<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates as 'YYYY-MM-DD' strings on both engines (see platform/db/database.ts). */
type DateOnly = string;

/** CBS wijk/buurt label points: national reference data, read-only for the application. */
export interface AreaLocationTable {
  code: string;
  kind: "district" | "neighbourhood";
  municipalityCode: string;
  districtCode: string | null;
  name: string;
  lon: number;
  lat: number;
}

export interface DirectoryEntryTable {
  municipalityId: string;
  id: Generated<string>;
  externalKey: string;
  name: string;
  description: string;
  kind: EntryKind;
  providerName: string;
  wmoPerformanceFields: Auto<number[]>;
  lifeDomains: Auto<LifeDomain[]>;
  targetGroups: Auto<TargetGroup[]>;
  accessRoute: AccessRoute;
  cost: Cost;
  costNote: string | null;
  servesWholeMunicipality: Auto<boolean>;
  areaCodes: Auto<string[]>;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  neighbourhoodCode: string | null;
  openingHours: ColumnType<OpeningPeriod[], string | undefined, string>;
  openingHoursNote: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactPersonName: string | null;
  contactPersonPhone: string | null;
  contactPersonEmail: string | null;
  capacityNote: string | null;
  waitingWeeks: number | null;
  activeFrom: DateOnly | null;
  activeUntil: DateOnly | null;
  reviewDate: DateOnly;
  isPublic: Auto<boolean>;
  deactivatedAt: Date | null;
  deactivationReason: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  updatedBy: string | null;
  searchVector: ColumnType<string, never, never>;
}

export interface DirectorySuggestionTable {
  municipalityId: string;
  id: Generated<string>;
  entryId: string | null;
  changes: ColumnType<Record<string, unknown>, string, string>;
  note: string;
  status: Auto<"open" | "approved" | "rejected">;
  suggestedBy: string;
  suggestedAt: Timestamp;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export interface DirectoryTables {
  areaLocation: AreaLocationTable;
  directoryEntry: DirectoryEntryTable;
  directorySuggestion: DirectorySuggestionTable;
}
