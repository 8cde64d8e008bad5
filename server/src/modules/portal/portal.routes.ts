import type { App } from "../../platform/http/app-type.ts";
import { created, routeGroup } from "../../platform/http/route-helpers.ts";
import { storeAgreedPlan } from "../documents/documents.plan.ts";
import type { DocumentServices } from "../documents/documents.routes.ts";
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

const resident = routeGroup({ anyOf: ["portal.use"] }, ["Inwonersportaal"]);

/** The resident's own portal. Every household route checks that the account may act for that household. */
export function portalRoutes(app: App, documents?: DocumentServices): void {
  app.get(
    "/api/portal/me",
    resident("Mijn account en machtigingen", { response: { 200: PortalMe } }),
    (request) => request.withContext((ctx) => getPortalMe(ctx)),
  );
  const base = "/api/portal/households/:householdId";
  app.get(
    base,
    resident("Mijn hulp: overzicht", { params: HouseholdParams, response: { 200: Overview } }),
    (request) => inPortal(request, (ctx) => getOverview(ctx, request.params.householdId)),
  );
  app.get(
    `${base}/plan`,
    resident("Mijn plan", { params: HouseholdParams, response: { 200: PlanView } }),
    (request) => inPortal(request, (ctx) => getPlan(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/plan/agreement`,
    resident("Akkoord geven op het plan", {
      params: HouseholdParams,
      body: AgreementBody,
      response: { 201: AgreementView },
    }),
    (request, reply) =>
      created(
        reply,
        inPortal(request, async (ctx) => {
          const result = await agreeToPlan(ctx, request.params.householdId, request.body.planVersion);
          // The agreed version as a PDF document, in the same transaction (issue 20).
          if (documents)
            await storeAgreedPlan(ctx, documents.keyring, {
              householdId: request.params.householdId,
              planVersion: result.planVersion,
            });
          return result;
        }),
      ),
  );
  app.post(
    `${base}/goals/:goalId/comments`,
    resident("Reageren op een doel", { params: GoalParams, body: TextBody, response: { 201: CommentView } }),
    (request, reply) =>
      created(
        reply,
        inPortal(request, (ctx) =>
          commentOnGoal(ctx, request.params.householdId, request.params.goalId, request.body.text),
        ),
      ),
  );
  app.post(
    `${base}/goal-proposals`,
    resident("Een eigen doel voorstellen", {
      params: HouseholdParams,
      body: TextBody,
      response: { 201: ProposalView },
    }),
    (request, reply) =>
      created(
        reply,
        inPortal(request, (ctx) => proposeGoal(ctx, request.params.householdId, request.body.text)),
      ),
  );
  app.get(
    `${base}/self-assessment`,
    resident("Mijn eigen inschatting", { params: HouseholdParams, response: { 200: SelfAssessmentView } }),
    (request) => inPortal(request, (ctx) => getSelfAssessment(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/self-assessment`,
    resident("Mijn eigen inschatting opslaan", {
      params: HouseholdParams,
      body: SelfAssessmentBody,
      response: { 201: Submitted },
    }),
    (request, reply) =>
      created(
        reply,
        inPortal(request, (ctx) =>
          submitSelfAssessment(ctx, request.params.householdId, request.body.scores),
        ),
      ),
  );
  app.get(
    `${base}/access-log`,
    resident("Wie heeft mijn gegevens bekeken", {
      params: HouseholdParams,
      response: { 200: AccessLogView },
    }),
    (request) => inPortal(request, (ctx) => getAccessLog(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/export-request`,
    resident("Al mijn gegevens opvragen", { params: HouseholdParams, response: { 201: ExportRequestView } }),
    (request, reply) =>
      created(
        reply,
        inPortal(request, (ctx) => requestExport(ctx, request.params.householdId)),
      ),
  );
  app.get(
    `${base}/messages`,
    resident("Mijn berichten", { params: HouseholdParams, response: { 200: MessageList } }),
    (request) => inPortal(request, (ctx) => getPortalMessages(ctx, request.params.householdId)),
  );
  app.post(
    `${base}/messages`,
    resident("Een bericht sturen aan mijn regisseur", {
      params: HouseholdParams,
      body: TextBody,
      response: { 201: Message },
    }),
    (request, reply) =>
      created(
        reply,
        inPortal(request, (ctx) => sendPortalMessage(ctx, request.params.householdId, request.body.text)),
      ),
  );
  app.post(
    `${base}/satisfaction`,
    resident("Drie vragen na afloop (anoniem)", {
      params: HouseholdParams,
      body: SatisfactionBody,
      response: { 201: Answered },
    }),
    (request, reply) =>
      created(
        reply,
        inPortal(request, (ctx) => answerSatisfaction(ctx, request.params.householdId, request.body)),
      ),
  );
  app.get(
    `${base}/case-lead/photo`,
    resident("Foto van mijn regisseur", { params: HouseholdParams }),
    async (request, reply) => {
      const { photo, type } = await inPortal(request, (ctx) =>
        caseLeadPhoto(ctx, request.params.householdId),
      );
      return reply.header("content-type", type).header("cache-control", "private, max-age=300").send(photo);
    },
  );
}
