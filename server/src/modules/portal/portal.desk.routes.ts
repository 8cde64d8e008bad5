import type { App } from "../../platform/http/app-type.ts";
import { errors } from "../../platform/http/schemas.ts";
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
const write = errors(400, 401, 403, 404, 409, 422);

/** The professional's side: what the household wrote, agreed and filled in, and the answers to it. */
export function portalDeskRoutes(app: App): void {
  app.get(
    "/api/portal-desk/inbox",
    {
      config: { access: { anyOf: ["case.read"] } },
      schema: { tags, summary: "Berichten van inwoners", response: { 200: Inbox, ...errors(401, 403) } },
    },
    (request) => request.withContext((ctx) => getPortalInbox(ctx)),
  );
  app.get(
    "/api/portal-desk/cases/:caseId",
    {
      config: { access: { anyOf: ["case.read"] } },
      schema: {
        tags,
        summary: "Wat de inwoner in het portaal deed",
        params: CaseParams,
        response: { 200: CasePortalView, ...errors(401, 403, 404) },
      },
    },
    (request) => request.withContext((ctx) => getCasePortal(ctx, request.params.caseId)),
  );
  app.post(
    "/api/portal-desk/cases/:caseId/messages",
    {
      config: { access: { anyOf: ["case.write"] } },
      schema: {
        tags,
        summary: "Een bericht aan het huishouden",
        params: CaseParams,
        body: TextBody,
        response: { 201: Message, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await request.withContext((ctx) => replyToHousehold(ctx, request.params.caseId, request.body.text)),
        ),
  );
  app.post(
    "/api/portal-desk/cases/:caseId/goal-proposals/:proposalId/decision",
    {
      config: { access: { anyOf: ["case.write"] } },
      schema: {
        tags,
        summary: "Een voorgesteld doel overnemen of niet",
        params: ProposalParams,
        body: DecisionBody,
        response: { 200: DecisionView, ...write },
      },
    },
    (request) =>
      request.withContext((ctx) =>
        decideProposal(ctx, request.params.caseId, request.params.proposalId, request.body),
      ),
  );
  app.post(
    "/api/portal-desk/cases/:caseId/closure-plan",
    {
      config: { access: { anyOf: ["case.write"] } },
      schema: {
        tags,
        summary: "Het einde van de hulp plannen",
        params: CaseParams,
        body: ClosurePlanBody,
        response: { 200: ClosurePlanView, ...write },
      },
    },
    (request) => request.withContext((ctx) => planClosure(ctx, request.params.caseId, request.body)),
  );
  app.post(
    "/api/portal-desk/households/:householdId/representations",
    {
      config: { access: { anyOf: ["household.write"] } },
      schema: {
        tags,
        summary: "Een machtiging vastleggen",
        params: HouseholdParams,
        body: RepresentationBody,
        response: { 201: Created, ...write },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await request.withContext((ctx) =>
            recordRepresentation(ctx, request.params.householdId, request.body),
          ),
        ),
  );
  app.post(
    "/api/portal-desk/profile",
    {
      config: { access: { anyOf: ["case.write"] } },
      schema: {
        tags,
        summary: "Hoe inwoners mij bereiken (met foto)",
        body: ProfileBody,
        response: { 200: ProfileView, ...write },
      },
    },
    (request) => request.withContext((ctx) => updateCaseLeadProfile(ctx, request.body)),
  );
  app.get(
    "/api/portal-settings",
    {
      config: { access: { anyOf: ["portal.configure"] } },
      schema: {
        tags,
        summary: "Instellingen van het inwonersportaal",
        response: { 200: PortalSettings, ...errors(401, 403) },
      },
    },
    (request) => request.withContext((ctx) => getPortalSettings(ctx)),
  );
  app.post(
    "/api/portal-settings",
    {
      config: { access: { anyOf: ["portal.configure"] } },
      schema: {
        tags,
        summary: "Namen van professionals tonen aan inwoners (of niet)",
        body: PortalSettings,
        response: { 200: PortalSettings, ...write },
      },
    },
    (request) => request.withContext((ctx) => setPortalSettings(ctx, request.body)),
  );
}
