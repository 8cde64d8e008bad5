import type { App } from "../../platform/http/app-type.ts";
import { toJson } from "../plans/json.ts";
import {
  ChangeNetworkMember,
  HouseholdParams,
  MemberParams,
  Network,
  NetworkMemberInput,
  RemoveNetworkMember,
  SavedMember,
} from "./network.schemas.ts";
import { addNetworkMember, changeNetworkMember, getNetwork, removeNetworkMember } from "./network.service.ts";

const tags = ["Netwerk (ecogram)"];
const changed = { 200: SavedMember };

export function networkRoutes(app: App): void {
  app.get(
    "/api/households/:householdId/network",
    {
      config: { access: { anyOf: ["plan.read"] } },
      schema: {
        tags,
        summary: "Het netwerk van een huishouden",
        params: HouseholdParams,
        response: { 200: Network },
      },
    },
    (request) =>
      request.withContext(async (ctx) => toJson(await getNetwork(ctx, request.params.householdId))),
  );
  app.post(
    "/api/households/:householdId/network",
    {
      config: { access: { anyOf: ["plan.write"] } },
      schema: {
        tags,
        summary: "Iemand aan het netwerk toevoegen",
        params: HouseholdParams,
        body: NetworkMemberInput,
        response: { 201: SavedMember },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await request.withContext((ctx) => addNetworkMember(ctx, request.params.householdId, request.body)),
        ),
  );
  app.put(
    "/api/network-members/:memberId",
    {
      config: { access: { anyOf: ["plan.write"] } },
      schema: {
        tags,
        summary: "Een netwerklid wijzigen",
        params: MemberParams,
        body: ChangeNetworkMember,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) => changeNetworkMember(ctx, request.params.memberId, request.body)),
  );
  app.post(
    "/api/network-members/:memberId/remove",
    {
      config: { access: { anyOf: ["plan.write"] } },
      schema: {
        tags,
        summary: "Iemand uit het netwerk verwijderen",
        params: MemberParams,
        body: RemoveNetworkMember,
        response: changed,
      },
    },
    (request) =>
      request.withContext((ctx) => removeNetworkMember(ctx, request.params.memberId, request.body.version)),
  );
}
