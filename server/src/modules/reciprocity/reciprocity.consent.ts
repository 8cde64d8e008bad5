import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import { assertPastDate } from "../households/residents.rules.ts";
import { optionalText } from "../plans/plans.rules.ts";
import type { ConsentInput } from "./reciprocity.schemas.ts";

export interface ConsentSubject {
  matchId: string;
  /** The household whose resident consents (the consent row hangs off it). */
  householdId: string;
  residentId: string | null;
  side: "offering" | "requesting";
  targetKind: "residentRequest" | "volunteerVacancy";
}

/** A match cannot be proposed or completed without an explicit yes. */
export function assertConsentGiven(input: ConsentInput | null | undefined, who: string): ConsentInput {
  if (!input) {
    throw unprocessable(
      "consentRequired",
      `Leg eerst vast dat ${who} toestemming geeft (wanneer en hoe). Zonder toestemming wordt er geen match voorgesteld en worden er geen namen gedeeld.`,
      { field: "offeringConsent" },
    );
  }
  if (!input.agreed) {
    throw unprocessable("consentRefused", `${who} geeft geen toestemming; de match wordt niet voorgesteld.`, {
      field: "offeringConsent",
    });
  }
  return input;
}

/**
 * Records one resident's consent for a match (who recorded it, when, how) and completes the match once
 * every side needed has agreed: both residents for a request from another plan, the offering resident for
 * a volunteer vacancy. Names are shared only from that moment. The single place where reciprocity consent
 * is written, so legal-basis checks (issue 7) can be added here.
 */
export async function recordReciprocityConsent(
  ctx: RequestContext,
  subject: ConsentSubject,
  input: ConsentInput,
) {
  assertPastDate(input.givenOn, ctx.now, "De datum van de toestemming", "givenOn");
  const existing = await ctx.trx
    .selectFrom("reciprocityConsent")
    .select("id")
    .where("matchId", "=", subject.matchId)
    .where("side", "=", subject.side)
    .executeTakeFirst();
  if (existing)
    throw conflict("consentAlreadyRecorded", "Voor deze kant van de match is de toestemming al vastgelegd.");
  await ctx.trx
    .insertInto("reciprocityConsent")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id: randomUUID(),
      matchId: subject.matchId,
      householdId: subject.householdId,
      residentId: subject.residentId,
      side: subject.side,
      agreed: input.agreed,
      how: input.how,
      givenOn: input.givenOn,
      note: optionalText(input.note, "De toelichting", "note", 1000),
      recordedByUserId: ctx.actor.userId,
      recordedAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "reciprocity.consentRecorded",
    resourceType: "reciprocityMatch",
    resourceId: subject.matchId,
    householdId: subject.householdId,
    residentId: subject.residentId,
    details: { side: subject.side, agreed: input.agreed },
  });
  if (!input.agreed) {
    await ctx.trx
      .updateTable("reciprocityMatch")
      .set({ status: "declined" })
      .where("id", "=", subject.matchId)
      .execute();
    return "declined" as const;
  }
  // The offering resident's yes is required to propose a match at all (see proposeMatch), so a match is
  // complete with the offering yes for a vacancy, and with the requesting resident's yes for a request.
  const complete = subject.targetKind === "volunteerVacancy" || subject.side === "requesting";
  if (!complete) return "proposed" as const;
  await ctx.trx
    .updateTable("reciprocityMatch")
    .set({ status: "agreed", agreedAt: ctx.now })
    .where("id", "=", subject.matchId)
    .execute();
  await ctx.audit({
    action: "reciprocity.namesShared",
    resourceType: "reciprocityMatch",
    resourceId: subject.matchId,
    householdId: subject.householdId,
    details: { targetKind: subject.targetKind },
  });
  return "agreed" as const;
}
