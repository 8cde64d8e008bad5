import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { DateTime, IdParams, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { listLegalHolds, placeLegalHold, readRetentionLog, releaseLegalHold } from "./legalHold.service.ts";

const tags = ["Bewaartermijnen"];
const Created = Type.Object({ id: Type.String() });
const HoldInput = Type.Object({
  householdId: Type.Optional(Nullable(Uuid)),
  signalId: Type.Optional(Nullable(Uuid)),
  reason: Type.String({ maxLength: 2000 }),
});
const Holds = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      householdId: Nullable(Type.String()),
      signalId: Nullable(Type.String()),
      reason: Type.String(),
      placedAt: DateTime,
      releasedAt: Nullable(DateTime),
    }),
  ),
});
const Log = Type.Object({
  runs: Type.Array(
    Type.Object({
      id: Type.String(),
      ranAt: DateTime,
      clock: DateTime,
      entries: Type.Array(
        Type.Object({
          kind: Type.String(),
          recordId: Type.String(),
          recordDate: Nullable(Type.String()),
          rule: Type.String(),
          outcome: Type.String(),
          keptBecause: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});

export function retentionRoutes(app: App): void {
  const manage = { access: { anyOf: ["privacy.manage" as const] } };
  app.get(
    "/api/legal-holds",
    {
      config: manage,
      schema: { tags, summary: "Bewaarplichten (klacht, bezwaar, rechtszaak)", response: { 200: Holds } },
    },
    (request) => request.withContext((ctx) => listLegalHolds(ctx)),
  );
  app.post(
    "/api/legal-holds",
    {
      config: manage,
      schema: {
        tags,
        summary: "Een huishouden of signaal bewaren, ook na de bewaartermijn (met reden)",
        body: HoldInput,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => placeLegalHold(ctx, request.body))),
  );
  app.post(
    "/api/legal-holds/:id/release",
    {
      config: manage,
      schema: { tags, summary: "Een bewaarplicht opheffen", params: IdParams, response: { 200: Created } },
    },
    (request) => request.withContext((ctx) => releaseLegalHold(ctx, request.params.id)),
  );
  app.get(
    "/api/retention/log",
    {
      config: { access: { anyOf: ["retention.read"] } },
      schema: {
        tags,
        summary: "Wat de bewaartermijn-taak verwijderde, anonimiseerde of bewaarde (soort, id, datum, regel)",
        response: { 200: Log },
      },
    },
    (request) => request.withContext((ctx) => readRetentionLog(ctx)),
  );
}
