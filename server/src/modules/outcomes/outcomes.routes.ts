import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { errors } from "../../platform/http/schemas.ts";
import { MonitorQuery, OutcomeMonitor } from "./outcomes.schemas.ts";
import { exportOutcomeMonitor, getOutcomeMonitor } from "./outcomes.service.ts";

const tags = ["Opbrengstgericht werken"];
const access = { access: { anyOf: ["outcomes.read" as const] } };

/** The outcome monitor (aggregates only) and its CSV export. */
export function outcomeRoutes(app: App): void {
  app.get(
    "/api/outcomes",
    {
      config: access,
      schema: {
        tags,
        summary: "Monitor opbrengstgericht werken: cijfers per team, wijk of Wmo-prestatieveld",
        querystring: MonitorQuery,
        response: { 200: OutcomeMonitor, ...errors(400, 401, 403, 422) },
      },
    },
    (request) => request.withContext((ctx) => getOutcomeMonitor(ctx, request.query)),
  );
  app.get(
    "/api/outcomes.csv",
    {
      config: access,
      schema: {
        tags,
        summary: "Monitor opbrengstgericht werken als CSV",
        querystring: MonitorQuery,
        produces: ["text/csv"],
        response: { 200: Type.String(), ...errors(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const csv = await request.withContext((ctx) => exportOutcomeMonitor(ctx, request.query));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="monitor-opbrengsten.csv"')
        .send(csv);
    },
  );
}
