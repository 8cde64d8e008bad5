import { householdAccess } from "../../platform/access/household.ts";
import { hasPermission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { municipalityZrmVersion } from "../assessments/assessments.service.ts";
import { findDomain, ZRM_LEVELS } from "../assessments/zrm.ts";
import { mayEndInvolvement } from "../cases/cases.involvement.ts";
import {
  listCaseProfessionals,
  listCases,
  listHandovers,
  listStatusChanges,
} from "../cases/cases.repository.ts";
import { allowedNextStatuses, STATUS_NAMES } from "../cases/cases.rules.ts";
import type { CaseStatus } from "./dossier.tables.ts";
import { listMembers, listMerges } from "./households.repository.ts";
import { assertVisibleHousehold } from "./households.service.ts";

/** Timestamps leave as ISO strings (the response schema says date-time). */
export const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
const JOURNAL_KINDS: Record<string, string> = {
  homeVisit: "Huisbezoek",
  phoneCall: "Telefoongesprek",
  consultation: "Consultatie",
  meeting: "Overleg",
};
const LOCATIONS: Record<string, string> = {
  homeVisit: "keukentafelgesprek (huisbezoek)",
  desk: "loket",
  elsewhere: "elders",
};

async function listIntakes(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("intake as i")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "i.municipalityId").onRef("u.id", "=", "i.recordedByUserId"),
    )
    .selectAll("i")
    .select("u.displayName as recordedByName")
    .where("i.householdId", "=", householdId)
    .orderBy("i.recordedAt", "desc")
    .execute();
}

async function listAssessments(ctx: RequestContext, householdId: string) {
  const assessments = await ctx.trx
    .selectFrom("assessment as a")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "a.municipalityId").onRef("u.id", "=", "a.assessorUserId"),
    )
    .selectAll("a")
    .select("u.displayName as assessorName")
    .where("a.householdId", "=", householdId)
    .orderBy("a.assessedOn")
    .orderBy("a.recordedAt")
    .execute();
  const scores =
    assessments.length === 0
      ? []
      : await ctx.trx
          .selectFrom("assessmentScore as s")
          .leftJoin("appUser as u", (j) =>
            j.onRef("u.municipalityId", "=", "s.municipalityId").onRef("u.id", "=", "s.assessorUserId"),
          )
          .selectAll("s")
          .select("u.displayName as assessorName")
          .where("s.householdId", "=", householdId)
          .execute();
  return assessments.map((a) => ({
    id: a.id,
    caseId: a.caseId,
    residentId: a.residentId,
    zrmVersion: a.zrmVersion,
    kind: a.kind,
    assessedOn: a.assessedOn,
    recordedAt: iso(a.recordedAt),
    assessor: person(a.assessorUserId, a.assessorName),
    scores: scores
      .filter((s) => s.assessmentId === a.id)
      .map((s) => ({
        domain: s.domain,
        level: s.level,
        residentLevel: s.residentLevel,
        note: s.note,
        assessedOn: s.assessedOn,
        assessor: person(s.assessorUserId, s.assessorName),
        dataCategory: s.dataCategory,
      })),
  }));
}

async function listJournal(ctx: RequestContext, householdId: string) {
  const rows = await ctx.trx
    .selectFrom("journalEntry as j")
    .leftJoin("appUser as u", (x) =>
      x.onRef("u.municipalityId", "=", "j.municipalityId").onRef("u.id", "=", "j.authorUserId"),
    )
    .selectAll("j")
    .select("u.displayName as authorName")
    .where("j.householdId", "=", householdId)
    .orderBy("j.occurredOn", "desc")
    .orderBy("j.createdAt", "desc")
    .execute();
  return rows.map((j) => ({
    id: j.id,
    caseId: j.caseId,
    kind: j.kind,
    occurredOn: j.occurredOn,
    participants: j.participants,
    text: j.text,
    author: person(j.authorUserId, j.authorName),
    createdAt: iso(j.createdAt),
  }));
}

/** A date-only value as a moment on that day (noon UTC), so it sorts among timestamps. */
const dayAt = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * The dossier: members, cases with their professionals, intake, ZRM history, journal and one timeline.
 * Opening it is a read of personal data and is audited (household.viewed) in the same transaction.
 */
export async function getDossier(ctx: RequestContext, householdId: string) {
  const household = await assertVisibleHousehold(ctx, householdId);
  const [members, cases, intakes, assessments, journal, handovers, statusChanges, merges, zrmVersion] =
    await Promise.all([
      listMembers(ctx, householdId),
      listCases(ctx, householdId),
      listIntakes(ctx, householdId),
      listAssessments(ctx, householdId),
      listJournal(ctx, householdId),
      listHandovers(ctx, householdId),
      listStatusChanges(ctx, householdId),
      listMerges(ctx, householdId),
      municipalityZrmVersion(ctx),
    ]);
  const access = await householdAccess(ctx, householdId);
  const editable = access.actions.includes("edit");
  const professionals = await listCaseProfessionals(
    ctx,
    cases.map((c) => c.id),
  );
  const names = new Map(members.map((m) => [m.id, `${m.givenName} ${m.familyName}`]));
  const levelName = (n: number) => ZRM_LEVELS.find((l) => l.level === n)?.name ?? String(n);

  const timeline = [
    ...statusChanges.map((s) => ({
      at: s.changedAt,
      kind:
        s.fromStatus === null
          ? "caseOpened"
          : s.toStatus === "closed"
            ? "caseClosed"
            : s.toStatus === "reopened"
              ? "caseReopened"
              : "statusChanged",
      caseId: s.caseId,
      actor: s.byName,
      summary:
        s.fromStatus === null
          ? "Casus geopend (aanmelding)"
          : `Status: ${STATUS_NAMES[s.fromStatus as CaseStatus]} → ${STATUS_NAMES[s.toStatus as CaseStatus]}`,
      detail: s.note,
    })),
    ...handovers.map((h) => ({
      at: h.handedOverAt,
      kind: "handover",
      caseId: h.caseId,
      actor: h.byName,
      summary: h.fromName
        ? `Regie overgedragen van ${h.fromName} aan ${h.toName}`
        : `Regiehouder: ${h.toName}`,
      detail: h.note,
    })),
    ...intakes.map((i) => ({
      at: i.recordedAt,
      kind: "intake",
      caseId: i.caseId,
      actor: i.recordedByName,
      summary: `Intake (${LOCATIONS[i.location] ?? i.location})${i.urgency === "acute" ? " – acuut" : ""}`,
      detail: i.requestInOwnWords,
    })),
    ...assessments.map((a) => {
      const acute = a.scores
        .filter((s) => s.level === 1)
        .map((s) => findDomain(a.zrmVersion, s.domain)?.name ?? s.domain);
      return {
        at: a.recordedAt,
        kind: "assessment",
        caseId: a.caseId,
        actor: a.assessor?.name ?? null,
        summary: `${a.kind === "final" ? "Eind-ZRM" : "ZRM"} ingevuld voor ${names.get(a.residentId) ?? "een gezinslid"} (${a.scores.length} leefgebieden)`,
        detail:
          acute.length > 0 ? `Acuut (niveau 1: ${levelName(1).toLowerCase()}): ${acute.join(", ")}` : null,
      };
    }),
    ...journal.map((j) => ({
      at: dayAt(j.occurredOn),
      kind: "journal",
      caseId: j.caseId,
      actor: j.author?.name ?? null,
      summary: JOURNAL_KINDS[j.kind] ?? j.kind,
      detail: j.text,
    })),
    ...professionals
      .filter((p) => p.endedAt)
      .map((p) => ({
        at: p.endedAt as Date,
        kind: "involvementEnded",
        caseId: p.caseId,
        actor: p.endedByName,
        summary: `Betrokkenheid van ${p.name} beëindigd`,
        detail: p.endedReason,
      })),
    ...merges.map((m) => ({
      at: m.mergedAt,
      kind: "merge",
      caseId: null,
      actor: m.displayName,
      summary: "Dossiers samengevoegd",
      detail: m.note,
    })),
  ]
    .map((item) => ({ ...item, at: iso(item.at) }))
    .sort((a, b) => b.at.localeCompare(a.at));

  const currentCase = cases.find((c) => c.status !== "closed") ?? cases[0];
  await ctx.audit({
    action: "household.viewed",
    resourceType: "household",
    resourceId: householdId,
    householdId,
    teamId: currentCase?.teamId ?? household.registeredByTeamId,
  });

  const role = ctx.actor.role;
  return {
    id: household.id,
    name: household.name,
    mergedIntoId: household.mergedIntoId,
    registeredByTeamId: household.registeredByTeamId,
    createdAt: iso(household.createdAt),
    members,
    cases: cases.map((c) => {
      const team = professionals.filter((p) => p.caseId === c.id);
      const lead = team.find((p) => p.isCaseLead);
      return {
        id: c.id,
        teamId: c.teamId,
        teamName: c.teamName,
        status: c.status,
        version: c.version,
        acute: c.acute,
        openedAt: iso(c.openedAt),
        allocatedBy: person(c.allocatedByUserId, c.allocatedByName),
        allocationGrounds: c.allocationGrounds,
        caseLead: lead ? { id: lead.userId, name: lead.name } : null,
        closedAt: isoOrNull(c.closedAt),
        closureReason: c.closureReason,
        closureNote: c.closureNote,
        finalAssessmentId: c.finalAssessmentId,
        escalationPrevented: c.escalationPrevented,
        escalationExplanation: c.escalationExplanation,
        residentInformed: c.residentInformed,
        residentInformedHow: c.residentInformedHow,
        aftercareDate: c.aftercareDate,
        professionals: team.map(({ caseId: _caseId, endedByName: _by, ...p }) => ({
          ...p,
          addedAt: iso(p.addedAt),
          endedAt: isoOrNull(p.endedAt),
          mayEnd:
            editable &&
            c.status !== "closed" &&
            !p.endedAt &&
            !p.isCaseLead &&
            mayEndInvolvement(ctx.actor, lead?.userId ?? null, p.userId),
        })),
        nextStatuses: [...allowedNextStatuses(c.status)],
      };
    }),
    intakes: intakes.map((i) => ({
      id: i.id,
      caseId: i.caseId,
      conversationDate: i.conversationDate,
      location: i.location,
      locationNote: i.locationNote,
      requestInOwnWords: i.requestInOwnWords,
      underlyingQuestion: i.underlyingQuestion,
      lifeDomains: i.lifeDomains,
      ownStrengths: i.ownStrengths,
      networkSummary: i.networkSummary,
      urgency: i.urgency,
      safetyConcerns: i.safetyConcerns,
      recordedBy: person(i.recordedByUserId, i.recordedByName),
      recordedAt: iso(i.recordedAt),
    })),
    assessments,
    journal,
    timeline,
    zrmVersion,
    allowed: {
      read: access.actions.includes("read"),
      register: access.actions.includes("register") && hasPermission(role, "case.write"),
      write: editable && hasPermission(role, "case.write"),
      merge: editable && hasPermission(role, "household.merge"),
      writeAssessment: editable && hasPermission(role, "assessment.write"),
      writeJournal: editable && hasPermission(role, "journal.write"),
    },
    access: { levels: access.levels, sources: access.sources, emergencyUntil: access.emergencyUntil },
  };
}
