import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { createTestDatabase } from "../../test/database.ts";
import { buildMunicipality, buildOrganisation, buildTeam, buildUser } from "../../test/factories.ts";
import type { Database } from "../db/database.ts";
import type { DB } from "../db/schema.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_access_grants.

/**
 * household_access is kept current by triggers (app_access_after_change → app_refresh_household_access,
 * server/sql/functions/access.sql), touching only the rows that change. Whatever sequence of writes
 * happens — team membership, team model, case, involvement and its end, case lead, handover, routing,
 * emergency access, portal account, representation, a disabled account — the table must equal what
 * app_rebuild_household_access() computes from scratch. This test is about the database itself, so it
 * writes rows directly, as the owner.
 */
describe("household access: incremental upkeep equals a rebuild", () => {
  let database: Database;
  let db: Kysely<DB>;
  let m: string;
  const users: { id: string; role: string }[] = [];
  const teams: { id: string }[] = [];
  let org: string;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    m = (await buildMunicipality(db)).id;
    org = (await buildOrganisation(db, m)).id;
    for (const model of ["integrated", "frontBackOffice", "network"] as const)
      teams.push(await buildTeam(db, m, { model }));
    for (const role of ["professional", "professional", "professional", "teamLead", "resident", "resident"])
      users.push(await buildUser(db, m, { role, organisationId: org }));
  });
  after(() => database.close());

  const snapshot = async () =>
    (
      await sql<{ row: string }>`select concat_ws('|', user_id, household_id, level, sources::text,
        valid_from, valid_until) as row from household_access where municipality_id = ${m} order by 1`.execute(
        db,
      )
    ).rows.map((r) => r.row);

  const staff = fc.integer({ min: 0, max: 3 });
  const resident = fc.integer({ min: 4, max: 5 });
  const team = fc.integer({ min: 0, max: 2 });
  const household = fc.integer({ min: 0, max: 3 });
  const step = fc.oneof(
    fc.record({
      kind: fc.constant("join" as const),
      user: staff,
      team,
      office: fc.constantFrom(null, "front", "back"),
    }),
    fc.record({ kind: fc.constant("leave" as const), user: staff, team }),
    fc.record({
      kind: fc.constant("model" as const),
      team,
      model: fc.constantFrom("integrated", "frontBackOffice", "network"),
    }),
    fc.record({ kind: fc.constant("register" as const), household, team, user: staff }),
    fc.record({ kind: fc.constant("openCase" as const), household, team, user: staff }),
    fc.record({ kind: fc.constant("involve" as const), household, user: staff, lead: fc.boolean() }),
    fc.record({ kind: fc.constant("endInvolvement" as const), household, user: staff }),
    fc.record({ kind: fc.constant("route" as const), household, user: fc.option(staff) }),
    fc.record({ kind: fc.constant("withdrawRouting" as const), household }),
    fc.record({ kind: fc.constant("closeCase" as const), household }),
    fc.record({ kind: fc.constant("emergency" as const), household, user: staff, expired: fc.boolean() }),
    fc.record({ kind: fc.constant("endEmergency" as const), household, user: staff }),
    fc.record({ kind: fc.constant("account" as const), household, user: resident }),
    fc.record({ kind: fc.constant("represent" as const), household, user: resident, revoked: fc.boolean() }),
    fc.record({
      kind: fc.constant("disable" as const),
      user: fc.integer({ min: 0, max: 5 }),
      disabled: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant("role" as const),
      user: staff,
      role: fc.constantFrom("professional", "teamLead", "policyOfficer"),
    }),
  );
  type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

  // Fixed household ids per run, so steps refer to the same households.
  let households: string[] = [];
  const residents = new Map<string, string>();
  const u = (i: number) => users[i]?.id as string;
  const t = (i: number) => teams[i]?.id as string;
  const caseOf = async (h: string) =>
    (
      await sql<{ id: string; teamId: string }>`select id, team_id from case_file
        where municipality_id = ${m} and household_id = ${h} order by opened_at desc limit 1`.execute(db)
    ).rows[0];

  async function apply(s: Step) {
    const h = households[(s as { household?: number }).household ?? 0] as string;
    const exists = async () =>
      (await sql`select 1 from household where municipality_id = ${m} and id = ${h}`.execute(db)).rows
        .length > 0;
    switch (s.kind) {
      case "join":
        await sql`insert into team_membership (municipality_id, team_id, user_id, organisation_id, hours_per_week, office)
          values (${m}, ${t(s.team)}, ${u(s.user)}, ${org}, 24, ${s.office}) on conflict do nothing`.execute(
          db,
        );
        return;
      case "leave":
        await sql`delete from team_membership where municipality_id = ${m} and team_id = ${t(s.team)}
          and user_id = ${u(s.user)}`.execute(db);
        return;
      case "model":
        await sql`update team set model = ${s.model} where municipality_id = ${m} and id = ${t(s.team)}`.execute(
          db,
        );
        return;
      case "register":
        if (await exists()) return;
        await sql`insert into household (municipality_id, id, name, registered_by_team_id, registered_by_user_id)
          values (${m}, ${h}, 'Huishouden', ${t(s.team)}, ${u(s.user)})`.execute(db);
        await sql`insert into resident (municipality_id, id, given_name, family_name, birth_date)
          values (${m}, ${residents.get(h)}, 'Ans', 'Jansen', '1970-01-01')`.execute(db);
        await sql`insert into household_member (municipality_id, household_id, resident_id, relation, is_main_contact)
          values (${m}, ${h}, ${residents.get(h)}, 'self', true)`.execute(db);
        return;
      case "openCase": {
        const open = await caseOf(h);
        if (!(await exists()) || (open && (await isOpen(open.id)))) return;
        await sql`insert into case_file (municipality_id, id, household_id, team_id, allocated_by_user_id,
            allocation_grounds, opened_by_user_id)
          values (${m}, ${randomUUID()}, ${h}, ${t(s.team)}, ${u(s.user)}, 'Aanmelding', ${u(s.user)})`.execute(
          db,
        );
        return;
      }
      case "involve": {
        const c = await caseOf(h);
        if (!c) return;
        if (s.lead)
          await sql`update case_professional set is_case_lead = false where municipality_id = ${m} and case_id = ${c.id}`.execute(
            db,
          );
        await sql`insert into case_professional (municipality_id, case_id, user_id, household_id, organisation_id,
            role_in_case, is_case_lead)
          values (${m}, ${c.id}, ${u(s.user)}, ${h}, ${org}, 'Betrokken', ${s.lead})
          on conflict (municipality_id, case_id, user_id) do update set ended_at = null,
            is_case_lead = excluded.is_case_lead`.execute(db);
        return;
      }
      case "endInvolvement": {
        const c = await caseOf(h);
        if (!c) return;
        await sql`update case_professional set ended_at = now(), is_case_lead = false
          where municipality_id = ${m} and case_id = ${c.id} and user_id = ${u(s.user)}`.execute(db);
        return;
      }
      case "route": {
        const c = await caseOf(h);
        if (!c) return;
        await sql`insert into case_routing (municipality_id, id, case_id, household_id, team_id, to_organisation_id,
            to_user_id, routed_by_user_id)
          values (${m}, ${randomUUID()}, ${c.id}, ${h}, ${c.teamId}, ${org}, ${s.user === null ? null : u(s.user)},
            ${u(0)})`.execute(db);
        return;
      }
      case "withdrawRouting":
        await sql`update case_routing set withdrawn_at = now() where municipality_id = ${m} and household_id = ${h}
          and withdrawn_at is null`.execute(db);
        return;
      case "closeCase":
        await sql`update case_file set status = 'closed', closed_at = now() where municipality_id = ${m}
          and household_id = ${h} and status <> 'closed'`.execute(db);
        return;
      case "emergency":
        if (!(await exists())) return;
        await sql`insert into emergency_access (municipality_id, id, household_id, user_id, reason, starts_at, expires_at)
          values (${m}, ${randomUUID()}, ${h}, ${u(s.user)}, 'Acute situatie, regiehouder onbereikbaar',
            now() - interval '2 hours', ${s.expired ? sql`now() - interval '1 hour'` : sql`now() + interval '1 hour'`})`.execute(
          db,
        );
        return;
      case "endEmergency":
        await sql`update emergency_access set ended_at = now() where municipality_id = ${m} and household_id = ${h}
          and user_id = ${u(s.user)} and ended_at is null`.execute(db);
        return;
      case "account":
        if (!(await exists())) return;
        await sql`insert into resident_account (municipality_id, user_id, resident_id, linked_by_user_id)
          values (${m}, ${u(s.user)}, ${residents.get(h)}, ${u(0)}) on conflict do nothing`.execute(db);
        return;
      case "represent":
        if (!(await exists())) return;
        await sql`insert into representation (municipality_id, id, household_id, represented_resident_id,
            representative_user_id, basis, valid_from, valid_until, recorded_by_user_id, revoked_at)
          values (${m}, ${randomUUID()}, ${h}, ${residents.get(h)}, ${u(s.user)}, 'parent', current_date - 1,
            current_date + 30, ${u(0)}, ${s.revoked ? sql`now()` : null})`.execute(db);
        return;
      case "disable":
        await sql`update app_user set disabled_at = ${s.disabled ? sql`now()` : null}
          where municipality_id = ${m} and id = ${u(s.user)}`.execute(db);
        return;
      case "role":
        await sql`update app_user set role = ${s.role} where municipality_id = ${m} and id = ${u(s.user)}`.execute(
          db,
        );
        return;
    }
  }
  const isOpen = async (caseId: string) =>
    (await sql`select 1 from case_file where id = ${caseId} and status <> 'closed'`.execute(db)).rows.length >
    0;

  async function reset() {
    for (const table of [
      "household_access",
      "emergency_access",
      "case_routing",
      "case_professional",
      "case_file",
      "representation",
      "resident_account",
      "household_member",
      "household",
      "resident",
      "team_membership",
    ])
      await sql.raw(`delete from ${table}`).execute(db);
    await sql`update app_user set disabled_at = null where municipality_id = ${m}`.execute(db);
    for (const [i, role] of ["professional", "professional", "professional", "teamLead"].entries())
      await sql`update app_user set role = ${role} where id = ${u(i)}`.execute(db);
    await sql`update team set model = x.model from (values (${t(0)}::uuid, 'integrated'), (${t(1)}::uuid,
      'frontBackOffice'), (${t(2)}::uuid, 'network')) as x (id, model) where team.id = x.id`.execute(db);
    households = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    residents.clear();
    for (const h of households) residents.set(h, randomUUID());
  }

  test("after any sequence of writes the table equals a rebuild from scratch", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        await reset();
        for (const s of steps) await apply(s);
        const incremental = await snapshot();
        await sql`delete from household_access`.execute(db);
        await sql`select app_rebuild_household_access()`.execute(db);
        assert.deepEqual(incremental, await snapshot());
        checked++;
      }),
      {
        numRuns: Number(process.env.ACCESS_PROPERTY_RUNS ?? 60),
        seed: Number(process.env.ACCESS_PROPERTY_SEED ?? 20261207),
      },
    );
    assert.ok(checked > 0);
  });

  test("the rules give what the team models promise (pinned on one small world)", async () => {
    await reset();
    const [h0, h1] = households as [string, string];
    // Integrated team 0: user 0 registers, opens a case, is case lead; user 1 is a colleague; user 3 the team lead.
    for (const [user, office] of [
      [0, null],
      [1, null],
      [3, null],
    ] as const)
      await apply({ kind: "join", user, team: 0, office });
    await apply({ kind: "register", household: 0, team: 0, user: 0 });
    await apply({ kind: "openCase", household: 0, team: 0, user: 0 });
    await apply({ kind: "involve", household: 0, user: 0, lead: true });
    // Front/back office team 1: user 2 in the front office registers household 1; a case is routed to user 1.
    await apply({ kind: "join", user: 2, team: 1, office: "front" });
    await apply({ kind: "join", user: 1, team: 1, office: "back" });
    await apply({ kind: "register", household: 1, team: 1, user: 2 });
    await apply({ kind: "openCase", household: 1, team: 1, user: 2 });
    await apply({ kind: "route", household: 1, user: null });
    await apply({ kind: "account", household: 0, user: 4 });
    const rows = await sql<{ user: number; household: number; level: string; sources: string[] }>`
      select user_id as user, household_id as household, level, sources from household_access
      where municipality_id = ${m}`.execute(db);
    const name = (r: { user: unknown; household: unknown }) =>
      `u${users.findIndex((x) => x.id === r.user)}@h${[h0, h1].indexOf(r.household as string)}`;
    const got = Object.fromEntries(rows.rows.map((r) => [`${name(r)}`, `${r.level}:${r.sources.join("+")}`]));
    assert.deepEqual(got, {
      "u0@h0": "caseLead:caseLead+openedCase",
      "u1@h0": "read:integratedTeam",
      "u3@h0": "edit:teamLead",
      "u2@h1": "frontOffice:frontOffice",
      "u1@h1": "read:routedToOrganisation",
      "u4@h0": "resident:residentAccount",
    });
  });
});
