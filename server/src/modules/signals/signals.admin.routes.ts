import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
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
        response: { 200: Settings },
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
        response: { 200: Settings },
      },
    },
    (request) => request.withContext((ctx) => changeSettings(ctx, request.body)),
  );
  app.get(
    "/api/signal-routing-rules",
    {
      config: configure,
      schema: { tags, summary: "Routeringsregels", response: { 200: RoutingRuleList } },
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
        response: { 201: RoutingRuleList },
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
        response: { 200: RoutingRuleList },
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
        response: { 200: ApiKeyList },
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
        response: { 201: IssuedApiKey },
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
        response: { 200: ApiKey },
      },
    },
    (request) => request.withContext((ctx) => revokeApiKey(ctx, request.params.id)),
  );
}
