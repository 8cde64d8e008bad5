import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import {
  aggregateCases,
  type CaseSummary,
  calculateImpact,
  monthOffset,
  type TimelineEntry,
} from "./impact.calculation.ts";
import {
  caseFacts,
  type EntryRow,
  findCase,
  listEntries,
  teamCasesWithEntries,
  teamProfessionals,
} from "./impact.repository.ts";
import type { EntryInput } from "./impact.schemas.ts";
import { listPrices, toPriceItem } from "./prices.service.ts";

/**
 * The Effectencalculator leaves the dossier (team overview, reports to the municipality), so it is
 * pseudonymised always: a case label instead of names, no free text from journal or plan — dates, kinds,
 * domains, levels and rungs only. Opening it still reads personal data and is audited as such.
 */
export const caseLabel = (caseId: string) =>
  `Casus ${caseId.slice(0, 4).toUpperCase()}-${caseId.slice(-2).toUpperCase()}`;

async function assertCase(ctx: RequestContext, caseId: string) {
  const found = await findCase(ctx, caseId);
  if (!found) throw notFound("Deze casus bestaat niet of u heeft er geen toegang toe.");
  return found;
}

const toTimeline = (e: EntryRow): TimelineEntry => ({
  id: e.id,
  scenario: e.scenario,
  priceId: e.priceId,
  monthOffset: e.monthOffset,
  quantity: e.quantity,
});

function summarise(entries: EntryRow[]) {
  const prices = entries.map((e) =>
    toPriceItem({ id: e.priceId, item: e.item, unit: e.unit, price: e.price, stakeholder: e.stakeholder }),
  );
  return calculateImpact(entries.map(toTimeline), prices);
}

export async function getImpactCase(ctx: RequestContext, caseId: string) {
  const found = await assertCase(ctx, caseId);
  const entries = await listEntries(ctx, [caseId]);
  const facts = await caseFacts(ctx, caseId);
  const prices = await listPrices(ctx, true);
  const professionals = await teamProfessionals(ctx, found.teamId);
  const at = (date: string) => monthOffset(found.openedOn, date);
  const events: {
    monthOffset: number;
    date: string;
    kind: string;
    domain: string | null;
    detail: string | null;
  }[] = [{ monthOffset: 0, date: found.openedOn, kind: "caseOpened", domain: null, detail: null }];
  const assessed = new Map<string, string>();
  for (const s of facts.scores) assessed.set(`${s.date}|${s.kind}`, s.date);
  for (const [key, date] of assessed)
    events.push({
      monthOffset: at(date),
      date,
      kind: key.endsWith("final") ? "finalAssessment" : "assessment",
      domain: null,
      detail: null,
    });
  for (const g of facts.goals) {
    events.push({
      monthOffset: at(g.startDate),
      date: g.startDate,
      kind: "goalSet",
      domain: g.domain,
      detail: null,
    });
    if (g.status !== "active")
      events.push({
        monthOffset: at(g.targetDate),
        date: g.targetDate,
        kind: g.status === "achieved" ? "goalAchieved" : "goalStopped",
        domain: g.domain,
        detail: null,
      });
  }
  for (const a of facts.actions)
    events.push({ monthOffset: at(a.date), date: a.date, kind: "action", domain: a.domain, detail: a.rung });
  for (const j of facts.journal)
    events.push({ monthOffset: at(j.date), date: j.date, kind: "contact", domain: null, detail: j.kind });
  if (found.closedOn)
    events.push({
      monthOffset: at(found.closedOn),
      date: found.closedOn,
      kind: "caseClosed",
      domain: null,
      detail: found.escalationPrevented,
    });
  events.sort((a, b) => a.date.localeCompare(b.date));

  const residentIndex = new Map<string, number>();
  const zrm = new Map<
    string,
    { resident: number; domain: string; points: { monthOffset: number; date: string; level: number }[] }
  >();
  for (const s of facts.scores) {
    if (!residentIndex.has(s.residentId)) residentIndex.set(s.residentId, residentIndex.size + 1);
    const resident = residentIndex.get(s.residentId) as number;
    const key = `${resident}|${s.domain}`;
    const series = zrm.get(key) ?? { resident, domain: s.domain, points: [] };
    series.points.push({ monthOffset: at(s.date), date: s.date, level: s.level });
    zrm.set(key, series);
  }

  const result = summarise(entries);
  const amount = new Map(result.lines.map((l) => [l.entryId, l.amountCents]));
  await ctx.audit({
    action: "impactCalculator.viewed",
    resourceType: "case",
    resourceId: caseId,
    householdId: found.householdId,
    teamId: found.teamId,
  });
  return {
    caseId,
    label: caseLabel(caseId),
    teamId: found.teamId,
    status: found.status,
    openedOn: found.openedOn,
    closedOn: found.closedOn,
    escalationPrevented: found.escalationPrevented,
    events,
    zrm: [...zrm.values()],
    entries: entries.map((e) => ({
      id: e.id,
      scenario: e.scenario,
      priceId: e.priceId,
      item: e.item,
      unit: e.unit,
      stakeholder: e.stakeholder,
      monthOffset: e.monthOffset,
      quantity: e.quantity,
      description: e.description,
      professionalName: e.professionalName,
      amountCents: amount.get(e.id) ?? 0,
    })),
    result: {
      horizonMonths: result.horizonMonths,
      actual: result.actual,
      counterfactual: result.counterfactual,
      benefit: result.benefit,
      netBenefit: result.netBenefit,
    },
    prices,
    professionals,
  };
}

export async function addImpactEntry(ctx: RequestContext, caseId: string, input: EntryInput) {
  const found = await assertCase(ctx, caseId);
  const description = input.description.trim();
  if (!description)
    throw unprocessable("descriptionRequired", "Beschrijf wat er gebeurde of zou zijn gebeurd.", {
      field: "description",
    });
  if (input.monthOffset < 0 || input.monthOffset > 120)
    throw unprocessable(
      "monthOutOfRange",
      "De maand moet tussen 0 (de maand van aanmelding) en 120 liggen.",
      { field: "monthOffset" },
    );
  if (
    !(input.quantity > 0) ||
    input.quantity > 10000 ||
    Math.round(input.quantity * 100) !== input.quantity * 100
  )
    throw unprocessable(
      "quantityInvalid",
      "Het aantal moet groter dan 0 zijn, hoogstens 10.000, met hoogstens twee decimalen.",
      { field: "quantity" },
    );
  const price = (await listPrices(ctx, true)).find((p) => p.id === input.priceId);
  if (!price)
    throw unprocessable("unknownPrice", "Deze post staat niet (meer) in de maatschappelijke prijslijst.", {
      field: "priceId",
    });
  const professionalUserId = input.professionalUserId ?? null;
  if (
    professionalUserId &&
    !(await teamProfessionals(ctx, found.teamId)).some((p) => p.id === professionalUserId)
  )
    throw unprocessable("unknownProfessional", "Deze professional hoort niet bij het team van de casus.", {
      field: "professionalUserId",
    });
  if (professionalUserId && input.scenario !== "actual")
    throw unprocessable(
      "professionalOnlyActual",
      "Een professional kan alleen bij de werkelijke ondersteuning staan.",
      { field: "professionalUserId" },
    );
  const id = randomUUID();
  await ctx.trx
    .insertInto("impactEntry")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      caseId,
      householdId: found.householdId,
      scenario: input.scenario,
      priceId: input.priceId,
      monthOffset: input.monthOffset,
      quantity: input.quantity,
      description,
      professionalUserId,
      createdByUserId: ctx.actor.userId,
    })
    .execute();
  await ctx.audit({
    action: "impactCalculator.entryAdded",
    resourceType: "impactEntry",
    resourceId: id,
    householdId: found.householdId,
    teamId: found.teamId,
    details: {
      caseId,
      scenario: input.scenario,
      priceId: input.priceId,
      monthOffset: input.monthOffset,
      quantity: input.quantity,
    },
  });
  return getImpactCase(ctx, caseId);
}

export async function removeImpactEntry(ctx: RequestContext, caseId: string, entryId: string) {
  const found = await assertCase(ctx, caseId);
  const result = await ctx.trx
    .updateTable("impactEntry")
    .set({ removedAt: ctx.now })
    .where("id", "=", entryId)
    .where("caseId", "=", caseId)
    .where("removedAt", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw notFound("Deze regel staat niet op de tijdlijn van de casus.");
  await ctx.audit({
    action: "impactCalculator.entryRemoved",
    resourceType: "impactEntry",
    resourceId: entryId,
    householdId: found.householdId,
    teamId: found.teamId,
    details: { caseId },
  });
  return getImpactCase(ctx, caseId);
}

/** Several cases of one team added up, pseudonymised; only the team's own lead. */
export async function getTeamImpactOverview(ctx: RequestContext, teamId: string) {
  if (!ctx.actor.teamIds.includes(teamId))
    throw forbidden("U kunt alleen het overzicht van uw eigen team bekijken.");
  const caseIds = await teamCasesWithEntries(ctx, teamId);
  const entries = await listEntries(ctx, caseIds);
  const summaries: (CaseSummary & { caseId: string; result: ReturnType<typeof summarise> })[] = caseIds.map(
    (caseId) => {
      const own = entries.filter((e) => e.caseId === caseId);
      const result = summarise(own);
      return {
        caseId,
        result,
        actual: result.actual.totals,
        counterfactual: result.counterfactual.totals,
        hasCounterfactual: own.some((e) => e.scenario === "counterfactual"),
      };
    },
  );
  await ctx.audit({
    action: "impactCalculator.teamOverviewViewed",
    resourceType: "team",
    resourceId: teamId,
    teamId,
    details: { cases: caseIds.length },
  });
  return {
    teamId,
    cases: summaries.map((s) => ({
      caseId: s.caseId,
      label: caseLabel(s.caseId),
      actualTotal: s.result.actual.total,
      counterfactualTotal: s.result.counterfactual.total,
      netBenefit: s.result.netBenefit,
    })),
    totals: aggregateCases(summaries),
  };
}
