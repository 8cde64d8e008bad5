import { randomUUID } from "node:crypto";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import type { CaseStatus } from "../households/dossier.tables.ts";
import { assertVisibleHousehold } from "../households/households.service.ts";
import { assertSharingAllowed } from "../privacy/sharing.ts";
import { assertTeamStaff, loadForChange, saveCase, trimmed } from "./cases.guards.ts";
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
} from "./cases.repository.ts";
import { canChangeStatus, STATUS_NAMES } from "./cases.rules.ts";

export { type CloseInput, closeCase, reopenCase } from "./cases.closure.ts";
export { addJournalEntry, type IntakeInput, recordAssessment, recordIntake } from "./cases.records.ts";

export interface OpenCaseInput {
  teamId?: string;
  caseLeadUserId: string;
  decidedByUserId?: string;
  allocationGrounds: string;
}

/** Aanmelding: the team takes the case on; who decided and on what grounds is recorded (mandate). */
export async function openCase(ctx: RequestContext, householdId: string, input: OpenCaseInput) {
  await assertHouseholdAction(ctx, householdId, "register");
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

/**
 * The work moves the case (issue 16): making the plan moves a case in registration, intake or reopened to
 * "plan", the resident's agreement moves it to "execution". Nothing happens from any other status.
 */
export async function advanceCaseWith(
  ctx: RequestContext,
  caseId: string,
  to: CaseStatus,
  from: readonly CaseStatus[],
): Promise<void> {
  const c = await findCase(ctx, caseId);
  if (!c || !from.includes(c.status)) return;
  await saveCase(ctx, c, c.version, { status: to });
  await insertStatusChange(ctx, {
    caseId,
    householdId: c.householdId,
    fromStatus: c.status,
    toStatus: to,
    note: null,
  });
  await ctx.audit({
    action: "case.statusChanged",
    resourceType: "case",
    resourceId: caseId,
    householdId: c.householdId,
    teamId: c.teamId,
    details: { from: c.status, to, automatic: true },
  });
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
      .set({
        endedAt: null,
        endedReason: null,
        endedByUserId: null,
        roleInCase: role,
        organisationId,
        isCaseLead: input.asCaseLead ?? false,
      })
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
