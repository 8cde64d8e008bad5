import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";

/**
 * How many plans of open cases have an open action that uses this social-map entry (the directory calls this before
 * an entry is deactivated). A count only: the database function reads past the plans' access rules, so
 * an administrator of the social map gets the number without seeing any plan.
 */
export async function countPlanReferencesToEntry(ctx: RequestContext, entryId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select app_plan_directory_references(${entryId}::uuid) as n`.execute(ctx.trx);
  return Number(rows[0]?.n ?? 0);
}
