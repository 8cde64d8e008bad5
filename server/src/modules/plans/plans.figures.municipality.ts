import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { requiresEscalationReason } from "./plans.ladder.ts";
import { assertDate } from "./plans.rules.ts";
import { type Shown, suppressCells } from "./plans.suppression.ts";
import { RUNGS } from "./plans.tables.ts";

const key = {
  cell: (period: string, rung: string) => `cell:${period}:${rung}`,
  period: (period: string) => `period:${period}`,
  rung: (rung: string) => `rung:${rung}`,
  reason: (reason: string) => `reason:${reason}`,
  total: "total",
};

/**
 * Ladder figures for the whole municipality, for the policy officer: actions per rung per month (by the date
 * the action was added, Dutch time), referrals to specialist care and escalation reasons. Any cell about
 * fewer than 5 households reads "< 5" (decided in the database); cells that would let one be worked out
 * from a total read "hidden".
 */
export async function getMunicipalLadderFigures(ctx: RequestContext, fromInput: string, toInput: string) {
  const from = assertDate(fromInput, "De begindatum", "from");
  const to = assertDate(toInput, "De einddatum", "to");
  if (to < from)
    throw unprocessable("periodReversed", "De einddatum ligt vóór de begindatum.", { field: "to" });
  const { rows } = await sql<{
    period: string | null;
    rung: string | null;
    reason: string | null;
    actions: number | null;
  }>`select * from app_ladder_figures_municipality(${from}::date, ${to}::date)`.execute(ctx.trx);
  const cells = new Map<string, number | null>();
  const periods = new Set<string>();
  for (const r of rows) {
    const k = r.reason
      ? key.reason(r.reason)
      : r.period && r.rung
        ? key.cell(r.period, r.rung)
        : r.period
          ? key.period(r.period)
          : r.rung
            ? key.rung(r.rung)
            : key.total;
    if (r.period) periods.add(r.period);
    cells.set(k, r.actions === null ? null : Number(r.actions));
  }
  const months = [...periods].sort();
  const reasons = rows.flatMap((r) => (r.reason ? [r.reason] : []));
  const relations = [
    ...months.map((p) => [...RUNGS.map((r) => key.cell(p, r)), key.period(p)]),
    ...RUNGS.map((r) => [...months.map((p) => key.cell(p, r)), key.rung(r)]),
    [...RUNGS.map(key.rung), key.total],
    [...months.map(key.period), key.total],
    // Every action on a professional rung carries exactly one reason: the reasons add up to those rungs.
    [...reasons.map(key.reason), ...RUNGS.filter(requiresEscalationReason).map(key.rung)],
  ];
  const shown = suppressCells(cells, relations);
  const get = (k: string): Shown => shown.get(k) ?? 0;
  const perRung = (k: (rung: string) => string) => Object.fromEntries(RUNGS.map((r) => [r, get(k(r))]));
  await ctx.audit({
    action: "plan.figuresViewed",
    resourceType: "municipality",
    resourceId: ctx.actor.municipalityId,
    details: { from, to, scope: "municipality" },
  });
  return {
    from,
    to,
    threshold: 5,
    periods: months.map((p) => ({
      period: p,
      perRung: perRung((r) => key.cell(p, r)),
      specialistReferrals: get(key.cell(p, "specialistCare")),
      total: get(key.period(p)),
    })),
    totals: {
      perRung: perRung(key.rung),
      specialistReferrals: get(key.rung("specialistCare")),
      total: get(key.total),
      reasons: Object.fromEntries(reasons.map((r) => [r, get(key.reason(r))])),
    },
  };
}
