import assert from "node:assert/strict";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { buildOutcomeWorld } from "./outcomes.fixtures.ts";

type World = Awaited<ReturnType<typeof buildOutcomeWorld>>;
type Row = Record<string, unknown>;
const NOW = "2026-03-15T12:00:00Z";
const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * Checks of case_outcome_summary (migration 0017) against the live computation from the dossier tables
 * (app_outcome_figures_live, the 0011 definition), run as the owner with an actor's settings.
 */
export function summaryChecks(db: Kysely<DB>, world: World, today: string) {
  const asOwner = async (role: string, userId: string, teamIds: string[], query: ReturnType<typeof sql>) =>
    db.transaction().execute(async (trx) => {
      await sql`select set_config('app.municipality_id', ${world.municipality.id}, true),
        set_config('app.user_id', ${userId}, true), set_config('app.role', ${role}, true),
        set_config('app.team_ids', ${`{${teamIds.join(",")}}`}, true)`.execute(trx);
      return (await query.execute(trx)).rows as Row[];
    });

  /** Every role, dimension, granularity and period, summary against live; returns the figures compared. */
  async function assertSummaryAgreesWithLive(): Promise<number> {
    const actors = [
      ["policyOfficer", world.policy.id, []],
      ["teamLead", world.lead.id, [world.teamA.id]],
      ["teamLead", world.leadB.id, [world.teamB.id]],
    ] as const;
    const periods = [
      ["2026-01-01", "2026-03-31"],
      ["2026-01-15", "2026-02-19"],
      ["2025-12-01", today],
    ];
    let compared = 0;
    for (const [role, userId, teams] of actors)
      for (const dimension of ["team", "district", "wmoField"])
        for (const granularity of ["month", "quarter"])
          for (const [from, until] of periods) {
            const call = (fn: string) =>
              sql`select * from ${sql.raw(fn)}(${from}::date, ${until}::date, ${granularity}, ${dimension}, ${NOW}::timestamptz)`;
            const summary = await asOwner(role, userId, [...teams], call("app_outcome_figures"));
            const live = await asOwner(role, userId, [...teams], call("app_outcome_figures_live"));
            assert.deepEqual(
              sorted(summary),
              sorted(live),
              `${role} ${dimension} ${granularity} ${from}..${until}`,
            );
            compared += summary.length;
          }
    for (const [from, until] of periods) {
      const call = (fn: string) => sql`select * from ${sql.raw(fn)}(${from}::date, ${until}::date)`;
      const policy = (fn: string) => asOwner("policyOfficer", world.policy.id, [], call(fn));
      assert.deepEqual(
        sorted(await policy("app_ladder_figures_municipality")),
        sorted(await policy("app_ladder_figures_municipality_live")),
        `municipal ladder ${from}..${until}`,
      );
    }
    return compared;
  }

  /** No stale row: rebuilding every row from scratch (rolled back) changes nothing. */
  async function assertSummaryIsFresh(cases: number) {
    const read = sql`select * from case_outcome_summary order by case_id`;
    const current = (await read.execute(db)).rows;
    let rebuilt: unknown[] = [];
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`delete from case_outcome_summary`.execute(trx);
        await sql`select app_rebuild_case_outcomes()`.execute(trx);
        rebuilt = (await read.execute(trx)).rows;
        throw new Error("rollback");
      })
      .catch((e: Error) => assert.equal(e.message, "rollback"));
    assert.equal(current.length, cases, "one row per case");
    assert.deepEqual(current, rebuilt);
  }

  const summaryOf = async (caseId: string) =>
    (
      await sql<{
        closedOn: string | null;
        zrmChanges: string;
        actions: string;
        neighbourhoodCode: string | null;
        wmoFields: string[];
      }>`select closed_on, zrm_changes::text, actions::text, neighbourhood_code, wmo_fields
        from case_outcome_summary where case_id = ${caseId}`.execute(db)
    ).rows[0];

  return { assertSummaryAgreesWithLive, assertSummaryIsFresh, summaryOf };
}
