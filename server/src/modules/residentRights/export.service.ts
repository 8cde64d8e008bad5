import { sql } from "kysely";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { notFound } from "../../platform/http/errors.ts";
import { discoverPersonalTables, EXPORT_EXCLUDED, EXPORT_FILTERS } from "./schemaCatalogue.ts";

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return `"${name}"`;
};

function whereFor(table: string, hasResident: boolean, hasHousehold: boolean) {
  if (EXPORT_FILTERS[table]) return EXPORT_FILTERS[table];
  if (table === "resident") return "id = $resident";
  if (table === "household") return "id = $household";
  if (hasResident && hasHousehold)
    return "(resident_id = $resident or (resident_id is null and household_id = $household))";
  if (hasResident) return "resident_id = $resident";
  return "household_id = $household";
}

/**
 * Everything held about a resident (AVG art. 15), table by table as found from the schema, read
 * through row-level security, with who accessed their household's data and when.
 */
export async function exportResident(ctx: RequestContext, residentId: string) {
  const member = await ctx.trx
    .selectFrom("householdMember")
    .select("householdId")
    .where("residentId", "=", residentId)
    .executeTakeFirst();
  if (!member) throw notFound("Deze inwoner bestaat niet of u heeft geen toegang tot zijn of haar dossier.");
  await assertHouseholdAction(ctx, member.householdId, "share");
  const householdId = member.householdId;

  const tables: Record<string, Record<string, unknown>[]> = {};
  const notReadable: string[] = [];
  for (const t of await discoverPersonalTables(ctx.trx)) {
    if (EXPORT_EXCLUDED[t.table]) continue;
    if (!t.appCanRead) {
      notReadable.push(t.table);
      continue;
    }
    const where = whereFor(t.table, t.hasResidentId, t.hasHouseholdId)
      .replaceAll("$resident", `'${residentId}'::uuid`)
      .replaceAll("$household", `'${householdId}'::uuid`);
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.raw(ident(t.table))} where ${sql.raw(where)}`.execute(ctx.trx);
    tables[t.table] = rows.rows;
  }
  const accessLog = await sql<{
    id: number;
    occurredAt: Date;
    action: string;
    actorName: string | null;
    actorRole: string | null;
    organisationName: string | null;
    resourceType: string;
    reason: string | null;
    breakTheGlass: boolean;
  }>`select * from app_household_access_log(${householdId}::uuid, ${residentId}::uuid)`.execute(ctx.trx);
  await ctx.audit({
    action: "resident.exported",
    resourceType: "resident",
    resourceId: residentId,
    residentId,
    householdId,
    details: { tables: Object.keys(tables).length },
  });
  return {
    residentId,
    householdId,
    generatedAt: ctx.now.toISOString(),
    tables,
    accessLog: accessLog.rows.map((r) => ({
      ...r,
      id: String(r.id),
      occurredAt: new Date(r.occurredAt).toISOString(),
    })),
    excluded: EXPORT_EXCLUDED,
    notReadable,
  };
}

const escapeHtml = (value: unknown) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
const show = (v: unknown) =>
  v instanceof Date
    ? Number.isNaN(v.getTime())
      ? "—"
      : v.toISOString()
    : typeof v === "object" && v !== null
      ? JSON.stringify(v)
      : v;

/** The same export as a readable, printable page. */
export function exportAsHtml(e: Awaited<ReturnType<typeof exportResident>>): string {
  const sections = Object.entries(e.tables)
    .filter(([, rows]) => rows.length > 0)
    .map(([table, rows]) => {
      const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== "municipalityId");
      return `<section><h2>${escapeHtml(table)}</h2><table><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>${rows
        .map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(show(r[c]))}</td>`).join("")}</tr>`)
        .join("")}</tbody></table></section>`;
    })
    .join("\n");
  const log = e.accessLog
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.occurredAt)}</td><td>${escapeHtml(a.actorName)}</td><td>${escapeHtml(a.organisationName)}</td><td>${escapeHtml(a.action)}</td><td>${a.breakTheGlass ? "noodtoegang: " : ""}${escapeHtml(a.reason)}</td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Uw gegevens</title></head><body><main>
<h1>Overzicht van uw gegevens</h1><p>Gemaakt op ${escapeHtml(e.generatedAt)}.</p>${sections}
<section><h2>Wie heeft uw gegevens ingezien</h2><table><thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Organisatie</th><th scope="col">Handeling</th><th scope="col">Reden</th></tr></thead><tbody>${log}</tbody></table></section>
</main></body></html>`;
}
