import { type Kysely, sql } from "kysely";
import type { DB } from "../platform/db/schema.ts";

/** An audit event whose reason or details repeat free text of a record it points to. */
export interface AuditContentFinding {
  eventId: string;
  action: string;
  where: "reason" | "details";
  /** table.column of the record the text comes from (never the text itself). */
  source: string;
}

/** Resource types whose table name is not their snake_case form. */
const RESOURCE_TABLES: Record<string, string> = {
  case: "case_file",
  journal: "journal_entry",
  user: "app_user",
};
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const ID_LIKE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}|\d{4}-\d{2}-\d{2}.*)$/i;
/** Codes kept in text columns without a CHECK list (statuses, field names): lowerCamelCase, no spaces. */
const CODE_LIKE = /^[a-z][A-Za-z0-9]*$/;
/** A copy of a long text is found by its start too (a truncated copy is still content). */
const PREFIX = 24;
/** Tables that are the trail itself or hold no record text to compare with. */
const SKIP = new Set(["audit_event", "audit_chain_head", "schema_migration", "retention_run"]);

/**
 * Free-text columns, found from the schema: text columns that no CHECK limits to a list of codes,
 * except ids, hashes and secrets.
 */
async function freeTextColumns(db: Kysely<DB>) {
  const rows = await sql<{ table: string; column: string }>`
    select c.table_name as table, c.column_name as column
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying')
      and c.column_name !~ '(^id$|_id$|_hash$|_sha256$|^csrf_token$|^totp_secret$|^code$|^key_prefix$)'
      and not exists (
        select 1 from pg_constraint k
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
        where k.conrelid = format('public.%I', c.table_name)::regclass and k.contype = 'c'
          and a.attname = c.column_name and pg_get_constraintdef(k.oid) ~ '= ANY \\(ARRAY\\['
      )`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of rows.rows) {
    if (SKIP.has(r.table)) continue;
    byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.column]);
  }
  return byTable;
}

/**
 * Scans every audit event's reason and details for the free text of the records it points to: the
 * resource (resource_type + resource_id), and every row of its household and resident. Run as the
 * owner. Texts shorter than five characters, ids, hashes and dates are not compared.
 */
export async function scanAuditForRecordText(db: Kysely<DB>): Promise<AuditContentFinding[]> {
  const tables = await freeTextColumns(db);
  const columnsOf = async (table: string) =>
    (
      await sql<{ column: string }>`select column_name as column from information_schema.columns
        where table_schema = 'public' and table_name = ${table}`.execute(db)
    ).rows.map((r) => r.column);
  type Text = { source: string; value: string };
  const byResource = new Map<string, Text[]>();
  const byHousehold = new Map<string, Text[]>();
  const byResident = new Map<string, Text[]>();
  const add = (map: Map<string, Text[]>, key: unknown, text: Text) => {
    if (typeof key !== "string" || !key) return;
    const list = map.get(key);
    if (list) list.push(text);
    else map.set(key, [text]);
  };
  for (const [table, textColumns] of tables) {
    const all = await columnsOf(table);
    const key = (k: string) => (all.includes(k) ? sql.ref(k) : sql`null`);
    // Plain aliases: the connection's camel-case plugin would rename snake_case ones.
    const rows = await sql<Record<string, unknown>>`select ${key("id")}::text as rowid,
      ${key("household_id")}::text as household, ${key("resident_id")}::text as resident,
      ${sql.join(textColumns.map((c, i) => sql`${sql.ref(c)}::text as ${sql.raw(`t${i}`)}`))}
      from ${sql.table(table)}`.execute(db);
    for (const row of rows.rows) {
      for (const [i, column] of textColumns.entries()) {
        const value = row[`t${i}`];
        if (typeof value !== "string") continue;
        const trimmed = value.trim();
        if (trimmed.length < 5 || ID_LIKE.test(trimmed) || CODE_LIKE.test(trimmed)) continue;
        const text = { source: `${table}.${column}`, value: trimmed };
        add(byResource, `${table}:${row.rowid}`, text);
        add(byHousehold, row.household, text);
        add(byResident, row.resident, text);
        if (table === "household") add(byHousehold, row.rowid, text);
        if (table === "resident") add(byResident, row.rowid, text);
      }
    }
  }
  const events = await sql<{
    id: string;
    action: string;
    resourceType: string;
    resourceId: string | null;
    householdId: string | null;
    residentId: string | null;
    reason: string | null;
    details: string;
  }>`select id::text, action, resource_type, resource_id, household_id::text, resident_id::text, reason,
      details::text as details from audit_event order by id`.execute(db);
  const findings: AuditContentFinding[] = [];
  for (const e of events.rows) {
    const table = RESOURCE_TABLES[e.resourceType] ?? snake(e.resourceType);
    const texts = [
      ...(byResource.get(`${table}:${e.resourceId}`) ?? []),
      ...(e.householdId ? (byHousehold.get(e.householdId) ?? []) : []),
      ...(e.residentId ? (byResident.get(e.residentId) ?? []) : []),
    ];
    for (const t of texts) {
      const needle = t.value.length > PREFIX ? t.value.slice(0, PREFIX) : t.value;
      const inReason = e.reason?.includes(needle) ?? false;
      const inDetails = e.details.includes(JSON.stringify(needle).slice(1, -1));
      if (inReason || inDetails)
        findings.push({
          eventId: e.id,
          action: e.action,
          where: inReason ? "reason" : "details",
          source: t.source,
        });
    }
  }
  return findings;
}
