import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { ZRM_DOMAINS } from "../assessments/zrm.ts";
import type { ZrmVersion } from "../households/dossier.tables.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { listMessages, sendMessage } from "../messages/messages.service.ts";
import { listMyExports } from "./portal.exports.ts";
import { assertPortalHousehold, currentCase } from "./portal.scope.ts";
import { caseLeadOf } from "./portal.service.ts";
import type { Answer } from "./portal.tables.ts";

async function zrmVersion(ctx: RequestContext): Promise<ZrmVersion> {
  const m = await ctx.trx
    .selectFrom("municipality")
    .select("zrmVersion")
    .where("id", "=", ctx.actor.municipalityId)
    .executeTakeFirstOrThrow();
  return m.zrmVersion;
}

/** The life domains to answer (the municipality's ZRM version) and the resident's latest own answers. */
export async function getSelfAssessment(ctx: RequestContext, householdId: string) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const domains = ZRM_DOMAINS[await zrmVersion(ctx)].map((d) => ({
    domain: d.key,
    dataCategory: d.dataCategory,
  }));
  const latest = await ctx.trx
    .selectFrom("selfAssessment")
    .select(["id", "submittedAt"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("householdId", "=", householdId)
    .where("residentId", "=", scope.residentId)
    .orderBy("submittedAt", "desc")
    .limit(1)
    .executeTakeFirst();
  const scores = latest
    ? await ctx.trx
        .selectFrom("selfAssessmentScore")
        .select(["domain", "level"])
        .where("municipalityId", "=", ctx.actor.municipalityId)
        .where("selfAssessmentId", "=", latest.id)
        .execute()
    : [];
  return {
    residentId: scope.residentId,
    domains,
    latest: latest ? { submittedAt: new Date(latest.submittedAt).toISOString(), scores } : null,
  };
}

export async function submitSelfAssessment(
  ctx: RequestContext,
  householdId: string,
  scores: { domain: string; level: number }[],
) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const domains = ZRM_DOMAINS[await zrmVersion(ctx)];
  if (scores.length === 0)
    throw unprocessable("noAnswers", "Beantwoord minstens één vraag.", { field: "scores" });
  const seen = new Set<string>();
  for (const s of scores) {
    if (!domains.some((d) => d.key === s.domain))
      throw unprocessable("unknownDomain", "Deze vraag kennen we niet.", { domain: s.domain });
    if (seen.has(s.domain))
      throw unprocessable("duplicateDomain", "Elke vraag kan maar één antwoord hebben.", {
        domain: s.domain,
      });
    seen.add(s.domain);
  }
  const c = await currentCase(ctx, householdId);
  const id = randomUUID();
  const m = ctx.actor.municipalityId;
  await ctx.trx
    .insertInto("selfAssessment")
    .values({
      municipalityId: m,
      id,
      householdId,
      residentId: scope.residentId,
      caseId: c?.id ?? null,
      submittedByUserId: ctx.actor.userId,
      submittedAt: ctx.now,
    })
    .execute();
  await ctx.trx
    .insertInto("selfAssessmentScore")
    .values(
      scores.map((s) => ({
        municipalityId: m,
        selfAssessmentId: id,
        householdId,
        domain: s.domain,
        dataCategory: domains.find((d) => d.key === s.domain)?.dataCategory ?? "special",
        level: s.level,
      })),
    )
    .execute();
  await ctx.audit({
    action: "portal.selfAssessmentSubmitted",
    resourceType: "selfAssessment",
    resourceId: id,
    householdId,
    residentId: scope.residentId,
    details: { domains: scores.length },
  });
  return { id, submittedAt: ctx.now.toISOString() };
}

interface AccessRow {
  id: number | string;
  occurredAt: Date | string;
  action: string;
  actorRole: string | null;
  organisationName: string | null;
  actorName: string | null;
  reason: string | null;
  emergency: boolean;
}

/** "Who looked at my data": organisation, role and when; names only where the municipality chose so. */
export async function getAccessLog(ctx: RequestContext, householdId: string) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const { rows } = await sql<AccessRow>`select * from app_portal_access_log(${householdId}, 200)`.execute(
    ctx.trx,
  );
  const exportRequests = await listMyExports(ctx, scope);
  await ctx.audit({
    action: "portal.accessLogViewed",
    resourceType: "household",
    resourceId: householdId,
    householdId,
  });
  return {
    entries: rows.map((r) => ({
      id: String(r.id),
      occurredAt: new Date(r.occurredAt).toISOString(),
      action: r.action,
      actorRole: r.actorRole,
      organisationName: r.organisationName,
      actorName: r.actorName,
      reason: r.reason,
      emergency: r.emergency,
    })),
    exportRequests,
  };
}

/** Records the request for a full export; the privacy module (issue: privacy) produces and delivers it. */
export async function requestExport(ctx: RequestContext, householdId: string) {
  const scope = await assertPortalHousehold(ctx, householdId);
  const open = await ctx.trx
    .selectFrom("exportRequest")
    .select("id")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("householdId", "=", householdId)
    .where("residentId", "=", scope.residentId)
    .where("status", "=", "requested")
    .executeTakeFirst();
  if (open)
    throw conflict("exportAlreadyRequested", "U heeft dit al gevraagd. U krijgt binnen een maand bericht.");
  const ready = (await listMyExports(ctx, scope)).find((r) => r.status === "ready");
  if (ready?.expiresAt) {
    throw conflict(
      "exportReady",
      `Uw gegevens staan al klaar. U kunt ze downloaden tot ${ready.expiresAt.slice(0, 10)}. Daarna kunt u ze opnieuw opvragen.`,
    );
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("exportRequest")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      residentId: scope.residentId,
      requestedByUserId: ctx.actor.userId,
      requestedAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "portal.exportRequested",
    resourceType: "exportRequest",
    resourceId: id,
    householdId,
    residentId: scope.residentId,
  });
  return {
    id,
    requestedAt: ctx.now.toISOString(),
    status: "requested" as const,
    readyAt: null,
    expiresAt: null,
  };
}

export async function getPortalMessages(ctx: RequestContext, householdId: string) {
  await assertPortalHousehold(ctx, householdId);
  const c = await currentCase(ctx, householdId);
  const messages = await listMessages(ctx, householdId);
  await ctx.audit({
    action: "message.listed",
    resourceType: "household",
    resourceId: householdId,
    householdId,
  });
  return { canSend: Boolean(c && c.status !== "closed"), messages };
}

export async function sendPortalMessage(ctx: RequestContext, householdId: string, text: string) {
  await assertPortalHousehold(ctx, householdId);
  const c = await currentCase(ctx, householdId);
  if (!c) throw notFound("Er is nog geen hulp gestart. U kunt nog geen bericht sturen.");
  const lead = await caseLeadOf(ctx, householdId);
  return sendMessage(ctx, {
    householdId,
    caseId: c.id,
    caseClosed: c.status === "closed",
    text,
    recipients: lead ? [lead.userId] : [],
    today: todayInNetherlands(ctx.now),
  });
}

/**
 * After closure, one short question, stored without any link to the household: the team and the month.
 * Only that this case answered is kept, so it is asked once.
 */
export async function answerSatisfaction(
  ctx: RequestContext,
  householdId: string,
  input: { feltHelped: Answer; takenSeriously: Answer; knowsNextStep: Answer },
) {
  await assertPortalHousehold(ctx, householdId);
  const c = await currentCase(ctx, householdId);
  if (c?.status !== "closed") throw conflict("caseNotClosed", "Deze vragen komen als de hulp is afgerond.");
  const m = ctx.actor.municipalityId;
  const done = await ctx.trx
    .selectFrom("satisfactionInvitation")
    .select("caseId")
    .where("municipalityId", "=", m)
    .where("caseId", "=", c.id)
    .executeTakeFirst();
  if (done) throw conflict("alreadyAnswered", "U heeft deze vragen al beantwoord. Dank u wel.");
  await ctx.trx
    .insertInto("satisfactionInvitation")
    .values({ municipalityId: m, caseId: c.id, householdId })
    .execute();
  const month = `${todayInNetherlands(ctx.now).slice(0, 7)}-01`;
  await ctx.trx
    .insertInto("satisfactionResponse")
    .values({
      municipalityId: m,
      teamId: c.teamId,
      month,
      feltHelped: input.feltHelped,
      takenSeriously: input.takenSeriously,
      knowsNextStep: input.knowsNextStep,
    })
    .execute();
  // The audit records that the household answered, never what.
  await ctx.audit({
    action: "portal.satisfactionAnswered",
    resourceType: "case",
    resourceId: c.id,
    householdId,
  });
  return { answered: true };
}

export async function caseLeadPhoto(ctx: RequestContext, householdId: string) {
  await assertPortalHousehold(ctx, householdId);
  const { rows } = await sql<{
    photo: Buffer | Uint8Array;
    photoType: string;
  }>`select * from app_portal_case_lead_photo(${householdId})`.execute(ctx.trx);
  const row = rows[0];
  if (!row) throw notFound("Er is geen foto.");
  return { photo: Buffer.from(row.photo), type: row.photoType };
}
