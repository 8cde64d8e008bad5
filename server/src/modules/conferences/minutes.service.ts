import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import { getConference } from "./conferences.service.ts";
import { conferencePeople } from "./dossierPeople.ts";
import { assertNoPersonalData, shareable } from "./personalData.ts";

const KIND_NAMES = {
  action: "Actie",
  caseLead: "Regiehouder",
  escalation: "Opschaling naar teamleider (mandaat)",
} as const;

/**
 * Minutes without identifying data: every case by its pseudonym (also when it was discussed by name),
 * decisions with the professional who acts and the date, and the case-learning notes.
 */
export async function exportMinutes(ctx: RequestContext, conferenceId: string) {
  const c = await getConference(ctx, conferenceId);
  const people = await conferencePeople(ctx, conferenceId);
  const notes = await ctx.trx
    .selectFrom("caseLearningNote")
    .select(["text", "tags"])
    .where("conferenceId", "=", conferenceId)
    .orderBy("writtenAt")
    .execute();
  await ctx.audit({
    action: "conference.minutesExported",
    resourceType: "caseConference",
    resourceId: conferenceId,
    teamId: c.teamId,
  });
  return {
    title: c.title,
    teamName: c.teamName,
    scheduledAt: c.scheduledAt,
    participants: c.participants.map((p) => ({
      name: p.name,
      organisationName: p.organisationName,
      kind: p.kind,
    })),
    items: c.agenda.map((a) => ({
      position: a.position,
      case: `Casus ${a.position}: ${a.pseudonym}`,
      question: a.question,
      decisions: a.decisions.map((d) => ({
        kind: KIND_NAMES[d.kind],
        description: d.description,
        assignee: d.assigneeName,
        dueDate: d.dueDate,
      })),
    })),
    learningNotes: notes.map((n) => shareable(n.text, people)),
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/** The same minutes as a printable HTML page. */
export function minutesAsHtml(m: Awaited<ReturnType<typeof exportMinutes>>): string {
  const when = new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(m.scheduledAt));
  const items = m.items
    .map(
      (
        i,
      ) => `<section><h2>${escapeHtml(i.case)}</h2>${i.question ? `<p>Vraag: ${escapeHtml(i.question)}</p>` : ""}
<ul>${i.decisions.map((d) => `<li>${escapeHtml(d.kind)}: ${escapeHtml(d.description)} — ${escapeHtml(d.assignee)}${d.dueDate ? `, uiterlijk ${escapeHtml(d.dueDate)}` : ""}</li>`).join("")}</ul></section>`,
    )
    .join("\n");
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Verslag ${escapeHtml(m.title)}</title></head><body>
<main><h1>Verslag casusoverleg: ${escapeHtml(m.title)}</h1><p>${escapeHtml(m.teamName)}, ${escapeHtml(when)}</p>
<h2>Aanwezig</h2><ul>${m.participants.map((p) => `<li>${escapeHtml(p.name)}${p.organisationName ? ` (${escapeHtml(p.organisationName)})` : ""}</li>`).join("")}</ul>
${items}
<h2>Wat het team leerde</h2><ul>${m.learningNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul></main></body></html>`;
}

export async function addLearningNote(
  ctx: RequestContext,
  input: { teamId: string; conferenceId?: string | null; text: string; tags?: string[] },
) {
  if (!ctx.actor.teamIds.includes(input.teamId)) {
    throw unprocessable(
      "notYourTeam",
      "U kunt alleen leerpunten vastleggen voor een team waarvan u lid bent.",
      { field: "teamId" },
    );
  }
  const text = input.text.trim();
  if (text.length < 10)
    throw unprocessable("textTooShort", "Beschrijf het leerpunt in minstens 10 tekens.", { field: "text" });
  if (input.conferenceId) {
    const c = await ctx.trx
      .selectFrom("caseConference")
      .select("teamId")
      .where("id", "=", input.conferenceId)
      .executeTakeFirst();
    if (!c || c.teamId !== input.teamId) throw notFound("Dit casusoverleg bestaat niet bij dit team.");
  }
  const people = input.conferenceId ? await conferencePeople(ctx, input.conferenceId) : [];
  assertNoPersonalData(text, people, "Een leerpunt", "text");
  for (const tag of input.tags ?? []) assertNoPersonalData(tag, people, "Een trefwoord", "tags");
  const id = randomUUID();
  await ctx.trx
    .insertInto("caseLearningNote")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      teamId: input.teamId,
      conferenceId: input.conferenceId ?? null,
      text,
      tags: [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))],
      writtenByUserId: ctx.actor.userId,
      writtenAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "conference.learningNoteAdded",
    resourceType: "caseLearningNote",
    resourceId: id,
    teamId: input.teamId,
  });
  return { id };
}

export async function searchLearningNotes(ctx: RequestContext, query: string | undefined) {
  const q = query?.trim() ?? "";
  const rows = await ctx.trx
    .selectFrom("caseLearningNote as n")
    .innerJoin("team as t", (j) =>
      j.onRef("t.municipalityId", "=", "n.municipalityId").onRef("t.id", "=", "n.teamId"),
    )
    .select(["n.id", "n.text", "n.tags", "n.writtenAt", "t.name as teamName"])
    .where((eb) =>
      q
        ? eb.or([
            eb("n.text", "ilike", `%${q.replace(/[%_\\]/g, "\\$&")}%`),
            sql<boolean>`${q.toLowerCase()} = any (n.tags)`,
          ])
        : eb.val(true),
    )
    .orderBy("n.writtenAt", "desc")
    .limit(100)
    .execute();
  await ctx.audit({
    action: "conference.learningNotesSearched",
    resourceType: "caseLearningNote",
    details: { count: rows.length },
  });
  // A policy view across teams: older notes that fail today's check (generic patterns) are withheld.
  return {
    items: rows.map((r) => ({
      ...r,
      text: shareable(r.text, []),
      writtenAt: new Date(r.writtenAt).toISOString(),
    })),
  };
}
