import {
  ACCESS_ROUTES,
  type AccessRoute,
  COSTS,
  type Cost,
  ENTRY_KINDS,
  type EntryKind,
  isOneOf,
  LIFE_DOMAINS,
  type LifeDomain,
  type OpeningPeriod,
  TARGET_GROUPS,
  type TargetGroup,
  WEEKDAY_NAMES,
  WEEKDAYS,
  WMO_PERFORMANCE_FIELDS,
} from "./directory.vocabulary.ts";

/** One problem with one field, in Dutch; a CSV import adds the row number. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** An entry as stored: checked, trimmed, normalised (postcode "1234 AB", empty text → null). */
export interface ValidEntry {
  externalKey: string | null;
  name: string;
  description: string;
  kind: EntryKind;
  providerName: string;
  wmoPerformanceFields: number[];
  lifeDomains: LifeDomain[];
  targetGroups: TargetGroup[];
  accessRoute: AccessRoute;
  cost: Cost;
  costNote: string | null;
  servesWholeMunicipality: boolean;
  areaCodes: string[];
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  neighbourhoodCode: string | null;
  openingHours: OpeningPeriod[];
  openingHoursNote: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactPersonName: string | null;
  contactPersonPhone: string | null;
  contactPersonEmail: string | null;
  capacityNote: string | null;
  waitingWeeks: number | null;
  activeFrom: string | null;
  activeUntil: string | null;
  reviewDate: string;
  isPublic: boolean;
}

/** The CBS areas of the acting municipality (code → kind), to check area and buurt codes against. */
export interface AreaCatalogue {
  municipalityCode: string;
  codes: ReadonlyMap<string, "district" | "neighbourhood">;
}

export type Validation = { ok: true; value: ValidEntry } | { ok: false; problems: FieldProblem[] };

const EXTERNAL_KEY = /^[A-Za-z0-9._:/-]{1,100}$/;
const POSTCODE = /^([1-9][0-9]{3}) ?([A-Za-z]{2})$/;
const HOUSE_NUMBER = /^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addYears(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/** Opening periods: valid times, opening before closing, no overlap on one day; sorted by day and time. */
export function checkOpeningHours(periods: readonly OpeningPeriod[]): {
  value: OpeningPeriod[];
  problems: string[];
} {
  const problems: string[] = [];
  for (const p of periods) {
    if (!isOneOf(WEEKDAYS, p.day)) problems.push(`onbekende dag "${p.day}"`);
    if (!TIME.test(p.opens) || !TIME.test(p.closes)) {
      problems.push(
        `tijd "${p.opens}-${p.closes}" is geen geldige tijd (gebruik uu:mm, bijvoorbeeld 09:00-12:30)`,
      );
    } else if (p.opens >= p.closes) {
      problems.push(`op ${WEEKDAY_NAMES[p.day] ?? p.day} sluit ${p.closes} niet na opening ${p.opens}`);
    }
  }
  const sorted = [...periods].sort(
    (a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.opens.localeCompare(b.opens),
  );
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && previous.day === current.day && current.opens < previous.closes) {
      problems.push(
        `tijden op ${WEEKDAY_NAMES[current.day]} overlappen (${previous.opens}-${previous.closes} en ${current.opens}-${current.closes})`,
      );
    }
  }
  return { value: sorted, problems };
}

/**
 * Checks a whole entry and names every problem with its field. Used by the API, by change suggestions
 * (on approval, against the entry as it is then) and for every CSV row.
 */
export function validateEntry(
  input: Record<string, unknown>,
  areas: AreaCatalogue,
  today: string,
): Validation {
  const problems: FieldProblem[] = [];
  const problem = (field: string, reason: string) => problems.push({ field, reason });

  const required = (field: string, min: number, max: number): string => {
    const value = text(input[field]);
    if (value === null) problem(field, "is verplicht");
    else if (value.length < min) problem(field, `is te kort (minimaal ${min} tekens)`);
    else if (value.length > max) problem(field, `is te lang (maximaal ${max} tekens)`);
    return value ?? "";
  };
  const optional = (field: string, max: number, pattern?: RegExp, hint?: string): string | null => {
    const value = text(input[field]);
    if (value === null) return null;
    if (value.length > max) problem(field, `is te lang (maximaal ${max} tekens)`);
    else if (pattern && !pattern.test(value)) problem(field, hint ?? "heeft een ongeldige vorm");
    return value;
  };
  const oneOf = <T extends string>(field: string, list: readonly T[]): T => {
    const value = text(input[field]);
    if (value === null) problem(field, "is verplicht");
    else if (!isOneOf(list, value)) problem(field, `"${value}" is onbekend; kies uit ${list.join(", ")}`);
    return (value ?? list[0]) as T;
  };
  const listOf = <T extends string>(field: string, list: readonly T[]): T[] => {
    const value = input[field] ?? [];
    if (!Array.isArray(value)) {
      problem(field, "is geen lijst");
      return [];
    }
    const unknown = value.filter((v) => !isOneOf(list, v));
    if (unknown.length > 0) problem(field, `onbekend: ${unknown.join(", ")}; kies uit ${list.join(", ")}`);
    return [...new Set(value.filter((v): v is T => isOneOf(list, v)))];
  };
  const date = (field: string): string | null => {
    const value = text(input[field]);
    if (value === null) return null;
    if (!isValidDate(value)) problem(field, `"${value}" is geen geldige datum (gebruik jjjj-mm-dd)`);
    return value;
  };

  const externalKey = optional(
    "externalKey",
    100,
    EXTERNAL_KEY,
    "mag alleen letters, cijfers en . _ : / - bevatten (zonder spaties)",
  );
  const name = required("name", 2, 200);
  const description = required("description", 10, 4000);
  const kind = oneOf("kind", ENTRY_KINDS);
  const providerName = required("providerName", 2, 200);

  const fieldsRaw = input.wmoPerformanceFields ?? [];
  let wmoPerformanceFields: number[] = [];
  if (!Array.isArray(fieldsRaw)) problem("wmoPerformanceFields", "is geen lijst");
  else {
    const unknown = fieldsRaw.filter((v) => !isOneOf(WMO_PERFORMANCE_FIELDS, v));
    if (unknown.length > 0) {
      problem(
        "wmoPerformanceFields",
        `onbekend prestatieveld: ${unknown.join(", ")} (de Wmo kent de velden 1 tot en met 9)`,
      );
    }
    wmoPerformanceFields = [
      ...new Set(fieldsRaw.filter((v): v is number => isOneOf(WMO_PERFORMANCE_FIELDS, v))),
    ].sort((a, b) => a - b);
  }
  const lifeDomains = listOf("lifeDomains", LIFE_DOMAINS);
  const targetGroups = listOf("targetGroups", TARGET_GROUPS);
  const accessRoute = oneOf("accessRoute", ACCESS_ROUTES);
  const cost = oneOf("cost", COSTS);
  const costNote = optional("costNote", 500);

  const servesWholeMunicipality = input.servesWholeMunicipality === true;
  const areaRaw = input.areaCodes ?? [];
  const areaCodes = Array.isArray(areaRaw)
    ? [
        ...new Set(
          areaRaw.filter((c): c is string => typeof c === "string").map((c) => c.trim().toUpperCase()),
        ),
      ]
    : [];
  const unknownAreas = areaCodes.filter((c) => !areas.codes.has(c));
  if (unknownAreas.length > 0) {
    problem(
      "areaCodes",
      `onbekende wijk- of buurtcode in ${areas.municipalityCode}: ${unknownAreas.join(", ")}`,
    );
  }
  if (!servesWholeMunicipality && areaCodes.length === 0) {
    problem("areaCodes", "kies de wijken of buurten waar het aanbod voor is, of de hele gemeente");
  }

  const street = optional("street", 200);
  const houseNumber = optional(
    "houseNumber",
    20,
    HOUSE_NUMBER,
    "is geen geldig huisnummer (bijvoorbeeld 12 of 12 A)",
  );
  const postcodeRaw = optional(
    "postcode",
    10,
    POSTCODE,
    "is geen geldige postcode (4 cijfers en 2 letters, bijvoorbeeld 3531 AB)",
  );
  const postcodeMatch = postcodeRaw ? POSTCODE.exec(postcodeRaw) : null;
  const postcode = postcodeMatch ? `${postcodeMatch[1]} ${postcodeMatch[2]?.toUpperCase()}` : postcodeRaw;
  const city = optional("city", 100);
  const neighbourhoodCode = optional("neighbourhoodCode", 12)?.toUpperCase() ?? null;
  if (neighbourhoodCode && areas.codes.get(neighbourhoodCode) !== "neighbourhood") {
    problem("neighbourhoodCode", `onbekende buurtcode in ${areas.municipalityCode}: ${neighbourhoodCode}`);
  }
  if ((street || houseNumber || postcode) && !(street && houseNumber && postcode)) {
    problem("street", "een adres heeft straat, huisnummer en postcode samen");
  }

  const hoursRaw = input.openingHours ?? [];
  let openingHours: OpeningPeriod[] = [];
  if (!Array.isArray(hoursRaw)) problem("openingHours", "is geen lijst");
  else {
    const checked = checkOpeningHours(hoursRaw as OpeningPeriod[]);
    for (const reason of checked.problems) problem("openingHours", reason);
    openingHours = checked.value;
  }
  const openingHoursNote = optional("openingHoursNote", 500);
  const phone = optional("phone", 30, PHONE, "is geen geldig telefoonnummer");
  const email = optional("email", 200, EMAIL, "is geen geldig e-mailadres");
  const website = optional("website", 500, /^https?:\/\/\S+$/, "begint niet met http:// of https://");
  const contactPersonName = optional("contactPersonName", 200);
  const contactPersonPhone = optional("contactPersonPhone", 30, PHONE, "is geen geldig telefoonnummer");
  const contactPersonEmail = optional("contactPersonEmail", 200, EMAIL, "is geen geldig e-mailadres");
  const capacityNote = optional("capacityNote", 500);
  const waitingRaw = input.waitingWeeks;
  let waitingWeeks: number | null = null;
  if (waitingRaw !== undefined && waitingRaw !== null) {
    if (
      typeof waitingRaw !== "number" ||
      !Number.isInteger(waitingRaw) ||
      waitingRaw < 0 ||
      waitingRaw > 520
    ) {
      problem("waitingWeeks", "is geen geheel aantal weken tussen 0 en 520");
    } else waitingWeeks = waitingRaw;
  }
  const activeFrom = date("activeFrom");
  const activeUntil = date("activeUntil");
  if (
    activeFrom &&
    activeUntil &&
    isValidDate(activeFrom) &&
    isValidDate(activeUntil) &&
    activeUntil < activeFrom
  ) {
    problem("activeUntil", `de einddatum ${activeUntil} ligt voor de begindatum ${activeFrom}`);
  }
  const reviewDate = date("reviewDate") ?? addYears(today, 1);
  const isPublic = input.isPublic === true;

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      externalKey,
      name,
      description,
      kind,
      providerName,
      wmoPerformanceFields,
      lifeDomains,
      targetGroups,
      accessRoute,
      cost,
      costNote,
      servesWholeMunicipality,
      areaCodes,
      street,
      houseNumber,
      postcode,
      city,
      neighbourhoodCode,
      openingHours,
      openingHoursNote,
      phone,
      email,
      website,
      contactPersonName,
      contactPersonPhone,
      contactPersonEmail,
      capacityNote,
      waitingWeeks,
      activeFrom,
      activeUntil,
      reviewDate,
      isPublic,
    },
  };
}
