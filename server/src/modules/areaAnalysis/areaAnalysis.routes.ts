import { type Static, Type } from "typebox";
import { Value } from "typebox/value";
import type { App } from "../../platform/http/app-type.ts";
import { badRequest } from "../../platform/http/errors.ts";
import { errors } from "../../platform/http/schemas.ts";
import {
  AnalysisQuery,
  AreaAnalysis,
  Boundaries,
  BudgetQuery,
  BudgetResponse,
  ImportJson,
  ImportList,
  ImportQuery,
  ImportResult,
  Level,
  WeightsBody,
  WeightsResponse,
} from "./areaAnalysis.schemas.ts";
import {
  getAreaAnalysis,
  getBoundaries,
  getImports,
  getWeights,
  importCbsFile,
  MAX_IMPORT_BYTES,
  setWeights,
} from "./areaAnalysis.service.ts";
import { getPopulationBudget } from "./budget.service.ts";

const tags = ["Wijkanalyse"];

/** Neighbourhood analysis from CBS figures, the demand index, and the population-based budget. */
export function areaAnalysisRoutes(app: App): void {
  app.get(
    "/api/area-analysis",
    {
      config: { access: { anyOf: ["areaAnalysis.read"] } },
      schema: {
        tags,
        summary: "Wijkanalyse: CBS-cijfers, vraagindex en caseload per wijk of buurt",
        querystring: AnalysisQuery,
        response: { 200: AreaAnalysis },
      },
    },
    (request) => request.withContext((ctx) => getAreaAnalysis(ctx, request.query)),
  );
  app.get(
    "/api/area-analysis/boundaries",
    {
      config: { access: { anyOf: ["areaAnalysis.read"] } },
      schema: {
        tags,
        summary: "Grenzen van wijken of buurten als SVG-paden",
        querystring: Type.Object({ level: Level }),
        response: { 200: Boundaries, ...errors(404) },
      },
    },
    (request) => request.withContext((ctx) => getBoundaries(ctx, request.query.level)),
  );
  app.get(
    "/api/area-analysis/weights",
    {
      config: { access: { anyOf: ["areaAnalysis.read"] } },
      schema: {
        tags,
        summary: "Gewichten van de vraagindex",
        response: { 200: WeightsResponse },
      },
    },
    (request) => request.withContext((ctx) => getWeights(ctx)),
  );
  app.post(
    "/api/area-analysis/weights",
    {
      config: { access: { anyOf: ["areaAnalysis.manage"] } },
      schema: {
        tags,
        summary: "Gewichten van de vraagindex instellen (samen 1)",
        body: WeightsBody,
        response: { 200: WeightsResponse },
      },
    },
    (request) => request.withContext((ctx) => setWeights(ctx, request.body.weights)),
  );
  app.get(
    "/api/area-analysis/imports",
    {
      config: { access: { anyOf: ["areaAnalysis.read"] } },
      schema: {
        tags,
        summary: "Geïmporteerde CBS-bestanden",
        response: { 200: ImportList },
      },
    },
    (request) => request.withContext((ctx) => getImports(ctx)),
  );
  app.get(
    "/api/area-analysis/budget",
    {
      config: { access: { anyOf: ["budget.read"] } },
      schema: {
        tags,
        summary:
          "Populatiebekostiging: budget per team naar inwoners en vraagindex, naast de verdeling naar uren",
        querystring: BudgetQuery,
        response: { 200: BudgetResponse },
      },
    },
    (request) => request.withContext((ctx) => getPopulationBudget(ctx, request.query)),
  );
  // The upload accepts text/csv (the file as body, options in the query) or JSON with the content.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser("text/csv")) {
      scope.addContentTypeParser(
        "text/csv",
        { parseAs: "string", bodyLimit: MAX_IMPORT_BYTES + 1024 },
        (_req, body, done) => done(null, body),
      );
    }
    scope.post(
      "/api/area-analysis/imports",
      {
        bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
        config: { access: { anyOf: ["areaAnalysis.import"] } },
        schema: {
          tags,
          summary: "Een CBS-bestand (Kerncijfers wijken en buurten) importeren, met validatierapport",
          description: `text/csv als body (opties in de query) of JSON { content, fileName, year, sourceTable, dryRun }. Maximaal ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
          querystring: ImportQuery,
          response: { 201: ImportResult, 200: ImportResult },
        },
      },
      async (request, reply) => {
        const body = request.body as unknown;
        const query = request.query as Static<typeof ImportQuery>;
        const json = Value.Check(ImportJson, body) ? (body as Static<typeof ImportJson>) : null;
        const input =
          typeof body === "string" ? { content: body, ...query } : json ? { ...query, ...json } : null;
        if (!input)
          throw badRequest(
            "invalidRequest",
            "Stuur het CBS-bestand als text/csv of als JSON met het veld content.",
          );
        const result = await request.withContext((ctx) => importCbsFile(ctx, input));
        return reply.code(result.stored ? 201 : 200).send(result);
      },
    );
  });
}
