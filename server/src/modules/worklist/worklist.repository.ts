import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";

/**
 * The worklist sections, one query each, for a set of professionals (the actor, or a team lead's team)
 * within a set of teams. Row-level security applies on top: nobody sees a case they could not open.
 */
export interface Scope {
  userIds: string[];
  teamIds: string[];
  /** The households the users work on (app_worklist_household_ids): named so the indexes serve the queries. */
  householdIds: string[];
  today: string;
  /** Actions due up to this date count as "due soon". */
  actionHorizon: string;
  /** Reviews and aftercare check-ins due up to this date. */
  reviewHorizon: string;
  /** Aftercare check-ins older than this are no longer shown. */
  aftercareFrom: string;
}

const leadJoin = sql`join case_professional cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id and cp.is_case_lead
  and cp.ended_at is null`;
/** Every query names the municipality itself, so the indexes that start with it serve the query directly. */
const inMunicipality = (ctx: RequestContext, alias: string) =>
  sql`${sql.ref(`${alias}.municipality_id`)} = ${ctx.actor.municipalityId}::uuid`;
const ofHouseholds = (s: Scope, alias: string) =>
  sql`${sql.ref(`${alias}.household_id`)} = any(${s.householdIds}::uuid[])`;

/** The households the users work on (migration 0020): ids only, to narrow the request to. */
export async function worklistHouseholds(ctx: RequestContext, userIds: string[]): Promise<string[]> {
  const { rows } = await sql<{
    ids: string[];
  }>`select app_worklist_household_ids(${userIds}::uuid[]) as ids`.execute(ctx.trx);
  return rows[0]?.ids ?? [];
}

export async function casesLed(ctx: RequestContext, s: Scope) {
  const { rows } = await sql<{
    caseId: string;
    householdId: string;
    householdName: string;
    status: string;
    acute: boolean;
    openedAt: Date;
    userId: string;
    planId: string | null;
  }>`select c.id as case_id, c.household_id, h.name as household_name, c.status, c.acute, c.opened_at, cp.user_id,
        p.id as plan_id
      from case_file c ${leadJoin}
      join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
      left join support_plan p on p.municipality_id = c.municipality_id and p.case_id = c.id
      where ${inMunicipality(ctx, "c")} and ${ofHouseholds(s, "c")} and c.status <> 'closed'
        and cp.user_id = any(${s.userIds}::uuid[]) and c.team_id = any(${s.teamIds}::uuid[])
      order by c.acute desc, c.opened_at`.execute(ctx.trx);
  return rows;
}

/** Open actions due up to the horizon: of cases the user leads, or done by the user as team professional. */
export async function actionsDue(ctx: RequestContext, s: Scope) {
  const { rows } = await sql<{
    actionId: string;
    description: string;
    dueDate: string;
    status: string;
    caseId: string;
    householdName: string;
    userId: string;
    dataCategory: string;
  }>`select a.id as action_id, a.description, a.due_date, a.status, c.id as case_id, h.name as household_name,
        coalesce(a.professional_user_id, cp.user_id) as user_id, a.data_category
      from plan_action a
      join support_plan p on p.municipality_id = a.municipality_id and p.id = a.plan_id
      join case_file c on c.municipality_id = p.municipality_id and c.id = p.case_id
      ${leadJoin}
      join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
      where ${inMunicipality(ctx, "a")} and ${ofHouseholds(s, "a")} and a.removed_at is null and a.status in ('planned', 'inProgress')
        and a.due_date <= ${s.actionHorizon}::date
        and c.status <> 'closed' and c.team_id = any(${s.teamIds}::uuid[])
        and coalesce(a.professional_user_id, cp.user_id) = any(${s.userIds}::uuid[])
        and not exists (
          -- Shown once: an open conference decision for the same person already carries this action.
          select 1 from conference_decision d
          where d.municipality_id = a.municipality_id and d.plan_action_id = a.id and d.status = 'open'
            and d.assignee_user_id = coalesce(a.professional_user_id, cp.user_id))
      order by a.due_date`.execute(ctx.trx);
  return rows.map((r) => ({ ...r, overdue: r.dueDate < s.today }));
}

export async function reviewsDue(ctx: RequestContext, s: Scope) {
  const { rows } = await sql<{
    reviewId: string;
    dueOn: string;
    caseId: string;
    householdName: string;
    userId: string;
  }>`
    select r.id as review_id, r.due_on, c.id as case_id, h.name as household_name, cp.user_id
      from plan_review r
      join support_plan p on p.municipality_id = r.municipality_id and p.id = r.plan_id
      join case_file c on c.municipality_id = p.municipality_id and c.id = p.case_id
      ${leadJoin}
      join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
      where ${inMunicipality(ctx, "r")} and ${ofHouseholds(s, "r")} and r.held_on is null and r.due_on <= ${s.reviewHorizon}::date
        and c.status <> 'closed'
        and cp.user_id = any(${s.userIds}::uuid[]) and c.team_id = any(${s.teamIds}::uuid[])
      order by r.due_on`.execute(ctx.trx);
  return rows.map((r) => ({ ...r, overdue: r.dueOn < s.today }));
}

/** Acute cases and level-1 domains in each resident's latest ZRM, acute cases first. */
export async function acuteFlags(ctx: RequestContext, s: Scope) {
  const { rows } = await sql<{
    caseId: string;
    householdName: string;
    acute: boolean;
    userId: string;
    domains: string[] | null;
    specialDomains: number;
  }>`
    with led as (
      select c.id, c.acute, c.household_id, cp.user_id from case_file c ${leadJoin}
      where ${inMunicipality(ctx, "c")} and ${ofHouseholds(s, "c")} and c.status <> 'closed'
        and cp.user_id = any(${s.userIds}::uuid[]) and c.team_id = any(${s.teamIds}::uuid[])
    ), latest as (
      select distinct on (a.case_id, a.resident_id) a.id, a.case_id
      from assessment a join led on a.municipality_id = ${ctx.actor.municipalityId}::uuid and a.case_id = led.id
      order by a.case_id, a.resident_id, a.assessed_on desc, a.recorded_at desc
    ), flags as (
      select latest.case_id, array_agg(distinct sc.domain) as domains,
        count(*) filter (where sc.data_category = 'special')::integer as special_domains
      from latest join assessment_score sc on sc.municipality_id = ${ctx.actor.municipalityId}::uuid and sc.assessment_id = latest.id
      where sc.level = 1 group by latest.case_id
    )
    select led.id as case_id, h.name as household_name, led.acute, led.user_id, flags.domains, coalesce(flags.special_domains, 0) as special_domains
      from led join household h on h.municipality_id = ${ctx.actor.municipalityId}::uuid and h.id = led.household_id
      left join flags on flags.case_id = led.id
      where led.acute or flags.domains is not null
      order by led.acute desc, h.name`.execute(ctx.trx);
  return rows.map((r) => ({ ...r, domains: r.domains ?? [] }));
}

export async function aftercareDue(ctx: RequestContext, s: Scope) {
  const { rows } = await sql<{
    caseId: string;
    householdName: string;
    aftercareDate: string;
    userId: string;
  }>`
    select c.id as case_id, h.name as household_name, c.aftercare_date, cp.user_id
      from case_file c ${leadJoin}
      join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
      where ${inMunicipality(ctx, "c")} and ${ofHouseholds(s, "c")} and c.status = 'closed' and c.aftercare_date between ${s.aftercareFrom}::date and ${s.reviewHorizon}::date
        and cp.user_id = any(${s.userIds}::uuid[]) and c.team_id = any(${s.teamIds}::uuid[])
      order by c.aftercare_date`.execute(ctx.trx);
  return rows.map((r) => ({ ...r, overdue: r.aftercareDate < s.today }));
}

/** Signals the users go out to (outreach) that are not decided yet (signals module, migration 0004). */
export async function signalsAssigned(ctx: RequestContext, s: Scope) {
  const { rows } = await sql<{
    signalId: string;
    referenceCode: string;
    urgency: string;
    deadlineAt: Date;
    triageState: string;
    userId: string;
  }>`
    select g.id as signal_id, g.reference_code, g.urgency, g.deadline_at, g.triage_state, g.outreach_user_id as user_id
      from signal g
      where ${inMunicipality(ctx, "g")} and g.outreach_user_id = any(${s.userIds}::uuid[])
        and g.triage_state in ('new', 'outreach')
        and g.team_id = any(${s.teamIds}::uuid[])
      order by (g.urgency = 'acute') desc, g.deadline_at`.execute(ctx.trx);
  return rows;
}
