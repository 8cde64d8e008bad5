import type { App } from "../../platform/http/app-type.ts";
import { errors } from "../../platform/http/schemas.ts";
import { toJson } from "./json.ts";
import { addAction, addProgress, changeAction, removeAction } from "./plans.actions.ts";
import { getMunicipalLadderFigures } from "./plans.figures.municipality.ts";
import { getLadderFigures } from "./plans.figures.ts";
import {
  compareVersions,
  getPrintablePlan,
  holdReview,
  recordAgreement,
  scheduleReview,
} from "./plans.review.ts";
import {
  ActionParams,
  AddAction,
  AddGoal,
  AddProgress,
  CaseParams,
  ChangeAction,
  ChangeGoal,
  CompareQuery,
  Comparison,
  CreatePlan,
  FiguresQuery,
  GoalParams,
  HoldReview,
  LadderFigures,
  MunicipalFiguresQuery,
  MunicipalLadderFigures,
  Plan,
  PlanDates,
  PlanParams,
  PrintablePlan,
  RecordAgreement,
  ReviewParams,
  Saved,
  ScheduleReview,
  VersionOnly,
} from "./plans.schemas.ts";
import {
  addGoal,
  changeGoal,
  changePlanDates,
  createPlan,
  getPlanOfCase,
  removeGoal,
} from "./plans.service.ts";

const tags = ["Plan van aanpak"];
const read = { access: { anyOf: ["plan.read" as const] } };
const write = { access: { anyOf: ["plan.write" as const] } };
const changed = { 200: Saved, ...errors(400, 401, 403, 404, 409, 422) };

export function planRoutes(app: App): void {
  app.get(
    "/api/cases/:caseId/plan",
    {
      config: read,
      schema: {
        tags,
        summary: "Het plan van een casus",
        params: CaseParams,
        response: { 200: Plan, ...errors(401, 403, 404) },
      },
    },
    (request) => request.withContext(async (ctx) => toJson(await getPlanOfCase(ctx, request.params.caseId))),
  );
  app.post(
    "/api/cases/:caseId/plan",
    {
      config: write,
      schema: {
        tags,
        summary: "Het plan van een casus opstellen",
        params: CaseParams,
        body: CreatePlan,
        response: { 201: Saved, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => createPlan(ctx, request.params.caseId, request.body))),
  );
  app.put(
    "/api/plans/:planId",
    {
      config: write,
      schema: {
        tags,
        summary: "Looptijd van het plan wijzigen",
        params: PlanParams,
        body: PlanDates,
        response: changed,
      },
    },
    (request) => request.withContext((ctx) => changePlanDates(ctx, request.params.planId, request.body)),
  );
  app.post(
    "/api/plans/:planId/goals",
    {
      config: write,
      schema: { tags, summary: "Een doel toevoegen", params: PlanParams, body: AddGoal, response: changed },
    },
    (request) => request.withContext((ctx) => addGoal(ctx, request.params.planId, request.body)),
  );
  app.put(
    "/api/plans/:planId/goals/:goalId",
    {
      config: write,
      schema: { tags, summary: "Een doel wijzigen", params: GoalParams, body: ChangeGoal, response: changed },
    },
    (request) =>
      request.withContext((ctx) =>
        changeGoal(ctx, request.params.planId, request.params.goalId, request.body),
      ),
  );
  app.post(
    "/api/plans/:planId/goals/:goalId/remove",
    {
      config: write,
      schema: {
        tags,
        summary: "Een doel verwijderen",
        params: GoalParams,
        body: VersionOnly,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) =>
        removeGoal(ctx, request.params.planId, request.params.goalId, request.body.version),
      ),
  );
  app.post(
    "/api/plans/:planId/goals/:goalId/actions",
    {
      config: write,
      schema: {
        tags,
        summary: "Een actie toevoegen",
        params: GoalParams,
        body: AddAction,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) =>
        addAction(ctx, request.params.planId, request.params.goalId, request.body),
      ),
  );
  app.put(
    "/api/plans/:planId/actions/:actionId",
    {
      config: write,
      schema: {
        tags,
        summary: "Een actie wijzigen",
        params: ActionParams,
        body: ChangeAction,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) =>
        changeAction(ctx, request.params.planId, request.params.actionId, request.body),
      ),
  );
  app.post(
    "/api/plans/:planId/actions/:actionId/progress",
    {
      config: write,
      schema: {
        tags,
        summary: "Voortgang van een actie noteren",
        params: ActionParams,
        body: AddProgress,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) =>
        addProgress(ctx, request.params.planId, request.params.actionId, request.body),
      ),
  );
  app.post(
    "/api/plans/:planId/actions/:actionId/remove",
    {
      config: write,
      schema: {
        tags,
        summary: "Een actie verwijderen",
        params: ActionParams,
        body: VersionOnly,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) =>
        removeAction(ctx, request.params.planId, request.params.actionId, request.body.version),
      ),
  );
  app.post(
    "/api/plans/:planId/agreement",
    {
      config: write,
      schema: {
        tags,
        summary: "Instemming van de inwoner vastleggen",
        params: PlanParams,
        body: RecordAgreement,
        response: changed,
      },
    },
    (request) => request.withContext((ctx) => recordAgreement(ctx, request.params.planId, request.body)),
  );
  app.post(
    "/api/plans/:planId/reviews",
    {
      config: write,
      schema: {
        tags,
        summary: "De volgende evaluatie plannen",
        params: PlanParams,
        body: ScheduleReview,
        response: changed,
      },
    },
    (request) => request.withContext((ctx) => scheduleReview(ctx, request.params.planId, request.body)),
  );
  app.post(
    "/api/plans/:planId/reviews/:reviewId/held",
    {
      config: write,
      schema: {
        tags,
        summary: "Een evaluatie vastleggen",
        params: ReviewParams,
        body: HoldReview,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) =>
        holdReview(ctx, request.params.planId, request.params.reviewId, request.body),
      ),
  );
  app.get(
    "/api/plans/:planId/compare",
    {
      config: read,
      schema: {
        tags,
        summary: "Twee versies van het plan vergelijken",
        params: PlanParams,
        querystring: CompareQuery,
        response: { 200: Comparison, ...errors(400, 401, 403, 404) },
      },
    },
    (request) =>
      request.withContext(async (ctx) =>
        toJson(await compareVersions(ctx, request.params.planId, request.query.from, request.query.to)),
      ),
  );
  app.get(
    "/api/plans/:planId/print",
    {
      config: read,
      schema: {
        tags,
        summary: "Het plan voor de inwoner (B1)",
        params: PlanParams,
        response: { 200: PrintablePlan, ...errors(401, 403, 404) },
      },
    },
    (request) => request.withContext((ctx) => getPrintablePlan(ctx, request.params.planId)),
  );
  app.get(
    "/api/plan-figures/ladder",
    {
      config: { access: { anyOf: ["plan.viewFigures"] } },
      schema: {
        tags,
        summary: "Teamcijfers van de ondersteuningsladder",
        querystring: FiguresQuery,
        response: { 200: LadderFigures, ...errors(400, 401, 403, 422) },
      },
    },
    (request) =>
      request.withContext((ctx) =>
        getLadderFigures(ctx, request.query.teamId, request.query.from, request.query.to),
      ),
  );
  app.get(
    "/api/plan-figures/ladder/municipality",
    {
      config: { access: { anyOf: ["plan.viewMunicipalityFigures"] } },
      schema: {
        tags,
        summary: "Cijfers van de ondersteuningsladder voor de hele gemeente (kleine aantallen afgeschermd)",
        querystring: MunicipalFiguresQuery,
        response: { 200: MunicipalLadderFigures, ...errors(400, 401, 403, 422) },
      },
    },
    (request) =>
      request.withContext((ctx) => getMunicipalLadderFigures(ctx, request.query.from, request.query.to)),
  );
}
