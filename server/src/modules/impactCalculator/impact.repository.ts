import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { Scenario, Stakeholder, Unit } from "./impact.calculation.ts";

/** Every query runs as the application role: the dossier policy decides which cases exist for the caller. */

export async function findCase(ctx: RequestContext, caseId: string) {
  const result = await sql<{
    id: string;
    householdId: string;
    teamId: string;
    status: string;
    openedOn: string;
    closedOn: string | null;
    escalationPrevented: string | null;
  }>`select id, household_id, team_id, status,
      to_char(opened_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as opened_on,
      case when status = 'closed' then to_char(closed_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') end as closed_on,
      escalation_prevented
    from case_file where id = ${caseId}`.execute(ctx.trx);
  return result.rows[0];
}

export interface EntryRow {
  id: string;
  caseId: string;
  scenario: Scenario;
  priceId: string;
  item: string;
  unit: Unit;
  price: number;
  stakeholder: Stakeholder;
  monthOffset: number;
  quantity: number;
  description: string;
  professionalName: string | null;
}

export async function listEntries(ctx: RequestContext, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  const result = await sql<EntryRow>`
    select e.id, e.case_id, e.scenario, e.price_id, p.item, p.unit, p.price::float8 as price, p.stakeholder,
      e.month_offset, e.quantity::float8 as quantity, e.description, u.display_name as professional_name
    from impact_entry e
    join social_price p on p.municipality_id = e.municipality_id and p.id = e.price_id
    left join app_user u on u.municipality_id = e.municipality_id and u.id = e.professional_user_id
    where e.case_id = any(${caseIds}::uuid[]) and e.removed_at is null
    order by e.month_offset, e.created_at`.execute(ctx.trx);
  return result.rows;
}

/** What happened, without free text: dates, kinds, domains, levels and rungs only. */
export async function caseFacts(ctx: RequestContext, caseId: string) {
  const scores = await sql<{ residentId: string; date: string; kind: string; domain: string; level: number }>`
    select a.resident_id, a.assessed_on::text as date, a.kind, s.domain, s.level
    from assessment a join assessment_score s on s.municipality_id = a.municipality_id and s.assessment_id = a.id
    where a.case_id = ${caseId} order by a.assessed_on, a.recorded_at, s.domain`.execute(ctx.trx);
  const goals = await sql<{ domain: string; startDate: string; targetDate: string; status: string }>`
    select g.domain, g.start_date::text as start_date, g.target_date::text as target_date, g.status
    from plan_goal g join support_plan p on p.municipality_id = g.municipality_id and p.id = g.plan_id
    where p.case_id = ${caseId} and g.removed_at is null order by g.start_date, g.position`.execute(ctx.trx);
  const actions = await sql<{ domain: string; rung: string; date: string; status: string }>`
    select g.domain, a.rung, to_char(a.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as date, a.status
    from plan_action a
    join support_plan p on p.municipality_id = a.municipality_id and p.id = a.plan_id
    join plan_goal g on g.municipality_id = a.municipality_id and g.id = a.goal_id
    where p.case_id = ${caseId} and a.removed_at is null order by a.created_at`.execute(ctx.trx);
  const journal = await sql<{ date: string; kind: string }>`
    select occurred_on::text as date, kind from journal_entry where case_id = ${caseId}
    order by occurred_on`.execute(ctx.trx);
  return { scores: scores.rows, goals: goals.rows, actions: actions.rows, journal: journal.rows };
}

export async function teamProfessionals(ctx: RequestContext, teamId: string) {
  return ctx.trx
    .selectFrom("teamMembership as m")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
    )
    .select(["u.id", "u.displayName as name"])
    .where("m.teamId", "=", teamId)
    .orderBy("u.displayName")
    .execute();
}

/** Cases of a team that have timeline entries, as far as the caller may see them. */
export async function teamCasesWithEntries(ctx: RequestContext, teamId: string) {
  const result = await sql<{ id: string }>`
    select distinct c.id from case_file c
    join impact_entry e on e.municipality_id = c.municipality_id and e.case_id = c.id and e.removed_at is null
    where c.team_id = ${teamId} order by c.id`.execute(ctx.trx);
  return result.rows.map((r) => r.id);
}
