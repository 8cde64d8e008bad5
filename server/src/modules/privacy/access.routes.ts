import { Type } from "typebox";
import { LEVELS, type Level } from "../../platform/access/rules.ts";
import type { App } from "../../platform/http/app-type.ts";
import { Nullable, Uuid } from "../../platform/http/schemas.ts";
import { householdAccessFor, listFrontOfficeRequests, routeCase } from "./access.service.ts";
import { HouseholdParams } from "./privacy.schemas.ts";

const tags = ["Toegang"];

const LevelSchema = Type.Unsafe<Level>(Type.String({ enum: [...LEVELS] }));
const HouseholdAccess = Type.Object({
  householdId: Uuid,
  level: Type.Unsafe<Level | "none">(Type.String({ enum: [...LEVELS, "none"] })),
  levels: Type.Array(LevelSchema),
  sources: Type.Array(Type.String()),
  emergencyUntil: Nullable(Type.String({ format: "date-time" })),
  actions: Type.Array(Type.String()),
});
const FrontOfficeRequests = Type.Object({
  items: Type.Array(
    Type.Object({
      caseId: Uuid,
      householdId: Uuid,
      status: Type.String(),
      /** Sent back with the intake (optimistic concurrency). */
      caseVersion: Type.Integer(),
      conversationDate: Nullable(Type.String()),
      requestInOwnWords: Nullable(Type.String()),
      urgency: Nullable(Type.String()),
      name: Nullable(Type.String()),
      address: Nullable(Type.String()),
      routedTo: Nullable(Type.String()),
    }),
  ),
});
const RouteInput = Type.Object({
  organisationId: Uuid,
  userId: Type.Optional(Nullable(Uuid)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
const Routed = Type.Object({ id: Uuid, caseId: Uuid, organisationId: Uuid, userId: Nullable(Uuid) });

export function accessRoutes(app: App): void {
  app.get(
    "/api/households/:householdId/access",
    {
      config: { access: { anyOf: ["household.read", "emergencyAccess.request"] } },
      schema: {
        tags,
        summary: "Wat de gebruiker met dit huishouden mag (toegangsniveau en toegestane handelingen)",
        params: HouseholdParams,
        response: { 200: HouseholdAccess },
      },
    },
    (request) => request.withContext((ctx) => householdAccessFor(ctx, request.params.householdId)),
  );
  app.get(
    "/api/front-office/requests",
    {
      config: { access: { anyOf: ["case.route"] } },
      schema: {
        tags,
        summary: "Frontoffice: aanvragen als samenvatting (naam, adres, vraag, urgentie)",
        response: { 200: FrontOfficeRequests },
      },
    },
    (request) => request.withContext((ctx) => listFrontOfficeRequests(ctx)),
  );
  app.post(
    "/api/households/:householdId/routing",
    {
      config: { access: { anyOf: ["case.route"] } },
      schema: {
        tags,
        summary: "Frontoffice: een aanvraag doorzetten naar een backofficeorganisatie of -medewerker",
        params: HouseholdParams,
        body: RouteInput,
        response: { 201: Routed },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => routeCase(ctx, request.params.householdId, request.body))),
  );
}
