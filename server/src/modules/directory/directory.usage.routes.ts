import type { App } from "../../platform/http/app-type.ts";
import { UsageQuery, UsageReport } from "./directory.schemas.ts";
import { findUsageByTeam } from "./directory.usage.ts";

/** "Which provisions do our plans use most": counts per team and entry, never a plan or a person. */
export function directoryUsageRoutes(app: App): void {
  app.get(
    "/api/directory/usage",
    {
      config: { access: { anyOf: ["directory.viewUsage"] } },
      schema: {
        tags: ["Sociale kaart"],
        summary: "Meest gebruikte voorzieningen in lopende plannen, per team en periode",
        querystring: UsageQuery,
        response: { 200: UsageReport },
      },
    },
    (request) => request.withContext((ctx) => findUsageByTeam(ctx, request.query)),
  );
}
