import type { RequestContext } from "../../platform/context.ts";
import { assertResident, authorisationsOf, ownHousehold } from "./portal.scope.ts";

/** Who is logged in to the portal, their own household and the people they may act for. */
export async function getPortalMe(ctx: RequestContext) {
  assertResident(ctx);
  const own = await ownHousehold(ctx);
  return {
    displayName: ctx.actor.displayName,
    ownHouseholdId: own?.householdId ?? null,
    authorisations: await authorisationsOf(ctx),
  };
}
