import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound } from "../../platform/http/errors.ts";
import { queueNewMessageNotice } from "../portal/portal.outbox.ts";
import { cleanMessageText } from "./messages.text.ts";

export interface MessageView {
  id: string;
  authorKind: "resident" | "professional";
  authorName: string | null;
  mine: boolean;
  text: string;
  sentAt: string;
}

/** The thread of one household, oldest first. Staff see author names; residents see "you" or the team. */
export async function listMessages(ctx: RequestContext, householdId: string): Promise<MessageView[]> {
  const staff = ctx.actor.role !== "resident";
  const rows = await ctx.trx
    .selectFrom("portalMessage as m")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.authorUserId"),
    )
    .select(["m.id", "m.authorKind", "m.authorUserId", "m.body", "m.createdAt", "u.displayName"])
    .where("m.municipalityId", "=", ctx.actor.municipalityId)
    .where("m.householdId", "=", householdId)
    .orderBy("m.createdAt", "asc")
    .orderBy("m.id", "asc")
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorKind: r.authorKind,
    authorName: staff ? (r.displayName ?? null) : null,
    mine: r.authorUserId === ctx.actor.userId,
    text: r.body,
    sentAt: new Date(r.createdAt).toISOString(),
  }));
}

/** Who gets the e-mail notice when the team writes: the household's resident accounts and representatives. */
async function householdRecipients(
  ctx: RequestContext,
  householdId: string,
  today: string,
): Promise<string[]> {
  const accounts = await ctx.trx
    .selectFrom("residentAccount as a")
    .innerJoin("householdMember as m", (j) =>
      j.onRef("m.municipalityId", "=", "a.municipalityId").onRef("m.residentId", "=", "a.residentId"),
    )
    .select("a.userId")
    .where("a.municipalityId", "=", ctx.actor.municipalityId)
    .where("m.householdId", "=", householdId)
    .execute();
  const representatives = await ctx.trx
    .selectFrom("representation")
    .select("representativeUserId as userId")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("householdId", "=", householdId)
    .where("revokedAt", "is", null)
    .where("validFrom", "<=", today)
    .where("validUntil", ">=", today)
    .execute();
  return [...new Set([...accounts, ...representatives].map((r) => r.userId))];
}

export interface SendInput {
  householdId: string;
  caseId: string;
  caseClosed: boolean;
  text: string;
  /** For a resident: the case lead's account; for staff: looked up from the household. */
  recipients?: string[];
  today: string;
}

/** Stores a message as plain text, queues a notice without personal details, and audits it. */
export async function sendMessage(ctx: RequestContext, input: SendInput): Promise<MessageView> {
  if (input.caseClosed) {
    throw conflict(
      "caseClosed",
      "De hulp is afgerond. Berichten sturen kan niet meer. Bel het buurtteam als u iets wilt vragen.",
    );
  }
  const text = cleanMessageText(input.text);
  const id = randomUUID();
  const authorKind = ctx.actor.role === "resident" ? "resident" : "professional";
  await ctx.trx
    .insertInto("portalMessage")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId: input.householdId,
      caseId: input.caseId,
      authorUserId: ctx.actor.userId,
      authorKind,
      body: text,
      createdAt: ctx.now,
    })
    .execute();
  const recipients = input.recipients ?? (await householdRecipients(ctx, input.householdId, input.today));
  await queueNewMessageNotice(
    ctx.trx,
    ctx.actor.municipalityId,
    recipients.filter((r) => r !== ctx.actor.userId),
  );
  await ctx.audit({
    action: "message.sent",
    resourceType: "portalMessage",
    resourceId: id,
    householdId: input.householdId,
    details: { caseId: input.caseId, length: text.length },
  });
  return {
    id,
    authorKind,
    authorName: authorKind === "professional" ? ctx.actor.displayName : null,
    mine: true,
    text,
    sentAt: ctx.now.toISOString(),
  };
}

/** Staff side: the case, visible through the dossier's access rules, or 404. */
export async function findVisibleCase(ctx: RequestContext, caseId: string) {
  const c = await ctx.trx
    .selectFrom("caseFile")
    .select(["id", "householdId", "teamId", "status"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!c) throw notFound("Deze casus bestaat niet of u heeft er geen toegang toe.");
  return c;
}
