import type { Kysely } from "kysely";
import { Type } from "typebox";
import type { DB } from "../../platform/db/schema.ts";
import type { App } from "../../platform/http/app-type.ts";
import { CsvFile, sendCsv } from "../../platform/http/csv.ts";
import { errors, IdParams } from "../../platform/http/schemas.ts";
import { exportEntries, importEntries } from "./directory.import.ts";
import { listPublicMunicipalities } from "./directory.public.ts";
import {
  AreaList,
  Deactivate,
  Decision,
  EntryDetail,
  EntryInput,
  EntryList,
  ExportQuery,
  ImportQuery,
  ImportReport,
  MunicipalityParams,
  PublicEntryList,
  PublicMunicipalityList,
  PublicSearchQuery,
  SearchQuery,
  Suggestion,
  SuggestionInput,
  SuggestionList,
  SuggestionQuery,
} from "./directory.schemas.ts";
import {
  changeEntry,
  createEntry,
  deactivateEntry,
  findEntries,
  findPublicEntries,
  getAreas,
  getEntry,
  getPublicAreas,
  reactivateEntry,
} from "./directory.service.ts";
import {
  approveSuggestion,
  listSuggestions,
  rejectSuggestion,
  submitSuggestion,
} from "./directory.suggestions.ts";
import { directoryUsageRoutes } from "./directory.usage.routes.ts";

const tags = ["Sociale kaart"];
const publicTags = ["Sociale kaart (openbaar)"];
/** A CSV of the maximum number of rows stays well under this; beyond it Fastify answers 413. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export function directoryRoutes(app: App, deps: { db: Kysely<DB>; importMaxRows: number }): void {
  directoryUsageRoutes(app);
  app.get(
    "/api/directory/entries",
    {
      config: { access: { anyOf: ["directory.read"] } },
      schema: {
        tags,
        summary: "Zoeken in de sociale kaart",
        querystring: SearchQuery,
        response: { 200: EntryList },
      },
    },
    (request) => request.withContext((ctx) => findEntries(ctx, request.query)),
  );
  app.get(
    "/api/directory/entries/:id",
    {
      config: { access: { anyOf: ["directory.read"] } },
      schema: {
        tags,
        summary: "Eén voorziening",
        params: IdParams,
        response: { 200: EntryDetail },
      },
    },
    (request) => request.withContext((ctx) => getEntry(ctx, request.params.id)),
  );
  app.post(
    "/api/directory/entries",
    {
      config: { access: { anyOf: ["directory.manage"] } },
      schema: {
        tags,
        summary: "Een voorziening toevoegen",
        body: EntryInput,
        response: { 201: EntryDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createEntry(ctx, request.body))),
  );
  app.put(
    "/api/directory/entries/:id",
    {
      config: { access: { anyOf: ["directory.manage"] } },
      schema: {
        tags,
        summary: "Een voorziening wijzigen",
        params: IdParams,
        body: EntryInput,
        response: { 200: EntryDetail },
      },
    },
    (request) => request.withContext((ctx) => changeEntry(ctx, request.params.id, request.body)),
  );
  app.post(
    "/api/directory/entries/:id/deactivate",
    {
      config: { access: { anyOf: ["directory.manage"] } },
      schema: {
        tags,
        summary: "Een voorziening buiten gebruik zetten (met reden; nooit verwijderen)",
        params: IdParams,
        body: Deactivate,
        response: { 200: EntryDetail },
      },
    },
    (request) => request.withContext((ctx) => deactivateEntry(ctx, request.params.id, request.body)),
  );
  app.post(
    "/api/directory/entries/:id/reactivate",
    {
      config: { access: { anyOf: ["directory.manage"] } },
      schema: {
        tags,
        summary: "Een voorziening weer in gebruik nemen",
        params: IdParams,
        response: { 200: EntryDetail },
      },
    },
    (request) => request.withContext((ctx) => reactivateEntry(ctx, request.params.id)),
  );
  app.get(
    "/api/directory/areas",
    {
      config: { access: { anyOf: ["directory.read"] } },
      schema: {
        tags,
        summary: "Wijken en buurten van de gemeente (CBS)",
        response: { 200: AreaList },
      },
    },
    (request) => request.withContext((ctx) => getAreas(ctx)),
  );

  app.get(
    "/api/directory/suggestions",
    {
      config: { access: { anyOf: ["directory.suggest", "directory.manage"] } },
      schema: {
        tags,
        summary: "Voorstellen (beheerder: alle; anderen: eigen)",
        querystring: SuggestionQuery,
        response: { 200: SuggestionList },
      },
    },
    (request) => request.withContext((ctx) => listSuggestions(ctx, request.query.status)),
  );
  app.post(
    "/api/directory/suggestions",
    {
      config: { access: { anyOf: ["directory.suggest"] } },
      schema: {
        tags,
        summary: "Een wijziging of nieuwe voorziening voorstellen",
        body: SuggestionInput,
        response: { 201: Suggestion, ...errors(404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => submitSuggestion(ctx, request.body))),
  );
  app.post(
    "/api/directory/suggestions/:id/approve",
    {
      config: { access: { anyOf: ["directory.manage"] } },
      schema: {
        tags,
        summary: "Een voorstel goedkeuren en doorvoeren",
        params: IdParams,
        body: Decision,
        response: {
          200: Type.Object({ suggestion: Suggestion, entryId: Type.String() }),
        },
      },
    },
    (request) => request.withContext((ctx) => approveSuggestion(ctx, request.params.id, request.body.note)),
  );
  app.post(
    "/api/directory/suggestions/:id/reject",
    {
      config: { access: { anyOf: ["directory.manage"] } },
      schema: {
        tags,
        summary: "Een voorstel afwijzen",
        params: IdParams,
        body: Decision,
        response: { 200: Suggestion },
      },
    },
    (request) => request.withContext((ctx) => rejectSuggestion(ctx, request.params.id, request.body.note)),
  );

  // CSV in and out. The import reads the raw bytes, so it can tell UTF-8 from other encodings.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ["text/csv", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/api/directory/import",
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { access: { anyOf: ["directory.manage"] } },
        schema: {
          tags,
          summary: "CSV importeren (UTF-8; rapport per rij; bijwerken op externalKey)",
          querystring: ImportQuery,
          consumes: ["text/csv"],
          response: { 200: ImportReport },
        },
      },
      (request) =>
        request.withContext((ctx) =>
          importEntries(ctx, request.body as Buffer, {
            maxRows: deps.importMaxRows,
            dryRun: (request.query as { dryRun?: boolean }).dryRun === true,
          }),
        ),
    );
  });
  app.get(
    "/api/directory/export",
    {
      config: { access: { anyOf: ["directory.export"] } },
      schema: {
        tags,
        summary: "CSV exporteren (dezelfde kolommen als de import)",
        querystring: ExportQuery,
        response: { 200: CsvFile },
      },
    },
    async (request, reply) => {
      const csv = await request.withContext((ctx) =>
        exportEntries(ctx, {
          separator: request.query.separator === "semicolon" ? ";" : ",",
          includeInactive: request.query.includeInactive === true,
        }),
      );
      return sendCsv(reply, "sociale-kaart.csv", csv);
    },
  );

  // The resident-facing page: no login, only public and active entries, no personal data.
  app.get(
    "/api/public/municipalities",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "Gemeenten met een openbare sociale kaart",
        security: [],
        response: { 200: PublicMunicipalityList },
      },
    },
    () => listPublicMunicipalities(deps.db),
  );
  app.get(
    "/api/public/:municipalityCode/directory",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "De openbare sociale kaart van een gemeente",
        security: [],
        params: MunicipalityParams,
        querystring: PublicSearchQuery,
        response: { 200: PublicEntryList },
      },
    },
    (request) =>
      request.withPublicContext(request.params.municipalityCode, (ctx) =>
        findPublicEntries(ctx, request.params.municipalityCode, request.query),
      ),
  );
  app.get(
    "/api/public/:municipalityCode/areas",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "Buurten van een gemeente",
        security: [],
        params: MunicipalityParams,
        response: { 200: AreaList },
      },
    },
    (request) =>
      request.withPublicContext(request.params.municipalityCode, (ctx) =>
        getPublicAreas(ctx, request.params.municipalityCode),
      ),
  );
}
