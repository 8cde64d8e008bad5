import type { App } from "../../platform/http/app-type.ts";
import { CreateOrganisation, Organisation, OrganisationList } from "./organisations.schemas.ts";
import { createOrganisation, getOrganisations } from "./organisations.service.ts";

const tags = ["Organisaties"];

export function organisationRoutes(app: App): void {
  app.get(
    "/api/organisations",
    {
      config: { access: { anyOf: ["organisation.read"] } },
      schema: {
        tags,
        summary: "Moederorganisaties van de gemeente",
        response: { 200: OrganisationList },
      },
    },
    (request) => request.withContext((ctx) => getOrganisations(ctx)),
  );

  app.post(
    "/api/organisations",
    {
      config: { access: { anyOf: ["organisation.manage"] } },
      schema: {
        tags,
        summary: "Een organisatie toevoegen",
        body: CreateOrganisation,
        response: { 201: Organisation },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createOrganisation(ctx, request.body))),
  );
}
