import type { App } from "../../platform/http/app-type.ts";
import { errors } from "../../platform/http/schemas.ts";
import { getPortalMe } from "./portal.me.ts";
import { agreeToPlan, commentOnGoal, proposeGoal } from "./portal.participation.ts";
import { getPlan } from "./portal.plan.ts";
import {
  answerSatisfaction,
  caseLeadPhoto,
  getAccessLog,
  getPortalMessages,
  getSelfAssessment,
  requestExport,
  sendPortalMessage,
  submitSelfAssessment,
} from "./portal.resident.ts";
import {
  AccessLogView,
  AgreementBody,
  AgreementView,
  Answered,
  CommentView,
  ExportRequestView,
  GoalParams,
  HouseholdParams,
  Message,
  MessageList,
  Overview,
  PlanView,
  PortalMe,
  ProposalView,
  SatisfactionBody,
  SelfAssessmentBody,
  SelfAssessmentView,
  Submitted,
  TextBody,
} from "./portal.schemas.ts";
import { inPortal } from "./portal.scope.ts";
import { getOverview } from "./portal.service.ts";

const tags = ["Inwonersportaal"];
const access = { anyOf: ["portal.use" as const] };
const read = errors(401, 403, 404);
const write = errors(400, 401, 403, 404, 409, 422);

/** The resident's own portal. Every household route checks that the account may act for that household. */
export function portalRoutes(app: App): void {
  app.get(
    "/api/portal/me",
    {
      config: { access },
      schema: {
        tags,
        summary: "Mijn account en machtigingen",
        response: { 200: PortalMe, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => getPortalMe(ctx)),
  );
  const base = "/api/portal/households/:householdId";
  app.get(
    base,
    {
      config: { access },
      schema: {
        tags,
        summary: "Mijn hulp: overzicht",
        params: HouseholdParams,
        response: { 200: Overview, ...read },
      },
    },
    (request) => inPortal(request, (ctx) => getOverview(ctx, request.params.householdId)),
  );
  app.get(
    `${base}/plan`,
    {
      config: { access },
      schema: { tags, summary: "Mijn plan", params: HouseholdParams, response: { 200: PlanView, ...read } },
    },
    (request) => inPortal(request, (ctx) => getPlan(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/plan/agreement`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Akkoord geven op het plan",
        params: HouseholdParams,
        body: AgreementBody,
        response: { 201: AgreementView, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inPortal(request, (ctx) =>
            agreeToPlan(ctx, request.params.householdId, request.body.planVersion),
          ),
        ),
  );
  app.post(
    `${base}/goals/:goalId/comments`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Reageren op een doel",
        params: GoalParams,
        body: TextBody,
        response: { 201: CommentView, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inPortal(request, (ctx) =>
            commentOnGoal(ctx, request.params.householdId, request.params.goalId, request.body.text),
          ),
        ),
  );
  app.post(
    `${base}/goal-proposals`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Een eigen doel voorstellen",
        params: HouseholdParams,
        body: TextBody,
        response: { 201: ProposalView, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inPortal(request, (ctx) => proposeGoal(ctx, request.params.householdId, request.body.text)),
        ),
  );
  app.get(
    `${base}/self-assessment`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Mijn eigen inschatting",
        params: HouseholdParams,
        response: { 200: SelfAssessmentView, ...read },
      },
    },
    (request) => inPortal(request, (ctx) => getSelfAssessment(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/self-assessment`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Mijn eigen inschatting opslaan",
        params: HouseholdParams,
        body: SelfAssessmentBody,
        response: { 201: Submitted, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inPortal(request, (ctx) =>
            submitSelfAssessment(ctx, request.params.householdId, request.body.scores),
          ),
        ),
  );
  app.get(
    `${base}/access-log`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Wie heeft mijn gegevens bekeken",
        params: HouseholdParams,
        response: { 200: AccessLogView, ...read },
      },
    },
    (request) => inPortal(request, (ctx) => getAccessLog(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/export-request`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Al mijn gegevens opvragen",
        params: HouseholdParams,
        response: { 201: ExportRequestView, ...write },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inPortal(request, (ctx) => requestExport(ctx, request.params.householdId))),
  );
  app.get(
    `${base}/messages`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Mijn berichten",
        params: HouseholdParams,
        response: { 200: MessageList, ...read },
      },
    },
    (request) => inPortal(request, (ctx) => getPortalMessages(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/messages`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Een bericht sturen aan mijn regisseur",
        params: HouseholdParams,
        body: TextBody,
        response: { 201: Message, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inPortal(request, (ctx) =>
            sendPortalMessage(ctx, request.params.householdId, request.body.text),
          ),
        ),
  );
  app.post(
    `${base}/satisfaction`,
    {
      config: { access },
      schema: {
        tags,
        summary: "Drie vragen na afloop (anoniem)",
        params: HouseholdParams,
        body: SatisfactionBody,
        response: { 201: Answered, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inPortal(request, (ctx) => answerSatisfaction(ctx, request.params.householdId, request.body)),
        ),
  );
  app.get(
    `${base}/case-lead/photo`,
    {
      config: { access },
      schema: { tags, summary: "Foto van mijn regisseur", params: HouseholdParams, response: { ...read } },
    },
    async (request, reply) => {
      const { photo, type } = await inPortal(request, (ctx) =>
        caseLeadPhoto(ctx, request.params.householdId),
      );
      return reply.header("content-type", type).header("cache-control", "private, max-age=300").send(photo);
    },
  );
}
