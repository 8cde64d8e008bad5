import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import { getDossier } from "./dossier.service.ts";
import { mergeHouseholds } from "./households.merge.ts";
import {
  AddMember,
  Created,
  Dossier,
  MergeHouseholds,
  RegisterHousehold,
  SearchQuery,
  SearchResults,
  UpdateResident,
} from "./households.schemas.ts";
import { findResidents } from "./households.search.ts";
import { addHouseholdMember, changeResident, registerHousehold } from "./households.service.ts";

const tags = ["Huishoudens"];

/** searchAuditKey: the secret that turns a searched BSN into a digest for the audit trail. */
export function householdRoutes(app: App, options: { searchAuditKey: string }): void {
  app.get(
    "/api/households",
    {
      config: { access: { anyOf: ["household.search"] } },
      schema: {
        tags,
        summary: "Inwoners zoeken op naam, geboortedatum, postcode of BSN (gelogd)",
        querystring: SearchQuery,
        response: { 200: SearchResults },
      },
    },
    (request) => request.withContext((ctx) => findResidents(ctx, request.query, options.searchAuditKey)),
  );
  app.post(
    "/api/households",
    {
      config: { access: { anyOf: ["household.write"] } },
      schema: {
        tags,
        summary: "Een huishouden met gezinsleden registreren (met controle op dubbele registratie)",
        body: RegisterHousehold,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => registerHousehold(ctx, request.body))),
  );
  app.get(
    "/api/households/:id",
    {
      config: { access: { anyOf: ["household.read"] } },
      schema: {
        tags,
        summary: "Het dossier van een huishouden (gelogd)",
        params: IdParams,
        response: { 200: Dossier },
      },
    },
    (request) => request.withContext((ctx) => getDossier(ctx, request.params.id)),
  );
  app.post(
    "/api/households/:id/members",
    {
      config: { access: { anyOf: ["household.write"] } },
      schema: {
        tags,
        summary: "Een gezinslid toevoegen",
        params: IdParams,
        body: AddMember,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => addHouseholdMember(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/households/:id/merge",
    {
      config: { access: { anyOf: ["household.merge"] } },
      schema: {
        tags,
        summary: "Een dubbel dossier in dit dossier samenvoegen (beide geschiedenissen blijven bewaard)",
        params: IdParams,
        body: MergeHouseholds,
        response: { 200: Created },
      },
    },
    (request) => request.withContext((ctx) => mergeHouseholds(ctx, request.params.id, request.body)),
  );
  app.put(
    "/api/residents/:id",
    {
      config: { access: { anyOf: ["household.write"] } },
      schema: {
        tags,
        summary: "Gegevens van een inwoner wijzigen (met versie tegen gelijktijdige wijzigingen)",
        params: IdParams,
        body: UpdateResident,
        response: { 200: Created },
      },
    },
    (request) => request.withContext((ctx) => changeResident(ctx, request.params.id, request.body)),
  );
}
