import type { App } from "../../platform/http/app-type.ts";
import { toJson } from "../plans/json.ts";
import { TeamParams, TeamWorklist, Worklist } from "./worklist.schemas.ts";
import { getMyWorklist, getTeamWorklist } from "./worklist.service.ts";

const tags = ["Mijn werk"];

export function worklistRoutes(app: App): void {
  app.get(
    "/api/worklist",
    {
      config: { access: { anyOf: ["worklist.read"] } },
      schema: {
        tags,
        summary: "Mijn werk: casussen, acties, evaluaties, acute signalen, nazorg",
        response: { 200: Worklist },
      },
    },
    (request) => request.withContext(async (ctx) => toJson(await getMyWorklist(ctx))),
  );
  app.get(
    "/api/worklist/teams/:teamId",
    {
      config: { access: { anyOf: ["worklist.viewTeam"] } },
      schema: {
        tags,
        summary: "Het werk van een team per medewerker",
        params: TeamParams,
        response: { 200: TeamWorklist },
      },
    },
    (request) =>
      request.withContext(async (ctx) => toJson(await getTeamWorklist(ctx, request.params.teamId))),
  );
}
