import type { Kysely } from "kysely";
import { Throttle, type WindowLimit } from "../../platform/auth/throttle.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { App } from "../../platform/http/app-type.ts";
import { inDutchTime, RetryLaterError } from "../../platform/http/errors.ts";
import { errors, IdParams } from "../../platform/http/schemas.ts";
import {
  getApiSignal,
  getOwnSignal,
  getOwnSignals,
  getPublicForm,
  getPublicStatus,
  submitApiSignal,
} from "./signals.channels.service.ts";
import { intakeFromPublic, intakeFromRequest, withPartnerSystem } from "./signals.context.ts";
import { intakeSignal } from "./signals.intake.ts";
import { hashApiKey } from "./signals.rules.ts";
import {
  ApiKeyHeaders,
  ApiSignalInput,
  ExternalReferenceParams,
  MunicipalityParams,
  PublicForm,
  PublicSignalInput,
  PublicStatus,
  PublicSubmitted,
  ReferenceParams,
  ReporterSignal,
  ReporterSignalList,
  SignalInput,
  Submitted,
} from "./signals.schemas.ts";

export interface SignalDeps {
  db: Kysely<DB>;
  afterAudit: () => void;
  /** Keys the shared rate-limit counters (the server secret). */
  secret: string;
  /** Signals and status look-ups per partner API key per minute (PARTNER_API_PER_MINUTE). */
  partnerApiPerMinute?: number;
}

const tags = ["Signalen"];
/** A signal is text: 64 KB is far above 4,000 characters of observation; anything larger is refused (413). */
const INTAKE_BODY_LIMIT = 65_536;

function tooMany(seconds: number, what: string) {
  return new RetryLaterError(
    429,
    "tooManyRequests",
    `${what} Probeer het over ${inDutchTime(seconds)} opnieuw.`,
    seconds,
  );
}

/** Per client address: the public form and the status look-up are open to anyone. */
const PUBLIC_SUBMISSIONS: WindowLimit = { name: "signals:public", limit: 5, windowMs: 10 * 60_000 };
const STATUS_LOOKUPS: WindowLimit = { name: "signals:status", limit: 30, windowMs: 10 * 60_000 };
/** Requests with a missing, unknown or revoked API key, per client address (guessing keys). */
const BAD_KEYS: WindowLimit = { name: "partner-api:bad-key", limit: 20, windowMs: 15 * 60_000 };

/** Intake from the three channels, and the feedback each reporter gets. */
export function signalChannelRoutes(app: App, deps: SignalDeps): void {
  // Shared by every app instance (table rate_limit_bucket).
  const throttle = new Throttle(deps.db, deps.secret);
  const perKey: WindowLimit = {
    name: "partner-api:key",
    limit: deps.partnerApiPerMinute ?? 30,
    windowMs: 60_000,
  };
  /** Runs a partner-API request within its key's limit; unknown keys count against the address. */
  const asPartner = async <T>(authorization: string | undefined, ip: string, run: () => Promise<T>) => {
    const guessing = await throttle.wait(BAD_KEYS, ip);
    if (guessing > 0) throw tooMany(guessing, "Te veel verzoeken met een ongeldige API-sleutel.");
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (token) {
      const wait = await throttle.hit(perKey, hashApiKey(token));
      if (wait > 0) throw tooMany(wait, `Deze API-sleutel mag ${perKey.limit} verzoeken per minuut doen.`);
    }
    try {
      return await run();
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 401) await throttle.hit(BAD_KEYS, ip);
      throw error;
    }
  };

  app.post(
    "/api/signals",
    {
      bodyLimit: INTAKE_BODY_LIMIT,
      config: { access: { anyOf: ["signal.submit"] } },
      schema: {
        tags,
        summary: "Een signaal doorgeven (ketenpartner)",
        body: SignalInput,
        response: { 201: Submitted },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => intakeSignal(intakeFromRequest(ctx), request.body))),
  );
  app.get(
    "/api/signals/mine",
    {
      config: { access: { anyOf: ["signal.submit"] } },
      schema: {
        tags,
        summary: "Mijn signalen met hun status",
        response: { 200: ReporterSignalList },
      },
    },
    (request) => request.withContext((ctx) => getOwnSignals(ctx)),
  );
  app.get(
    "/api/signals/mine/:id",
    {
      config: { access: { anyOf: ["signal.submit"] } },
      schema: {
        tags,
        summary: "Een eigen signaal met zijn status",
        params: IdParams,
        response: { 200: ReporterSignal },
      },
    },
    (request) => request.withContext((ctx) => getOwnSignal(ctx, request.params.id)),
  );

  // Public form for residents: no login; the municipality comes from the address.
  app.get(
    "/api/public/:municipalityCode/signal-form",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Keuzelijsten voor het openbare meldformulier",
        params: MunicipalityParams,
        response: { 200: PublicForm },
      },
    },
    (request) => request.withPublicContext(request.params.municipalityCode, (ctx) => getPublicForm(ctx)),
  );
  app.post(
    "/api/public/:municipalityCode/signals",
    {
      bodyLimit: INTAKE_BODY_LIMIT,
      config: { access: "public" },
      schema: {
        tags,
        summary: "Een zorg melden als inwoner (zonder inloggen, anoniem mag)",
        params: MunicipalityParams,
        body: PublicSignalInput,
        response: { 201: PublicSubmitted, ...errors(429) },
      },
    },
    async (request, reply) => {
      const wait = await throttle.hit(PUBLIC_SUBMISSIONS, request.ip);
      if (wait > 0)
        throw tooMany(wait, "U heeft vanaf dit adres te veel meldingen kort na elkaar verstuurd.");
      let audited = false;
      const created = await request.withPublicContext(request.params.municipalityCode, (ctx) =>
        intakeSignal(
          intakeFromPublic(ctx, () => {
            audited = true;
          }),
          request.body,
          { anonymous: request.body.anonymous ?? false },
        ),
      );
      if (audited) deps.afterAudit();
      return reply.code(201).send({ referenceCode: created.referenceCode, receivedAt: created.receivedAt });
    },
  );
  app.get(
    "/api/public/:municipalityCode/signals/:referenceCode",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "De status van een melding opvragen met de referentiecode",
        params: ReferenceParams,
        response: { 200: PublicStatus, ...errors(429) },
      },
    },
    async (request) => {
      const wait = await throttle.hit(STATUS_LOOKUPS, request.ip);
      if (wait > 0) throw tooMany(wait, "U heeft te vaak een status opgevraagd.");
      return request.withPublicContext(request.params.municipalityCode, (ctx) =>
        getPublicStatus(ctx, request.params.referenceCode),
      );
    },
  );

  // API for partner systems. Access is "public" at the route level on purpose: there is no session;
  // withPartnerSystem authenticates the API key (401 when missing, unknown or revoked) and scopes the
  // transaction to the key's organisation for row-level security.
  app.post(
    "/api/partner-api/v1/signals",
    {
      bodyLimit: INTAKE_BODY_LIMIT,
      config: { access: "public" },
      schema: {
        tags: ["Koppelvlak ketenpartners"],
        summary: "Een signaal aanleveren vanuit een systeem (API-sleutel, idempotent op eigen kenmerk)",
        description:
          "Stuur de sleutel als Authorization: Bearer wk_…. Een tweede aanlevering met hetzelfde externalReference geeft het bestaande signaal terug (200).",
        headers: ApiKeyHeaders,
        body: ApiSignalInput,
        response: { 200: Submitted, 201: Submitted, ...errors(401, 429) },
      },
    },
    async (request, reply) => {
      const options = { clientIp: request.ip, afterAudit: deps.afterAudit };
      const run = () =>
        withPartnerSystem(deps.db, request.headers.authorization, options, (ctx) =>
          submitApiSignal(ctx, request.body),
        );
      const result = await asPartner(request.headers.authorization, request.ip, async () => {
        try {
          return await run();
        } catch (error) {
          // Two deliveries of one reference at the same moment: the loser answers with the winner's signal.
          if ((error as { constraint?: string }).constraint !== "signal_external_reference") throw error;
          return run();
        }
      });
      return reply.code(result.duplicate ? 200 : 201).send(result);
    },
  );
  app.get(
    "/api/partner-api/v1/signals/:externalReference",
    {
      config: { access: "public" },
      schema: {
        tags: ["Koppelvlak ketenpartners"],
        summary: "De status van een aangeleverd signaal, op eigen kenmerk",
        headers: ApiKeyHeaders,
        params: ExternalReferenceParams,
        response: { 200: ReporterSignal, ...errors(401, 429) },
      },
    },
    (request) =>
      asPartner(request.headers.authorization, request.ip, () =>
        withPartnerSystem(
          deps.db,
          request.headers.authorization,
          { clientIp: request.ip, afterAudit: deps.afterAudit },
          (ctx) => getApiSignal(ctx, request.params.externalReference),
        ),
      ),
  );
}
