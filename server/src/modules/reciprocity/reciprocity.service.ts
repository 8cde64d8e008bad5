import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { assertHouseholdResident, optionalText } from "../plans/plans.rules.ts";
import { assertConsentGiven, recordReciprocityConsent } from "./reciprocity.consent.ts";
import type { ConsentInput, ProposeMatch, RecordOffer } from "./reciprocity.schemas.ts";
import { assertHelpTags, HELP_TAG_NAMES, type HelpTag } from "./reciprocity.vocabulary.ts";

/** A buurt is nearby when it lies in the same wijk or its centre is within this distance. */
export const NEARBY_KM = 1.5;

export async function recordOffer(ctx: RequestContext, householdId: string, input: RecordOffer) {
  await assertHouseholdAction(ctx, householdId, "edit");
  await assertHouseholdResident(ctx, householdId, input.residentId);
  const skills = assertHelpTags(input.skills, "skills");
  const interests = assertHelpTags(input.interests ?? [], "interests");
  if (skills.length + interests.length === 0) {
    throw unprocessable("offerEmpty", "Kies ten minste één ding dat de inwoner kan of graag doet.", {
      field: "skills",
    });
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("reciprocityOffer")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      residentId: input.residentId,
      skills,
      interests,
      timeAvailable: optionalText(input.timeAvailable, "De beschikbare tijd", "timeAvailable", 500),
      description: optionalText(input.description, "De toelichting", "description"),
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "reciprocity.offerRecorded",
    resourceType: "reciprocityOffer",
    resourceId: id,
    householdId,
    residentId: input.residentId,
  });
  return { id };
}

async function findOffer(ctx: RequestContext, offerId: string) {
  const offer = await ctx.trx
    .selectFrom("reciprocityOffer as o")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "o.municipalityId").onRef("r.id", "=", "o.residentId"),
    )
    .select([
      "o.id",
      "o.householdId",
      "o.residentId",
      "o.skills",
      "o.interests",
      "o.active",
      "r.neighbourhoodCode",
    ])
    .where("o.id", "=", offerId)
    .executeTakeFirst();
  if (!offer?.active) throw notFound("Dit aanbod bestaat niet of u heeft er geen toegang toe.");
  return offer;
}

/**
 * Open requests for help in the same or a nearby buurt (other residents' plans, pseudonymised) and volunteer
 * vacancies of the social map, that fit what the resident offers.
 */
export async function findCandidates(ctx: RequestContext, offerId: string) {
  const offer = await findOffer(ctx, offerId);
  const tags = new Set<string>([...offer.skills, ...offer.interests]);
  const here = offer.neighbourhoodCode
    ? await ctx.trx
        .selectFrom("areaLocation")
        .selectAll()
        .where("code", "=", offer.neighbourhoodCode)
        .executeTakeFirst()
    : undefined;
  const { rows: requests } = await sql<{
    actionId: string;
    pseudonym: string;
    helpTags: string[];
    neighbourhoodCode: string | null;
    dueDate: string;
    neighbourhoodName: string | null;
    districtCode: string | null;
    distanceKm: number | null;
  }>`select q.action_id, q.pseudonym, q.help_tags, q.neighbourhood_code, q.due_date, l.name as neighbourhood_name,
        l.district_code, case when l.code is null or ${here?.lon ?? null}::float8 is null then null
          else distance_km(${here?.lon ?? null}::float8, ${here?.lat ?? null}::float8, l.lon, l.lat) end as distance_km
      from app_reciprocity_requests(${offer.householdId}::uuid) q
      left join area_location l on l.code = q.neighbourhood_code
      where q.help_tags && ${[...tags]}::text[]`.execute(ctx.trx);
  const near = (r: {
    districtCode: string | null;
    distanceKm: number | null;
    neighbourhoodCode: string | null;
  }) =>
    !here ||
    r.neighbourhoodCode === here.code ||
    (r.districtCode !== null && r.districtCode === here.districtCode) ||
    (r.distanceKm ?? Infinity) <= NEARBY_KM;
  const vacancies = await ctx.trx
    .selectFrom("directoryEntry as d")
    .leftJoin("areaLocation as l", "l.code", "d.neighbourhoodCode")
    .select([
      "d.id",
      "d.name",
      "d.description",
      "d.providerName",
      "d.servesWholeMunicipality",
      "d.areaCodes",
      "l.lon",
      "l.lat",
      "l.districtCode",
    ])
    .where("d.kind", "=", "volunteerVacancy")
    .where("d.deactivatedAt", "is", null)
    .where((eb) =>
      eb.or([eb("d.activeUntil", "is", null), eb("d.activeUntil", ">=", sql<string>`current_date`)]),
    )
    .execute();
  const tagNames = [...tags].map((t) => [t, HELP_TAG_NAMES[t as HelpTag] ?? t] as const);
  const distance = (lon: number | null, lat: number | null) =>
    here && lon !== null && lat !== null
      ? Math.round(haversine(here.lon, here.lat, lon, lat) * 10) / 10
      : null;
  await ctx.audit({
    action: "reciprocity.candidatesSearched",
    resourceType: "reciprocityOffer",
    resourceId: offerId,
    householdId: offer.householdId,
  });
  return {
    offerId,
    neighbourhoodCode: offer.neighbourhoodCode,
    requests: requests
      .filter(near)
      .map((r) => ({
        actionId: r.actionId,
        pseudonym: r.pseudonym,
        helpTags: r.helpTags,
        matchingTags: r.helpTags.filter((t) => tags.has(t)),
        neighbourhoodName: r.neighbourhoodName,
        distanceKm: r.distanceKm === null ? null : Math.round(Number(r.distanceKm) * 10) / 10,
        dueDate: r.dueDate,
      }))
      .sort(
        (a, b) =>
          b.matchingTags.length - a.matchingTags.length || (a.distanceKm ?? 99) - (b.distanceKm ?? 99),
      ),
    vacancies: vacancies
      .filter((v) => {
        if (!here || v.servesWholeMunicipality) return true;
        if (v.areaCodes.includes(here.code) || (here.districtCode && v.areaCodes.includes(here.districtCode)))
          return true;
        const d = distance(v.lon, v.lat);
        return d !== null && d <= NEARBY_KM;
      })
      .map((v) => {
        const text = `${v.name} ${v.description}`.toLowerCase();
        return {
          directoryEntryId: v.id,
          name: v.name,
          providerName: v.providerName,
          matchingTags: tagNames.filter(([, name]) => text.includes(name)).map(([t]) => t),
          distanceKm: distance(v.lon, v.lat),
        };
      })
      .filter((v) => v.matchingTags.length > 0)
      .sort((a, b) => b.matchingTags.length - a.matchingTags.length),
  };
}

function haversine(lon1: number, lat1: number, lon2: number, lat2: number) {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  return 6371 * Math.sqrt(((lat2 - lat1) * rad) ** 2 + x ** 2);
}

/** A professional proposes a match; only with the offering resident's recorded yes. */
export async function proposeMatch(ctx: RequestContext, input: ProposeMatch) {
  const offer = await findOffer(ctx, input.offerId);
  const consent = assertConsentGiven(input.offeringConsent, "de inwoner die hulp aanbiedt");
  if (Boolean(input.requestActionId) === Boolean(input.directoryEntryId)) {
    throw unprocessable(
      "matchTargetRequired",
      "Kies één hulpvraag uit een ander plan of één vrijwilligersvacature.",
      { field: "requestActionId" },
    );
  }
  let requestHouseholdId: string | null = null;
  if (input.requestActionId) {
    const { rows } = await sql<{
      h: string | null;
    }>`select app_reciprocity_request_household(${input.requestActionId}::uuid) as h`.execute(ctx.trx);
    requestHouseholdId = rows[0]?.h ?? null;
    if (!requestHouseholdId)
      throw unprocessable("requestNotOpen", "Deze hulpvraag staat niet (meer) open.", {
        field: "requestActionId",
      });
    if (requestHouseholdId === offer.householdId)
      throw unprocessable("sameHousehold", "Een inwoner kan niet met het eigen huishouden worden gematcht.");
  } else if (input.directoryEntryId) {
    const entry = await ctx.trx
      .selectFrom("directoryEntry")
      .select(["kind", "deactivatedAt"])
      .where("id", "=", input.directoryEntryId)
      .executeTakeFirst();
    if (entry?.kind !== "volunteerVacancy" || entry.deactivatedAt) {
      throw unprocessable("notAVacancy", "Kies een actieve vrijwilligersvacature uit de sociale kaart.", {
        field: "directoryEntryId",
      });
    }
  }
  const duplicate = await ctx.trx
    .selectFrom("reciprocityMatch")
    .select("id")
    .where("offerId", "=", offer.id)
    .where("status", "!=", "declined")
    .where((eb) =>
      input.requestActionId
        ? eb("requestActionId", "=", input.requestActionId)
        : eb("directoryEntryId", "=", input.directoryEntryId ?? null),
    )
    .executeTakeFirst();
  if (duplicate) throw conflict("matchExists", "Deze match is al voorgesteld.");
  const id = randomUUID();
  const targetKind = input.requestActionId ? ("residentRequest" as const) : ("volunteerVacancy" as const);
  await ctx.trx
    .insertInto("reciprocityMatch")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      offerId: offer.id,
      householdId: offer.householdId,
      targetKind,
      requestActionId: input.requestActionId ?? null,
      requestHouseholdId,
      directoryEntryId: input.directoryEntryId ?? null,
      proposedByUserId: ctx.actor.userId,
      proposedAt: ctx.now,
      agreedAt: null,
    })
    .execute();
  await ctx.audit({
    action: "reciprocity.matchProposed",
    resourceType: "reciprocityMatch",
    resourceId: id,
    householdId: offer.householdId,
    details: { targetKind },
  });
  const status = await recordReciprocityConsent(
    ctx,
    {
      matchId: id,
      householdId: offer.householdId,
      residentId: offer.residentId,
      side: "offering",
      targetKind,
    },
    consent,
  );
  return { id, status };
}

/** The requesting resident's answer, recorded by a professional of that resident's household. */
export async function recordRequestingConsent(ctx: RequestContext, matchId: string, input: ConsentInput) {
  const match = await ctx.trx
    .selectFrom("reciprocityMatch")
    .selectAll()
    .where("id", "=", matchId)
    .executeTakeFirst();
  if (!match) throw notFound("Deze match bestaat niet of u heeft er geen toegang toe.");
  if (match.targetKind !== "residentRequest" || !match.requestActionId || !match.requestHouseholdId) {
    throw unprocessable(
      "noRequestingSide",
      "Bij een vrijwilligersvacature is alleen de toestemming van de aanbieder nodig.",
    );
  }
  if (match.status !== "proposed") throw conflict("matchDecided", "Over deze match is al beslist.");
  const action = await ctx.trx
    .selectFrom("planAction as a")
    .innerJoin("planGoal as g", (j) =>
      j.onRef("g.municipalityId", "=", "a.municipalityId").onRef("g.id", "=", "a.goalId"),
    )
    .select(["a.householdId", "g.residentId"])
    .where("a.id", "=", match.requestActionId)
    .executeTakeFirst();
  if (!action) {
    throw notFound(
      "Alleen een professional van het huishouden met de hulpvraag kan deze toestemming vastleggen.",
    );
  }
  const main = await ctx.trx
    .selectFrom("householdMember")
    .select("residentId")
    .where("householdId", "=", action.householdId)
    .orderBy("isMainContact", "desc")
    .executeTakeFirst();
  const status = await recordReciprocityConsent(
    ctx,
    {
      matchId,
      householdId: action.householdId,
      residentId: action.residentId ?? main?.residentId ?? null,
      side: "requesting",
      targetKind: "residentRequest",
    },
    input,
  );
  return { id: matchId, status };
}
