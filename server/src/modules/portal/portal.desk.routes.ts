import type { App } from "../../platform/http/app-type.ts";
import { created, routeGroup } from "../../platform/http/route-helpers.ts";
import { getCasePortal, getPortalInbox, planClosure, replyToHousehold } from "./portal.desk.ts";
import { decideProposal } from "./portal.proposals.ts";
import { recordRepresentation } from "./portal.representation.ts";
import {
  CaseParams,
  CasePortalView,
  ClosurePlanBody,
  ClosurePlanView,
  Created,
  DecisionBody,
  DecisionView,
  HouseholdParams,
  Inbox,
  Message,
  PortalSettings,
  ProfileBody,
  ProfileView,
  ProposalParams,
  RepresentationBody,
  TextBody,
} from "./portal.schemas.ts";
import { getPortalSettings, setPortalSettings, updateCaseLeadProfile } from "./portal.settings.ts";

const tags = ["Inwonersportaal (professional)"];
const readCase = routeGroup({ anyOf: ["case.read"] }, tags);
const writeCase = routeGroup({ anyOf: ["case.write"] }, tags);
const writeHousehold = routeGroup({ anyOf: ["household.write"] }, tags);
const configurePortal = routeGroup({ anyOf: ["portal.configure"] }, tags);

/** The professional's side: what the household wrote, agreed and filled in, and the answers to it. */
export function portalDeskRoutes(app: App): void {
  app.get(
    "/api/portal-desk/inbox",
    readCase("Berichten van inwoners", { response: { 200: Inbox } }),
    (request) => request.withContext((ctx) => getPortalInbox(ctx)),
  );
  app.get(
    "/api/portal-desk/cases/:caseId",
    readCase("Wat de inwoner in het portaal deed", { params: CaseParams, response: { 200: CasePortalView } }),
    (request) => request.withContext((ctx) => getCasePortal(ctx, request.params.caseId)),
  );
  app.post(
    "/api/portal-desk/cases/:caseId/messages",
    writeCase("Een bericht aan het huishouden", {
      params: CaseParams,
      body: TextBody,
      response: { 201: Message },
    }),
    (request, reply) =>
      created(
        reply,
        request.withContext((ctx) => replyToHousehold(ctx, request.params.caseId, request.body.text)),
      ),
  );
  app.post(
    "/api/portal-desk/cases/:caseId/goal-proposals/:proposalId/decision",
    writeCase("Een voorgesteld doel overnemen of niet", {
      params: ProposalParams,
      body: DecisionBody,
      response: { 200: DecisionView },
    }),
    (request) =>
      request.withContext((ctx) =>
        decideProposal(ctx, request.params.caseId, request.params.proposalId, request.body),
      ),
  );
  app.post(
    "/api/portal-desk/cases/:caseId/closure-plan",
    writeCase("Het einde van de hulp plannen", {
      params: CaseParams,
      body: ClosurePlanBody,
      response: { 200: ClosurePlanView },
    }),
    (request) => request.withContext((ctx) => planClosure(ctx, request.params.caseId, request.body)),
  );
  app.post(
    "/api/portal-desk/households/:householdId/representations",
    writeHousehold("Een machtiging vastleggen", {
      params: HouseholdParams,
      body: RepresentationBody,
      response: { 201: Created },
    }),
    (request, reply) =>
      created(
        reply,
        request.withContext((ctx) => recordRepresentation(ctx, request.params.householdId, request.body)),
      ),
  );
  app.post(
    "/api/portal-desk/profile",
    writeCase("Hoe inwoners mij bereiken (met foto)", { body: ProfileBody, response: { 200: ProfileView } }),
    (request) => request.withContext((ctx) => updateCaseLeadProfile(ctx, request.body)),
  );
  app.get(
    "/api/portal-settings",
    configurePortal("Instellingen van het inwonersportaal", { response: { 200: PortalSettings } }),
    (request) => request.withContext((ctx) => getPortalSettings(ctx)),
  );
  app.post(
    "/api/portal-settings",
    configurePortal("Namen van professionals tonen aan inwoners (of niet)", {
      body: PortalSettings,
      response: { 200: PortalSettings },
    }),
    (request) => request.withContext((ctx) => setPortalSettings(ctx, request.body)),
  );
}
