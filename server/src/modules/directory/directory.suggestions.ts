import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { CSV_COLUMNS } from "./directory.csv.ts";
import { presentEntry } from "./directory.present.ts";
import { findEntry, today } from "./directory.repository.ts";
import type { SuggestionInput } from "./directory.schemas.ts";
import { assertValidEntry, changeEntry, createEntry } from "./directory.service.ts";

/** The fields a suggestion may touch: the entry's own fields (the same list as the CSV columns). */
const EDITABLE = new Set<string>(CSV_COLUMNS);

async function currentInput(ctx: RequestContext, entryId: string) {
  const row = await findEntry(ctx, entryId);
  if (!row) throw notFound("Deze voorziening staat niet in de sociale kaart.");
  const entry = presentEntry(row, today(ctx)) as Record<string, unknown>;
  return Object.fromEntries(CSV_COLUMNS.map((c) => [c, entry[c]]));
}

/**
 * A professional proposes a change (only the changed fields) or a new entry (complete). It is checked
 * now, so the administrator sees only proposals that can be applied; it is checked again on approval.
 */
export async function submitSuggestion(ctx: RequestContext, input: SuggestionInput) {
  const unknown = Object.keys(input.changes).filter((key) => !EDITABLE.has(key));
  if (unknown.length > 0) throw unprocessable("unknownField", `Onbekende velden: ${unknown.join(", ")}.`);
  if (Object.keys(input.changes).length === 0)
    throw unprocessable("noChanges", "Het voorstel verandert niets.");
  const entryId = input.entryId ?? null;
  const base = entryId ? await currentInput(ctx, entryId) : {};
  await assertValidEntry(ctx, { ...base, ...input.changes });
  const id = randomUUID();
  await ctx.trx
    .insertInto("directorySuggestion")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      entryId,
      changes: JSON.stringify(input.changes),
      note: input.note.trim(),
      suggestedBy: ctx.actor.userId,
    })
    .execute();
  await ctx.audit({
    action: "directory.suggestionSubmitted",
    resourceType: "directorySuggestion",
    resourceId: id,
    details: { entryId, fields: Object.keys(input.changes) },
  });
  return findSuggestion(ctx, id);
}

function suggestions(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("directorySuggestion as s")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "s.municipalityId").onRef("u.id", "=", "s.suggestedBy"),
    )
    .leftJoin("directoryEntry as e", (j) =>
      j.onRef("e.municipalityId", "=", "s.municipalityId").onRef("e.id", "=", "s.entryId"),
    )
    .select([
      "s.id",
      "s.entryId",
      "e.name as entryName",
      "s.changes",
      "s.note",
      "s.status",
      "s.suggestedBy",
      "u.displayName as suggestedByName",
      sql<string>`to_char(s.suggested_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as("suggestedAt"),
      sql<string | null>`to_char(s.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as(
        "decidedAt",
      ),
      "s.decisionNote",
    ]);
}

async function findSuggestion(ctx: RequestContext, id: string) {
  const row = await suggestions(ctx).where("s.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Dit voorstel bestaat niet.");
  return row;
}

/** An administrator sees every suggestion; others see their own (row-level security decides). */
export async function listSuggestions(
  ctx: RequestContext,
  status: "open" | "approved" | "rejected" | undefined,
) {
  let query = suggestions(ctx);
  if (status) query = query.where("s.status", "=", status);
  return { items: await query.orderBy("s.suggestedAt", "desc").limit(200).execute() };
}

async function assertOpen(ctx: RequestContext, id: string) {
  const suggestion = await findSuggestion(ctx, id);
  if (suggestion.status !== "open") throw conflict("alreadyDecided", "Over dit voorstel is al besloten.");
  return suggestion;
}

async function decide(
  ctx: RequestContext,
  id: string,
  status: "approved" | "rejected",
  note: string | undefined,
) {
  await ctx.trx
    .updateTable("directorySuggestion")
    .set({ status, decidedBy: ctx.actor.userId, decidedAt: ctx.now, decisionNote: note?.trim() || null })
    .where("id", "=", id)
    .execute();
}

/** Applies the suggestion to the entry as it is now (validated again), or creates the proposed entry. */
export async function approveSuggestion(ctx: RequestContext, id: string, note: string | undefined) {
  const suggestion = await assertOpen(ctx, id);
  const changes = suggestion.changes as Record<string, unknown>;
  const result = suggestion.entryId
    ? await changeEntry(ctx, suggestion.entryId, {
        ...(await currentInput(ctx, suggestion.entryId)),
        ...changes,
      })
    : await createEntry(ctx, changes);
  await decide(ctx, id, "approved", note);
  await ctx.audit({
    action: "directory.suggestionApproved",
    resourceType: "directorySuggestion",
    resourceId: id,
    details: { entryId: result.entry.id },
  });
  return { suggestion: await findSuggestion(ctx, id), entryId: result.entry.id };
}

export async function rejectSuggestion(ctx: RequestContext, id: string, note: string | undefined) {
  await assertOpen(ctx, id);
  await decide(ctx, id, "rejected", note);
  await ctx.audit({
    action: "directory.suggestionRejected",
    resourceType: "directorySuggestion",
    resourceId: id,
  });
  return findSuggestion(ctx, id);
}
