import type { App } from "../../platform/http/app-type.ts";
import { errors, IdParams } from "../../platform/http/schemas.ts";
import {
  ApiKey,
  ApiKeyInput,
  ApiKeyList,
  changeSettings,
  createRoutingRule,
  getApiKeys,
  getRoutingRules,
  getSettings,
  IssuedApiKey,
  issueApiKey,
  RoutingRuleInput,
  RoutingRuleList,
  removeRoutingRule,
  revokeApiKey,
  Settings,
} from "./signals.configuration.ts";

const tags = ["Signalen: beheer"];
const configure = { access: { anyOf: ["signal.configure" as const] } };

/** What a functioneel beheerder maintains: deadlines, routing rules and partner-system API keys. */
export function signalAdminRoutes(app: App): void {
  app.get(
    "/api/signal-settings",
    {
      config: configure,
      schema: {
        tags,
        summary: "Termijnen per urgentie (werkdagen)",
        response: { 200: Settings, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => getSettings(ctx)),
  );
  app.post(
    "/api/signal-settings",
    {
      config: configure,
      schema: {
        tags,
        summary: "Termijnen per urgentie wijzigen",
        body: Settings,
        response: { 200: Settings, ...errors(400, 401, 403, 422) },
      },
    },
    (request) => request.withContext((ctx) => changeSettings(ctx, request.body)),
  );
  app.get(
    "/api/signal-routing-rules",
    {
      config: configure,
      schema: { tags, summary: "Routeringsregels", response: { 200: RoutingRuleList, ...errors(401, 403) } },
    },
    (request) => request.withContext((ctx) => getRoutingRules(ctx)),
  );
  app.post(
    "/api/signal-routing-rules",
    {
      config: configure,
      schema: {
        tags,
        summary: "Een routeringsregel toevoegen",
        body: RoutingRuleInput,
        response: { 201: RoutingRuleList, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createRoutingRule(ctx, request.body))),
  );
  app.delete(
    "/api/signal-routing-rules/:id",
    {
      config: configure,
      schema: {
        tags,
        summary: "Een routeringsregel verwijderen",
        params: IdParams,
        response: { 200: RoutingRuleList, ...errors(401, 403, 404) },
      },
    },
    (request) => request.withContext((ctx) => removeRoutingRule(ctx, request.params.id)),
  );
  app.get(
    "/api/partner-api-keys",
    {
      config: configure,
      schema: {
        tags,
        summary: "API-sleutels van ketenpartners",
        response: { 200: ApiKeyList, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => getApiKeys(ctx)),
  );
  app.post(
    "/api/partner-api-keys",
    {
      config: configure,
      schema: {
        tags,
        summary: "Een API-sleutel uitgeven (de sleutel wordt één keer getoond)",
        body: ApiKeyInput,
        response: { 201: IssuedApiKey, ...errors(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => issueApiKey(ctx, request.body))),
  );
  app.post(
    "/api/partner-api-keys/:id/revoke",
    {
      config: configure,
      schema: {
        tags,
        summary: "Een API-sleutel intrekken",
        params: IdParams,
        response: { 200: ApiKey, ...errors(401, 403, 404, 409) },
      },
    },
    (request) => request.withContext((ctx) => revokeApiKey(ctx, request.params.id)),
  );
}
