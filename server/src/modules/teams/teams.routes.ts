import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import { AddMember, CreateTeam, TeamDetail, TeamList, TeamSummary } from "./teams.schemas.ts";
import { addTeamMember, createTeam, getTeam, getTeams } from "./teams.service.ts";

const tags = ["Teams"];

export function teamRoutes(app: App): void {
  app.get(
    "/api/teams",
    {
      config: { access: { anyOf: ["team.read"] } },
      schema: { tags, summary: "Teams van de gemeente", response: { 200: TeamList } },
    },
    (request) => request.withContext((ctx) => getTeams(ctx)),
  );
  app.post(
    "/api/teams",
    {
      config: { access: { anyOf: ["team.manage"] } },
      schema: {
        tags,
        summary: "Een team toevoegen",
        body: CreateTeam,
        response: { 201: TeamSummary },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createTeam(ctx, request.body))),
  );
  app.get(
    "/api/teams/:id",
    {
      config: { access: { anyOf: ["team.read"] } },
      schema: {
        tags,
        summary: "Een team met zijn leden",
        params: IdParams,
        response: { 200: TeamDetail },
      },
    },
    (request) => request.withContext((ctx) => getTeam(ctx, request.params.id)),
  );
  app.post(
    "/api/teams/:id/members",
    {
      config: { access: { anyOf: ["team.manage"] } },
      schema: {
        tags,
        summary: "Een medewerker aan een team toevoegen (detachering)",
        params: IdParams,
        body: AddMember,
        response: { 201: TeamDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await request.withContext((ctx) => addTeamMember(ctx, request.params.id, request.body))),
  );
}
