import { sql } from "kysely";
import type { RequestContext } from "../context.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Focus on no household at all: no row has this id. */
const NONE = "00000000-0000-0000-0000-000000000000";

/**
 * Declares that the rest of this request concerns these households only (migrations 0015, 0020). The
 * access rules are then asked for them instead of the user's whole caseload: index look-ups instead of
 * a set of ~1,650 households rebuilt for every request. It can only narrow what the request sees —
 * every other household becomes invisible to it — so call it only where the use case reads or writes
 * these households and nothing about others (not where duplicates are searched or households merged).
 * Ids that are not UUIDs are left out; an empty list narrows to nothing.
 */
export async function narrowToHouseholds(ctx: RequestContext, householdIds: string[]): Promise<void> {
  const ids = householdIds.filter((id) => UUID.test(id));
  const focus = ids.length ? ids.join(",") : NONE;
  await sql`select set_config('app.focus_household_ids', ${focus}, true)`.execute(ctx.trx);
}

/** A request about one household. An id that is not a UUID changes nothing: the lookups that follow answer 404. */
export async function narrowToHousehold(ctx: RequestContext, householdId: string): Promise<void> {
  if (UUID.test(householdId)) await narrowToHouseholds(ctx, [householdId]);
}

/** A request about one case: narrows to its household (or to nothing for an unknown case: then 404). */
export async function narrowToCase(ctx: RequestContext, caseId: string): Promise<void> {
  if (!UUID.test(caseId)) return;
  await sql`select set_config('app.focus_household_ids',
    coalesce(app_case_household_id(${caseId}::uuid)::text, ${NONE}), true)`.execute(ctx.trx);
}
