import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import { CoFunding, NormBody, RosterBody, TeamStaffing } from "./staffing.schemas.ts";
import { getCoFunding, getTeamStaffing, setNorm, setRoster } from "./staffing.service.ts";

const tags = ["Teamsamenstelling en bezetting"];

export function staffingRoutes(app: App): void {
  app.get(
    "/api/staffing/co-funding",
    {
      config: { access: { anyOf: ["staffing.read"] } },
      schema: {
        tags,
        summary: "Cofinanciering: uren per moederorganisatie en team",
        response: { 200: CoFunding },
      },
    },
    (request) => request.withContext((ctx) => getCoFunding(ctx)),
  );
  app.get(
    "/api/staffing/teams/:id",
    {
      config: { access: { anyOf: ["staffing.read"] } },
      schema: {
        tags,
        summary: "Deskundigheid, uren en bezetting per dagdeel van een team",
        params: IdParams,
        response: { 200: TeamStaffing },
      },
    },
    (request) => request.withContext((ctx) => getTeamStaffing(ctx, request.params.id)),
  );
  app.post(
    "/api/staffing/teams/:id/norm",
    {
      config: { access: { anyOf: ["staffing.manage"] } },
      schema: {
        tags,
        summary: "De bezettingsnorm van een team instellen",
        params: IdParams,
        body: NormBody,
        response: { 200: TeamStaffing },
      },
    },
    (request) => request.withContext((ctx) => setNorm(ctx, request.params.id, request.body)),
  );
  app.post(
    "/api/staffing/teams/:id/roster",
    {
      config: { access: { anyOf: ["staffing.manage"] } },
      schema: {
        tags,
        summary: "Het rooster (medewerker × weekdag × dagdeel) van een team vervangen",
        params: IdParams,
        body: RosterBody,
        response: { 200: TeamStaffing },
      },
    },
    (request) => request.withContext((ctx) => setRoster(ctx, request.params.id, request.body.slots)),
  );
}
