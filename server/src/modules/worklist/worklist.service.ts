import type { RequestContext } from "../../platform/context.ts";
import { forbidden } from "../../platform/http/errors.ts";
import { listConferenceDecisionsFor } from "../conferences/conferences.service.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import {
  actionsDue,
  acuteFlags,
  aftercareDue,
  casesLed,
  reviewsDue,
  type Scope,
  signalsAssigned,
  worklistHouseholds,
} from "./worklist.repository.ts";

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function scope(ctx: RequestContext, userIds: string[], teamIds: string[]): Omit<Scope, "householdIds"> {
  const today = todayInNetherlands(ctx.now);
  return {
    userIds,
    teamIds,
    today,
    actionHorizon: addDays(today, 7),
    reviewHorizon: addDays(today, 14),
    aftercareFrom: addDays(today, -30),
  };
}

/**
 * The worklist is about the households these professionals work on: its queries name those households
 * (index look-ups); the access rules still decide each row.
 */
async function sections(ctx: RequestContext, base: Omit<Scope, "householdIds">) {
  const s: Scope = { ...base, householdIds: await worklistHouseholds(ctx, base.userIds) };
  const [cases, actions, reviews, acute, aftercare, signals] = await Promise.all([
    casesLed(ctx, s),
    actionsDue(ctx, s),
    reviewsDue(ctx, s),
    acuteFlags(ctx, s),
    aftercareDue(ctx, s),
    signalsAssigned(ctx, s),
  ]);
  return { cases, actions, reviews, acute, aftercare, signals };
}

/** "Mijn werk": the professional's start page. */
export async function getMyWorklist(ctx: RequestContext) {
  const s = scope(ctx, [ctx.actor.userId], ctx.actor.teamIds);
  const result = await sections(ctx, s);
  const conferenceDecisions = await listConferenceDecisionsFor(ctx, ctx.actor.userId);
  await ctx.audit({
    action: "worklist.viewed",
    resourceType: "worklist",
    resourceId: ctx.actor.userId,
    details: { cases: result.cases.length, actions: result.actions.length, reviews: result.reviews.length },
  });
  return { today: s.today, ...result, conferenceDecisions };
}

/** A team lead's view: the same sections per team member, with caseload counts. */
export async function getTeamWorklist(ctx: RequestContext, teamId: string) {
  if (!ctx.actor.teamIds.includes(teamId))
    throw forbidden("U kunt alleen het werk van uw eigen team bekijken.");
  const members = await ctx.trx
    .selectFrom("teamMembership as m")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
    )
    .select(["u.id", "u.displayName", "m.hoursPerWeek"])
    .where("m.teamId", "=", teamId)
    .where("u.disabledAt", "is", null)
    .orderBy("u.displayName")
    .execute();
  const s = scope(
    ctx,
    members.map((m) => m.id),
    [teamId],
  );
  const all = await sections(ctx, s);
  const of = <T extends { userId: string }>(rows: T[], userId: string) =>
    rows.filter((r) => r.userId === userId);
  await ctx.audit({
    action: "worklist.viewed",
    resourceType: "team",
    resourceId: teamId,
    teamId,
    details: { members: members.length },
  });
  return {
    today: s.today,
    teamId,
    members: members.map((m) => {
      const mine = {
        cases: of(all.cases, m.id),
        actions: of(all.actions, m.id),
        reviews: of(all.reviews, m.id),
        acute: of(all.acute, m.id),
        aftercare: of(all.aftercare, m.id),
        signals: of(all.signals, m.id),
      };
      return {
        userId: m.id,
        name: m.displayName,
        hoursPerWeek: Number(m.hoursPerWeek),
        counts: {
          caseload: mine.cases.length,
          acuteCases: mine.cases.filter((c) => c.acute).length,
          actionsOverdue: mine.actions.filter((a) => a.overdue).length,
          actionsDue: mine.actions.length,
          reviewsOverdue: mine.reviews.filter((r) => r.overdue).length,
          reviewsDue: mine.reviews.length,
          aftercare: mine.aftercare.length,
          signals: mine.signals.length,
        },
        ...mine,
      };
    }),
  };
}
