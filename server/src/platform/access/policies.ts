import { type Condition, GROUPS, type Rule, TABLES, type TableRules } from "./rules.ts";

/**
 * Compiles the declaration (rules.ts) into SQL: row-level security policies and grants for every
 * table, and app_access_group() for the SQL functions that ask a group by name. The result is checked
 * in as server/sql/policies.sql (`npm run db:generate`); the migration runner applies it after the
 * numbered migrations and the functions, and a test fails when the file or the live database differs.
 */
export function generatePolicies(tables: Record<string, TableRules> = TABLES): string {
  const out = [
    "-- GENERATED from server/src/platform/access/rules.ts by `npm run db:generate`. Do not edit:",
    "-- change the declaration and generate again (a test fails when this file is out of date).",
    "-- Repeatable: applied after the numbered migrations and server/sql/functions whenever it changes.",
    "",
    "-- Only declared policies exist: every policy is dropped and the declared ones created again.",
    "DO $$",
    "DECLARE",
    "  p record;",
    "BEGIN",
    "  FOR p IN SELECT tablename, policyname FROM pg_policies WHERE schemaname = 'public' LOOP",
    "    EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);",
    "  END LOOP;",
    "END",
    "$$;",
    "",
    "-- The groups of levels, for SQL functions that ask one by name (app_has_access).",
    "CREATE OR REPLACE FUNCTION app_access_group(p_group text) RETURNS text[]",
    "LANGUAGE sql IMMUTABLE AS $$",
    "  SELECT CASE p_group",
    ...Object.entries(GROUPS).map(([name, levels]) => `    WHEN '${name}' THEN ${levelArray(levels)}`),
    "  END",
    "$$;",
  ];
  for (const [table, rules] of Object.entries(tables)) out.push("", ...tableSql(table, rules));
  return `${out.join("\n")}\n`;
}

const ACTIONS = [
  ["read", "SELECT"],
  ["insert", "INSERT"],
  ["update", "UPDATE"],
  ["delete", "DELETE"],
] as const;

function tableSql(table: string, rules: TableRules): string[] {
  const lines = [
    `-- ${table}`,
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`,
    `REVOKE ALL ON ${table} FROM wijkwerk_app, wijkwerk_service;`,
  ];
  // Requests: the application role under the user's identity.
  const grants: string[] = [];
  for (const [action, command] of ACTIONS) {
    const rule = rules[action];
    if (rule.length === 0) continue;
    const expression = ruleSql(table, rules, rule);
    grants.push(withColumns(command, columnsOf(rules, action)));
    lines.push(
      `CREATE POLICY ${action} ON ${table} FOR ${command} TO wijkwerk_app ${clauses(action, expression)};`,
    );
  }
  if (grants.length > 0) lines.push(`GRANT ${grants.join(", ")} ON ${table} TO wijkwerk_app;`);
  // Platform code: the application's own login, before any user's identity is set.
  const platform = rules.platform;
  if (platform) {
    const platformGrants: string[] = [];
    for (const [action, command] of ACTIONS) {
      const condition = platform[action];
      if (condition === undefined) continue;
      platformGrants.push(withColumns(command, columnsOf(platform, action)));
      lines.push(
        `CREATE POLICY platform_${action} ON ${table} FOR ${command} TO wijkwerk_service ${clauses(action, condition)};`,
      );
    }
    lines.push(`GRANT ${platformGrants.join(", ")} ON ${table} TO wijkwerk_service;`);
  }
  return lines;
}

function clauses(action: (typeof ACTIONS)[number][0], expression: string): string {
  if (action === "insert") return `WITH CHECK (${expression})`;
  if (action === "update") return `USING (${expression})\n  WITH CHECK (${expression})`;
  return `USING (${expression})`;
}

function columnsOf(
  rules: {
    readColumns?: readonly string[];
    insertColumns?: readonly string[];
    updateColumns?: readonly string[];
  },
  action: (typeof ACTIONS)[number][0],
): readonly string[] | undefined {
  if (action === "read") return rules.readColumns;
  if (action === "insert") return rules.insertColumns;
  if (action === "update") return rules.updateColumns;
  return undefined;
}

function withColumns(command: string, columns: readonly string[] | undefined): string {
  return columns ? `${command} (${columns.join(", ")})` : command;
}

function ruleSql(table: string, rules: TableRules, rule: Rule): string {
  const tenant =
    rules.tenant === "none"
      ? null
      : rules.tenant === "self"
        ? `${table}.id = (SELECT app_municipality_id())`
        : `${table}.municipality_id = (SELECT app_municipality_id())`;
  const alternatives = rule.map((conditions) =>
    conditions.length === 0 ? "true" : conditions.map((c) => conditionSql(table, c)).join(" AND "),
  );
  const any = alternatives.includes("true")
    ? null
    : alternatives.length === 1
      ? alternatives[0]
      : alternatives.map((a) => `(${a})`).join("\n    OR ");
  if (tenant && any) return `${tenant}\n  AND (${any})`;
  return tenant ?? any ?? "true";
}

function conditionSql(table: string, condition: Condition): string {
  switch (condition.kind) {
    case "role":
      return condition.roles.length === 1
        ? `(SELECT app_role()) = '${condition.roles[0]}'`
        : `(SELECT app_role()) = ANY (${levelArray(condition.roles)})`;
    case "row":
      return `(${condition.sql.replaceAll("{t}", table)})`;
    case "household": {
      const levels = levelArray(GROUPS[condition.group]);
      const valid = "a.valid_from <= now() AND a.valid_until > now()";
      if (condition.through === "resident") {
        return (
          "EXISTS (SELECT 1 FROM household_member m JOIN household_access a" +
          " ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id" +
          ` WHERE m.municipality_id = ${table}.municipality_id AND m.resident_id = ${table}.${condition.column}` +
          ` AND a.user_id = (SELECT app_user_id()) AND a.level = ANY (${levels}) AND ${valid})`
        );
      }
      return (
        "EXISTS (SELECT 1 FROM household_access a" +
        ` WHERE a.municipality_id = ${table}.municipality_id AND a.user_id = (SELECT app_user_id())` +
        ` AND a.household_id = ${table}.${condition.column} AND a.level = ANY (${levels}) AND ${valid})`
      );
    }
  }
}

function levelArray(values: readonly string[]): string {
  return `'{${values.join(",")}}'::text[]`;
}
