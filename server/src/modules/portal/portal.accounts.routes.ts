import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { created, routeGroup } from "../../platform/http/route-helpers.ts";
import {
  createResidentAccount,
  linkOidcSubject,
  listResidentAccounts,
  revokeRepresentation,
  unlinkOidcSubject,
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
const writeHousehold = routeGroup({ anyOf: ["household.write"] }, tags);
const manageUsers = routeGroup({ anyOf: ["user.manage"] }, tags);
const writeCase = routeGroup({ anyOf: ["case.write"] }, tags);

/** Accounts for residents, their link to the identity provider, and ending an authorisation. */
export function portalAccountRoutes(app: App): void {
  app.post(
    "/api/portal-desk/households/:householdId/resident-accounts",
    writeHousehold("Een account voor het inwonersportaal maken voor een lid van het huishouden", {
      params: HouseholdParams,
      body: ResidentAccountBody,
      response: { 201: Type.Object({ userId: Type.String(), username: Type.String() }) },
    }),
    (request, reply) =>
      created(
        reply,
        request.withContext((ctx) => createResidentAccount(ctx, request.params.householdId, request.body)),
      ),
  );
  app.get(
    "/api/portal-desk/resident-accounts",
    manageUsers("Accounts van inwoners (voor de beheerder)", { response: { 200: ResidentAccountList } }),
    (request) => request.withContext((ctx) => listResidentAccounts(ctx)),
  );
  app.post(
    "/api/portal-desk/resident-accounts/:userId/oidc-subject",
    writeHousehold(
      "Het inlogkenmerk van de identiteitsprovider (DigiD via OIDC) koppelen; alleen wie in het dossier werkt, nooit over een bestaande koppeling heen",
      {
        params: AccountParams,
        body: OidcSubjectBody,
        response: { 200: Type.Object({ userId: Type.String(), oidcLinked: Type.Boolean() }) },
      },
    ),
    (request) =>
      request.withContext((ctx) => linkOidcSubject(ctx, request.params.userId, request.body.oidcSubject)),
  );
  app.delete(
    "/api/portal-desk/resident-accounts/:userId/oidc-subject",
    writeHousehold("De koppeling met de identiteitsprovider verwijderen (de inwoner krijgt bericht)", {
      params: AccountParams,
      response: { 200: Type.Object({ userId: Type.String(), oidcLinked: Type.Boolean() }) },
    }),
    (request) => request.withContext((ctx) => unlinkOidcSubject(ctx, request.params.userId)),
  );
  app.post(
    "/api/portal-desk/households/:householdId/representations/:representationId/revoke",
    writeHousehold("Een machtiging intrekken", {
      params: RepresentationParams,
      response: { 200: RevokedView },
    }),
    (request) =>
      request.withContext((ctx) =>
        revokeRepresentation(ctx, request.params.householdId, request.params.representationId),
      ),
  );
  app.get(
    "/api/portal-desk/profile",
    writeCase("Mijn contactkaart voor inwoners", { response: { 200: ProfileView } }),
    (request) => request.withContext((ctx) => getCaseLeadProfile(ctx)),
  );
}
