import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { DateTime, IdParams, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { correctResident, listCorrections } from "./correction.service.ts";
import { exportAsHtml, exportResident } from "./export.service.ts";

const tags = ["Rechten van inwoners"];
const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("html")])),
});
const Export = Type.Object({
  residentId: Uuid,
  householdId: Uuid,
  generatedAt: DateTime,
  tables: Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  accessLog: Type.Array(
    Type.Object({
      id: Type.String(),
      occurredAt: DateTime,
      action: Type.String(),
      actorName: Nullable(Type.String()),
      actorRole: Nullable(Type.String()),
      organisationName: Nullable(Type.String()),
      resourceType: Type.String(),
      reason: Nullable(Type.String()),
      breakTheGlass: Type.Boolean(),
    }),
  ),
  excluded: Type.Record(Type.String(), Type.String()),
  notReadable: Type.Array(Type.String()),
});
const CorrectionInput = Type.Object({
  changes: Type.Record(Type.String({ maxLength: 40 }), Nullable(Type.String({ maxLength: 200 }))),
  reason: Type.String({ maxLength: 2000 }),
});
const Corrections = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      field: Type.String(),
      oldValue: Nullable(Type.String()),
      newValue: Nullable(Type.String()),
      reason: Type.String(),
      correctedAt: DateTime,
      correctedByName: Nullable(Type.String()),
    }),
  ),
});

export function residentRightsRoutes(app: App): void {
  app.get(
    "/api/residents/:id/export",
    {
      config: { access: { anyOf: ["resident.export"] } },
      schema: {
        tags,
        summary: "Inzageverzoek: alle gegevens over een inwoner, met wie ze inzag (JSON of HTML)",
        params: IdParams,
        querystring: ExportQuery,
        response: { 200: Export },
      },
    },
    async (request, reply) => {
      const result = await request.withContext((ctx) => exportResident(ctx, request.params.id));
      if (request.query.format === "html")
        return reply
          .type("text/html; charset=utf-8")
          .serializer((x: unknown) => String(x))
          .send(exportAsHtml(result) as never);
      return reply
        .header("content-disposition", `attachment; filename="inzage-${request.params.id}.json"`)
        .send(result);
    },
  );
  app.get(
    "/api/residents/:id/corrections",
    {
      config: { access: { anyOf: ["resident.correct", "resident.export"] } },
      schema: {
        tags,
        summary: "Correcties van inwonergegevens (met oude en nieuwe waarde)",
        params: IdParams,
        response: { 200: Corrections },
      },
    },
    (request) => request.withContext((ctx) => listCorrections(ctx, request.params.id)),
  );
  app.post(
    "/api/residents/:id/corrections",
    {
      config: { access: { anyOf: ["resident.correct"] } },
      schema: {
        tags,
        summary: "Correctieverzoek: gegevens van een inwoner corrigeren, met geschiedenis",
        params: IdParams,
        body: CorrectionInput,
        response: { 200: Corrections },
      },
    },
    (request) => request.withContext((ctx) => correctResident(ctx, request.params.id, request.body)),
  );
}
