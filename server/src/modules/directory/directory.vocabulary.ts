/**
 * The closed lists of the social map. The database checks the same values (0003_service_directory.sql);
 * the UI shows their Dutch names from the catalogue. The web app imports this file too: keep it free of
 * imports and of anything but plain values and types.
 */

/**
 * The fields of an entry as an administrator edits them, in the order of the form and of the CSV file;
 * the external key comes on top of these (first column of the CSV file, last field of the form).
 */
export const ENTRY_FIELDS = [
  "name",
  "description",
  "kind",
  "providerName",
  "wmoPerformanceFields",
  "lifeDomains",
  "targetGroups",
  "accessRoute",
  "cost",
  "costNote",
  "servesWholeMunicipality",
  "areaCodes",
  "street",
  "houseNumber",
  "postcode",
  "city",
  "neighbourhoodCode",
  "openingHours",
  "openingHoursNote",
  "phone",
  "email",
  "website",
  "contactPersonName",
  "contactPersonPhone",
  "contactPersonEmail",
  "capacityNote",
  "waitingWeeks",
  "activeFrom",
  "activeUntil",
  "reviewDate",
  "isPublic",
] as const;

export const ENTRY_KINDS = [
  "collectiveProvision",
  "individualProvision",
  "informationAndAdvice",
  "volunteerHelp",
  "volunteerVacancy",
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The nine performance fields of the Wmo 2007 (report, annex). */
export const WMO_PERFORMANCE_FIELDS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type WmoPerformanceField = (typeof WMO_PERFORMANCE_FIELDS)[number];

/** Life domains with the identifiers of the self-sufficiency matrix (ZRM). */
export const LIFE_DOMAINS = [
  "finances",
  "workAndEducation",
  "timeUse",
  "housing",
  "domesticRelations",
  "mentalHealth",
  "physicalHealth",
  "addiction",
  "basicAdl",
  "instrumentalAdl",
  "socialNetwork",
  "communityParticipation",
  "justice",
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

export const TARGET_GROUPS = [
  "everyone",
  "children",
  "youth",
  "parents",
  "elderly",
  "informalCarers",
  "volunteers",
  "peopleWithDisability",
  "intellectualDisability",
  "mentalHealthProblems",
  "addictionProblems",
  "homeless",
  "newcomers",
  "lowIncome",
  "lonely",
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const ACCESS_ROUTES = ["walkIn", "referral", "municipalDecision", "medicalIndication"] as const;
export type AccessRoute = (typeof ACCESS_ROUTES)[number];

export const COSTS = ["free", "contribution", "incomeDependent", "paid"] as const;
export type Cost = (typeof COSTS)[number];

export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Dutch two-letter day names, as written in a CSV file ("ma 09:00-12:00; di 13:00-17:00"). */
export const WEEKDAY_ABBREVIATIONS: Record<Weekday, string> = {
  monday: "ma",
  tuesday: "di",
  wednesday: "wo",
  thursday: "do",
  friday: "vr",
  saturday: "za",
  sunday: "zo",
};

/** Full Dutch day names for messages. */
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  monday: "maandag",
  tuesday: "dinsdag",
  wednesday: "woensdag",
  thursday: "donderdag",
  friday: "vrijdag",
  saturday: "zaterdag",
  sunday: "zondag",
};

export interface OpeningPeriod {
  day: Weekday;
  opens: string;
  closes: string;
}

export const isOneOf = <T extends string | number>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);
