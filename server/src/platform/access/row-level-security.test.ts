import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { createTestDatabase } from "../../test/database.ts";
import { buildStaffedTeam, buildTeam } from "../../test/factories.ts";
import { withActor } from "../context.ts";
import type { Database } from "../db/database.ts";
import type { Role } from "./permissions.ts";

// Note: result columns come back camelCased (Kysely's CamelCasePlugin), also for raw SQL.

/**
 * Row-level security is the floor under the API's checks: a raw query through the application's
 * database role, with no API in between, must not see another municipality's or team's rows.
 */
describe("row-level security", () => {
  let database: Database;
  let a: Awaited<ReturnType<typeof buildStaffedTeam>>;
  let b: Awaited<ReturnType<typeof buildStaffedTeam>>;
  let actorA: {
    userId: string;
    municipalityId: string;
    role: Role;
    displayName: string;
    organisationId: string;
    teamIds: string[];
  };

  before(async () => {
    database = await createTestDatabase();
    // Both municipalities are added the way a platform operator adds one (npm run municipality:add).
    a = await buildStaffedTeam(database.db, { code: "GM0356", onboarded: true });
    b = await buildStaffedTeam(database.db, { code: "GM0352", onboarded: true });
    await buildTeam(database.db, a.municipality.id, { name: "Ander team" });
    const user = await a.member("teamLead");
    actorA = {
      userId: user.id,
      municipalityId: a.municipality.id,
      role: "teamLead",
      displayName: user.displayName,
      organisationId: a.organisation.id,
      teamIds: [a.team.id],
    };
  });
  after(() => database.close());

  const asA = <T>(fn: Parameters<typeof withActor<T>>[3]) =>
    withActor(database.db, actorA, { clientIp: null }, fn);

  test("the application runs as a role that is not the owner and does not bypass RLS", async () => {
    const row = await asA(
      async (ctx) =>
        (
          await sql<{ user: string; bypass: boolean }>`select current_user as user,
          (select rolbypassrls from pg_roles where rolname = current_user) as bypass`.execute(ctx.trx)
        ).rows[0],
    );
    assert.equal(row?.user, "wijkwerk_app");
    assert.equal(row?.bypass, false);
  });

  test("a raw query cannot read another municipality's teams, users, organisations or memberships", async () => {
    const seen = await asA(async (ctx) => ({
      teams: (await sql<{ municipalityId: string }>`select municipality_id from team`.execute(ctx.trx)).rows,
      users: (await sql<{ municipalityId: string }>`select municipality_id from app_user`.execute(ctx.trx))
        .rows,
      orgs: (await sql<{ municipalityId: string }>`select municipality_id from organisation`.execute(ctx.trx))
        .rows,
      members: (
        await sql<{ municipalityId: string }>`select municipality_id from team_membership`.execute(ctx.trx)
      ).rows,
    }));
    assert.equal(seen.teams.length, 2, "own municipality has two teams");
    for (const rows of Object.values(seen)) {
      assert.ok(rows.length > 0);
      assert.ok(
        rows.every((r) => r.municipalityId === a.municipality.id),
        "only own municipality",
      );
    }
  });

  test("a raw insert into another municipality is refused", async () => {
    await assert.rejects(
      asA((ctx) =>
        sql`insert into team (municipality_id, name, model) values (${b.municipality.id}, 'Inbraak', 'integrated')`.execute(
          ctx.trx,
        ),
      ),
      /row-level security/,
    );
  });

  test("the audit trail is insert-only for the application and limited to the team lead's own teams", async () => {
    await asA(async (ctx) => {
      await ctx.audit({
        action: "team.viewed",
        resourceType: "team",
        resourceId: a.team.id,
        teamId: a.team.id,
      });
      await ctx.audit({ action: "team.viewed", resourceType: "team", resourceId: "x", teamId: null });
    });
    const visible = await asA(
      async (ctx) =>
        (await sql<{ teamId: string | null }>`select team_id from audit_event`.execute(ctx.trx)).rows,
    );
    assert.deepEqual(
      visible.map((r) => r.teamId),
      [a.team.id],
      "team lead sees only own team's events",
    );
    await assert.rejects(
      asA((ctx) => sql`update audit_event set action = 'x'`.execute(ctx.trx)),
      /permission denied/,
    );
    await assert.rejects(
      asA((ctx) => sql`delete from audit_event`.execute(ctx.trx)),
      /permission denied/,
    );
  });

  test("without an actor in the transaction the application role reads nothing", async () => {
    const rows = await database.db.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'wijkwerk_app', true)`.execute(trx);
      return (await sql`select id from team`.execute(trx)).rows;
    });
    assert.equal(rows.length, 0);
  });

  test("every table with a municipality_id has row-level security enabled (except sessions and chain heads)", async () => {
    const rows = (
      await sql<{ tableName: string; rls: boolean }>`select c.relname as table_name, c.relrowsecurity as rls
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'municipality_id'
        where n.nspname = 'public' and c.relkind = 'r'`.execute(database.db)
    ).rows;
    assert.deepEqual(
      rows.filter((r) => !r.rls),
      [],
    );
  });

  test("accounts, teams and memberships: reading is not writing (issue 15)", async () => {
    const as = <T>(role: Role, userId: string, fn: Parameters<typeof withActor<T>>[3]) =>
      withActor(
        database.db,
        { ...actorA, role, userId, teamIds: role === "resident" ? [] : actorA.teamIds },
        { clientIp: null },
        fn,
      );
    const resident = await a.member("resident");
    // A resident cannot make themselves administrator: the update touches no row.
    const escalated = await as("resident", resident.id, async (ctx) =>
      Number(
        (
          await ctx.trx
            .updateTable("appUser")
            .set({ role: "administrator" })
            .where("id", "=", resident.id)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
    );
    assert.equal(escalated, 0);
    const partner = await a.member("partner");
    // A partner, a professional and a team lead cannot put anyone in a team (only the administrator).
    for (const [role, userId] of [
      ["partner", partner.id],
      ["professional", (await a.member("professional")).id],
      ["teamLead", actorA.userId],
    ] as const) {
      await assert.rejects(
        as(role, userId, (ctx) =>
          ctx.trx
            .insertInto("teamMembership")
            .values({
              municipalityId: a.municipality.id,
              teamId: a.team.id,
              userId: partner.id,
              organisationId: a.organisation.id,
              hoursPerWeek: 8,
            })
            .execute(),
        ),
        /row-level security/,
        role,
      );
      const renamed = await as(role, userId, async (ctx) =>
        Number(
          (
            await ctx.trx
              .updateTable("team")
              .set({ name: "Overgenomen" })
              .where("id", "=", a.team.id)
              .executeTakeFirst()
          ).numUpdatedRows,
        ),
      );
      assert.equal(renamed, 0, `${role} renames no team`);
    }
    // The administrator does manage them.
    const admin = await a.member("administrator");
    const renamed = await as("administrator", admin.id, async (ctx) =>
      Number(
        (
          await ctx.trx
            .updateTable("team")
            .set({ name: "Buurtteam Noord" })
            .where("id", "=", a.team.id)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
    );
    assert.equal(renamed, 1);
  });
});
