import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import {
  CaseParams,
  EntryInput,
  EntryParams,
  ImpactCase,
  Price,
  PriceInput,
  PriceList,
  TeamOverview,
  TeamParams,
} from "./impact.schemas.ts";
import { addImpactEntry, getImpactCase, getTeamImpactOverview, removeImpactEntry } from "./impact.service.ts";
import { createPrice, listPrices, updatePrice } from "./prices.service.ts";

const tags = ["Effectencalculator"];
const use = { access: { anyOf: ["impactCalculator.use" as const] } };
const manage = { access: { anyOf: ["socialPrice.manage" as const] } };

/** The Effectencalculator per case, the team overview, and the municipality's social price list. */
export function impactCalculatorRoutes(app: App): void {
  app.get(
    "/api/impact/cases/:caseId",
    {
      config: use,
      schema: {
        tags,
        summary: "Effectencalculator van een casus (gepseudonimiseerd)",
        params: CaseParams,
        response: { 200: ImpactCase },
      },
    },
    (request) => request.withContext((ctx) => getImpactCase(ctx, request.params.caseId)),
  );
  app.post(
    "/api/impact/cases/:caseId/entries",
    {
      config: use,
      schema: {
        tags,
        summary: "Een regel op de tijdlijn zetten (ondersteuning of scenario zonder aanpak)",
        params: CaseParams,
        body: EntryInput,
        response: { 201: ImpactCase },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => addImpactEntry(ctx, request.params.caseId, request.body))),
  );
  app.delete(
    "/api/impact/cases/:caseId/entries/:entryId",
    {
      config: use,
      schema: {
        tags,
        summary: "Een regel van de tijdlijn halen",
        params: EntryParams,
        response: { 200: ImpactCase },
      },
    },
    (request) =>
      request.withContext((ctx) => removeImpactEntry(ctx, request.params.caseId, request.params.entryId)),
  );
  app.get(
    "/api/impact/teams/:teamId",
    {
      config: { access: { anyOf: ["impactCalculator.viewTeam"] } },
      schema: {
        tags,
        summary: "Teamoverzicht van de Effectencalculator",
        params: TeamParams,
        response: { 200: TeamOverview },
      },
    },
    (request) => request.withContext((ctx) => getTeamImpactOverview(ctx, request.params.teamId)),
  );
  app.get(
    "/api/social-prices",
    {
      config: { access: { anyOf: ["socialPrice.read"] } },
      schema: {
        tags,
        summary: "De maatschappelijke prijslijst van de gemeente",
        response: { 200: PriceList },
      },
    },
    async (request) => ({ items: await request.withContext((ctx) => listPrices(ctx)) }),
  );
  app.post(
    "/api/social-prices",
    {
      config: manage,
      schema: {
        tags,
        summary: "Een prijs toevoegen",
        body: PriceInput,
        response: { 201: Price },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createPrice(ctx, request.body))),
  );
  app.put(
    "/api/social-prices/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Een prijs wijzigen",
        params: IdParams,
        body: PriceInput,
        response: { 200: Price },
      },
    },
    (request) => request.withContext((ctx) => updatePrice(ctx, request.params.id, request.body)),
  );
}
