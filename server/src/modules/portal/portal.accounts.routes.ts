import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { errors } from "../../platform/http/schemas.ts";
import {
  createResidentAccount,
  linkOidcSubject,
  listResidentAccounts,
  revokeRepresentation,
} from "./portal.accounts.ts";
import {
  AccountParams,
  HouseholdParams,
  OidcSubjectBody,
  ProfileView,
  RepresentationParams,
  ResidentAccountBody,
  ResidentAccountList,
  RevokedView,
} from "./portal.schemas.ts";
import { getCaseLeadProfile } from "./portal.settings.ts";

const tags = ["Inwonersportaal (professional)"];
const write = errors(400, 401, 403, 404, 409, 422);

/** Accounts for residents, their link to the identity provider, and ending an authorisation. */
export function portalAccountRoutes(app: App): void {
  app.post(
    "/api/portal-desk/households/:householdId/resident-accounts",
    {
      config: { access: { anyOf: ["household.write"] } },
      schema: {
        tags,
        summary: "Een account voor het inwonersportaal maken voor een lid van het huishouden",
        params: HouseholdParams,
        body: ResidentAccountBody,
        response: { 201: Type.Object({ userId: Type.String(), username: Type.String() }), ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await request.withContext((ctx) =>
            createResidentAccount(ctx, request.params.householdId, request.body),
          ),
        ),
  );
  app.get(
    "/api/portal-desk/resident-accounts",
    {
      config: { access: { anyOf: ["user.manage"] } },
      schema: {
        tags,
        summary: "Accounts van inwoners (voor de beheerder)",
        response: { 200: ResidentAccountList, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => listResidentAccounts(ctx)),
  );
  app.post(
    "/api/portal-desk/resident-accounts/:userId/oidc-subject",
    {
      config: { access: { anyOf: ["user.manage", "household.write"] } },
      schema: {
        tags,
        summary: "Het inlogkenmerk van de identiteitsprovider (DigiD via OIDC) koppelen",
        params: AccountParams,
        body: OidcSubjectBody,
        response: { 200: Type.Object({ userId: Type.String(), oidcLinked: Type.Boolean() }), ...write },
      },
    },
    (request) =>
      request.withContext((ctx) => linkOidcSubject(ctx, request.params.userId, request.body.oidcSubject)),
  );
  app.post(
    "/api/portal-desk/households/:householdId/representations/:representationId/revoke",
    {
      config: { access: { anyOf: ["household.write"] } },
      schema: {
        tags,
        summary: "Een machtiging intrekken",
        params: RepresentationParams,
        response: { 200: RevokedView, ...write },
      },
    },
    (request) =>
      request.withContext((ctx) =>
        revokeRepresentation(ctx, request.params.householdId, request.params.representationId),
      ),
  );
  app.get(
    "/api/portal-desk/profile",
    {
      config: { access: { anyOf: ["case.write"] } },
      schema: {
        tags,
        summary: "Mijn contactkaart voor inwoners",
        response: { 200: ProfileView, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => getCaseLeadProfile(ctx)),
  );
}
