import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import {
  aggregatesOnly,
  assertAggregatePeriod,
  SMALL_NUMBER,
  withheld,
  withheldDistribution,
} from "../../platform/access/smallNumbers.ts";
import type { RequestContext } from "../../platform/context.ts";
import { writeCsv } from "../../platform/csv/csv.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { assertNoPersonalData, shareable } from "../conferences/personalData.ts";
import { buurtShapes } from "./signals.map.ts";
import { findArea } from "./signals.repository.ts";
import { signalPeople } from "./signals.triage.repository.ts";
import { isMeldcodeCategory, isSignalCategory } from "./signals.vocabulary.ts";

interface Fact {
  id: string;
  source: string;
  category: string;
  subjectKind: string;
  urgency: string;
  neighbourhoodCode: string;
  teamId: string | null;
  receivedAt: Date;
  deadlineAt: Date;
  firstActionAt: Date | null;
  firstContactAt: Date | null;
  triageState: string;
  referredTo: string | null;
  initiativeId: string | null;
}

const DAY = 86_400_000;

/** A period [from, to): defaults to the last three months up to now. */
export function period(now: Date, query: { from?: string; to?: string }) {
  const to = query.to ? new Date(`${query.to}T23:59:59Z`) : now;
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(now.getTime() - 91 * DAY);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw unprocessable("invalidPeriod", "Gebruik datums als JJJJ-MM-DD.");
  }
  if (from > to) throw unprocessable("invalidPeriod", "De begindatum ligt na de einddatum.");
  if (to.getTime() - from.getTime() > 3 * 366 * DAY)
    throw unprocessable("periodTooLong", "Kies een periode van ten hoogste drie jaar.");
  return { from, to };
}

/** Signal facts without personal data, through app_signal_facts() (scoped to the actor's teams, or all for policy). */
async function facts(ctx: RequestContext, from: Date, to: Date): Promise<Fact[]> {
  const rows =
    await sql<Fact>`select * from app_signal_facts() where received_at >= ${from} and received_at <= ${to}`.execute(
      ctx.trx,
    );
  return rows.rows;
}

async function areaNames(ctx: RequestContext) {
  const rows = await ctx.trx.selectFrom("area").select(["code", "name"]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

function count<K>(items: K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const item of items) m.set(item, (m.get(item) ?? 0) + 1);
  return m;
}

/** Clusters per buurt × category over the period, and totals per buurt for the map. */
export async function getNeighbourhoodView(
  ctx: RequestContext,
  query: { from?: string; to?: string; minimum?: number },
) {
  const { from, to } = period(ctx.now, query);
  const role = ctx.actor.role;
  const aggregate = aggregatesOnly(role);
  assertAggregatePeriod(role, from, to);
  // Policy staff see clusters of at least SMALL_NUMBER signals and no signal ids, whatever they ask.
  const minimum = aggregate ? Math.max(query.minimum ?? SMALL_NUMBER, SMALL_NUMBER) : (query.minimum ?? 3);
  const all = await facts(ctx, from, to);
  const names = await areaNames(ctx);
  const byCell = new Map<string, Fact[]>();
  for (const f of all) {
    const key = `${f.neighbourhoodCode}|${f.category}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  const clusters = [...byCell.entries()]
    .map(([key, list]) => {
      const [code = "", category = ""] = key.split("|");
      return {
        neighbourhoodCode: code,
        neighbourhoodName: names.get(code) ?? code,
        category,
        count: list.length,
        placeSignals: withheld(role, list.filter((f) => f.subjectKind === "place").length),
        openSignals: withheld(
          role,
          list.filter((f) => f.triageState === "new" || f.triageState === "outreach").length,
        ),
        initiativeIds: [
          ...new Set(list.map((f) => f.initiativeId).filter((id): id is string => id !== null)),
        ],
        signalIds: aggregate ? [] : list.map((f) => f.id),
      };
    })
    .filter((c) => c.count >= minimum || (!aggregate && (c.placeSignals ?? 0) > 0))
    .sort((a, b) => b.count - a.count || a.neighbourhoodName.localeCompare(b.neighbourhoodName));
  const perBuurt = count(all.map((f) => f.neighbourhoodCode));
  const initiatives = await ctx.trx
    .selectFrom("neighbourhoodInitiative as i")
    .select(["i.id", "i.title", "i.neighbourhoodCode", "i.category", "i.startedAt", "i.teamId"])
    .orderBy("i.startedAt", "desc")
    .execute();
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    minimum,
    clusters,
    totals: [...perBuurt.entries()].map(([code, n]) => ({
      neighbourhoodCode: code,
      neighbourhoodName: names.get(code) ?? code,
      count: withheld(role, n),
    })),
    initiatives: initiatives.map((i) => ({
      ...i,
      title: shareable(i.title, []),
      neighbourhoodName: names.get(i.neighbourhoodCode) ?? i.neighbourhoodCode,
      startedAt: new Date(i.startedAt).toISOString(),
      signalCount: withheld(role, all.filter((f) => f.initiativeId === i.id).length),
    })),
  };
}

export async function getMapShapes(ctx: RequestContext) {
  const m = await ctx.trx.selectFrom("municipality").select("code").executeTakeFirstOrThrow();
  return { municipalityCode: m.code, buurten: buurtShapes(m.code) };
}

/** Starts a collective approach for a buurt and links the signals it answers (open ones are triaged with it). */
export async function startInitiative(
  ctx: RequestContext,
  input: {
    teamId: string;
    neighbourhoodCode: string;
    category: string;
    title: string;
    description: string;
    signalIds: string[];
  },
) {
  if (!ctx.actor.teamIds.includes(input.teamId)) {
    throw unprocessable("notYourTeam", "U kunt alleen een buurtinitiatief starten voor uw eigen team.", {
      field: "teamId",
    });
  }
  if (!isSignalCategory(input.category))
    throw unprocessable("unknownCategory", `De categorie "${input.category}" bestaat niet.`, {
      field: "category",
    });
  const area = await findArea(ctx, input.neighbourhoodCode);
  if (!area)
    throw unprocessable(
      "unknownNeighbourhood",
      `De buurt ${input.neighbourhoodCode} is onbekend in deze gemeente.`,
      { field: "neighbourhoodCode" },
    );
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title || !description)
    throw unprocessable("titleRequired", "Geef het initiatief een titel en een korte beschrijving.", {
      field: "title",
    });
  const signals = input.signalIds.length
    ? await ctx.trx
        .selectFrom("signal")
        .select(["id", "referenceCode", "category", "triageState", "firstActionAt", "teamId"])
        .where("id", "in", input.signalIds)
        .execute()
    : [];
  if (signals.length !== new Set(input.signalIds).size) {
    throw unprocessable("unknownSignal", "Een of meer signalen bestaan niet of horen niet bij uw team.", {
      field: "signalIds",
    });
  }
  // Linking an open signal triages it as "neighbourhood": never for the meldcode, which has its own path.
  const meldcode = signals.filter(
    (s) => isMeldcodeCategory(s.category) && (s.triageState === "new" || s.triageState === "outreach"),
  );
  if (meldcode.length > 0) {
    throw unprocessable(
      "meldcodeSignal",
      `Signaal ${meldcode.map((s) => s.referenceCode).join(", ")} valt onder de meldcode (huiselijk geweld of zorgen om een kind) en wordt niet met een buurtinitiatief afgesloten. Beslis erover in de triage.`,
      { field: "signalIds", signalIds: meldcode.map((s) => s.id) },
    );
  }
  // The neighbourhood view (policy staff too) shows title and description.
  const people = await signalPeople(
    ctx,
    signals.map((s) => s.id),
  );
  assertNoPersonalData(title, people, "De titel van het initiatief", "title");
  assertNoPersonalData(description, people, "De beschrijving van het initiatief", "description");
  const id = randomUUID();
  await ctx.trx
    .insertInto("neighbourhoodInitiative")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      teamId: input.teamId,
      neighbourhoodCode: area.code,
      category: input.category,
      title,
      description,
      startedByUserId: ctx.actor.userId,
      startedAt: ctx.now,
    })
    .execute();
  for (const s of signals) {
    const open = s.triageState === "new" || s.triageState === "outreach";
    await ctx.trx
      .updateTable("signal")
      .set({
        initiativeId: id,
        ...(open
          ? {
              triageState: "neighbourhood",
              decidedAt: ctx.now,
              decidedByUserId: ctx.actor.userId,
              firstActionAt: s.firstActionAt ?? ctx.now,
            }
          : {}),
      })
      .where("id", "=", s.id)
      .execute();
  }
  await ctx.audit({
    action: "signal.initiativeStarted",
    resourceType: "neighbourhoodInitiative",
    resourceId: id,
    teamId: input.teamId,
    details: { neighbourhoodCode: area.code, category: input.category, signals: signals.length },
  });
  return { id, title, signalCount: signals.length };
}

/** Figures: per source, category and buurt; time to first contact against the deadline; share that became a case; referrals. */
export async function getFigures(ctx: RequestContext, query: { from?: string; to?: string }) {
  const { from, to } = period(ctx.now, query);
  const role = ctx.actor.role;
  assertAggregatePeriod(role, from, to);
  const all = await facts(ctx, from, to);
  const names = await areaNames(ctx);
  // Policy staff: counts of 1 to 4 withheld (null), with one more where a single one could be derived.
  const rows = (m: Map<string, number>, label?: (k: string) => string) => {
    const sorted = [...m.entries()].sort((a, b) => b[1] - a[1]);
    const shown = withheldDistribution(
      role,
      sorted.map(([, n]) => n),
    );
    return sorted.map(([key], i) => ({ key, label: label ? label(key) : key, count: shown[i] ?? null }));
  };
  const w = (n: number) => withheld(role, n);
  const contacted = all.filter((f) => f.firstContactAt);
  const hours = contacted
    .map((f) => (new Date(f.firstContactAt as Date).getTime() - new Date(f.receivedAt).getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const acted = all.filter((f) => f.firstActionAt);
  const decided = all.filter((f) => !["new", "outreach"].includes(f.triageState));
  const becameCase = decided.filter((f) => f.triageState === "caseOpened" || f.triageState === "linked");
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: w(all.length),
    bySource: rows(count(all.map((f) => f.source))),
    byCategory: rows(count(all.map((f) => f.category))),
    byNeighbourhood: rows(count(all.map((f) => f.neighbourhoodCode)), (k) => names.get(k) ?? k),
    firstContact: {
      contacted: w(contacted.length),
      withinDeadline: w(
        contacted.filter((f) => new Date(f.firstContactAt as Date) <= new Date(f.deadlineAt)).length,
      ),
      medianHours:
        w(hours.length) && hours.length
          ? Math.round((hours[Math.floor((hours.length - 1) / 2)] ?? 0) * 10) / 10
          : null,
    },
    firstAction: {
      acted: w(acted.length),
      withinDeadline: w(
        acted.filter((f) => new Date(f.firstActionAt as Date) <= new Date(f.deadlineAt)).length,
      ),
      overdueOpen: w(all.filter((f) => f.triageState === "new" && new Date(f.deadlineAt) < ctx.now).length),
    },
    cases: {
      decided: w(decided.length),
      becameCase: w(becameCase.length),
      share:
        w(decided.length) && w(becameCase.length) !== null && decided.length
          ? Math.round((becameCase.length / decided.length) * 1000) / 10
          : null,
    },
    // Older referral texts that identify someone are counted under a withheld label.
    referrals: rows(count(all.filter((f) => f.referredTo).map((f) => shareable(f.referredTo as string, [])))),
  };
}

export async function exportFigures(ctx: RequestContext, query: { from?: string; to?: string }) {
  const f = await getFigures(ctx, query);
  // A count withheld for policy staff reads "< 5".
  const n = (count: number | null) => count ?? "< 5";
  const lines: (string | number | null)[][] = [["onderdeel", "sleutel", "omschrijving", "aantal"]];
  for (const r of f.bySource) lines.push(["bron", r.key, r.label, n(r.count)]);
  for (const r of f.byCategory) lines.push(["categorie", r.key, r.label, n(r.count)]);
  for (const r of f.byNeighbourhood) lines.push(["buurt", r.key, r.label, n(r.count)]);
  for (const r of f.referrals) lines.push(["verwezen naar", r.key, r.label, n(r.count)]);
  lines.push([
    "eerste contact",
    "binnen termijn",
    "eerste contactpoging op of voor de termijn",
    n(f.firstContact.withinDeadline),
  ]);
  lines.push(["eerste contact", "totaal", "signalen met een contactpoging", n(f.firstContact.contacted)]);
  lines.push([
    "eerste contact",
    "mediaan uren",
    "mediaan uren tot eerste contactpoging",
    f.firstContact.medianHours,
  ]);
  lines.push(["casus", "besloten", "signalen met een triagebesluit", n(f.cases.decided)]);
  lines.push(["casus", "werd casus", "gekoppeld aan of geopend als casus", n(f.cases.becameCase)]);
  await ctx.audit({
    action: "signal.figuresExported",
    resourceType: "signal",
    details: { from: f.from, to: f.to },
  });
  return writeCsv(lines, { delimiter: ";" });
}
