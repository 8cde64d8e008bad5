import type { App } from "../../platform/http/app-type.ts";
import { errors } from "../../platform/http/schemas.ts";
import { toJson } from "../plans/json.ts";
import {
  Candidates,
  ConsentInput,
  HouseholdParams,
  MatchParams,
  OfferParams,
  ProposeMatch,
  Reciprocity,
  RecordOffer,
  Saved,
} from "./reciprocity.schemas.ts";
import { findCandidates, proposeMatch, recordOffer, recordRequestingConsent } from "./reciprocity.service.ts";
import { getReciprocity } from "./reciprocity.view.ts";

const tags = ["Wederkerigheid"];
const access = { access: { anyOf: ["reciprocity.match" as const] } };

export function reciprocityRoutes(app: App): void {
  app.get(
    "/api/households/:householdId/reciprocity",
    {
      config: access,
      schema: {
        tags,
        summary: "Aanbod en matches van een huishouden",
        params: HouseholdParams,
        response: { 200: Reciprocity },
      },
    },
    (request) =>
      request.withContext(async (ctx) => toJson(await getReciprocity(ctx, request.params.householdId))),
  );
  app.post(
    "/api/households/:householdId/reciprocity/offers",
    {
      config: access,
      schema: {
        tags,
        summary: "Vastleggen wat een inwoner kan bieden",
        params: HouseholdParams,
        body: RecordOffer,
        response: { 201: Saved },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => recordOffer(ctx, request.params.householdId, request.body))),
  );
  app.get(
    "/api/reciprocity/offers/:offerId/candidates",
    {
      config: access,
      schema: {
        tags,
        summary: "Passende hulpvragen en vacatures in de buurt",
        params: OfferParams,
        response: { 200: Candidates },
      },
    },
    (request) => request.withContext((ctx) => findCandidates(ctx, request.params.offerId)),
  );
  app.post(
    "/api/reciprocity/matches",
    {
      config: access,
      schema: {
        tags,
        summary: "Een match voorstellen (met toestemming van de aanbieder)",
        body: ProposeMatch,
        response: { 201: Saved, ...errors(404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => proposeMatch(ctx, request.body))),
  );
  app.post(
    "/api/reciprocity/matches/:matchId/consent",
    {
      config: access,
      schema: {
        tags,
        summary: "Toestemming van de inwoner met de hulpvraag vastleggen",
        params: MatchParams,
        body: ConsentInput,
        response: { 200: Saved },
      },
    },
    (request) =>
      request.withContext((ctx) => recordRequestingConsent(ctx, request.params.matchId, request.body)),
  );
}
