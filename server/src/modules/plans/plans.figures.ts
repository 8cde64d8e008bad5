import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { forbidden, unprocessable } from "../../platform/http/errors.ts";
import { assertDate } from "./plans.rules.ts";
import { RUNGS } from "./plans.tables.ts";

const emptyRungs = () => Object.fromEntries(RUNGS.map((r) => [r, 0])) as Record<string, number>;

/**
 * Team figures of the support ladder: actions per rung per month (by the date the action was added to a
 * plan, Dutch time) and referrals to specialist care, for the cases of one team. Removed actions do not count.
 */
export async function getLadderFigures(
  ctx: RequestContext,
  teamId: string,
  fromInput: string,
  toInput: string,
) {
  if (!ctx.actor.teamIds.includes(teamId))
    throw forbidden("U kunt alleen de cijfers van uw eigen team bekijken.");
  const from = assertDate(fromInput, "De begindatum", "from");
  const to = assertDate(toInput, "De einddatum", "to");
  if (to < from)
    throw unprocessable("periodReversed", "De einddatum ligt vóór de begindatum.", { field: "to" });
  const day = sql<string>`to_char(a.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`;
  const rows = await ctx.trx
    .selectFrom("planAction as a")
    .innerJoin("supportPlan as p", (j) =>
      j.onRef("p.municipalityId", "=", "a.municipalityId").onRef("p.id", "=", "a.planId"),
    )
    .innerJoin("caseFile as c", (j) =>
      j.onRef("c.municipalityId", "=", "p.municipalityId").onRef("c.id", "=", "p.caseId"),
    )
    .select([
      sql<string>`to_char(a.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM')`.as("period"),
      "a.rung",
      "a.escalationReason",
      sql<number>`count(*)::integer`.as("count"),
    ])
    .where("c.teamId", "=", teamId)
    .where("a.removedAt", "is", null)
    .where(day, ">=", from)
    .where(day, "<=", to)
    .groupBy([sql`1`, "a.rung", "a.escalationReason"])
    .orderBy(sql`1`)
    .execute();
  const periods = new Map<
    string,
    { period: string; perRung: Record<string, number>; specialistReferrals: number; total: number }
  >();
  const totals = {
    perRung: emptyRungs(),
    specialistReferrals: 0,
    total: 0,
    reasons: {} as Record<string, number>,
  };
  for (const r of rows) {
    const p = periods.get(r.period) ?? {
      period: r.period,
      perRung: emptyRungs(),
      specialistReferrals: 0,
      total: 0,
    };
    periods.set(r.period, p);
    const n = Number(r.count);
    p.perRung[r.rung] = (p.perRung[r.rung] ?? 0) + n;
    p.total += n;
    totals.perRung[r.rung] = (totals.perRung[r.rung] ?? 0) + n;
    totals.total += n;
    if (r.rung === "specialistCare") {
      p.specialistReferrals += n;
      totals.specialistReferrals += n;
    }
    if (r.escalationReason)
      totals.reasons[r.escalationReason] = (totals.reasons[r.escalationReason] ?? 0) + n;
  }
  await ctx.audit({
    action: "plan.figuresViewed",
    resourceType: "team",
    resourceId: teamId,
    teamId,
    details: { from, to },
  });
  return { teamId, from, to, periods: [...periods.values()], totals };
}
