import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

export interface PersonalTable {
  table: string;
  hasResidentId: boolean;
  hasHouseholdId: boolean;
  appCanRead: boolean;
}

/**
 * Tables that hold data about a resident, found from the schema: every table with a resident_id or
 * household_id column, plus resident and household themselves. New modules are covered automatically.
 */
export async function discoverPersonalTables(db: Kysely<DB>): Promise<PersonalTable[]> {
  const result = await sql<{
    table: string;
    hasResidentId: boolean;
    hasHouseholdId: boolean;
    appCanRead: boolean;
  }>`
    select c.table_name as table,
      bool_or(c.column_name = 'resident_id') as has_resident_id,
      bool_or(c.column_name = 'household_id') as has_household_id,
      has_table_privilege('wijkwerk_app', format('public.%I', c.table_name), 'SELECT') as app_can_read
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and (c.column_name in ('resident_id', 'household_id') or c.table_name in ('resident', 'household'))
    group by c.table_name
    order by c.table_name`.execute(db);
  return result.rows;
}

/** Tables with columns that look like personal data, for the coverage test (names, BSN, birth date). */
export async function tablesWithPersonColumns(db: Kysely<DB>): Promise<string[]> {
  const result = await sql<{ table: string }>`
    select distinct table_name as table from information_schema.columns
    where table_schema = 'public'
      and column_name in ('bsn', 'birth_date', 'given_name', 'family_name', 'person_name')
    order by 1`.execute(db);
  return result.rows.map((r) => r.table);
}

/** Tables with a household or resident column that the export leaves out on purpose, with the reason. */
export const EXPORT_EXCLUDED: Record<string, string> = {
  audit_event:
    "Staat in het onderdeel 'wie heeft uw gegevens ingezien' (inzagelog), met naam, organisatie en reden.",
  emergency_access:
    "Elke inzage met noodtoegang staat in het inzagelog, gemarkeerd als noodtoegang en met de opgegeven reden.",
  household_access:
    "Wie toegang heeft tot het dossier en waarom: afgeleid van het team, de betrokken professionals en de noodtoegang; wie er werkelijk keek staat in het inzagelog.",
  retention_run: "Bevat alleen ids van verwijderde huishoudens, geen gegevens over de inwoner.",
  legal_hold:
    "Een bewaarplicht is een besluit van de gemeente om gegevens langer te bewaren (bij een klacht, bezwaar of rechtszaak); de gemeente informeert de inwoner daar zelf over.",
  document_chunk:
    "De versleutelde inhoud van documenten. De export noemt elk document dat u mag zien; het bestand zelf downloadt u in het portaal onder 'Documenten' (met dezelfde SHA-256-controlewaarde).",
  export_delivery:
    "Bevat eerdere exports van deze zelfde gegevens (een kopie die de inwoner een beperkte tijd kan downloaden); het verzoek zelf staat bij export_request.",
};

/** Where a generic household/resident filter would include other household members' rows. */
export const EXPORT_FILTERS: Record<string, string> = {
  assessment_score: "assessment_id in (select id from assessment where resident_id = $resident)",
  // Documents (issue 20): those the resident may see in the portal — shared with them, or sent by them —
  // not withdrawn; the files themselves are in the portal under "Documenten", with the same SHA-256.
  document:
    "household_id = $household and withdrawn_at is null and status = 'available' and (confidentiality = 'resident' or source = 'portal')",
};

/** Foreign keys between public tables: [child, parent] pairs, for ordering deletes. */
export async function foreignKeyPairs(db: Kysely<DB>): Promise<[string, string][]> {
  const result = await sql<{ child: string; parent: string }>`
    select distinct cl.relname as child, pl.relname as parent
    from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid
    join pg_class pl on pl.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and cl.relname <> pl.relname`.execute(db);
  return result.rows.map((r) => [r.child, r.parent]);
}

/** Orders tables so that children come before the tables they reference. */
export function childrenFirst(tables: string[], pairs: [string, string][]): string[] {
  const set = new Set(tables);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (t: string) => {
    if (done.has(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const [child, parent] of pairs) if (parent === t && set.has(child)) visit(child);
    visiting.delete(t);
    done.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

/**
 * Where the schema and the retention declaration (retention.rules.ts) disagree: tables no rule
 * mentions, tables with personal data that no rule removes nor says why they stay, tables with a
 * household or resident column not removed with the household, and declared tables that do not exist.
 */
export async function retentionCoverage(
  db: Kysely<DB>,
  declared: Record<string, { kinds?: readonly string[]; kept?: string; notPersonal?: string }>,
  personalColumn: RegExp,
) {
  const columns = await sql<{ table: string; column: string }>`
    select c.table_name as table, c.column_name as column
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(db);
  const tables = [...new Set(columns.rows.map((r) => r.table))].sort();
  const personal = new Set(columns.rows.filter((r) => personalColumn.test(r.column)).map((r) => r.table));
  const household = new Set(
    columns.rows.filter((r) => r.column === "household_id" || r.column === "resident_id").map((r) => r.table),
  );
  return {
    undeclared: tables.filter((t) => !declared[t]),
    personalWithoutRule: tables.filter(
      (t) => personal.has(t) && declared[t] && !(declared[t]?.kinds?.length || declared[t]?.kept),
    ),
    householdNotRemoved: tables.filter(
      (t) =>
        household.has(t) && declared[t] && !declared[t]?.kinds?.includes("household") && !declared[t]?.kept,
    ),
    stale: Object.keys(declared).filter((t) => !tables.includes(t)),
  };
}
