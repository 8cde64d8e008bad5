import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { municipalityZrmVersion } from "../assessments/assessments.service.ts";
import { findDomain } from "../assessments/zrm.ts";
import { findCase } from "../cases/cases.repository.ts";
import { isCalendarDate } from "../households/residents.rules.ts";

export function assertDate(value: string, label: string, field: string): string {
  if (!isCalendarDate(value))
    throw unprocessable("invalidDate", `${label}: deze datum bestaat niet.`, { field });
  return value;
}

export function requiredText(
  value: string | null | undefined,
  label: string,
  field: string,
  max = 2000,
): string {
  const text = value?.trim() ?? "";
  if (!text) throw unprocessable("textRequired", `Vul ${label} in.`, { field });
  if (text.length > max)
    throw unprocessable("textTooLong", `${label} is langer dan ${max} tekens.`, { field });
  return text;
}

export function optionalText(
  value: string | null | undefined,
  label: string,
  field: string,
  max = 2000,
): string | null {
  const text = value?.trim() ?? "";
  if (text.length > max)
    throw unprocessable("textTooLong", `${label} is langer dan ${max} tekens.`, { field });
  return text || null;
}

/** The case if the actor may see it (404 otherwise, so its existence stays hidden). */
export async function assertVisibleCase(ctx: RequestContext, caseId: string) {
  const c = await findCase(ctx, caseId);
  if (!c) throw notFound("Deze casus bestaat niet of u heeft er geen toegang toe.");
  return c;
}

export function assertCaseOpen(status: string) {
  if (status === "closed") {
    throw conflict(
      "caseClosed",
      "De casus is afgesloten; het plan kan niet meer worden gewijzigd. Heropen eerst de casus.",
    );
  }
}

/** A life domain of the municipality's ZRM version, with its data category (special for health, addiction, justice). */
export async function assertPlanDomain(ctx: RequestContext, domain: string) {
  const version = await municipalityZrmVersion(ctx);
  const found = findDomain(version, domain);
  if (!found) {
    throw unprocessable(
      "unknownDomain",
      `"${domain}" is geen leefgebied van de Zelfredzaamheid-Matrix ${version} die uw gemeente gebruikt. Kies een leefgebied uit die versie.`,
      { field: "domain", domain, zrmVersion: version },
    );
  }
  return found;
}

export async function assertHouseholdResident(
  ctx: RequestContext,
  householdId: string,
  residentId: string,
  field = "residentId",
) {
  const member = await ctx.trx
    .selectFrom("householdMember")
    .select("residentId")
    .where("householdId", "=", householdId)
    .where("residentId", "=", residentId)
    .executeTakeFirst();
  if (!member)
    throw unprocessable("residentNotInHousehold", "Deze inwoner hoort niet bij dit huishouden.", { field });
}
