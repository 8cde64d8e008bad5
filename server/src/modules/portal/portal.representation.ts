import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import { isCalendarDate } from "../households/residents.rules.ts";

export interface RepresentationInput {
  representedResidentId: string;
  representativeUsername: string;
  basis: "parent" | "legalRepresentative" | "authorisedPerson";
  validFrom: string;
  validUntil: string;
  note?: string | null;
}

/** Records who may act for a household member in the portal, for which period. */
export async function recordRepresentation(
  ctx: RequestContext,
  householdId: string,
  input: RepresentationInput,
) {
  const member = await ctx.trx
    .selectFrom("householdMember")
    .select("residentId")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("householdId", "=", householdId)
    .where("residentId", "=", input.representedResidentId)
    .executeTakeFirst();
  if (!member) throw notFound("Deze inwoner hoort niet bij een huishouden dat u mag zien.");
  const representative = await ctx.trx
    .selectFrom("appUser")
    .select(["id", "role"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("username", "=", input.representativeUsername.trim().toLowerCase())
    .executeTakeFirst();
  if (representative?.role !== "resident") {
    throw unprocessable("notAResidentAccount", "Deze gebruikersnaam is geen account van een inwoner.", {
      field: "representativeUsername",
    });
  }
  for (const field of ["validFrom", "validUntil"] as const) {
    if (!isCalendarDate(input[field]))
      throw unprocessable("invalidDate", "Deze datum bestaat niet.", { field });
  }
  if (input.validUntil < input.validFrom)
    throw unprocessable("invalidPeriod", "De einddatum ligt voor de begindatum.", { field: "validUntil" });
  const id = randomUUID();
  await ctx.trx
    .insertInto("representation")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      representedResidentId: input.representedResidentId,
      representativeUserId: representative.id,
      basis: input.basis,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      note: input.note?.trim() || null,
      recordedByUserId: ctx.actor.userId,
      recordedAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "representation.recorded",
    resourceType: "representation",
    resourceId: id,
    householdId,
    residentId: input.representedResidentId,
    details: { validUntil: input.validUntil },
  });
  return { id };
}

/** Households with portal activity the user sees: last message, open proposals. For the worklist. */
