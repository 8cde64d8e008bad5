import { sql } from "kysely";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";

/** The same pseudonym app_reciprocity_requests shows for a request (or an offer), derived from its id. */
const requestPseudonym = sql<string>`'Inwoner ' || upper(substr(md5(m.municipality_id::text || m.request_action_id::text), 1, 6))`;
const offerPseudonym = sql<string>`'Inwoner ' || upper(substr(md5(m.municipality_id::text || m.offer_id::text), 1, 6))`;

/**
 * Reciprocity of a household: what its residents offer, and the matches it is part of (as the offering or
 * the requesting side). The other side stays a pseudonym until both residents agreed; then both names show.
 */
export async function getReciprocity(ctx: RequestContext, householdId: string) {
  await assertHouseholdAction(ctx, householdId, "read");
  const offers = await ctx.trx
    .selectFrom("reciprocityOffer as o")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "o.municipalityId").onRef("r.id", "=", "o.residentId"),
    )
    .select([
      "o.id",
      "o.residentId",
      sql<string>`r.given_name || ' ' || r.family_name`.as("residentName"),
      "o.skills",
      "o.interests",
      "o.timeAvailable",
      "o.description",
      "o.createdAt",
    ])
    .where("o.householdId", "=", householdId)
    .where("o.active", "=", true)
    .orderBy("o.createdAt", "desc")
    .execute();
  const matches = await ctx.trx
    .selectFrom("reciprocityMatch as m")
    .leftJoin("directoryEntry as d", (j) =>
      j.onRef("d.municipalityId", "=", "m.municipalityId").onRef("d.id", "=", "m.directoryEntryId"),
    )
    .leftJoin("reciprocityOffer as o", (j) =>
      j.onRef("o.municipalityId", "=", "m.municipalityId").onRef("o.id", "=", "m.offerId"),
    )
    .leftJoin("planAction as a", (j) =>
      j.onRef("a.municipalityId", "=", "m.municipalityId").onRef("a.id", "=", "m.requestActionId"),
    )
    .select([
      "m.id",
      "m.offerId",
      "m.householdId",
      "m.targetKind",
      "m.status",
      "m.proposedAt",
      "m.agreedAt",
      "d.name as entryName",
      "o.skills",
      "o.interests",
      "a.helpTags",
      requestPseudonym.as("requestPseudonym"),
      offerPseudonym.as("offerPseudonym"),
    ])
    .where((eb) =>
      eb.or([eb("m.householdId", "=", householdId), eb("m.requestHouseholdId", "=", householdId)]),
    )
    .orderBy("m.proposedAt", "desc")
    .execute();
  const ids = matches.map((m) => m.id);
  const consents = ids.length
    ? await ctx.trx
        .selectFrom("reciprocityConsent")
        .select(["matchId", "side", "agreed", "how", "givenOn", "recordedAt"])
        .where("matchId", "in", ids)
        .execute()
    : [];
  const result = [];
  for (const m of matches) {
    const side = m.householdId === householdId ? "offering" : "requesting";
    const parties =
      m.status === "agreed" && m.targetKind === "residentRequest"
        ? (
            await sql<{
              side: string;
              givenName: string;
              familyName: string;
              phone: string | null;
              email: string | null;
            }>`
              select * from app_reciprocity_match_parties(${m.id}::uuid)`.execute(ctx.trx)
          ).rows.map((p) => ({
            side: p.side,
            name: `${p.givenName} ${p.familyName}`,
            phone: p.phone,
            email: p.email,
          }))
        : [];
    result.push({
      id: m.id,
      offerId: m.offerId,
      side,
      targetKind: m.targetKind,
      counterpart:
        m.targetKind === "volunteerVacancy"
          ? (m.entryName ?? "")
          : (parties.find((p) => p.side !== side)?.name ??
            (side === "offering" ? m.requestPseudonym : m.offerPseudonym)),
      helpTags: side === "offering" ? [...(m.skills ?? []), ...(m.interests ?? [])] : (m.helpTags ?? []),
      status: m.status,
      proposedAt: m.proposedAt,
      agreedAt: m.agreedAt,
      consents: consents.filter((c) => c.matchId === m.id).map(({ matchId: _m, ...c }) => c),
      parties,
    });
  }
  await ctx.audit({
    action: "reciprocity.viewed",
    resourceType: "household",
    resourceId: householdId,
    householdId,
    details: { namesShown: result.filter((m) => m.parties.length > 0).map((m) => m.id) },
  });
  return { householdId, offers, matches: result };
}
