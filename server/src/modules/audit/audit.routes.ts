import type { App } from "../../platform/http/app-type.ts";
import { AuditPage, AuditQuery } from "./audit.schemas.ts";
import { readAuditTrail } from "./audit.service.ts";

export function auditRoutes(app: App): void {
  app.get(
    "/api/audit-events",
    {
      config: { access: { anyOf: ["audit.readTeam", "audit.readMunicipality"] } },
      schema: {
        tags: ["Audit"],
        summary: "Logboek van inzage en wijzigingen (teamleider: eigen teams; beheerder: hele gemeente)",
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    (request) => request.withContext((ctx) => readAuditTrail(ctx, request.query)),
  );
}
