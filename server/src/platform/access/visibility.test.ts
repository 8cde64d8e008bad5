import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { buildDossier, buildPrivacyWorld } from "../../modules/privacy/privacy.fixtures.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type RequestContext, withActor } from "../context.ts";
import { narrowToHousehold } from "./focus.ts";

/**
 * The household sets behind every dossier policy (migration 0015): computed once per request and kept
 * for it, forgotten when a table they depend on changes, and — for a request about one household —
 * asked for that household only. The narrowed answer must be exactly the full rules' answer for that
 * household, for every user, household and kind of set.
 */
const KINDS = [
  "editable",
  "regular",
  "visible",
  "front_office",
  "summary",
  "registrable",
  "visible_resident",
  "summary_resident",
  "editable_resident",
] as const;

describe("household visibility sets", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;
  const households: string[] = [];

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    w = await buildPrivacyWorld(db);
    // A household the network professional registered before any case, and an emergency access.
    const uncased = await buildDossier(db, {
      municipalityId: w.municipality.id,
      teamId: w.teams.network.id,
      openedBy: w.users.networkOther.id,
      withCase: false,
      resident: { givenName: "Kees", familyName: "Smit" },
    });
    await sql`insert into emergency_access (municipality_id, id, household_id, user_id, team_id, reason, starts_at, expires_at)
      values (${w.municipality.id}, ${randomUUID()}, ${w.dossiers.network.householdId}, ${w.users.colleague.id},
        ${w.teams.integrated.id}, 'Acute zorg over de veiligheid van de kinderen', now() - interval '1 minute',
        now() + interval '1 hour')`.execute(db);
    households.push(...Object.values(w.dossiers).map((d) => d.householdId), uncased.householdId);
  });
  after(() => t.close());

  type Name = keyof typeof w.users;
  const setOf = async (ctx: RequestContext, kind: string) =>
    (await sql<{ id: string }>`select unnest(app_household_set(${kind})) as id`.execute(ctx.trx)).rows
      .map((r) => r.id)
      .sort();
  const asUser = <T>(name: Name, fn: (ctx: RequestContext) => Promise<T>) =>
    withActor(t.database.db, w.actor(w.users[name]), { clientIp: null }, fn);

  test("narrowed to one household, every set answers exactly as the full rules do for it", async () => {
    const members = new Map<string, string[]>();
    for (const h of households) {
      const rows = await t.database.db
        .selectFrom("householdMember")
        .select("residentId")
        .where("householdId", "=", h)
        .execute();
      members.set(
        h,
        rows.map((r) => r.residentId),
      );
    }
    let inSet = 0;
    let outOfSet = 0;
    for (const name of Object.keys(w.users) as Name[]) {
      const full = await asUser(name, async (ctx) => {
        const out = new Map<string, string[]>();
        for (const kind of KINDS) out.set(kind, await setOf(ctx, kind));
        return out;
      });
      for (const h of households) {
        const narrowed = await asUser(name, async (ctx) => {
          await narrowToHousehold(ctx, h);
          const out = new Map<string, string[]>();
          for (const kind of KINDS) out.set(kind, await setOf(ctx, kind));
          return out;
        });
        for (const kind of KINDS) {
          const all = full.get(kind) ?? [];
          const expected = kind.endsWith("_resident")
            ? (members.get(h) ?? []).filter((r) => all.includes(r)).sort()
            : all.filter((x) => x === h);
          assert.deepEqual(
            narrowed.get(kind),
            expected,
            `${name}, ${kind}, household ${households.indexOf(h)}`,
          );
          if (expected.length > 0) inSet++;
          else outOfSet++;
        }
      }
    }
    // The world covers both answers for many combinations (not a vacuous comparison).
    assert.ok(inSet > 40 && outOfSet > 200, `in ${inSet}, out ${outOfSet}`);
  });

  test("a narrowed request sees no other household, even one the user may open", async () => {
    const { integrated, network } = w.dossiers;
    const counts = await asUser("integratedLead", async (ctx) => {
      await narrowToHousehold(ctx, network.householdId);
      const n = async (id: string) =>
        Number(
          (
            await sql<{ n: number }>`select count(*)::int as n from household where id = ${id}`.execute(
              ctx.trx,
            )
          ).rows[0]?.n,
        );
      return { integrated: await n(integrated.householdId), network: await n(network.householdId) };
    });
    assert.deepEqual(counts, { integrated: 0, network: 0 });
  });

  test("a change to the tables the rules read is seen by the next statement of the same request", async () => {
    const { network } = w.dossiers;
    const seen = await asUser("networkOther", async (ctx) => {
      const before = await setOf(ctx, "visible");
      // As the owner, within the same transaction: involve the user in the network case.
      await sql`reset role`.execute(ctx.trx);
      await sql`insert into case_professional (municipality_id, case_id, household_id, user_id, organisation_id, role_in_case)
        values (${w.municipality.id}, ${network.caseId}, ${network.householdId}, ${w.users.networkOther.id},
          ${w.organisations.care.id}, 'Schuldhulp')`.execute(ctx.trx);
      await sql`set role wijkwerk_app`.execute(ctx.trx);
      const after = await setOf(ctx, "visible");
      const journal = await sql<{ n: number }>`select count(*)::int as n from journal_entry
        where household_id = ${network.householdId}`.execute(ctx.trx);
      return {
        before: before.includes(network.householdId),
        after: after.includes(network.householdId),
        journal,
      };
    });
    assert.equal(seen.before, false);
    assert.equal(seen.after, true);
    assert.ok(Number(seen.journal.rows[0]?.n) > 0);
  });

  test("every table with a household_id has an index on (municipality_id, household_id)", async () => {
    const { rows } = await sql<{ table: string }>`
      select c.table_name as table from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'household_id'
        and not exists (
          select 1 from pg_index i
          join pg_class t on t.oid = i.indrelid
          join pg_attribute a1 on a1.attrelid = t.oid and a1.attnum = i.indkey[0]
          join pg_attribute a2 on a2.attrelid = t.oid and a2.attnum = i.indkey[1]
          where t.relname = c.table_name and a1.attname = 'municipality_id' and a2.attname = 'household_id')
      order by 1`.execute(t.database.db);
    assert.deepEqual(
      rows.map((r) => r.table),
      [],
    );
  });
});
