import fs from "node:fs";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify from "fastify";
import { addressRoutes } from "./modules/addresses/addresses.routes.ts";
import { areaAnalysisRoutes } from "./modules/areaAnalysis/areaAnalysis.routes.ts";
import { areaRoutes } from "./modules/areas/areas.routes.ts";
import { assessmentRoutes } from "./modules/assessments/assessments.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { createAuthDeps } from "./modules/auth/auth.service.ts";
import { oidcRoutes } from "./modules/auth/oidc.routes.ts";
import { caseRoutes } from "./modules/cases/cases.routes.ts";
import { conferenceRoutes } from "./modules/conferences/conferences.routes.ts";
import { directoryRoutes } from "./modules/directory/directory.routes.ts";
import { documentRoutes, documentServices } from "./modules/documents/documents.routes.ts";
import { emergencyAccessRoutes } from "./modules/emergencyAccess/emergencyAccess.routes.ts";
import { householdRoutes } from "./modules/households/households.routes.ts";
import { impactCalculatorRoutes } from "./modules/impactCalculator/impactCalculator.routes.ts";
import { networkRoutes } from "./modules/network/network.routes.ts";
import { operationsRoutes } from "./modules/operations/operations.routes.ts";
import { organisationRoutes } from "./modules/organisations/organisations.routes.ts";
import { outcomeRoutes } from "./modules/outcomes/outcomes.routes.ts";
import { planRoutes } from "./modules/plans/plans.routes.ts";
import { registerPortal } from "./modules/portal/portal.register.ts";
import { accessRoutes } from "./modules/privacy/access.routes.ts";
import { privacyRoutes } from "./modules/privacy/privacy.routes.ts";
import { reciprocityRoutes } from "./modules/reciprocity/reciprocity.routes.ts";
import { reminderRoutes } from "./modules/reminders/reminders.routes.ts";
import { exportDeliveryRoutes } from "./modules/residentRights/exportDelivery.routes.ts";
import { residentRightsRoutes } from "./modules/residentRights/residentRights.routes.ts";
import { retentionRoutes } from "./modules/residentRights/retention.routes.ts";
import { signalRoutes } from "./modules/signals/signals.routes.ts";
import { staffingRoutes } from "./modules/staffing/staffing.routes.ts";
import { teamRoutes } from "./modules/teams/teams.routes.ts";
import { userRoutes } from "./modules/users/users.routes.ts";
import { worklistRoutes } from "./modules/worklist/worklist.routes.ts";
import { AuditSealer } from "./platform/audit/chain.ts";
import { AuditWitness } from "./platform/audit/witness.ts";
import { SecretBox } from "./platform/auth/secret-box.ts";
import { endUserSessions } from "./platform/auth/sessions.ts";
import { type Config, derive } from "./platform/config.ts";
import type { Database } from "./platform/db/database.ts";
import { registerAccess } from "./platform/http/access.ts";
import type { App } from "./platform/http/app-type.ts";
import { declareCommonErrors } from "./platform/http/common-errors.ts";
import { registerErrorHandling } from "./platform/http/error-handler.ts";
import { healthRoutes } from "./platform/http/health.ts";
import { ErrorBody } from "./platform/http/schemas.ts";
import { registerSecurityHeaders } from "./platform/http/security-headers.ts";
import { registerStrictBodies } from "./platform/http/strict-bodies.ts";
import { jobCatalogue } from "./platform/jobs/catalogue.ts";
import type { JobDefinition, JobRunner } from "./platform/jobs/job.ts";
import { createJobRunner } from "./platform/jobs/runner.ts";
import { createSmtpMailer, type Mailer } from "./platform/mail/mailer.ts";
import { logSerializers, requestIdOf } from "./platform/metrics/logging.ts";
import { registerMetrics } from "./platform/metrics/metrics.ts";

export interface BuiltApp {
  app: App;
  sealer: AuditSealer;
  /** Background jobs: their definitions, and this process's runner (started when the app is ready). */
  jobs: { definitions: JobDefinition[]; runner: JobRunner | undefined };
  mailer: Mailer | undefined;
  metrics: ReturnType<typeof registerMetrics>;
}

/**
 * Builds the HTTP application on an open, migrated database. Tests use this; main.ts listens.
 * `database` is what requests use: the application login (platform/db/logins.ts). `owner`, when this
 * process has it, runs maintenance that needs more than that login may do (the retention job).
 */
export async function buildApp(
  config: Config,
  database: Database,
  options: { logger?: boolean; logStream?: NodeJS.WritableStream; owner?: Database } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: process.env.LOG_LEVEL ?? "info",
          serializers: logSerializers,
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    genReqId: requestIdOf,
    // A hop count trusts that many proxies in front (proxy-addr numbers hops from the socket outwards).
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const db = database.db;
  const witness = new AuditWitness(config.auditWitnessDir, config.auditWitnessKey);
  const sealer = new AuditSealer(
    db,
    (error) => app.log.error({ err: error }, "audit sealing failed"),
    witness,
  );
  const afterAudit = () => sealer.poke();

  app.addSchema(ErrorBody);
  declareCommonErrors(app);
  const hasWeb = fs.existsSync(config.webDist);
  registerErrorHandling(app, { spaFallback: hasWeb });
  // Large answers (an outcome monitor per team is 2.7 MB of JSON) travel compressed to browsers that
  // ask for it; small ones are not worth the CPU.
  await app.register(fastifyCompress, { threshold: 8_192, encodings: ["br", "gzip"] });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Wijkwerk API",
        version: "0.1.0",
        description: "API van Wijkwerk, het registratie- en signaleringssysteem voor sociale wijkteams.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "wijkwerk_session" },
          platformOperator: { type: "http", scheme: "bearer", description: "PLATFORM_OPERATOR_TOKEN" },
        },
      },
      security: [{ session: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  // The API reference is for developers: in production only when API_DOCS=true.
  if (config.apiDocs) await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());

  registerStrictBodies(app);
  registerAccess(app, { db, config, afterAudit });
  healthRoutes(app, database);
  authRoutes(
    app,
    createAuthDeps(db, new SecretBox(config.sessionSecret), afterAudit, config.sessionSecret),
    config,
  );
  oidcRoutes(app, { db, config, afterAudit });
  organisationRoutes(app);
  teamRoutes(app);
  areaRoutes(app);
  addressRoutes(app, { serviceUrl: config.addressServiceUrl });
  householdRoutes(app, { searchAuditKey: derive(config.sessionSecret, "audit of searched BSNs") });
  caseRoutes(app);
  assessmentRoutes(app);
  const documents = documentServices(config.documents);
  planRoutes(app, documents);
  networkRoutes(app);
  reciprocityRoutes(app);
  worklistRoutes(app);
  directoryRoutes(app, { db, importMaxRows: config.directoryImportMaxRows });
  userRoutes(app, (municipalityId, userId) => endUserSessions(db, municipalityId, userId), config.publicUrl);
  auditRoutes(app);
  registerPortal(app, { db, config, afterAudit, documents });
  signalRoutes(app, {
    db,
    afterAudit,
    secret: config.sessionSecret,
    partnerApiPerMinute: config.partnerApiPerMinute,
  });
  areaAnalysisRoutes(app);
  staffingRoutes(app);
  privacyRoutes(app);
  accessRoutes(app);
  emergencyAccessRoutes(app);
  conferenceRoutes(app);
  residentRightsRoutes(app);
  exportDeliveryRoutes(app);
  retentionRoutes(app);
  outcomeRoutes(app);
  impactCalculatorRoutes(app);
  await documentRoutes(app, documents);
  // Background jobs replace the timers every process used to run: pg-boss on PostgreSQL (each job once
  // across instances), an in-process runner on PGlite. Without SMTP_URL e-mail waits in the outbox.
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : undefined;
  // Retention deletes across every table: only with the owner's connection (else `npm run retention`).
  const definitions = jobCatalogue({ mailer, maintenance: options.owner?.db, witness });
  const runner = config.jobsEnabled
    ? createJobRunner(database, definitions, {
        // pg-boss keeps its queue in a schema of its own, which only the owner may create: without the
        // owner's connection (two logins) the in-process runner claims each slot once in job_run.
        databaseUrl: options.owner ? (config.databaseOwnerUrl ?? config.databaseUrl) : undefined,
        instance: config.instanceName,
        onError: (job, error) => app.log.error({ err: error, job }, "background job failed"),
      })
    : undefined;
  operationsRoutes(app, { db, owner: options.owner?.db, config, jobs: definitions, runner: () => runner });
  reminderRoutes(app);
  const metrics = registerMetrics(app, { database, config, runner: () => runner });

  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  }

  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    return payload;
  });
  registerSecurityHeaders(app, { secureCookies: config.secureCookies });
  app.addHook("onReady", async () => {
    await runner?.start();
  });
  app.addHook("onClose", async () => {
    await runner?.stop();
    mailer?.close();
    await metrics.close();
    await sealer.stop();
  });
  return { app, sealer, jobs: { definitions, runner }, mailer, metrics };
}
