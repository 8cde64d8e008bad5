import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../../platform/config.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { App } from "../../platform/http/app-type.ts";
import { AppError, notFound, unauthorized } from "../../platform/http/errors.ts";
import { routeGroup } from "../../platform/http/route-helpers.ts";
import { errors } from "../../platform/http/schemas.ts";
import type { JobDefinition, JobRunner } from "../../platform/jobs/job.ts";
import { jobsOverview } from "../../platform/jobs/overview.ts";
import { onboardMunicipality } from "../../platform/onboarding/onboarding.ts";
import {
  JobsOverview,
  MessageParams,
  Onboarded,
  OnboardingBody,
  OutboxOverview,
  Retried,
} from "./operations.schemas.ts";
import { getOutboxOverview, retryDeadMessage } from "./operations.service.ts";

export interface OperationsDeps {
  db: Kysely<DB>;
  /** The owner's connection, when this process has it (onboarding creates a tenant as the owner). */
  owner?: Kysely<DB>;
  config: Config;
  jobs: JobDefinition[];
  /** The runner of this process; undefined when jobs run elsewhere (JOBS=off). */
  runner: () => JobRunner | undefined;
}

const tags = ["Beheer: werking"];
const read = routeGroup({ anyOf: ["operations.read"] }, tags);
const manage = routeGroup({ anyOf: ["operations.manage"] }, tags);

/** The administrator's view of background jobs and e-mail delivery. */
export function operationsRoutes(app: App, deps: OperationsDeps): void {
  app.get(
    "/api/operations/jobs",
    read("Achtergrondtaken: laatste en volgende run, recente fouten", { response: { 200: JobsOverview } }),
    () => jobsOverview(deps.db, deps.jobs, deps.runner()),
  );
  app.get(
    "/api/operations/outbox",
    read("E-mail: wat nog verstuurd moet worden en wat niet lukte", { response: { 200: OutboxOverview } }),
    (request) => request.withContext((ctx) => getOutboxOverview(ctx, deps.config.smtpUrl !== undefined)),
  );
  app.post(
    "/api/operations/outbox/:id/retry",
    manage("Een e-mail die niet verstuurd kon worden opnieuw proberen", {
      params: MessageParams,
      response: { 200: Retried, ...errors(404) },
    }),
    (request) => request.withContext((ctx) => retryDeadMessage(ctx, request.params.id)),
  );
  platformRoutes(app, deps);
}

/**
 * The platform operator (the hosting party, above the municipalities) authenticates with the bearer
 * token PLATFORM_OPERATOR_TOKEN from the configuration; without it these routes do not exist (404).
 */
function assertPlatformOperator(request: FastifyRequest, config: Config) {
  const expected = config.platformOperatorToken;
  if (!expected) throw notFound("Deze functie staat op dit platform niet aan.");
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw unauthorized(
      "platformOperator",
      "Alleen de platformbeheerder mag dit (token ontbreekt of klopt niet).",
    );
}

function platformRoutes(app: App, deps: OperationsDeps): void {
  app.post(
    "/api/platform/municipalities",
    {
      // Not a user session: the operator's token is checked in the handler, before anything else.
      config: { access: "public" },
      schema: {
        tags: ["Platformbeheer"],
        summary: "Een gemeente toevoegen met wijken, buurten en eerste beheerder",
        security: [{ platformOperator: [] }],
        body: OnboardingBody,
        response: { 201: Onboarded, ...errors(401, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      assertPlatformOperator(request, deps.config);
      // A new municipality is created as the owner: the application login may not create tenants.
      if (!deps.owner)
        throw new AppError(
          503,
          "ownerConnectionMissing",
          "Deze instantie heeft geen beheerverbinding met de database; voeg de gemeente toe met npm run municipality:add.",
        );
      const result = await onboardMunicipality(deps.owner, request.body);
      return reply.code(201).send(result);
    },
  );
}
