import type { ZrmVersion } from "../households/dossier.tables.ts";

/**
 * The Zelfredzaamheid-Matrix (ZRM), GGD Amsterdam. Wijkwerk ships the domain and level names only;
 * the official per-level descriptions can be imported by a municipality that holds them.
 */
export const ZRM_ATTRIBUTION = "Zelfredzaamheid-Matrix, GGD Amsterdam";

export interface ZrmDomain {
  key: string;
  name: string;
  /** Health, substance use and justice are special-category data (GDPR art. 9). */
  dataCategory: "ordinary" | "special";
}

const d = (key: string, name: string, special = false): ZrmDomain => ({
  key,
  name,
  dataCategory: special ? "special" : "ordinary",
});

export const ZRM_DOMAINS: Record<ZrmVersion, readonly ZrmDomain[]> = {
  "2010": [
    d("finances", "Financiën"),
    d("daytimeActivities", "Dagbesteding"),
    d("housing", "Huisvesting"),
    d("domesticRelations", "Huiselijke relaties"),
    d("mentalHealth", "Geestelijke gezondheid", true),
    d("physicalHealth", "Lichamelijke gezondheid", true),
    d("addiction", "Verslaving", true),
    d("adl", "ADL-vaardigheden"),
    d("socialNetwork", "Sociaal netwerk"),
    d("communityParticipation", "Maatschappelijke participatie"),
    d("justice", "Justitie", true),
  ],
  "2017": [
    d("finances", "Financiën"),
    d("workAndEducation", "Werk & opleiding"),
    d("timeUse", "Tijdsbesteding"),
    d("housing", "Huisvesting"),
    d("domesticRelations", "Huiselijke relaties"),
    d("mentalHealth", "Geestelijke gezondheid", true),
    d("physicalHealth", "Lichamelijke gezondheid", true),
    d("substanceUse", "Middelengebruik", true),
    d("basicAdl", "Basale ADL"),
    d("instrumentalAdl", "Instrumentele ADL"),
    d("socialNetwork", "Sociaal netwerk"),
    d("communityParticipation", "Maatschappelijke participatie"),
    d("justice", "Justitie", true),
  ],
};

export const ZRM_LEVELS: readonly { level: number; name: string }[] = [
  { level: 1, name: "Acute problematiek" },
  { level: 2, name: "Niet zelfredzaam" },
  { level: 3, name: "Beperkt zelfredzaam" },
  { level: 4, name: "Voldoende zelfredzaam" },
  { level: 5, name: "Volledig zelfredzaam" },
];

export function findDomain(version: ZrmVersion, key: string): ZrmDomain | undefined {
  return ZRM_DOMAINS[version].find((domain) => domain.key === key);
}

export interface ParsedDescription {
  domain: string;
  level: number;
  description: string;
}

/**
 * Parses a municipality's own level descriptions: one line per domain and level,
 * `domain<TAB or ;>level<TAB or ;>description`; the domain as key ("finances") or Dutch name
 * ("Financiën"). Empty lines and lines starting with # are skipped. Returns the rows or the errors
 * per line (Dutch).
 */
export function parseLevelDescriptions(
  version: ZrmVersion,
  text: string,
): { rows: ParsedDescription[]; errors: string[] } {
  const rows: ParsedDescription[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const n = index + 1;
    const parts = line.split(/\t|;/);
    if (parts.length < 3) {
      errors.push(`Regel ${n}: verwacht "domein;niveau;omschrijving".`);
      continue;
    }
    const [domainText = "", levelText = "", ...rest] = parts;
    const description = rest.join(";").trim();
    const domain = ZRM_DOMAINS[version].find(
      (x) => x.key === domainText.trim() || x.name.toLowerCase() === domainText.trim().toLowerCase(),
    );
    const level = Number(levelText.trim());
    if (!domain) errors.push(`Regel ${n}: "${domainText.trim()}" is geen domein van de ZRM ${version}.`);
    else if (!Number.isInteger(level) || level < 1 || level > 5)
      errors.push(`Regel ${n}: het niveau moet 1 tot en met 5 zijn.`);
    else if (!description) errors.push(`Regel ${n}: de omschrijving ontbreekt.`);
    else if (description.length > 2000) errors.push(`Regel ${n}: de omschrijving is langer dan 2000 tekens.`);
    else if (seen.has(`${domain.key}:${level}`))
      errors.push(`Regel ${n}: ${domain.name} niveau ${level} staat er twee keer in.`);
    else {
      seen.add(`${domain.key}:${level}`);
      rows.push({ domain: domain.key, level, description });
    }
  }
  if (rows.length === 0 && errors.length === 0) errors.push("Het bestand bevat geen omschrijvingen.");
  return { rows, errors };
}
