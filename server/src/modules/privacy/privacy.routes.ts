import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import {
  CasePurposeSet,
  Consent,
  ConsentInput,
  ConsentList,
  HouseholdParams,
  PurposeInput,
  PurposeRegister,
  SetPurpose,
  WithdrawConsent,
  Withdrawn,
} from "./privacy.schemas.ts";
import {
  createPurpose,
  getConsents,
  getPurposes,
  loadDefaultPurposes,
  recordConsent,
  setCasePurpose,
  withdrawConsent,
} from "./privacy.service.ts";

const tags = ["Privacy"];

export function privacyRoutes(app: App): void {
  app.get(
    "/api/privacy/purposes",
    {
      config: { access: { anyOf: ["privacy.read", "privacy.manage"] } },
      schema: {
        tags,
        summary: "Het register van verwerkingsdoelen",
        response: { 200: PurposeRegister },
      },
    },
    (request) => request.withContext((ctx) => getPurposes(ctx)),
  );
  app.post(
    "/api/privacy/purposes",
    {
      config: { access: { anyOf: ["privacy.manage"] } },
      schema: {
        tags,
        summary: "Een verwerkingsdoel toevoegen",
        body: PurposeInput,
        response: { 201: PurposeRegister },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createPurpose(ctx, request.body))),
  );
  app.post(
    "/api/privacy/purposes/defaults",
    {
      config: { access: { anyOf: ["privacy.manage"] } },
      schema: {
        tags,
        summary: "Het standaardregister laden (Wmo, jeugd, schuldhulp, signalen, wederkerigheid)",
        response: { 200: PurposeRegister },
      },
    },
    (request) => request.withContext((ctx) => loadDefaultPurposes(ctx)),
  );
  app.put(
    "/api/households/:householdId/purpose",
    {
      config: { access: { anyOf: ["consent.write"] } },
      schema: {
        tags,
        summary: "Het verwerkingsdoel van de lopende casus vastleggen",
        params: HouseholdParams,
        body: SetPurpose,
        response: { 200: CasePurposeSet },
      },
    },
    (request) =>
      request.withContext((ctx) => setCasePurpose(ctx, request.params.householdId, request.body.purposeCode)),
  );
  app.get(
    "/api/households/:householdId/consents",
    {
      config: { access: { anyOf: ["consent.write"] } },
      schema: {
        tags,
        summary: "Toestemmingen van een huishouden",
        params: HouseholdParams,
        response: { 200: ConsentList },
      },
    },
    (request) => request.withContext((ctx) => getConsents(ctx, request.params.householdId)),
  );
  app.post(
    "/api/households/:householdId/consents",
    {
      config: { access: { anyOf: ["consent.write"] } },
      schema: {
        tags,
        summary: "Toestemming vastleggen",
        params: HouseholdParams,
        body: ConsentInput,
        response: { 201: Consent },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await request.withContext((ctx) => recordConsent(ctx, request.params.householdId, request.body)),
        ),
  );
  app.post(
    "/api/consents/:id/withdraw",
    {
      config: { access: { anyOf: ["consent.write"] } },
      schema: {
        tags,
        summary: "Toestemming intrekken",
        params: IdParams,
        body: WithdrawConsent,
        response: { 200: Withdrawn },
      },
    },
    (request) =>
      request.withContext((ctx) => withdrawConsent(ctx, request.params.id, request.body.note ?? null)),
  );
}
