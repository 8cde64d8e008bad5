import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { loadDemoData } from "../../server/src/demo/demo-data.ts";
import type { DB } from "../../server/src/platform/db/schema.ts";
import {
  buildMembership,
  buildMunicipality,
  buildOrganisation,
  buildTeam,
  buildUser,
} from "../../server/src/test/factories.ts";

/**
 * The fuzzer's world: the demo municipality (A) plus a second municipality (B) with its own
 * organisations, teams and users, and in A a team none of the demo users belongs to. Whatever B holds
 * (in any table with a municipality_id) must never reach A's users; rows of the hidden team must never
 * reach anyone logged in through the demo accounts.
 */
export interface World {
  municipalityA: string;
  municipalityB: string;
  /** Username of B's administrator (password TEST_PASSWORD), used to give B some activity via the API. */
  foreignAdmin: string;
  hiddenTeamId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Text columns whose values identify a row (names, codes), as opposed to vocabulary like roles. */
const IDENTIFYING_TEXT = /name|username|email|code|subject|description|text|note|phone|address|title/i;
const TEAM_COLUMNS = ["team_id", "registered_by_team_id"];
const NOT_TEAM_SCOPED = new Set(["team", "team_membership", "audit_event", "session"]);

export async function buildWorld(db: Kysely<DB>): Promise<World> {
  await loadDemoData(db);
  const a = await db.selectFrom("municipality").select("id").executeTakeFirstOrThrow();
  const tag = createHash("sha1").update(String(Date.now())).digest("hex").slice(0, 6);
  const b = await buildMunicipality(db, { name: `Gemeente Zwartewaal ${tag}` });
  const organisation = await buildOrganisation(db, b.id, { name: `Stichting Zwartewaal Welzijn ${tag}` });
  const team = await buildTeam(db, b.id, {
    name: `Buurtteam Zwartewaal-Noord ${tag}`,
    areaCodes: ["WK099901"],
  });
  const roles = ["administrator", "teamLead", "professional", "partner", "policyOfficer"];
  let foreignAdmin = "";
  for (const role of roles) {
    const username = `zwartewaal.${role.toLowerCase()}.${tag}`;
    const user = await buildUser(db, b.id, {
      username,
      role,
      organisationId: organisation.id,
      displayName: `Zwartewaal ${role} Vermeulen-${tag}`,
    });
    if (role === "administrator") foreignAdmin = username;
    if (role === "teamLead" || role === "professional")
      await buildMembership(db, b.id, team.id, user.id, organisation.id, {
        expertise: [`Zwartewaalkennis ${tag}`],
      });
  }
  const hidden = await buildTeam(db, a.id, { name: `Afgeschermd team ${tag}` });
  const hiddenOrganisation = await buildOrganisation(db, a.id, { name: `Afgeschermde organisatie ${tag}` });
  const hiddenMember = await buildUser(db, a.id, {
    role: "professional",
    organisationId: hiddenOrganisation.id,
  });
  await buildMembership(db, a.id, hidden.id, hiddenMember.id, hiddenOrganisation.id);
  return { municipalityA: a.id, municipalityB: b.id, foreignAdmin, hiddenTeamId: hidden.id };
}

interface TableColumns {
  table: string;
  columns: { name: string; type: string }[];
}

async function tenantTables(db: Kysely<DB>): Promise<TableColumns[]> {
  const rows = await sql<{ tableName: string; columnName: string; dataType: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name in (
      select table_name from information_schema.columns where table_schema = 'public' and column_name = 'municipality_id')
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, TableColumns>();
  for (const r of rows.rows) {
    const t = tables.get(r.tableName) ?? { table: r.tableName, columns: [] };
    t.columns.push({ name: r.columnName, type: r.dataType });
    tables.set(r.tableName, t);
  }
  return [...tables.values()];
}

async function rowsOf(db: Kysely<DB>, table: string, where: ReturnType<typeof sql>, limit = 2000) {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${where}
    limit ${limit}`.execute(db);
  return result.rows;
}

/** Values that identify rows: uuids anywhere, identifying text of at least 8 characters. */
function collect(rows: Record<string, unknown>[], into: Set<string>, textToo: boolean): void {
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        if (typeof v !== "string") continue;
        if (UUID.test(v)) into.add(v.toLowerCase());
        else if (textToo && v.length >= 8 && IDENTIFYING_TEXT.test(column) && !/hash|secret/i.test(column))
          into.add(v);
      }
    }
  }
}

export interface Markers {
  /** Values of municipality B: never in a response to A's users. */
  foreign: string[];
  /** Rows in A's team-scoped tables belonging to the hidden team. */
  hiddenTeam: string[];
  /** Ids that exist in A, for generating valid requests. */
  ownIds: string[];
}

export async function collectMarkers(db: Kysely<DB>, world: World): Promise<Markers> {
  const own = new Set<string>();
  const foreign = new Set<string>();
  const hiddenTeam = new Set<string>();
  for (const { table, columns } of await tenantTables(db)) {
    const key = table === "municipality" ? "id" : "municipality_id";
    if (table !== "session") {
      collect(await rowsOf(db, table, sql`${sql.ref(key)} = ${world.municipalityA}`), own, true);
      collect(await rowsOf(db, table, sql`${sql.ref(key)} = ${world.municipalityB}`), foreign, true);
    }
    const teamColumn = columns.find((c) => TEAM_COLUMNS.includes(c.name))?.name;
    if (teamColumn && !NOT_TEAM_SCOPED.has(table) && columns.some((c) => c.name === "id")) {
      const rows = await rowsOf(
        db,
        table,
        sql`municipality_id = ${world.municipalityA} and ${sql.ref(teamColumn)} = ${world.hiddenTeamId}`,
      );
      for (const row of rows) if (typeof row.id === "string") hiddenTeam.add(row.id);
    }
  }
  for (const v of own) foreign.delete(v);
  const b = await rowsOf(db, "municipality", sql`id = ${world.municipalityB}`);
  collect(b, foreign, true);
  for (const row of b) if (typeof row.name === "string") foreign.add(row.name);
  return { foreign: [...foreign], hiddenTeam: [...hiddenTeam], ownIds: [...own].filter((v) => UUID.test(v)) };
}

/** A fingerprint of every row of municipality B, to prove A's users changed nothing there. */
export async function fingerprintTenant(
  db: Kysely<DB>,
  municipalityId: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { table, columns } of await tenantTables(db)) {
    if (table === "session") continue;
    const key = table === "municipality" ? "id" : "municipality_id";
    const order = columns.some((c) => c.name === "id") ? sql`order by id` : sql``;
    const rows = await sql<{ r: string }>`select t::text as r from ${sql.table(table)} t
      where ${sql.ref(key)} = ${municipalityId} ${order}`.execute(db);
    out.set(
      table,
      createHash("sha256")
        .update(rows.rows.map((r) => r.r).join("\n"))
        .digest("hex"),
    );
  }
  return out;
}
