import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { areaExists, type ResidentValues } from "./households.repository.ts";
import type { ResidentInput } from "./households.schemas.ts";
import { assertBirthDate, assertBsn, normalisePostcode } from "./residents.rules.ts";

/** Trimmed text, or null when nothing is left. */
export const blank = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

/** Checks and normalises one resident's fields; every problem gets its own Dutch message. */
export async function validateResident(
  ctx: RequestContext,
  input: ResidentInput,
  label = "",
): Promise<ResidentValues> {
  const who = label ? ` (${label})` : "";
  const givenName = input.givenName.trim();
  const familyName = input.familyName.trim();
  if (!givenName || !familyName) {
    throw unprocessable("nameRequired", `Vul de voornaam en de achternaam in${who}.`, { field: "name" });
  }
  assertBirthDate(input.birthDate, ctx.now);
  const bsn = blank(input.bsn)?.replace(/[\s.]/g, "") ?? null;
  if (bsn !== null) assertBsn(bsn);
  let postcode: string | null = null;
  const rawPostcode = blank(input.postcode);
  if (rawPostcode !== null) {
    postcode = normalisePostcode(rawPostcode);
    if (!postcode) {
      throw unprocessable(
        "invalidPostcode",
        `De postcode "${rawPostcode}" is ongeldig${who}. Gebruik vier cijfers en twee letters, zoals 3563 AB.`,
        {
          field: "postcode",
        },
      );
    }
  }
  const houseNumber = input.houseNumber ?? null;
  if (houseNumber !== null && (houseNumber < 1 || houseNumber > 99999)) {
    throw unprocessable(
      "invalidHouseNumber",
      `Het huisnummer moet een getal van 1 tot en met 99999 zijn${who}.`,
      {
        field: "houseNumber",
      },
    );
  }
  if (postcode !== null && houseNumber === null) {
    throw unprocessable("houseNumberRequired", `Vul bij de postcode ook het huisnummer in${who}.`, {
      field: "houseNumber",
    });
  }
  const addition = blank(input.houseNumberAddition);
  if (addition !== null && !/^[A-Za-z0-9 -]{1,6}$/.test(addition)) {
    throw unprocessable(
      "invalidHouseNumberAddition",
      `De toevoeging bij het huisnummer is ongeldig (bijvoorbeeld A, 2 of bis)${who}.`,
      {
        field: "houseNumberAddition",
      },
    );
  }
  const neighbourhoodCode = blank(input.neighbourhoodCode)?.toUpperCase() ?? null;
  if (neighbourhoodCode !== null) {
    if (!/^BU[0-9]{8}$/.test(neighbourhoodCode) || !(await areaExists(ctx, neighbourhoodCode))) {
      throw unprocessable(
        "unknownNeighbourhood",
        `De buurtcode ${neighbourhoodCode} is onbekend in deze gemeente${who}. Kies een CBS-buurt uit de lijst.`,
        { field: "neighbourhoodCode" },
      );
    }
  }
  const phone = blank(input.phone);
  if (phone !== null && !/^[+0-9 ()-]{6,20}$/.test(phone)) {
    throw unprocessable("invalidPhone", `Het telefoonnummer is ongeldig${who}.`, { field: "phone" });
  }
  const email = blank(input.email);
  if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw unprocessable("invalidEmail", `Het e-mailadres is ongeldig${who}.`, { field: "email" });
  }
  const preferredLanguage = (blank(input.preferredLanguage) ?? "nl").toLowerCase();
  if (!/^[a-z]{2,3}$/.test(preferredLanguage)) {
    throw unprocessable("invalidLanguage", `Kies een taal uit de lijst${who}.`, {
      field: "preferredLanguage",
    });
  }
  return {
    givenName,
    familyName,
    birthDate: input.birthDate,
    bsn,
    postcode,
    houseNumber,
    houseNumberAddition: addition,
    street: blank(input.street),
    city: blank(input.city),
    neighbourhoodCode,
    phone,
    email,
    preferredLanguage,
    interpreterNeeded: input.interpreterNeeded ?? false,
  };
}
