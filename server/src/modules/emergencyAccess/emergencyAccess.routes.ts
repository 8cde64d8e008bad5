import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { DateTime, errors, IdParams, Nullable, Uuid } from "../../platform/http/schemas.ts";
import {
  endEmergencyAccess,
  listEmergencyAccessOnMyCases,
  listEmergencyReviews,
  listMyEmergencyAccess,
  markEmergencyAccessSeen,
  requestEmergencyAccess,
  reviewEmergencyAccess,
} from "./emergencyAccess.service.ts";

const tags = ["Noodtoegang"];
const RequestInput = Type.Object({
  householdId: Uuid,
  reason: Type.String({ maxLength: 2000 }),
  minutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000 }))),
});
const Reviewer = Type.Union([Type.Literal("teamLead"), Type.Literal("administrator")]);
const Granted = Type.Object({
  id: Uuid,
  householdId: Uuid,
  expiresAt: DateTime,
  minutes: Type.Integer(),
  /** Who reviews it: the household's team lead, or the administrator when that team has none. */
  reviewer: Reviewer,
});
const Item = Type.Object({
  id: Uuid,
  householdId: Uuid,
  userId: Uuid,
  userName: Type.String(),
  reason: Type.String(),
  startsAt: DateTime,
  expiresAt: DateTime,
  endedAt: Nullable(DateTime),
  reviewedAt: Nullable(DateTime),
  reviewedByName: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  active: Type.Boolean(),
});
const List = Type.Object({ items: Type.Array(Item) });
const OnMyCases = Type.Object({
  items: Type.Array(Type.Intersect([Item, Type.Object({ householdName: Type.String() })])),
});
const ReviewQuery = Type.Object({ all: Type.Optional(Type.Boolean()) });
const ReviewInput = Type.Object({ note: Type.String({ maxLength: 2000 }) });
const Done = Type.Object({
  id: Uuid,
  reviewed: Type.Optional(Type.Boolean()),
  ended: Type.Optional(Type.Boolean()),
  seen: Type.Optional(Type.Boolean()),
});

export function emergencyAccessRoutes(app: App): void {
  app.post(
    "/api/emergency-access",
    {
      config: { access: { anyOf: ["emergencyAccess.request"] } },
      schema: {
        tags,
        summary: "Noodtoegang tot een huishouden (break the glass), met reden en tijdslimiet",
        body: RequestInput,
        response: { 201: Granted, ...errors(404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => requestEmergencyAccess(ctx, request.body))),
  );
  app.get(
    "/api/emergency-access/mine",
    {
      config: { access: { anyOf: ["emergencyAccess.request"] } },
      schema: { tags, summary: "Mijn noodtoegangen", response: { 200: List } },
    },
    (request) => request.withContext((ctx) => listMyEmergencyAccess(ctx)),
  );
  app.post(
    "/api/emergency-access/:id/end",
    {
      config: { access: { anyOf: ["emergencyAccess.request"] } },
      schema: {
        tags,
        summary: "Noodtoegang eerder beëindigen",
        params: IdParams,
        response: { 200: Done },
      },
    },
    (request) => request.withContext((ctx) => endEmergencyAccess(ctx, request.params.id)),
  );
  app.get(
    "/api/emergency-access/reviews",
    {
      config: { access: { anyOf: ["emergencyAccess.review"] } },
      schema: {
        tags,
        summary: "Teamleider (of beheerder bij een team zonder teamleider): noodtoegangen om te beoordelen",
        querystring: ReviewQuery,
        response: { 200: List },
      },
    },
    (request) => request.withContext((ctx) => listEmergencyReviews(ctx, request.query.all ?? false)),
  );
  app.post(
    "/api/emergency-access/:id/review",
    {
      config: { access: { anyOf: ["emergencyAccess.review"] } },
      schema: {
        tags,
        summary: "Teamleider (of beheerder bij een team zonder teamleider): een noodtoegang beoordelen",
        params: IdParams,
        body: ReviewInput,
        response: { 200: Done },
      },
    },
    (request) =>
      request.withContext((ctx) => reviewEmergencyAccess(ctx, request.params.id, request.body.note)),
  );
  app.get(
    "/api/emergency-access/on-my-cases",
    {
      config: { access: { anyOf: ["case.read"] } },
      schema: {
        tags,
        summary: "Regiehouder: noodtoegangen tot mijn huishoudens die ik nog niet heb gezien",
        response: { 200: OnMyCases },
      },
    },
    (request) => request.withContext((ctx) => listEmergencyAccessOnMyCases(ctx)),
  );
  app.post(
    "/api/emergency-access/:id/seen",
    {
      config: { access: { anyOf: ["case.read"] } },
      schema: {
        tags,
        summary: "Regiehouder: gezien dat iemand noodtoegang had tot mijn huishouden",
        params: IdParams,
        response: { 200: Done, ...errors(403, 404) },
      },
    },
    (request) => request.withContext((ctx) => markEmergencyAccessSeen(ctx, request.params.id)),
  );
}
