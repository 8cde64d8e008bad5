import { sql } from "kysely";
import { SMALL_NUMBER } from "../../platform/access/smallNumbers.ts";
import type { RequestContext } from "../../platform/context.ts";
import { forbidden, unprocessable } from "../../platform/http/errors.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import type { UsageQuery } from "./directory.schemas.ts";
import { isValidDate } from "./directory.validation.ts";

/** Counts below this are shown to a policy officer as "< 5" (the database returns them as NULL). */
export const SMALL_CELL = SMALL_NUMBER;

/**
 * How many active support plans use this entry (an open action of a plan of an open case), over the whole
 * municipality. Deactivation (directory.service.ts) and the entry detail call it, so an entry in use can
 * never silently disappear. The count comes from app_directory_entry_usage (migration 0009), which reads
 * past the plans' access rules and hands out a number only.
 */
export async function countActivePlanReferences(ctx: RequestContext, entryId: string): Promise<number> {
  const { rows } = await sql<{ activePlans: number }>`
    select active_plans from app_directory_entry_usage(${entryId}::uuid)`.execute(ctx.trx);
  return Number(rows[0]?.activePlans ?? 0);
}

/** A count, or (policy officer, 1–4) only that it is small. */
export interface Count {
  value: number | null;
  suppressed: boolean;
}
interface UsageEntry {
  entryId: string;
  name: string;
  kind: string;
  isActive: boolean;
  actions: Count;
  plans: Count;
}
const count = (value: number | null): Count =>
  value === null ? { value: null, suppressed: true } : { value, suppressed: false };

function assertPeriod(ctx: RequestContext, query: UsageQuery) {
  const day = todayInNetherlands(ctx.now);
  const from = query.from ?? query.until ?? day;
  const until = query.until ?? (query.from && query.from > day ? query.from : day);
  for (const [field, value, name] of [
    ["from", from, "De begindatum"],
    ["until", until, "De einddatum"],
  ] as const) {
    if (!isValidDate(value)) throw unprocessable("invalidDate", `${name} ${value} bestaat niet.`, { field });
  }
  if (until < from)
    throw unprocessable("periodReversed", "De einddatum ligt vóór de begindatum.", { field: "until" });
  return { from, until };
}

/**
 * Which provisions of the social map a team's plans use most, per team, over a period. Team leads and
 * professionals see their own teams; a policy officer sees every team of the municipality with small
 * counts suppressed. No plan, household or name is read: only counts per team and entry.
 */
export async function findUsageByTeam(ctx: RequestContext, query: UsageQuery) {
  const { from, until } = assertPeriod(ctx, query);
  const wholeMunicipality = ctx.actor.role === "policyOfficer";
  if (query.teamId && !wholeMunicipality && !ctx.actor.teamIds.includes(query.teamId))
    throw forbidden("U kunt alleen het gebruik door uw eigen teams bekijken.");
  const rows = await ctx.trx
    .selectFrom(
      sql<{
        teamId: string;
        directoryEntryId: string;
        activePlans: number | null;
        activeActions: number | null;
      }>`app_directory_usage_by_team(${from}::date, ${until}::date)`.as("u"),
    )
    .innerJoin("team as t", (j) =>
      j.on("t.municipalityId", "=", ctx.actor.municipalityId).onRef("t.id", "=", "u.teamId"),
    )
    .innerJoin("directoryEntry as e", (j) =>
      j.on("e.municipalityId", "=", ctx.actor.municipalityId).onRef("e.id", "=", "u.directoryEntryId"),
    )
    .select([
      "u.teamId",
      "t.name as teamName",
      "u.directoryEntryId as entryId",
      "e.name",
      "e.kind",
      sql<boolean>`e.deactivated_at is null`.as("isActive"),
      "u.activePlans",
      "u.activeActions",
    ])
    .$if(query.teamId !== undefined, (q) => q.where("u.teamId", "=", query.teamId as string))
    .orderBy("t.name")
    .orderBy(sql`u.active_actions desc nulls last`)
    .orderBy("e.name")
    .execute();
  const teams = new Map<string, { teamId: string; teamName: string; entries: UsageEntry[] }>();
  for (const row of rows) {
    const team = teams.get(row.teamId) ?? { teamId: row.teamId, teamName: row.teamName, entries: [] };
    teams.set(row.teamId, team);
    team.entries.push({
      entryId: row.entryId,
      name: row.name,
      kind: row.kind,
      isActive: row.isActive,
      actions: count(row.activeActions),
      plans: count(row.activePlans),
    });
  }
  await ctx.audit({
    action: "directory.usageViewed",
    resourceType: "team",
    resourceId: query.teamId ?? null,
    teamId: query.teamId ?? null,
    details: { from, until, scope: wholeMunicipality ? "municipality" : "ownTeams" },
  });
  return {
    from,
    until,
    scope: wholeMunicipality ? ("municipality" as const) : ("ownTeams" as const),
    smallCellThreshold: SMALL_CELL,
    teams: [...teams.values()],
  };
}
