import { hasPermission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { assertNoPersonalData } from "../conferences/personalData.ts";
import { assertVisibleHousehold } from "../households/households.service.ts";
import { openCaseForSignal } from "./signals.cases.ts";
import {
  assertMeldcodeDecision,
  mayEndMeldcodeWithout,
  recordDecisionAsStep,
  VEILIG_THUIS,
} from "./signals.meldcode.ts";
import type { TriageState } from "./signals.tables.ts";
import {
  countHiddenMatches,
  findMatchingResidents,
  findStaffSignal,
  findUserName,
  listContactAttempts,
  listGroup,
  listMeldcodeSteps,
  listOpenGroup,
  listQueue,
  listTeamMembers,
  signalPeople,
  toQueueItem,
} from "./signals.triage.repository.ts";
import type { ContactAttemptInput, Decision } from "./signals.triage.schemas.ts";
import { isMeldcodeCategory, MELDCODE_STEPS } from "./signals.vocabulary.ts";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function getQueue(ctx: RequestContext, query: { teamId?: string; state?: "open" | "all" }) {
  const rows = await listQueue(ctx, { teamId: query.teamId, openOnly: (query.state ?? "open") === "open" });
  const items = rows.map((r) => toQueueItem(r, ctx.now));
  await ctx.audit({
    action: "signal.listed",
    resourceType: "signal",
    teamId: query.teamId ?? null,
    details: { scope: "triageQueue", count: items.length },
  });
  return { items };
}

async function loadSignal(ctx: RequestContext, id: string) {
  const row = await findStaffSignal(ctx, id);
  if (!row) throw notFound("Dit signaal bestaat niet of hoort niet bij uw team.");
  return row;
}

/** Who may close a meldcode signal with "no action": only a team lead (signal.decideMeldcode). */
export function mayDecideNoAction(role: RequestContext["actor"]["role"], categories: string[]) {
  return !categories.some(isMeldcodeCategory) || hasPermission(role, "signal.decideMeldcode");
}

export async function getSignal(ctx: RequestContext, id: string) {
  const r = await loadSignal(ctx, id);
  const [attempts, steps, group, members, decidedBy, outreachUser] = await Promise.all([
    listContactAttempts(ctx, id),
    listMeldcodeSteps(ctx, id),
    listGroup(ctx, r.groupId),
    listTeamMembers(ctx, r.teamId),
    findUserName(ctx, r.decidedByUserId),
    findUserName(ctx, r.outreachUserId),
  ]);
  const open = r.triageState === "new" || r.triageState === "outreach";
  await ctx.audit({
    action: "signal.viewed",
    resourceType: "signal",
    resourceId: id,
    teamId: r.teamId,
    householdId: r.householdId,
    details: { dataCategory: r.dataCategory },
  });
  return {
    ...toQueueItem(r, ctx.now),
    observation: r.observation,
    residentAware: r.residentAware,
    anonymous: r.anonymous,
    reporterName: r.reporterName,
    reporterPhone: r.reporterPhone,
    reporterEmail: r.reporterEmail,
    externalReference: r.externalReference,
    dataCategory: r.dataCategory,
    decidedAt: iso(r.decidedAt),
    decidedBy: decidedBy?.displayName ?? null,
    decisionReason: r.decisionReason,
    referredTo: r.referredTo,
    outreachUserId: r.outreachUserId,
    outreachUserName: outreachUser?.displayName ?? null,
    householdId: r.householdId,
    caseId: r.caseId,
    initiativeId: r.initiativeId,
    firstContactAt: iso(r.firstContactAt),
    contactAttempts: attempts.map((a) => ({ ...a, attemptedAt: new Date(a.attemptedAt).toISOString() })),
    meldcodeSteps: isMeldcodeCategory(r.category)
      ? MELDCODE_STEPS.map(({ step, title }) => {
          const done = steps.find((s) => s.step === step);
          return {
            step,
            title,
            done: Boolean(done),
            skipped: done?.skipped ?? false,
            note: done?.note ?? null,
            recordedBy: done?.recordedBy ?? null,
            recordedAt: iso(done?.recordedAt ?? null),
          };
        })
      : [],
    group: group.map((g) => ({ ...g, receivedAt: new Date(g.receivedAt).toISOString() })),
    teamMembers: members.map((m) => ({ userId: m.userId, displayName: m.displayName })),
    reportedToVeiligThuis: r.reportedToVeiligThuis,
    allowed: {
      decide: open,
      noAction: open && mayDecideNoAction(ctx.actor.role, [r.category]),
      /** Refer, neighbourhood or link without a case: open to all, but on a meldcode signal the team lead's. */
      endWithoutCase: open && (!isMeldcodeCategory(r.category) || mayEndMeldcodeWithout(ctx.actor.role)),
      reportVeiligThuis: open && isMeldcodeCategory(r.category),
      skipMeldcodeStep: isMeldcodeCategory(r.category) && mayEndMeldcodeWithout(ctx.actor.role),
      recordContact: open,
    },
  };
}

/** Matching suggestions for linking: residents at the same address or with the name at the postcode. */
export async function getMatches(ctx: RequestContext, id: string) {
  const r = await loadSignal(ctx, id);
  if (!r.postcode || r.houseNumber === null) return { items: [], hiddenMatches: 0 };
  const nameWords = (r.personName ?? "")
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(
      (w) =>
        w.length >= 2 &&
        !["de", "van", "der", "den", "het", "mevrouw", "meneer", "familie", "dhr", "mw"].includes(w),
    );
  const rows = await findMatchingResidents(ctx, {
    postcode: r.postcode,
    houseNumber: r.houseNumber,
    nameWords,
  });
  const hiddenMatches = await countHiddenMatches(ctx, r.postcode, r.houseNumber, r.houseNumberAddition);
  const items = rows.map((m) => ({
    residentId: m.id,
    householdId: m.householdId,
    householdName: m.householdName,
    name: `${m.givenName} ${m.familyName}`,
    birthDate: m.birthDate,
    address: formatMatchAddress(m),
    reasons: [
      ...(m.postcode === r.postcode && m.houseNumber === r.houseNumber ? ["address"] : []),
      ...(nameWords.includes(m.familyName.toLowerCase()) ? ["name"] : []),
    ],
    openCaseId: m.openCaseId,
  }));
  await ctx.audit({
    action: "signal.matchesViewed",
    resourceType: "signal",
    resourceId: id,
    teamId: r.teamId,
    details: { resultCount: items.length, hiddenMatches },
  });
  return { items, hiddenMatches };
}

function formatMatchAddress(m: {
  postcode: string | null;
  houseNumber: number | null;
  houseNumberAddition: string | null;
}) {
  return m.postcode
    ? `${m.postcode} ${m.houseNumber ?? ""}${m.houseNumberAddition ? ` ${m.houseNumberAddition}` : ""}`.trim()
    : null;
}

const required = (value: string | null | undefined) => {
  const t = value?.trim();
  return t ? t : null;
};

/** One triage decision for the signal and every open signal in its address group (nobody visits twice). */
export async function decideSignal(ctx: RequestContext, id: string, input: Decision) {
  const r = await loadSignal(ctx, id);
  if (r.triageState !== "new" && r.triageState !== "outreach") {
    throw conflict(
      "alreadyDecided",
      "Over dit signaal is al besloten; het staat niet meer in de triagelijst.",
    );
  }
  const group = await listOpenGroup(ctx, r.groupId);
  const categories = group.map((g) => g.category);
  const reason = required(input.reason);
  let state: TriageState = "new";
  const set: Record<string, unknown> = {};
  switch (input.decision) {
    case "noAction": {
      if (!mayDecideNoAction(ctx.actor.role, categories)) {
        throw forbidden(
          "Bij huiselijk geweld of zorgen om een kind (meldcode) beslist alleen een teamleider dat er geen actie nodig is. Leg het signaal voor aan uw teamleider.",
        );
      }
      if (!reason)
        throw unprocessable("reasonRequired", "Geef de reden waarom er geen actie nodig is.", {
          field: "reason",
        });
      state = "noAction";
      break;
    }
    case "refer": {
      const to = required(input.referredTo);
      if (!to)
        throw unprocessable(
          "referredToRequired",
          "Vul in naar welke organisatie of voorziening u verwijst.",
          { field: "referredTo" },
        );
      if (to.length > 200)
        throw unprocessable(
          "referredToTooLong",
          "De naam van de organisatie is te lang (ten hoogste 200 tekens).",
          { field: "referredTo" },
        );
      // Referrals are counted by name in the figures that policy staff see.
      assertNoPersonalData(
        to,
        await signalPeople(
          ctx,
          group.map((g) => g.id),
        ),
        "Waarnaar u verwijst",
        "referredTo",
      );
      state = "referred";
      set.referredTo = to;
      break;
    }
    case "outreach": {
      const members = await listTeamMembers(ctx, r.teamId);
      if (!input.outreachUserId || !members.some((m) => m.userId === input.outreachUserId)) {
        throw unprocessable("outreachUserRequired", "Kies een professional uit het team die erop af gaat.", {
          field: "outreachUserId",
        });
      }
      if (r.triageState === "outreach" && r.outreachUserId === input.outreachUserId) {
        throw conflict("alreadyInOutreach", "Deze professional gaat al op dit signaal af.");
      }
      state = "outreach";
      set.outreachUserId = input.outreachUserId;
      break;
    }
    case "linkHousehold": {
      if (!input.householdId)
        throw unprocessable("householdRequired", "Kies het huishouden waar dit signaal bij hoort.", {
          field: "householdId",
        });
      const household = await assertVisibleHousehold(ctx, input.householdId);
      if (household.mergedIntoId)
        throw conflict("householdMerged", "Dit huishouden is samengevoegd; kies het nieuwe dossier.");
      const openCase = await ctx.trx
        .selectFrom("caseFile")
        .select("id")
        .where("householdId", "=", input.householdId)
        .where("status", "!=", "closed")
        .executeTakeFirst();
      state = "linked";
      set.householdId = input.householdId;
      set.caseId = openCase?.id ?? null;
      break;
    }
    case "openCase": {
      const opened = await openCaseForSignal(ctx, r, input);
      state = "caseOpened";
      set.householdId = opened.householdId;
      set.caseId = opened.caseId;
      break;
    }
    case "reportVeiligThuis": {
      if (!categories.some(isMeldcodeCategory))
        throw unprocessable(
          "notMeldcode",
          "Melden bij Veilig Thuis via de triage hoort bij huiselijk geweld en zorgen om een kind. Verwijs anders naar de organisatie.",
          { field: "decision" },
        );
      state = "referred";
      set.referredTo = VEILIG_THUIS;
      set.reportedToVeiligThuis = true;
      break;
    }
    case "neighbourhood": {
      if (input.initiativeId) {
        const initiative = await ctx.trx
          .selectFrom("neighbourhoodInitiative")
          .select("id")
          .where("id", "=", input.initiativeId)
          .executeTakeFirst();
        if (!initiative)
          throw unprocessable("unknownInitiative", "Dit buurtinitiatief bestaat niet.", {
            field: "initiativeId",
          });
        set.initiativeId = input.initiativeId;
      }
      state = "neighbourhood";
      break;
    }
  }
  await assertMeldcodeDecision(ctx, group, {
    state,
    caseId: set.caseId,
    reported: set.reportedToVeiligThuis === true,
    reason,
  });
  if (input.decision !== "outreach") await recordDecisionAsStep(ctx, group, input.decision);
  const decided = state !== "outreach";
  for (const g of group) {
    await ctx.trx
      .updateTable("signal")
      .set({
        ...set,
        triageState: state,
        firstActionAt: g.firstActionAt ?? ctx.now,
        ...(decided ? { decidedAt: ctx.now, decidedByUserId: ctx.actor.userId, decisionReason: reason } : {}),
      })
      .where("id", "=", g.id)
      .where("triageState", "in", ["new", "outreach"])
      .execute();
    await ctx.audit({
      action: "signal.triaged",
      resourceType: "signal",
      resourceId: g.id,
      teamId: g.teamId,
      householdId: (set.householdId as string | undefined) ?? null,
      // The reason stays in the signal's own record (decision_reason), which retention removes.
      details: { decision: input.decision, viaGroupOf: g.id === id ? null : id },
    });
  }
  return getSignal(ctx, id);
}

/** Records an outreach contact attempt; the first one sets the time of first contact for the group. */
export async function recordContactAttempt(ctx: RequestContext, id: string, input: ContactAttemptInput) {
  const r = await loadSignal(ctx, id);
  if (r.triageState !== "new" && r.triageState !== "outreach") {
    throw conflict(
      "alreadyDecided",
      "Over dit signaal is al besloten; contactpogingen horen nu in het dossier.",
    );
  }
  const attemptedAt = input.attemptedAt ? new Date(input.attemptedAt) : ctx.now;
  if (Number.isNaN(attemptedAt.getTime()) || attemptedAt > ctx.now) {
    throw unprocessable(
      "attemptInFuture",
      "Het moment van de contactpoging mag niet in de toekomst liggen.",
      { field: "attemptedAt" },
    );
  }
  if (attemptedAt < new Date(r.receivedAt)) {
    throw unprocessable(
      "attemptBeforeSignal",
      "De contactpoging ligt vóór het moment dat het signaal binnenkwam.",
      { field: "attemptedAt" },
    );
  }
  const note = required(input.note);
  if (note && note.length > 2000)
    throw unprocessable("noteTooLong", "De notitie is te lang (ten hoogste 2000 tekens).", { field: "note" });
  await ctx.trx
    .insertInto("signalContactAttempt")
    .values({
      municipalityId: ctx.actor.municipalityId,
      signalId: id,
      userId: ctx.actor.userId,
      attemptedAt,
      method: input.method,
      outcome: input.outcome,
      note,
    })
    .execute();
  for (const g of await listOpenGroup(ctx, r.groupId)) {
    await ctx.trx
      .updateTable("signal")
      .set((eb) => ({
        firstContactAt: eb.fn.coalesce("firstContactAt", eb.val(attemptedAt)),
        firstActionAt: eb.fn.coalesce("firstActionAt", eb.val(attemptedAt)),
        triageState: "outreach",
        outreachUserId: eb.fn.coalesce("outreachUserId", eb.val(ctx.actor.userId)),
      }))
      .where("id", "=", g.id)
      .execute();
  }
  await ctx.audit({
    action: "signal.contactAttemptRecorded",
    resourceType: "signal",
    resourceId: id,
    teamId: r.teamId,
    details: { method: input.method, outcome: input.outcome },
  });
  return getSignal(ctx, id);
}

export async function recordMeldcodeStep(
  ctx: RequestContext,
  id: string,
  input: { step: number; note: string; skipped?: boolean },
) {
  const r = await loadSignal(ctx, id);
  if (!isMeldcodeCategory(r.category)) {
    throw unprocessable(
      "notMeldcode",
      "De meldcode geldt alleen bij huiselijk geweld en zorgen om een kind.",
    );
  }
  const skipped = input.skipped === true;
  if (skipped && !mayEndMeldcodeWithout(ctx.actor.role)) {
    throw forbidden(
      "Alleen een teamleider legt vast dat een stap van de meldcode wordt overgeslagen, en waarom.",
    );
  }
  const note = input.note.trim();
  if (!note)
    throw unprocessable(
      "noteRequired",
      skipped
        ? "Schrijf op waarom deze stap van de meldcode wordt overgeslagen."
        : "Beschrijf kort wat u bij deze stap heeft gedaan.",
      { field: "note" },
    );
  if (note.length > 2000)
    throw unprocessable("noteTooLong", "De notitie is te lang (ten hoogste 2000 tekens).", { field: "note" });
  const existing = await listMeldcodeSteps(ctx, id);
  if (existing.some((s) => s.step === input.step)) {
    throw conflict("stepRecorded", `Stap ${input.step} van de meldcode is al vastgelegd.`);
  }
  await ctx.trx
    .insertInto("signalMeldcodeStep")
    .values({
      municipalityId: ctx.actor.municipalityId,
      signalId: id,
      step: input.step,
      note,
      skipped,
      recordedByUserId: ctx.actor.userId,
    })
    .execute();
  await ctx.audit({
    action: "signal.meldcodeStepRecorded",
    resourceType: "signal",
    resourceId: id,
    teamId: r.teamId,
    details: { step: input.step, skipped },
  });
  return getSignal(ctx, id);
}
