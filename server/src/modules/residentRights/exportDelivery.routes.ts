import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { routeGroup } from "../../platform/http/route-helpers.ts";
import { DateTime, IdParams, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { downloadExport } from "../portal/portal.exports.ts";
import { inPortal } from "../portal/portal.scope.ts";
import { deliverExport, listExportRequests } from "./exportDelivery.service.ts";

const Status = Type.Union([Type.Literal("requested"), Type.Literal("ready"), Type.Literal("expired")]);
const Queue = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      householdId: Uuid,
      residentId: Uuid,
      residentName: Type.String(),
      householdName: Type.String(),
      requestedAt: DateTime,
      status: Status,
      deliveredAt: Nullable(DateTime),
      expiresAt: Nullable(DateTime),
      deliveredByName: Nullable(Type.String()),
    }),
  ),
});
const Delivered = Type.Object({ id: Uuid, status: Status, deliveredAt: DateTime, expiresAt: DateTime });
const DownloadParams = Type.Object({ householdId: Uuid, requestId: Uuid });
const DownloadQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("html")])),
});

const staff = routeGroup({ anyOf: ["resident.export"] }, ["Rechten van inwoners"]);
const resident = routeGroup({ anyOf: ["portal.use"] }, ["Inwonersportaal"]);

/** Residents' export requests: the professionals' queue, producing the export, the resident's download. */
export function exportDeliveryRoutes(app: App): void {
  app.get(
    "/api/export-requests",
    staff("Inzageverzoeken van inwoners (voor de huishoudens die u mag openen)", {
      response: { 200: Queue },
    }),
    (request) => request.withContext((ctx) => listExportRequests(ctx)),
  );
  app.post(
    "/api/export-requests/:id/deliver",
    staff("Het inzageverzoek afhandelen: de export maken en in het portaal klaarzetten", {
      params: IdParams,
      response: { 200: Delivered },
    }),
    (request) => request.withContext((ctx) => deliverExport(ctx, request.params.id)),
  );
  app.get(
    "/api/portal/households/:householdId/exports/:requestId",
    resident("Mijn opgevraagde gegevens downloaden (JSON of leesbare HTML)", {
      params: DownloadParams,
      querystring: DownloadQuery,
      response: {
        200: Type.Unknown({ description: "Het bestand: JSON (zoals gemaakt) of een leesbare HTML-pagina" }),
        409: Type.Ref("Error"),
        410: Type.Ref("Error"),
      },
    }),
    async (request, reply) => {
      const file = await inPortal(request, (ctx) =>
        downloadExport(
          ctx,
          request.params.householdId,
          request.params.requestId,
          request.query.format ?? "json",
        ),
      );
      return reply
        .type(file.type)
        .header(
          "content-disposition",
          `${file.type.startsWith("text/html") ? "inline" : "attachment"}; filename="${file.filename}"`,
        )
        .header("cache-control", "no-store")
        .serializer((x: unknown) => String(x))
        .send(file.body);
    },
  );
}
