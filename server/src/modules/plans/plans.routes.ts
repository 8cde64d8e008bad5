import type { App } from "../../platform/http/app-type.ts";
import { created, routeGroup } from "../../platform/http/route-helpers.ts";
import { storeAgreedPlan } from "../documents/documents.plan.ts";
import type { DocumentServices } from "../documents/documents.routes.ts";
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
  PlanOverview,
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
  findPlanOfCase,
  getPlanOfCase,
  removeGoal,
} from "./plans.service.ts";

const tags = ["Plan van aanpak"];
const read = routeGroup({ anyOf: ["plan.read"] }, tags);
const write = routeGroup({ anyOf: ["plan.write"] }, tags);
const teamFigures = routeGroup({ anyOf: ["plan.viewFigures"] }, tags);
const municipalFigures = routeGroup({ anyOf: ["plan.viewMunicipalityFigures"] }, tags);
const changed = { 200: Saved };

export function planRoutes(app: App, documents?: DocumentServices): void {
  app.get(
    "/api/cases/:caseId/plan",
    read("Het plan van een casus", { params: CaseParams, response: { 200: Plan } }),
    (request) => request.withContext(async (ctx) => toJson(await getPlanOfCase(ctx, request.params.caseId))),
  );
  app.get(
    "/api/cases/:caseId/plan/overview",
    read("Het plan van een casus, of null als er nog geen plan is (voor het overzicht van het dossier)", {
      params: CaseParams,
      response: { 200: PlanOverview },
    }),
    (request) =>
      request.withContext(async (ctx) => {
        const found = await findPlanOfCase(ctx, request.params.caseId);
        return { householdId: found.householdId, plan: found.plan ? toJson(found.plan) : null };
      }),
  );
  app.post(
    "/api/cases/:caseId/plan",
    write("Het plan van een casus opstellen", {
      params: CaseParams,
      body: CreatePlan,
      response: { 201: Saved },
    }),
    (request, reply) =>
      created(
        reply,
        request.withContext((ctx) => createPlan(ctx, request.params.caseId, request.body)),
      ),
  );
  app.put(
    "/api/plans/:planId",
    write("Looptijd van het plan wijzigen", { params: PlanParams, body: PlanDates, response: changed }),
    (request) => request.withContext((ctx) => changePlanDates(ctx, request.params.planId, request.body)),
  );
  app.post(
    "/api/plans/:planId/goals",
    write("Een doel toevoegen", { params: PlanParams, body: AddGoal, response: changed }),
    (request) => request.withContext((ctx) => addGoal(ctx, request.params.planId, request.body)),
  );
  app.put(
    "/api/plans/:planId/goals/:goalId",
    write("Een doel wijzigen", { params: GoalParams, body: ChangeGoal, response: changed }),
    (request) =>
      request.withContext((ctx) =>
        changeGoal(ctx, request.params.planId, request.params.goalId, request.body),
      ),
  );
  app.post(
    "/api/plans/:planId/goals/:goalId/remove",
    write("Een doel verwijderen", { params: GoalParams, body: VersionOnly, response: changed }),
    (request) =>
      request.withContext((ctx) =>
        removeGoal(ctx, request.params.planId, request.params.goalId, request.body.version),
      ),
  );
  app.post(
    "/api/plans/:planId/goals/:goalId/actions",
    write("Een actie toevoegen", { params: GoalParams, body: AddAction, response: changed }),
    (request) =>
      request.withContext((ctx) =>
        addAction(ctx, request.params.planId, request.params.goalId, request.body),
      ),
  );
  app.put(
    "/api/plans/:planId/actions/:actionId",
    write("Een actie wijzigen", { params: ActionParams, body: ChangeAction, response: changed }),
    (request) =>
      request.withContext((ctx) =>
        changeAction(ctx, request.params.planId, request.params.actionId, request.body),
      ),
  );
  app.post(
    "/api/plans/:planId/actions/:actionId/progress",
    write("Voortgang van een actie noteren", { params: ActionParams, body: AddProgress, response: changed }),
    (request) =>
      request.withContext((ctx) =>
        addProgress(ctx, request.params.planId, request.params.actionId, request.body),
      ),
  );
  app.post(
    "/api/plans/:planId/actions/:actionId/remove",
    write("Een actie verwijderen", { params: ActionParams, body: VersionOnly, response: changed }),
    (request) =>
      request.withContext((ctx) =>
        removeAction(ctx, request.params.planId, request.params.actionId, request.body.version),
      ),
  );
  app.post(
    "/api/plans/:planId/agreement",
    write("Instemming van de inwoner vastleggen", {
      params: PlanParams,
      body: RecordAgreement,
      response: changed,
    }),
    (request) =>
      request.withContext(async (ctx) => {
        const result = await recordAgreement(ctx, request.params.planId, request.body);
        // The agreed version as a PDF document, in the same transaction (issue 20).
        if (documents)
          await storeAgreedPlan(ctx, documents.keyring, { planId: result.id, planVersion: result.version });
        return result;
      }),
  );
  app.post(
    "/api/plans/:planId/reviews",
    write("De volgende evaluatie plannen", { params: PlanParams, body: ScheduleReview, response: changed }),
    (request) => request.withContext((ctx) => scheduleReview(ctx, request.params.planId, request.body)),
  );
  app.post(
    "/api/plans/:planId/reviews/:reviewId/held",
    write("Een evaluatie vastleggen", { params: ReviewParams, body: HoldReview, response: changed }),
    (request) =>
      request.withContext((ctx) =>
        holdReview(ctx, request.params.planId, request.params.reviewId, request.body),
      ),
  );
  app.get(
    "/api/plans/:planId/compare",
    read("Twee versies van het plan vergelijken", {
      params: PlanParams,
      querystring: CompareQuery,
      response: { 200: Comparison },
    }),
    (request) =>
      request.withContext(async (ctx) =>
        toJson(await compareVersions(ctx, request.params.planId, request.query.from, request.query.to)),
      ),
  );
  app.get(
    "/api/plans/:planId/print",
    read("Het plan voor de inwoner (B1)", { params: PlanParams, response: { 200: PrintablePlan } }),
    (request) => request.withContext((ctx) => getPrintablePlan(ctx, request.params.planId)),
  );
  app.get(
    "/api/plan-figures/ladder",
    teamFigures("Teamcijfers van de ondersteuningsladder", {
      querystring: FiguresQuery,
      response: { 200: LadderFigures },
    }),
    (request) =>
      request.withContext((ctx) =>
        getLadderFigures(ctx, request.query.teamId, request.query.from, request.query.to),
      ),
  );
  app.get(
    "/api/plan-figures/ladder/municipality",
    municipalFigures(
      "Cijfers van de ondersteuningsladder voor de hele gemeente (kleine aantallen afgeschermd)",
      { querystring: MunicipalFiguresQuery, response: { 200: MunicipalLadderFigures } },
    ),
    (request) =>
      request.withContext((ctx) => getMunicipalLadderFigures(ctx, request.query.from, request.query.to)),
  );
}
