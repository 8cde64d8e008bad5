import { unprocessable } from "../../platform/http/errors.ts";
import { isValidBsn } from "../households/residents.rules.ts";

/** Someone recorded in a dossier, with whatever is known of them (all optional). */
export interface KnownPerson {
  givenName?: string | null;
  familyName?: string | null;
  /** Other names as recorded (a network member "Oom Driss Benali", a person named in the intake). */
  names?: readonly string[];
  bsn?: string | null;
  postcode?: string | null;
  houseNumber?: number | null;
  street?: string | null;
  phone?: string | null;
  email?: string | null;
  /** YYYY-MM-DD */
  birthDate?: string | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const word = (s: string) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(s)}($|[^\\p{L}])`, "iu");

/** Words in a recorded name that are no name of their own: relations, titles and particles. */
const NOT_A_NAME = new Set(
  (
    "de van der den het ten ter te op in la le el al bin ben " +
    "oom tante opa oma zus zusje broer broertje vader moeder papa mama zoon dochter neef nicht buurman " +
    "buurvrouw buren vriend vriendin vriendje collega juf meester mevrouw meneer mw dhr familie fam " +
    "partner man vrouw kind kinderen schoonmoeder schoonvader zwager schoonzus stiefvader stiefmoeder"
  ).split(" "),
);

/** The parts of a recorded name to look for: the whole name and each word that is a name of its own. */
function nameParts(name: string, minLength: number): string[] {
  const whole = name.trim();
  const words = whole
    .split(/[\s,]+/)
    .filter((w) => w.length >= minLength && !NOT_A_NAME.has(w.toLowerCase()));
  const parts = new Set(words);
  if (words.length > 1 || !NOT_A_NAME.has(whole.toLowerCase())) parts.add(whole);
  return [...parts].filter((p) => p.length >= minLength && !NOT_A_NAME.has(p.toLowerCase()));
}

const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** A birth date as people write it: 1-5-1972, 01-05-1972, 01/05/1972, 1972-05-01, 1 mei 1972. */
function dateForms(isoDate: string): string[] {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, "0");
  const forms = new Set<string>([isoDate, `${d} ${MONTHS[m - 1]} ${y}`, `${pad(d)} ${MONTHS[m - 1]} ${y}`]);
  for (const dd of [String(d), pad(d)])
    for (const mm of [String(m), pad(m)])
      for (const sep of ["-", "/", "."]) forms.add(`${dd}${sep}${mm}${sep}${y}`);
  return [...forms];
}

/** Any date written as a date of birth: "geboren (op) …", "geb. …", "geboortedatum …". */
const BIRTH_DATE_PHRASE = new RegExp(
  `(geboren|geb\\.|geboortedatum)\\s*(op\\s*)?:?\\s*(\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(${MONTHS.join("|")})\\s+\\d{4})`,
  "i",
);
/** Dutch phone numbers: 06-12345678, 030-1234567, 0318 123456, +31 6 12345678, 0031…. */
const PHONE = /(^|[^\d])((\+|00)31[\s-]?(\(0\))?[\s-]?\d([\s-]?\d){8}|0\d([\s-]?\d){8})($|[^\d])/;
const POSTCODE = /\b[1-9][0-9]{3}\s?[A-Za-z]{2}\b/;
const POSTCODE_WITH_NUMBER = /\b[1-9][0-9]{3}\s?[A-Za-z]{2}[\s,]+(nr\.?\s*)?\d{1,5}\b/;
const EMAIL = /[^@\s]+@[^@\s]+\.[^@\s]+/;

/**
 * What in a text identifies a person: the names, BSN, address, phone, e-mail and birth date of the given
 * people, and any valid BSN, postcode (with house number), Dutch phone number, e-mail address or date
 * written as a date of birth at all. Returns Dutch labels of what was found — never where else it occurs.
 */
export function findPersonalData(text: string, people: readonly KnownPerson[]): string[] {
  const found = new Set<string>();
  const digitsOnly = text.replace(/[\s().-]/g, "");
  for (const p of people) {
    const names = [
      ...(p.givenName ? nameParts(p.givenName, 2) : []),
      ...(p.familyName ? nameParts(p.familyName, 2) : []),
      ...(p.names ?? []).flatMap((n) => nameParts(n, 3)),
    ];
    for (const name of names) if (word(name).test(text)) found.add(`de naam "${name}"`);
    if (p.street && p.street.trim().length >= 3 && word(p.street.trim()).test(text))
      found.add("een straatnaam");
    if (
      p.phone &&
      p.phone.replace(/[\s()-]/g, "").length >= 6 &&
      digitsOnly.includes(p.phone.replace(/[\s()-]/g, ""))
    )
      found.add("een telefoonnummer");
    if (p.email && text.toLowerCase().includes(p.email.toLowerCase())) found.add("een e-mailadres");
    if (p.birthDate && dateForms(p.birthDate).some((f) => word(f).test(text))) found.add("een geboortedatum");
  }
  const nineDigits = text.match(/\b\d{9}\b/g) ?? [];
  if (nineDigits.some(isValidBsn) || people.some((p) => p.bsn && text.replace(/[\s.]/g, "").includes(p.bsn)))
    found.add("een BSN");
  const compact = text.toUpperCase().replace(/\s/g, "");
  if (POSTCODE_WITH_NUMBER.test(text)) found.add("een adres (postcode met huisnummer)");
  else if (
    POSTCODE.test(text) ||
    people.some((p) => p.postcode && compact.includes(p.postcode.replace(/\s/g, "")))
  )
    found.add("een postcode");
  if (PHONE.test(text)) found.add("een telefoonnummer");
  if (EMAIL.test(text)) found.add("een e-mailadres");
  if (BIRTH_DATE_PHRASE.test(text)) found.add("een geboortedatum");
  return [...found];
}

/** Refuses text with personal data: case-learning notes, decisions and questions travel without it. */
export function assertNoPersonalData(
  text: string,
  people: readonly KnownPerson[],
  what: string,
  field: string,
) {
  const found = findPersonalData(text, people);
  if (found.length > 0) {
    throw unprocessable(
      "personalDataInText",
      `${what} mag geen persoonsgegevens bevatten, maar bevat ${found.join(", ")}. Schrijf het zonder namen, BSN, adres, geboortedatum of contactgegevens.`,
      { field, found },
    );
  }
}

/** What a shared view shows instead of an older text that turns out to carry identifying data. */
export const WITHHELD_TEXT = "[tekst weggelaten: bevat persoonsgegevens]";

/** The text as a shared view may show it: unchanged, or withheld when it identifies someone. */
export function shareable(text: string, people: readonly KnownPerson[]): string;
export function shareable(text: string | null, people: readonly KnownPerson[]): string | null;
export function shareable(text: string | null, people: readonly KnownPerson[]): string | null {
  if (text === null) return null;
  return findPersonalData(text, people).length > 0 ? WITHHELD_TEXT : text;
}
