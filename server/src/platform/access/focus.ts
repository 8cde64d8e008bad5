import { sql } from "kysely";
import type { RequestContext } from "../context.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Declares that the rest of this request concerns one household only (migration 0015). The access
 * rules are then asked for that household instead of the user's whole caseload: one index look-up
 * per rule instead of a set of ~1,650 households rebuilt in every statement. It can only narrow what
 * the request sees — every other household becomes invisible to it — so call it only where the use
 * case reads or writes a single household and nothing about others (not where duplicates are searched
 * or households merged). An id that is not a UUID changes nothing: the lookups that follow answer 404.
 */
export async function narrowToHousehold(ctx: RequestContext, householdId: string): Promise<void> {
  if (!UUID.test(householdId)) return;
  await sql`select set_config('app.focus_household_id', ${householdId}, true)`.execute(ctx.trx);
}
