import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { CsvFile, sendCsv } from "../../platform/http/csv.ts";
import { DateTime, IdParams, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { signalAdminRoutes } from "./signals.admin.routes.ts";
import { type SignalDeps, signalChannelRoutes } from "./signals.channels.routes.ts";
import {
  exportFigures,
  getFigures,
  getMapShapes,
  getNeighbourhoodView,
  startInitiative,
} from "./signals.insight.ts";
import {
  ContactAttemptInput,
  Decision,
  Matches,
  MeldcodeStepInput,
  Queue,
  QueueQuery,
  SignalDetail,
} from "./signals.triage.schemas.ts";
import {
  decideSignal,
  getMatches,
  getQueue,
  getSignal,
  recordContactAttempt,
  recordMeldcodeStep,
} from "./signals.triage.service.ts";

const tags = ["Signalen"];
const triage = { access: { anyOf: ["signal.triage" as const] } };
const PeriodQuery = Type.Object({
  from: Type.Optional(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" })),
  to: Type.Optional(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" })),
  minimum: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
/** A count; null when it is withheld for policy staff (1 to 4, or one that would give such a count away). */
const Count = Nullable(Type.Integer());
const Counted = Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Count }));
const Figures = Type.Object({
  from: DateTime,
  to: DateTime,
  total: Count,
  bySource: Counted,
  byCategory: Counted,
  byNeighbourhood: Counted,
  firstContact: Type.Object({
    contacted: Count,
    withinDeadline: Count,
    medianHours: Nullable(Type.Number()),
  }),
  firstAction: Type.Object({
    acted: Count,
    withinDeadline: Count,
    overdueOpen: Count,
  }),
  cases: Type.Object({ decided: Count, becameCase: Count, share: Nullable(Type.Number()) }),
  referrals: Counted,
});
const NeighbourhoodView = Type.Object({
  from: DateTime,
  to: DateTime,
  minimum: Type.Integer(),
  clusters: Type.Array(
    Type.Object({
      neighbourhoodCode: Type.String(),
      neighbourhoodName: Type.String(),
      category: Type.String(),
      count: Type.Integer(),
      placeSignals: Count,
      openSignals: Count,
      initiativeIds: Type.Array(Type.String()),
      signalIds: Type.Array(Type.String()),
    }),
  ),
  totals: Type.Array(
    Type.Object({
      neighbourhoodCode: Type.String(),
      neighbourhoodName: Type.String(),
      count: Count,
    }),
  ),
  initiatives: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      neighbourhoodCode: Type.String(),
      neighbourhoodName: Type.String(),
      category: Type.String(),
      startedAt: DateTime,
      teamId: Type.String(),
      signalCount: Count,
    }),
  ),
});
const MapShapes = Type.Object({
  municipalityCode: Type.String(),
  buurten: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      rings: Type.Array(Type.Array(Type.Array(Type.Number()))),
    }),
  ),
});
const InitiativeInput = Type.Object({
  teamId: Uuid,
  neighbourhoodCode: Type.String({ maxLength: 12 }),
  category: Type.String({ maxLength: 60 }),
  title: Type.String({ maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  signalIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }),
});

/** Early signalling: the three intake channels, triage, neighbourhood view, figures and configuration. */
export function signalRoutes(app: App, deps: SignalDeps): void {
  signalChannelRoutes(app, deps);
  signalAdminRoutes(app);

  app.get(
    "/api/signals/queue",
    {
      config: triage,
      schema: {
        tags,
        summary: "Triagelijst van mijn team(s)",
        querystring: QueueQuery,
        response: { 200: Queue },
      },
    },
    (request) => request.withContext((ctx) => getQueue(ctx, request.query)),
  );
  app.get(
    "/api/signals/neighbourhood",
    {
      config: { access: { anyOf: ["signal.viewNeighbourhood"] } },
      schema: {
        tags,
        summary: "Clusters van signalen per buurt en categorie",
        querystring: PeriodQuery,
        response: { 200: NeighbourhoodView },
      },
    },
    (request) => request.withContext((ctx) => getNeighbourhoodView(ctx, request.query)),
  );
  app.get(
    "/api/signals/map",
    {
      config: { access: { anyOf: ["signal.viewNeighbourhood"] } },
      schema: {
        tags,
        summary: "Buurtgrenzen van de gemeente (CBS/PDOK, gemeente Utrecht)",
        response: { 200: MapShapes },
      },
    },
    (request) => request.withContext((ctx) => getMapShapes(ctx)),
  );
  app.post(
    "/api/signals/initiatives",
    {
      config: triage,
      schema: {
        tags,
        summary: "Een buurtinitiatief starten op signalen",
        body: InitiativeInput,
        response: {
          201: Type.Object({ id: Type.String(), title: Type.String(), signalCount: Type.Integer() }),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => startInitiative(ctx, request.body))),
  );
  app.get(
    "/api/signals/figures",
    {
      config: { access: { anyOf: ["signal.viewFigures"] } },
      schema: {
        tags,
        summary: "Cijfers over signalen",
        querystring: PeriodQuery,
        response: { 200: Figures },
      },
    },
    (request) => request.withContext((ctx) => getFigures(ctx, request.query)),
  );
  app.get(
    "/api/signals/figures.csv",
    {
      config: { access: { anyOf: ["signal.viewFigures"] } },
      schema: {
        tags,
        summary: "Cijfers over signalen als CSV",
        querystring: PeriodQuery,
        response: { 200: CsvFile },
      },
    },
    async (request, reply) => {
      const csv = await request.withContext((ctx) => exportFigures(ctx, request.query));
      return sendCsv(reply, "signalen-cijfers.csv", csv);
    },
  );
  app.get(
    "/api/signals/:id",
    {
      config: triage,
      schema: {
        tags,
        summary: "Een signaal (triage)",
        params: IdParams,
        response: { 200: SignalDetail },
      },
    },
    (request) => request.withContext((ctx) => getSignal(ctx, request.params.id)),
  );
  app.get(
    "/api/signals/:id/matches",
    {
      config: triage,
      schema: {
        tags,
        summary: "Mogelijke bestaande huishoudens (adres en naam)",
        params: IdParams,
        response: { 200: Matches },
      },
    },
    (request) => request.withContext((ctx) => getMatches(ctx, request.params.id)),
  );
  app.post(
    "/api/signals/:id/decision",
    {
      config: triage,
      schema: {
        tags,
        summary: "Triagebesluit (geldt voor alle open signalen op hetzelfde adres)",
        params: IdParams,
        body: Decision,
        response: { 200: SignalDetail },
      },
    },
    (request) => request.withContext((ctx) => decideSignal(ctx, request.params.id, request.body)),
  );
  app.post(
    "/api/signals/:id/contact-attempts",
    {
      config: triage,
      schema: {
        tags,
        summary: "Een contactpoging vastleggen (erop af)",
        params: IdParams,
        body: ContactAttemptInput,
        response: { 201: SignalDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => recordContactAttempt(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/signals/:id/meldcode-steps",
    {
      config: triage,
      schema: {
        tags,
        summary: "Een stap van de meldcode vastleggen",
        params: IdParams,
        body: MeldcodeStepInput,
        response: { 201: SignalDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => recordMeldcodeStep(ctx, request.params.id, request.body))),
  );
}
