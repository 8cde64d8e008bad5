import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { errors, IdParams, Uuid } from "../../platform/http/schemas.ts";
import { addAgendaItem } from "./agenda.service.ts";
import { listConferenceCandidates } from "./conferences.candidates.ts";
import {
  AgendaInput,
  AgendaItemParams,
  Candidates,
  CandidatesQuery,
  Conference,
  ConferenceList,
  DecisionInput,
  DecisionOptions,
  LearningInput,
  LearningList,
  LearningQuery,
  Minutes,
  MinutesQuery,
  MyDecisions,
  PlanInput,
} from "./conferences.schemas.ts";
import { getConference, listConferences, planConference } from "./conferences.service.ts";
import { getDecisionOptions } from "./decisionActions.ts";
import { recordDecision } from "./decisions.service.ts";
import { addLearningNote, exportMinutes, minutesAsHtml, searchLearningNotes } from "./minutes.service.ts";
import { completeDecision, listConferenceDecisionsFor } from "./myDecisions.ts";

const tags = ["Casusoverleg"];
const read = { access: { anyOf: ["conference.read" as const] } };
const write = { access: { anyOf: ["conference.write" as const] } };

export function conferenceRoutes(app: App): void {
  app.get(
    "/api/conferences",
    {
      config: read,
      schema: {
        tags,
        summary: "Casusoverleggen die u kunt zien",
        response: { 200: ConferenceList, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => listConferences(ctx)),
  );
  app.post(
    "/api/conferences",
    {
      config: write,
      schema: {
        tags,
        summary: "Een casusoverleg plannen",
        body: PlanInput,
        response: { 201: Conference, ...errors(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => planConference(ctx, request.body))),
  );
  app.get(
    "/api/conference-candidates",
    {
      config: write,
      schema: {
        tags,
        summary: "Teamleden, uit te nodigen ketenpartners en in te brengen huishoudens",
        querystring: CandidatesQuery,
        response: { 200: Candidates, ...errors(400, 401, 403) },
      },
    },
    (request) => request.withContext((ctx) => listConferenceCandidates(ctx, request.query.teamId)),
  );
  app.get(
    "/api/conferences/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "Een casusoverleg met agenda en besluiten",
        params: IdParams,
        response: { 200: Conference, ...errors(401, 403, 404) },
      },
    },
    (request) => request.withContext((ctx) => getConference(ctx, request.params.id)),
  );
  app.post(
    "/api/conferences/:id/agenda",
    {
      config: write,
      schema: {
        tags,
        summary: "Een casus agenderen (standaard gepseudonimiseerd)",
        params: IdParams,
        body: AgendaInput,
        response: { 201: Conference, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => addAgendaItem(ctx, request.params.id, request.body))),
  );
  app.get(
    "/api/conferences/:id/agenda/:itemId/decision-options",
    {
      config: write,
      schema: {
        tags,
        summary:
          "Keuzes voor een actie in het plan: doelen, netwerk, treden (alleen met toegang tot het dossier)",
        params: AgendaItemParams,
        response: { 200: DecisionOptions, ...errors(401, 403, 404) },
      },
    },
    (request) =>
      request.withContext((ctx) => getDecisionOptions(ctx, request.params.id, request.params.itemId)),
  );
  app.post(
    "/api/conferences/:id/decisions",
    {
      config: write,
      schema: {
        tags,
        summary: "Een besluit vastleggen (actie in het plan, regiehouder, opschaling)",
        params: IdParams,
        body: DecisionInput,
        response: { 201: Conference, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => recordDecision(ctx, request.params.id, request.body))),
  );
  app.get(
    "/api/conferences/:id/minutes",
    {
      config: read,
      schema: {
        tags,
        summary: "Verslag zonder identificerende gegevens (JSON of HTML)",
        params: IdParams,
        querystring: MinutesQuery,
        response: { 200: Minutes, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const minutes = await request.withContext((ctx) => exportMinutes(ctx, request.params.id));
      if (request.query.format === "html")
        return reply
          .type("text/html; charset=utf-8")
          .serializer((x: unknown) => String(x))
          .send(minutesAsHtml(minutes) as never);
      return minutes;
    },
  );
  app.get(
    "/api/conference-decisions/mine",
    {
      config: read,
      schema: {
        tags,
        summary: "Mijn openstaande besluiten uit casusoverleggen (werklijst)",
        response: { 200: MyDecisions, ...errors(401, 403) },
      },
    },
    (request) =>
      request.withContext(async (ctx) => ({
        items: await listConferenceDecisionsFor(ctx, ctx.actor.userId),
      })),
  );
  app.post(
    "/api/conference-decisions/:id/complete",
    {
      config: read,
      schema: {
        tags,
        summary: "Een besluit afronden",
        params: IdParams,
        response: {
          200: Type.Object({
            id: Uuid,
            status: Type.Literal("done"),
            planActionCompleted: Type.Boolean({ description: "The linked plan action was marked done too" }),
          }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
    (request) => request.withContext((ctx) => completeDecision(ctx, request.params.id)),
  );
  app.get(
    "/api/learning-notes",
    {
      config: { access: { anyOf: ["learning.read"] } },
      schema: {
        tags,
        summary: "Leerpunten uit casusoverleggen zoeken",
        querystring: LearningQuery,
        response: { 200: LearningList, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => searchLearningNotes(ctx, request.query.q)),
  );
  app.post(
    "/api/learning-notes",
    {
      config: write,
      schema: {
        tags,
        summary: "Een leerpunt vastleggen (zonder persoonsgegevens)",
        body: LearningInput,
        response: { 201: Type.Object({ id: Uuid }), ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => addLearningNote(ctx, request.body))),
  );
}
