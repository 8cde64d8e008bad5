import type { App } from "../../platform/http/app-type.ts";
import { CsvFile, sendCsv } from "../../platform/http/csv.ts";
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
        response: { 200: OutcomeMonitor },
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
        response: { 200: CsvFile },
      },
    },
    async (request, reply) => {
      const csv = await request.withContext((ctx) => exportOutcomeMonitor(ctx, request.query));
      return sendCsv(reply, "monitor-opbrengsten.csv", csv);
    },
  );
}
