import { unprocessable } from "../../platform/http/errors.ts";
import { isValidBsn } from "../households/residents.rules.ts";

export interface KnownPerson {
  givenName: string;
  familyName: string;
  bsn: string | null;
  postcode: string | null;
  street: string | null;
  phone: string | null;
  email: string | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const word = (s: string) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(s)}($|[^\\p{L}])`, "iu");

/**
 * What in a text identifies a person: names, BSN, postcode, street, phone or e-mail of the given
 * residents, and any valid BSN, postcode or e-mail address at all. Returns Dutch labels of what was found.
 */
export function findPersonalData(text: string, people: readonly KnownPerson[]): string[] {
  const found = new Set<string>();
  for (const p of people) {
    for (const name of [p.givenName, p.familyName]) {
      if (name.trim().length >= 2 && word(name.trim()).test(text)) found.add(`de naam "${name.trim()}"`);
    }
    if (p.street && p.street.trim().length >= 3 && word(p.street.trim()).test(text))
      found.add("een straatnaam");
    if (p.phone && text.replace(/[\s()-]/g, "").includes(p.phone.replace(/[\s()-]/g, "")))
      found.add("een telefoonnummer");
  }
  const digits = text.match(/\b\d{9}\b/g) ?? [];
  if (digits.some(isValidBsn) || people.some((p) => p.bsn && text.replace(/[\s.]/g, "").includes(p.bsn)))
    found.add("een BSN");
  const compact = text.toUpperCase().replace(/\s/g, "");
  if (
    /\b[1-9][0-9]{3}\s?[A-Z]{2}\b/.test(text) ||
    people.some((p) => p.postcode && compact.includes(p.postcode.replace(/\s/g, "")))
  ) {
    found.add("een postcode");
  }
  if (/[^@\s]+@[^@\s]+\.[^@\s]+/.test(text)) found.add("een e-mailadres");
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
      `${what} mag geen persoonsgegevens bevatten, maar bevat ${found.join(", ")}. Schrijf het zonder namen, BSN, adres of contactgegevens.`,
      { field, found },
    );
  }
}
