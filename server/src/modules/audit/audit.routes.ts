import type { App } from "../../platform/http/app-type.ts";
import { AuditPage, AuditQuery, RefusalSummary, RefusalsQuery } from "./audit.schemas.ts";
import { listRefusals, readAuditTrail } from "./audit.service.ts";

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
  app.get(
    "/api/audit-events/refusals",
    {
      config: { access: { anyOf: ["audit.readMunicipality"] } },
      schema: {
        tags: ["Audit"],
        summary: "Beheerder: geweigerde pogingen per gebruiker, met een signaal bij mogelijk snuffelen",
        querystring: RefusalsQuery,
        response: { 200: RefusalSummary },
      },
    },
    (request) => request.withContext((ctx) => listRefusals(ctx, request.query)),
  );
}
