import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { type AssessmentInput, insertAssessment } from "../assessments/assessments.service.ts";
import { ZRM_DOMAINS } from "../assessments/zrm.ts";
import type { CaseStatus } from "../households/dossier.tables.ts";
import { assertVisibleHousehold, concurrentChange } from "../households/households.service.ts";
import { assertPastDate, isCalendarDate, todayInNetherlands } from "../households/residents.rules.ts";
import { assertSharingAllowed } from "../privacy/sharing.ts";
import {
  findCase,
  findCaseLead,
  findCaseProfessional,
  findMembership,
  findOpenCase,
  findStaffUser,
  insertCase,
  insertCaseProfessional,
  insertHandover,
  insertStatusChange,
  listWorklist,
  updateCaseIfVersion,
} from "./cases.repository.ts";
import { canChangeStatus, canClose, canReopen, STATUS_NAMES } from "./cases.rules.ts";

const trimmed = (v: string | null | undefined) => v?.trim() || null;

async function loadCase(ctx: RequestContext, caseId: string) {
  const c = await findCase(ctx, caseId);
  if (!c) throw notFound("Deze casus bestaat niet of u heeft er geen toegang toe.");
  return c;
}

/** Loads the case, checks the version the client read, and refuses changes to a closed case. */
async function loadForChange(
  ctx: RequestContext,
  caseId: string,
  version: number,
  options: { allowClosed?: boolean } = {},
) {
  const c = await loadCase(ctx, caseId);
  if (c.version !== version) throw concurrentChange("De gegevens van deze casus");
  if (c.status === "closed" && !options.allowClosed) {
    throw conflict("caseClosed", "Deze casus is afgesloten. Heropen de casus om er weer in te werken.");
  }
  return c;
}

async function saveCase(
  ctx: RequestContext,
  c: { id: string },
  version: number,
  patch: Parameters<typeof updateCaseIfVersion>[3],
) {
  if ((await updateCaseIfVersion(ctx, c.id, version, patch)) === 0)
    throw concurrentChange("De gegevens van deze casus");
}

async function assertTeamStaff(ctx: RequestContext, teamId: string, userId: string, what: string) {
  const m = await findMembership(ctx, teamId, userId);
  if (!m || m.disabledAt || !["professional", "teamLead"].includes(m.role)) {
    throw unprocessable(
      "notTeamMember",
      `${what} moet een actieve professional of teamleider van het team zijn.`,
      {
        userId,
      },
    );
  }
  return m;
}

export interface OpenCaseInput {
  teamId?: string;
  caseLeadUserId: string;
  decidedByUserId?: string;
  allocationGrounds: string;
}

/** Aanmelding: the team takes the case on; who decided and on what grounds is recorded (mandate). */
export async function openCase(ctx: RequestContext, householdId: string, input: OpenCaseInput) {
  const household = await assertVisibleHousehold(ctx, householdId);
  if (household.mergedIntoId)
    throw conflict("householdMerged", "Dit huishouden is samengevoegd; werk in het nieuwe dossier.");
  const teamId = input.teamId ?? household.registeredByTeamId;
  if (!ctx.actor.teamIds.includes(teamId)) {
    throw unprocessable("notYourTeam", "U kunt alleen een casus openen voor een team waarvan u lid bent.", {
      field: "teamId",
    });
  }
  const grounds = trimmed(input.allocationGrounds);
  if (!grounds) {
    throw unprocessable(
      "allocationGroundsRequired",
      "Leg vast op welke gronden het team deze casus oppakt.",
      {
        field: "allocationGrounds",
      },
    );
  }
  const open = await findOpenCase(ctx, householdId);
  if (open)
    throw conflict("caseAlreadyOpen", "Dit huishouden heeft al een lopende casus: één huishouden, één plan.");
  const decidedBy = input.decidedByUserId ?? ctx.actor.userId;
  await assertTeamStaff(ctx, teamId, decidedBy, "Wie besloot de casus op te pakken");
  const lead = await assertTeamStaff(ctx, teamId, input.caseLeadUserId, "De regiehouder");
  const caseId = randomUUID();
  await insertCase(ctx, {
    id: caseId,
    householdId,
    teamId,
    allocatedByUserId: decidedBy,
    allocationGrounds: grounds,
  });
  await insertStatusChange(ctx, {
    caseId,
    householdId,
    fromStatus: null,
    toStatus: "registration",
    note: null,
  });
  await insertCaseProfessional(ctx, {
    caseId,
    householdId,
    userId: input.caseLeadUserId,
    organisationId: lead.organisationId,
    roleInCase: "Regiehouder",
    isCaseLead: true,
  });
  await insertHandover(ctx, {
    caseId,
    householdId,
    fromUserId: null,
    toUserId: input.caseLeadUserId,
    note: "Regiehouder aangewezen bij de aanmelding.",
  });
  await ctx.audit({
    action: "case.opened",
    resourceType: "case",
    resourceId: caseId,
    householdId,
    teamId,
    details: { decidedByUserId: decidedBy, caseLeadUserId: input.caseLeadUserId },
  });
  return { id: caseId };
}

export async function changeCaseStatus(
  ctx: RequestContext,
  caseId: string,
  input: { version: number; status: CaseStatus; note?: string | null },
) {
  const c = await loadForChange(ctx, caseId, input.version);
  if (input.status === "closed") {
    throw unprocessable(
      "useClosure",
      "Sluit een casus af via ‘Casus afsluiten’; daar horen verplichte gegevens bij.",
    );
  }
  if (!canChangeStatus(c.status, input.status)) {
    throw unprocessable(
      "transitionNotAllowed",
      `Van ${STATUS_NAMES[c.status]} naar ${STATUS_NAMES[input.status]} is geen toegestane stap.`,
      { from: c.status, to: input.status },
    );
  }
  await saveCase(ctx, c, input.version, { status: input.status });
  await insertStatusChange(ctx, {
    caseId,
    householdId: c.householdId,
    fromStatus: c.status,
    toStatus: input.status,
    note: trimmed(input.note),
  });
  await ctx.audit({
    action: "case.statusChanged",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { from: c.status, to: input.status },
  });
  return { id: caseId };
}

/** Every change of case lead is an explicit handover with a note; the unique index keeps it to one lead. */
export async function handOverCaseLead(
  ctx: RequestContext,
  caseId: string,
  input: { version: number; toUserId: string; note?: string | null },
) {
  const c = await loadForChange(ctx, caseId, input.version);
  const note = trimmed(input.note);
  if (!note) {
    throw unprocessable(
      "handoverNoteRequired",
      "Schrijf bij een overdracht een notitie voor de nieuwe regiehouder.",
      {
        field: "note",
      },
    );
  }
  const current = await findCaseLead(ctx, caseId);
  if (current?.userId === input.toUserId) {
    throw unprocessable("alreadyCaseLead", `${current.displayName} is al regiehouder van deze casus.`, {
      field: "toUserId",
    });
  }
  const to = await assertTeamStaff(ctx, c.teamId, input.toUserId, "De nieuwe regiehouder");
  await saveCase(ctx, c, input.version, {});
  if (current) {
    await ctx.trx
      .updateTable("caseProfessional")
      .set({ isCaseLead: false })
      .where("caseId", "=", caseId)
      .where("userId", "=", current.userId)
      .execute();
  }
  const existing = await findCaseProfessional(ctx, caseId, input.toUserId);
  if (existing) {
    await ctx.trx
      .updateTable("caseProfessional")
      .set({ isCaseLead: true, endedAt: null })
      .where("caseId", "=", caseId)
      .where("userId", "=", input.toUserId)
      .execute();
  } else {
    await insertCaseProfessional(ctx, {
      caseId,
      householdId: c.householdId,
      userId: input.toUserId,
      organisationId: to.organisationId,
      roleInCase: "Regiehouder",
      isCaseLead: true,
    });
  }
  await insertHandover(ctx, {
    caseId,
    householdId: c.householdId,
    fromUserId: current?.userId ?? null,
    toUserId: input.toUserId,
    note,
  });
  await ctx.audit({
    action: "case.caseLeadHandedOver",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { fromUserId: current?.userId ?? null, toUserId: input.toUserId },
  });
  return { id: caseId };
}

export async function involveProfessional(
  ctx: RequestContext,
  caseId: string,
  input: {
    version: number;
    userId: string;
    organisationId?: string;
    roleInCase: string;
    asCaseLead?: boolean;
  },
) {
  const c = await loadForChange(ctx, caseId, input.version);
  if (input.asCaseLead) {
    const lead = await findCaseLead(ctx, caseId);
    if (lead) {
      throw conflict(
        "caseLeadExists",
        `Deze casus heeft al een regiehouder (${lead.displayName}). Er is altijd precies één regiehouder: draag de regie over in plaats van een tweede aan te wijzen.`,
      );
    }
  }
  const role = trimmed(input.roleInCase);
  if (!role)
    throw unprocessable("roleRequired", "Beschrijf de rol van deze professional in de casus.", {
      field: "roleInCase",
    });
  const user = await findStaffUser(ctx, input.userId);
  if (!user || user.disabledAt || !["professional", "teamLead"].includes(user.role)) {
    throw unprocessable(
      "notStaff",
      "Alleen actieve professionals en teamleiders kunnen bij een casus betrokken worden.",
      {
        field: "userId",
      },
    );
  }
  const membership = await findMembership(ctx, c.teamId, input.userId);
  const organisationId = input.organisationId ?? membership?.organisationId ?? user.homeOrganisationId;
  if (!organisationId) {
    throw unprocessable(
      "organisationRequired",
      "Kies de organisatie van waaruit deze professional meewerkt.",
      {
        field: "organisationId",
      },
    );
  }
  const existing = await findCaseProfessional(ctx, caseId, input.userId);
  if (existing && !existing.endedAt) {
    throw conflict("alreadyInvolved", `${user.displayName} is al bij deze casus betrokken.`);
  }
  // Issue 7: sharing with a professional needs a legal basis, and consent where the purpose requires it.
  await assertSharingAllowed(ctx, {
    householdId: c.householdId,
    caseId,
    action: "involveProfessional",
    recipients: [{ organisationId, role: user.role, name: user.displayName }],
  });
  await saveCase(ctx, c, input.version, {});
  if (existing) {
    await ctx.trx
      .updateTable("caseProfessional")
      .set({ endedAt: null, roleInCase: role, organisationId, isCaseLead: input.asCaseLead ?? false })
      .where("caseId", "=", caseId)
      .where("userId", "=", input.userId)
      .execute();
  } else {
    await insertCaseProfessional(ctx, {
      caseId,
      householdId: c.householdId,
      userId: input.userId,
      organisationId,
      roleInCase: role,
      isCaseLead: input.asCaseLead ?? false,
    });
  }
  await ctx.audit({
    action: "case.professionalInvolved",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { userId: input.userId, organisationId },
  });
  return { id: caseId };
}

export interface IntakeInput {
  version: number;
  conversationDate: string;
  location: "homeVisit" | "desk" | "elsewhere";
  locationNote?: string | null;
  requestInOwnWords: string;
  underlyingQuestion: string;
  lifeDomains: string[];
  ownStrengths?: string | null;
  networkSummary?: string | null;
  urgency: "low" | "normal" | "high" | "acute";
  safetyConcerns?: string | null;
}

/** Vraagverheldering. An acute urgency puts the case on top of worklists; a new case moves to intake. */
export async function recordIntake(ctx: RequestContext, caseId: string, input: IntakeInput) {
  const c = await loadForChange(ctx, caseId, input.version);
  assertPastDate(input.conversationDate, ctx.now, "De datum van het gesprek", "conversationDate");
  const request = trimmed(input.requestInOwnWords);
  if (!request) {
    throw unprocessable("requestRequired", "Schrijf de hulpvraag op in de woorden van de inwoner.", {
      field: "requestInOwnWords",
    });
  }
  const underlying = trimmed(input.underlyingQuestion);
  if (!underlying) {
    throw unprocessable("underlyingQuestionRequired", "Beschrijf de vraag achter de vraag.", {
      field: "underlyingQuestion",
    });
  }
  const known = new Set([...ZRM_DOMAINS["2010"], ...ZRM_DOMAINS["2017"]].map((d) => d.key));
  const unknown = input.lifeDomains.filter((d) => !known.has(d));
  if (unknown.length > 0) {
    throw unprocessable("unknownDomain", `Onbekend leefgebied: ${unknown.join(", ")}.`, {
      field: "lifeDomains",
    });
  }
  const toIntake = c.status === "registration";
  await saveCase(ctx, c, input.version, {
    acute: input.urgency === "acute",
    ...(toIntake ? { status: "intake" as const } : {}),
  });
  const id = randomUUID();
  await ctx.trx
    .insertInto("intake")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      caseId,
      householdId: c.householdId,
      conversationDate: input.conversationDate,
      location: input.location,
      locationNote: trimmed(input.locationNote),
      requestInOwnWords: request,
      underlyingQuestion: underlying,
      lifeDomains: [...new Set(input.lifeDomains)],
      ownStrengths: trimmed(input.ownStrengths),
      networkSummary: trimmed(input.networkSummary),
      urgency: input.urgency,
      safetyConcerns: trimmed(input.safetyConcerns),
      recordedByUserId: ctx.actor.userId,
      recordedAt: ctx.now,
    })
    .execute();
  if (toIntake) {
    await insertStatusChange(ctx, {
      caseId,
      householdId: c.householdId,
      fromStatus: c.status,
      toStatus: "intake",
      note: null,
    });
  }
  await ctx.audit({
    action: "intake.recorded",
    resourceType: "intake",
    resourceId: id,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { caseId, urgency: input.urgency },
  });
  return { id };
}

export async function recordAssessment(ctx: RequestContext, caseId: string, input: AssessmentInput) {
  const c = await loadCase(ctx, caseId);
  if (c.status === "closed")
    throw conflict("caseClosed", "Deze casus is afgesloten. Heropen de casus om er weer in te werken.");
  const result = await insertAssessment(ctx, c, input);
  await ctx.audit({
    action: "assessment.recorded",
    resourceType: "assessment",
    resourceId: result.id,
    householdId: c.householdId,
    residentId: input.residentId,
    teamId: c.teamId,
    details: {
      caseId,
      zrmVersion: result.version,
      domains: input.scores.length,
      acuteDomains: result.acuteDomains,
    },
  });
  return { id: result.id };
}

export interface CloseInput {
  version: number;
  reason?: string | null;
  note?: string | null;
  finalAssessment?: AssessmentInput | null;
  escalationPrevented?: "yes" | "no" | "unknown" | null;
  escalationExplanation?: string | null;
  residentInformed?: boolean | null;
  residentInformedHow?: string | null;
  aftercareDate?: string | null;
}

const CLOSURE_REASONS = [
  "goalsAchieved",
  "referredToSpecialistCare",
  "referredToCollectiveProvision",
  "residentDeclined",
  "movedAway",
  "deceased",
  "other",
];

/** Closure (§1.11): every required field is named when missing, so nothing is closed half-way. */
export async function closeCase(ctx: RequestContext, caseId: string, input: CloseInput) {
  const c = await loadForChange(ctx, caseId, input.version);
  if (!canClose(c.status)) throw conflict("caseClosed", "Deze casus is al afgesloten.");
  const missing: string[] = [];
  const reason = trimmed(input.reason);
  if (!reason) missing.push("de reden van afsluiten");
  if (!input.finalAssessment || input.finalAssessment.scores.length === 0) missing.push("een eind-ZRM");
  if (!input.escalationPrevented) missing.push("of zwaardere zorg is voorkomen (ja, nee of onbekend)");
  const explanation = trimmed(input.escalationExplanation);
  if (!explanation) missing.push("een korte toelichting bij ‘zwaardere zorg voorkomen’");
  if (input.residentInformed === undefined || input.residentInformed === null)
    missing.push("of de inwoner is verteld dat de hulp stopt");
  const how = trimmed(input.residentInformedHow);
  if (input.residentInformed === true && !how) missing.push("hoe de inwoner is verteld dat de hulp stopt");
  const aftercare = trimmed(input.aftercareDate);
  if (!aftercare) missing.push("een datum voor het nazorgcontact");
  if (missing.length > 0) {
    throw unprocessable(
      "closureIncomplete",
      `De casus is niet afgesloten. Vul nog in: ${missing.join("; ")}.`,
      { missing },
    );
  }
  if (reason && !CLOSURE_REASONS.includes(reason)) {
    throw unprocessable("invalidClosureReason", "Kies een reden van afsluiten uit de lijst.", {
      field: "reason",
    });
  }
  if (aftercare && (!isCalendarDate(aftercare) || aftercare < todayInNetherlands(ctx.now))) {
    throw unprocessable(
      "invalidAftercareDate",
      "De nazorgdatum moet een bestaande datum vandaag of later zijn.",
      {
        field: "aftercareDate",
      },
    );
  }
  if (input.residentInformed === false && !how) {
    // Not told: say why, so the team can still make sure the resident knows.
    throw unprocessable(
      "residentInformedExplanation",
      "Leg uit waarom de inwoner (nog) niet is verteld dat de hulp stopt.",
      {
        field: "residentInformedHow",
      },
    );
  }
  const final = await insertAssessment(ctx, c, input.finalAssessment as AssessmentInput, "final");
  const closure = {
    closureReason: reason,
    closureNote: trimmed(input.note),
    finalAssessmentId: final.id,
    escalationPrevented: input.escalationPrevented ?? null,
    escalationExplanation: explanation,
    residentInformed: input.residentInformed ?? null,
    residentInformedHow: how,
    aftercareDate: aftercare,
  };
  await saveCase(ctx, c, input.version, { ...closure, status: "closed", closedAt: ctx.now });
  await insertStatusChange(ctx, {
    caseId,
    householdId: c.householdId,
    fromStatus: c.status,
    toStatus: "closed",
    note: closure.closureNote,
    details: closure,
  });
  await ctx.audit({
    action: "case.closed",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { reason, escalationPrevented: input.escalationPrevented, finalAssessmentId: final.id },
  });
  return { id: caseId };
}

export async function reopenCase(
  ctx: RequestContext,
  caseId: string,
  input: { version: number; reason: string },
) {
  const c = await loadForChange(ctx, caseId, input.version, { allowClosed: true });
  if (!canReopen(c.status))
    throw conflict("caseNotClosed", "Alleen een afgesloten casus kan worden heropend.");
  const reason = trimmed(input.reason);
  if (!reason)
    throw unprocessable("reopenReasonRequired", "Schrijf op waarom de casus wordt heropend.", {
      field: "reason",
    });
  const open = await findOpenCase(ctx, c.householdId);
  if (open) throw conflict("caseAlreadyOpen", "Dit huishouden heeft al een andere lopende casus.");
  await saveCase(ctx, c, input.version, { status: "reopened" });
  await insertStatusChange(ctx, {
    caseId,
    householdId: c.householdId,
    fromStatus: "closed",
    toStatus: "reopened",
    note: reason,
  });
  await ctx.audit({
    action: "case.reopened",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
  });
  return { id: caseId };
}

export async function getWorklist(ctx: RequestContext) {
  const items = await listWorklist(ctx);
  return {
    items: items.map((i) => ({
      ...i,
      openedAt: new Date(i.openedAt).toISOString(),
      aftercareDate: i.status === "closed" ? i.aftercareDate : null,
    })),
  };
}

export async function addJournalEntry(
  ctx: RequestContext,
  householdId: string,
  input: {
    caseId?: string | null;
    kind: "homeVisit" | "phoneCall" | "consultation" | "meeting";
    occurredOn: string;
    participants?: string | null;
    text: string;
  },
) {
  const household = await assertVisibleHousehold(ctx, householdId);
  assertPastDate(input.occurredOn, ctx.now, "De datum van het contact", "occurredOn");
  const text = trimmed(input.text);
  if (!text) throw unprocessable("textRequired", "Schrijf op wat er besproken is.", { field: "text" });
  let teamId = household.registeredByTeamId;
  if (input.caseId) {
    const c = await findCase(ctx, input.caseId);
    if (!c || c.householdId !== householdId) {
      throw unprocessable("caseNotInHousehold", "Deze casus hoort niet bij dit huishouden.", {
        field: "caseId",
      });
    }
    teamId = c.teamId;
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("journalEntry")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      caseId: input.caseId ?? null,
      kind: input.kind,
      occurredOn: input.occurredOn,
      participants: trimmed(input.participants),
      text,
      authorUserId: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "journal.added",
    resourceType: "journal",
    resourceId: id,
    householdId,
    teamId,
    details: { kind: input.kind, caseId: input.caseId ?? null },
  });
  return { id };
}
