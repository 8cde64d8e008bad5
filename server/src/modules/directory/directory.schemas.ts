import { type Static, type TSchema, Type } from "typebox";
import { Nullable, Uuid } from "../../platform/http/schemas.ts";
import {
  ACCESS_ROUTES,
  COSTS,
  ENTRY_KINDS,
  LIFE_DOMAINS,
  TARGET_GROUPS,
  WEEKDAYS,
} from "./directory.vocabulary.ts";

/** A closed list of strings (an enum in the API document). */
const OneOf = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: "string", enum: [...values] });
const Text = (maxLength: number) => Type.String({ maxLength });
const Optional = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

export const OpeningPeriod = Type.Object({
  day: OneOf(WEEKDAYS),
  opens: Type.String({ maxLength: 5 }),
  closes: Type.String({ maxLength: 5 }),
});

/**
 * What a form, an API client or a CSV row sends. Closed lists arrive as plain strings and are checked by
 * validateEntry (directory.validation.ts), which names the field and the reason in Dutch for each problem.
 */
export const EntryInput = Type.Object({
  externalKey: Optional(Text(100)),
  name: Text(200),
  description: Text(4000),
  kind: Text(40),
  providerName: Text(200),
  wmoPerformanceFields: Type.Array(Type.Integer(), { maxItems: 9 }),
  lifeDomains: Type.Array(Text(40), { maxItems: 13 }),
  targetGroups: Type.Array(Text(40), { maxItems: 15 }),
  accessRoute: Text(40),
  cost: Text(40),
  costNote: Optional(Text(500)),
  servesWholeMunicipality: Type.Boolean(),
  areaCodes: Type.Array(Text(12), { maxItems: 500 }),
  street: Optional(Text(200)),
  houseNumber: Optional(Text(20)),
  postcode: Optional(Text(10)),
  city: Optional(Text(100)),
  neighbourhoodCode: Optional(Text(12)),
  openingHours: Type.Array(OpeningPeriod, { maxItems: 50 }),
  openingHoursNote: Optional(Text(500)),
  phone: Optional(Text(30)),
  email: Optional(Text(200)),
  website: Optional(Text(500)),
  contactPersonName: Optional(Text(200)),
  contactPersonPhone: Optional(Text(30)),
  contactPersonEmail: Optional(Text(200)),
  capacityNote: Optional(Text(500)),
  waitingWeeks: Optional(Type.Integer()),
  activeFrom: Optional(Text(10)),
  activeUntil: Optional(Text(10)),
  reviewDate: Optional(Text(10)),
  isPublic: Type.Boolean(),
});
export type EntryInput = Static<typeof EntryInput>;

/** The fields a resident may see. Nothing about people: no contact person, no author, no internal dates. */
const publicFields = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  kind: OneOf(ENTRY_KINDS),
  providerName: Type.String(),
  lifeDomains: Type.Array(OneOf(LIFE_DOMAINS)),
  targetGroups: Type.Array(OneOf(TARGET_GROUPS)),
  accessRoute: OneOf(ACCESS_ROUTES),
  cost: OneOf(COSTS),
  costNote: Nullable(Type.String()),
  servesWholeMunicipality: Type.Boolean(),
  areaCodes: Type.Array(Type.String()),
  street: Nullable(Type.String()),
  houseNumber: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  neighbourhoodCode: Nullable(Type.String()),
  neighbourhoodName: Nullable(Type.String()),
  openingHours: Type.Array(OpeningPeriod),
  openingHoursNote: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  waitingWeeks: Nullable(Type.Number()),
  capacityNote: Nullable(Type.String()),
  distanceKm: Nullable(Type.Number()),
};

export const PublicEntry = Type.Object(publicFields);
export const PublicEntryList = Type.Object({
  municipalityName: Type.String(),
  total: Type.Number(),
  items: Type.Array(PublicEntry),
});

export const Entry = Type.Object({
  ...publicFields,
  externalKey: Type.String(),
  wmoPerformanceFields: Type.Array(Type.Number()),
  contactPersonName: Nullable(Type.String()),
  contactPersonPhone: Nullable(Type.String()),
  contactPersonEmail: Nullable(Type.String()),
  activeFrom: Nullable(Type.String()),
  activeUntil: Nullable(Type.String()),
  reviewDate: Type.String(),
  reviewOverdue: Type.Boolean(),
  isPublic: Type.Boolean(),
  isActive: Type.Boolean(),
  deactivatedAt: Nullable(Type.String()),
  deactivationReason: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export const EntryList = Type.Object({ total: Type.Number(), items: Type.Array(Entry) });

/** One entry with what the caller may do with it (the UI shows only those actions). */
export const EntryDetail = Type.Object({
  entry: Entry,
  activePlanReferences: Type.Number(),
  can: Type.Object({ edit: Type.Boolean(), deactivate: Type.Boolean(), suggest: Type.Boolean() }),
});

const searchFilters = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  lifeDomain: Type.Optional(OneOf(LIFE_DOMAINS)),
  area: Type.Optional(Type.String({ pattern: "^(WK[0-9]{6}|BU[0-9]{8})$" })),
  kind: Type.Optional(OneOf(ENTRY_KINDS)),
  performanceField: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
  targetGroup: Type.Optional(OneOf(TARGET_GROUPS)),
  free: Type.Optional(Type.Boolean()),
  near: Type.Optional(Type.String({ pattern: "^BU[0-9]{8}$" })),
  sort: Type.Optional(OneOf(["relevance", "distance", "name"] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
};
export const SearchQuery = Type.Object({
  ...searchFilters,
  includeInactive: Type.Optional(Type.Boolean()),
  reviewOverdue: Type.Optional(Type.Boolean()),
});
export type SearchQuery = Static<typeof SearchQuery>;
export const PublicSearchQuery = Type.Object(searchFilters);

export const MunicipalityParams = Type.Object({ municipalityCode: Type.String({ pattern: "^GM[0-9]{4}$" }) });

export const Deactivate = Type.Object({
  reason: Type.String({ minLength: 3, maxLength: 500 }),
  /** Required when active plans use the entry: the number the caller was shown, as confirmation. */
  confirmActivePlanReferences: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const Area = Type.Object({
  code: Type.String(),
  kind: OneOf(["district", "neighbourhood"] as const),
  name: Type.String(),
  districtCode: Nullable(Type.String()),
});
export const AreaList = Type.Object({ items: Type.Array(Area) });

export const PublicMunicipalityList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

export const SuggestionInput = Type.Object({
  entryId: Type.Optional(Nullable(Uuid)),
  /** For a change: only the fields to change. For a new entry: a complete entry. */
  changes: Type.Record(Type.String(), Type.Unknown()),
  note: Type.String({ minLength: 3, maxLength: 2000 }),
});
export type SuggestionInput = Static<typeof SuggestionInput>;

export const Suggestion = Type.Object({
  id: Type.String(),
  entryId: Nullable(Type.String()),
  entryName: Nullable(Type.String()),
  changes: Type.Record(Type.String(), Type.Unknown()),
  note: Type.String(),
  status: OneOf(["open", "approved", "rejected"] as const),
  suggestedBy: Type.String(),
  suggestedByName: Type.String(),
  suggestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});
export const SuggestionList = Type.Object({ items: Type.Array(Suggestion) });
export const SuggestionQuery = Type.Object({
  status: Type.Optional(OneOf(["open", "approved", "rejected"] as const)),
});
export const Decision = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) });

export const RowProblem = Type.Object({ row: Type.Number(), field: Type.String(), reason: Type.String() });
export const ImportReport = Type.Object({
  dryRun: Type.Boolean(),
  rows: Type.Number(),
  created: Type.Number(),
  updated: Type.Number(),
  rejected: Type.Number(),
  problems: Type.Array(RowProblem),
});
export const ImportQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean()) });
export const ExportQuery = Type.Object({
  separator: Type.Optional(OneOf(["comma", "semicolon"] as const)),
  includeInactive: Type.Optional(Type.Boolean()),
});

export type Entry = Static<typeof Entry>;
export type PublicEntry = Static<typeof PublicEntry>;

const IsoDate = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });
/** The period of the "most used" figures (Dutch calendar days; both default to today) and one team. */
export const UsageQuery = Type.Object({
  from: Type.Optional(IsoDate),
  until: Type.Optional(IsoDate),
  teamId: Type.Optional(Uuid),
});
export type UsageQuery = Static<typeof UsageQuery>;
/** A count; for a policy officer a count of 1–4 is only "suppressed" (shown as "< 5"). */
const UsageCount = Type.Object({ value: Nullable(Type.Number()), suppressed: Type.Boolean() });
export const UsageReport = Type.Object({
  from: Type.String(),
  until: Type.String(),
  scope: OneOf(["ownTeams", "municipality"] as const),
  smallCellThreshold: Type.Number(),
  teams: Type.Array(
    Type.Object({
      teamId: Type.String(),
      teamName: Type.String(),
      entries: Type.Array(
        Type.Object({
          entryId: Type.String(),
          name: Type.String(),
          kind: Type.String(),
          isActive: Type.Boolean(),
          actions: UsageCount,
          plans: UsageCount,
        }),
      ),
    }),
  ),
});
