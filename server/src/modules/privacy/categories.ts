import { ZRM_DOMAINS } from "../assessments/zrm.ts";

/**
 * Data categories a purpose may use and a consent may cover: the ZRM life domains (both versions),
 * plus personal details (name, address, contact) and the request for help itself. Health, substance
 * use and justice are special categories (GDPR art. 9).
 */
export interface DataCategory {
  key: string;
  name: string;
  special: boolean;
}

const base: DataCategory[] = [
  { key: "personalDetails", name: "personalia (naam, adres, contact)", special: false },
  { key: "request", name: "hulpvraag", special: false },
];

const domains = new Map<string, DataCategory>();
for (const version of ["2017", "2010"] as const) {
  for (const d of ZRM_DOMAINS[version]) {
    if (!domains.has(d.key)) {
      domains.set(d.key, { key: d.key, name: d.name.toLowerCase(), special: d.dataCategory === "special" });
    }
  }
}

export const DATA_CATEGORIES: readonly DataCategory[] = [...base, ...domains.values()];
const byKey = new Map(DATA_CATEGORIES.map((c) => [c.key, c]));

export function isDataCategory(key: string): boolean {
  return byKey.has(key);
}

export function categoryName(key: string): string {
  return byKey.get(key)?.name ?? key;
}

export function isSpecialCategory(key: string): boolean {
  return byKey.get(key)?.special ?? false;
}

/** "financiën, huisvesting en sociaal netwerk" */
export function listInDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} en ${items.at(-1)}`;
}

export function categoryNames(keys: readonly string[]): string {
  return listInDutch(keys.map(categoryName));
}

export const LEGAL_BASIS_NAMES: Record<string, string> = {
  legalObligation: "wettelijke verplichting",
  publicTask: "publieke taak",
  consent: "toestemming",
  vitalInterest: "vitaal belang",
};

const allOrdinary = DATA_CATEGORIES.filter((c) => !c.special).map((c) => c.key);
const all = DATA_CATEGORIES.map((c) => c.key);

export interface DefaultPurpose {
  code: string;
  name: string;
  legalBasis: "legalObligation" | "publicTask" | "consent" | "vitalInterest";
  lawArticle: string;
  categories: string[];
  retentionMonths: number;
  retentionFrom: "caseClosed" | "registered";
  retentionAction: "delete" | "anonymise";
  isDefault: boolean;
}

/** A starting register a municipality can load and then adjust (Wmo 15 years, youth 20 years). */
export const DEFAULT_PURPOSES: readonly DefaultPurpose[] = [
  {
    code: "wmoSupport",
    name: "Maatschappelijke ondersteuning (Wmo)",
    legalBasis: "publicTask",
    lawArticle: "Wmo 2015 art. 2.3.2 en art. 5.1.1 (gezondheidsgegevens: art. 5.1.1 lid 3)",
    categories: all.filter((k) => k !== "justice"),
    retentionMonths: 180,
    retentionFrom: "caseClosed",
    retentionAction: "delete",
    isDefault: true,
  },
  {
    code: "youthSupport",
    name: "Jeugdhulp",
    legalBasis: "legalObligation",
    lawArticle: "Jeugdwet art. 7.3.8 en art. 7.4.4",
    categories: all,
    retentionMonths: 240,
    retentionFrom: "caseClosed",
    retentionAction: "delete",
    isDefault: false,
  },
  {
    code: "debtCounselling",
    name: "Schuldhulpverlening",
    legalBasis: "publicTask",
    lawArticle: "Wet gemeentelijke schuldhulpverlening art. 5 en 6",
    categories: [
      "personalDetails",
      "request",
      "finances",
      "housing",
      "workAndEducation",
      "domesticRelations",
    ],
    retentionMonths: 84,
    retentionFrom: "caseClosed",
    retentionAction: "anonymise",
    isDefault: false,
  },
  {
    code: "signalTriage",
    name: "Signalen beoordelen (vroegsignalering)",
    legalBasis: "publicTask",
    lawArticle: "Wmo 2015 art. 2.3.2 lid 1; Wgs art. 3 (vroegsignalering)",
    categories: ["personalDetails", "request", "finances", "housing", "socialNetwork"],
    retentionMonths: 6,
    retentionFrom: "registered",
    retentionAction: "delete",
    isDefault: false,
  },
  {
    code: "reciprocityMatching",
    name: "Wederkerigheid (vrijwillige inzet koppelen)",
    legalBasis: "consent",
    lawArticle: "AVG art. 6 lid 1 sub a",
    categories: allOrdinary.filter((k) =>
      ["personalDetails", "timeUse", "daytimeActivities", "socialNetwork", "communityParticipation"].includes(
        k,
      ),
    ),
    retentionMonths: 12,
    retentionFrom: "caseClosed",
    retentionAction: "delete",
    isDefault: false,
  },
];
