import type { Scale } from "./scales.ts";
import * as V from "./vocabulary.ts";

/**
 * Set-based statements for the dossiers: households, residents, cases with exactly one case lead,
 * status history, intakes, ZRM assessments (2017 domains), journal entries, plans with goals and actions.
 * Pseudo-randomness is pg_temp.r(n, stream): a hash of the row number and the seed, so a run with the
 * same seed writes the same rows. `until` is the end of the five years of generated work.
 */
export interface Plan {
  seed: number;
  municipalityId: string;
  until: string;
  scale: Scale;
}

export function helperFunctions(p: Plan): string[] {
  return [
    `create function pg_temp.r(n bigint, k int) returns float8 language sql immutable as
     $$ select (hashint8extended(n, ${p.seed}::bigint * 1000 + k) & 2147483647)::float8 / 2147483648.0 $$`,
    `create function pg_temp.u(kind text, n bigint) returns uuid language sql immutable as
     $$ select md5('${p.seed}:' || kind || ':' || n)::uuid $$`,
    `create function pg_temp.pick(items text[], x float8) returns text language sql immutable as
     $$ select items[1 + floor(x * array_length(items, 1))::int] $$`,
    // A BSN that passes the eleven-test: 8 digits from the row number (even, unique), the 9th the check digit.
    `create function pg_temp.check11(b bigint) returns int language sql immutable as
     $$ select ((9 * (b / 10000000 % 10) + 8 * (b / 1000000 % 10) + 7 * (b / 100000 % 10) + 6 * (b / 10000 % 10)
        + 5 * (b / 1000 % 10) + 4 * (b / 100 % 10) + 3 * (b / 10 % 10) + 2 * (b % 10)) % 11)::int $$`,
    `create function pg_temp.bsn(n bigint) returns text language sql immutable as
     $$ select case when pg_temp.check11(b) = 10 then (b + 1)::text || pg_temp.check11(b + 1)::text
                    else b::text || pg_temp.check11(b)::text end
        from (select 10000000 + 2 * ((n * 7919 + ${p.seed}) % 45000000) as b) x $$`,
    `create function pg_temp.b31(v bigint, p int) returns text language sql immutable as
     $$ select substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ',
          1 + ((v / ('{1,31,961,29791,923521,28629151,887503681,27512614111}'::bigint[])[p + 1]) % 31)::int, 1) $$`,
    `create function pg_temp.ref(n bigint) returns text language sql immutable as
     $$ select 'SG-' || pg_temp.b31(v, 7) || pg_temp.b31(v, 6) || pg_temp.b31(v, 5) || pg_temp.b31(v, 4) || '-'
        || pg_temp.b31(v, 3) || pg_temp.b31(v, 2) || pg_temp.b31(v, 1) || pg_temp.b31(v, 0)
        from (select (n * 2654435761 + ${p.seed}) % 852891037441 as v) x $$`,
  ];
}

const STATUSES = `ARRAY['registration', 'intake', 'plan', 'execution', 'evaluation', 'closed']`;

export function dossierStatements(p: Plan): [string, string][] {
  const M = `'${p.municipalityId}'::uuid`;
  const until = `timestamptz '${p.until}'`;
  const K_ASSESS = 2 * p.scale.assessmentsPerCase - 1;
  const K_JOURNAL = 2 * p.scale.journalPerCase - 1;
  return [
    [
      "households (temp)",
      `create temp table g_household as
       with base as (
         select n, pg_temp.r(n, 1) rb, pg_temp.r(n, 2) ro, pg_temp.r(n, 3) rd, pg_temp.r(n, 7) rs
         from generate_series(1, ${p.scale.households}) n
       ), timed as (
         select b.*, z.code buurt, z.team, z.pc4, b.ro * 1825 + 1 age_days, 90 + b.rd * 420 duration_days
         from base b join g_buurt z on b.rb >= z.lo and b.rb < z.hi
       ), shaped as (
         select t.*, ${until} - t.age_days * interval '1 day' opened_at,
           array_position(${STATUSES}, case when t.age_days > t.duration_days then 'closed'
             when t.age_days < 14 then 'registration' when t.age_days < 45 then 'intake'
             when t.age_days < 100 then 'plan' when t.age_days < 0.8 * t.duration_days then 'execution'
             else 'evaluation' end) - 1 ord
         from timed t
       )
       select s.n, pg_temp.u('h', s.n) id, pg_temp.u('c', s.n) case_id, s.buurt, s.team, s.pc4, s.ord,
         (${STATUSES})[s.ord + 1] status, s.opened_at,
         case when s.ord = 5 then s.opened_at + s.duration_days * interval '1 day' end closed_at,
         least(s.age_days, s.duration_days) active_days,
         1 + (s.rs > 0.45)::int + (s.rs > 0.70)::int + (s.rs > 0.85)::int size,
         pg_temp.pick(${V.FAMILY_NAMES}, pg_temp.r(s.n, 8)) family,
         tm.id team_id, tm.lead_id team_lead_id, l.user_id lead_id, l.org_id lead_org,
         x.user_id second_id, x.org_id second_org
       from shaped s
       join g_team tm on tm.idx = s.team
       join g_staff l on l.team = s.team and l.k = 1 + floor(pg_temp.r(s.n, 4) * (tm.size - 1))::int
       left join g_staff x on pg_temp.r(s.n, 5) < 0.3 and x.team = s.team
         and x.k = 1 + ((l.k - 1) + 1 + floor(pg_temp.r(s.n, 6) * (tm.size - 2))::int) % (tm.size - 1)`,
    ],
    ["index households (temp)", `create unique index on g_household (n); analyze g_household`],
    [
      "household",
      `insert into household (municipality_id, id, name, registered_by_team_id, registered_by_user_id, created_at)
       select ${M}, id, 'Huishouden ' || family, team_id, lead_id, opened_at from g_household`,
    ],
    [
      "resident",
      `insert into resident (municipality_id, id, given_name, family_name, birth_date, bsn, postcode, house_number,
         street, city, neighbourhood_code, phone, preferred_language, interpreter_needed, created_at, updated_at)
       select ${M}, pg_temp.u('r', h.n * 4 + m), pg_temp.pick(${V.GIVEN_NAMES}, pg_temp.r(h.n * 4 + m, 10)),
         case when m = 2 and pg_temp.r(h.n, 12) < 0.55 and pg_temp.r(h.n, 17) < 0.5
           then pg_temp.pick(${V.FAMILY_NAMES}, pg_temp.r(h.n, 18)) else h.family end,
         (${until} - (case when m = 1 or (m = 2 and pg_temp.r(h.n, 12) < 0.55)
            then 19 + pg_temp.r(h.n * 4 + m, 11) * 70 else pg_temp.r(h.n * 4 + m, 11) * 17 end) * interval '365.25 days')::date,
         case when pg_temp.r(h.n * 4 + m, 13) < 0.93 then pg_temp.bsn(h.n * 4 + m) end,
         h.pc4::text || ' ' || chr(65 + floor(pg_temp.r(h.n, 14) * 26)::int) || chr(65 + floor(pg_temp.r(h.n, 15) * 26)::int),
         1 + floor(pg_temp.r(h.n, 16) * 180)::int, pg_temp.pick(${V.STREETS}, pg_temp.r(h.n, 19)),
         '${p.scale.cityName}', h.buurt,
         case when m = 1 then '06-' || lpad(floor(pg_temp.r(h.n, 20) * 100000000)::bigint::text, 8, '0') end,
         case when pg_temp.r(h.n, 21) < 0.12 then pg_temp.pick(ARRAY['ar', 'tr', 'en', 'pl', 'ti'], pg_temp.r(h.n, 22)) else 'nl' end,
         pg_temp.r(h.n, 21) < 0.05, h.opened_at, h.opened_at
       from g_household h, generate_series(1, h.size) m`,
    ],
    [
      "household_member",
      `insert into household_member (municipality_id, household_id, resident_id, relation, is_main_contact, joined_at)
       select ${M}, h.id, pg_temp.u('r', h.n * 4 + m),
         case when m = 1 then 'self' when m = 2 and pg_temp.r(h.n, 12) < 0.55 then 'partner' else 'child' end,
         m = 1, h.opened_at
       from g_household h, generate_series(1, h.size) m`,
    ],
    [
      "case_file",
      `insert into case_file (municipality_id, id, household_id, team_id, status, version, acute, allocated_by_user_id,
         allocation_grounds, opened_at, opened_by_user_id, closed_at, closure_reason, closure_note, final_assessment_id,
         escalation_prevented, escalation_explanation, resident_informed, resident_informed_how, aftercare_date, updated_at)
       select ${M}, case_id, id, team_id, status, ord + 1, pg_temp.r(n, 23) < 0.04, team_lead_id,
         'Besproken in het teamoverleg: meervoudige vraag die bij het buurtteam past.', opened_at, lead_id, closed_at,
         case when ord = 5 then pg_temp.pick(ARRAY['goalsAchieved', 'goalsAchieved', 'goalsAchieved', 'referredToSpecialistCare',
           'referredToCollectiveProvision', 'residentDeclined', 'movedAway'], pg_temp.r(n, 24)) end,
         case when ord = 5 then 'Afgesloten in overleg met de inwoner.' end,
         case when ord = 5 then pg_temp.u('af', n) end,
         case when ord = 5 then pg_temp.pick(ARRAY['yes', 'yes', 'no', 'unknown'], pg_temp.r(n, 25)) end,
         case when ord = 5 then 'Zonder de ondersteuning was een uithuiszetting of opname waarschijnlijk geweest.' end,
         case when ord = 5 then true end,
         case when ord = 5 then 'In het afsluitende gesprek thuis.' end,
         case when ord = 5 then (closed_at + interval '90 days')::date end,
         opened_at + active_days * interval '1 day'
       from g_household`,
    ],
    [
      "case_professional",
      `insert into case_professional (municipality_id, case_id, user_id, household_id, organisation_id, role_in_case,
         is_case_lead, added_at, ended_at)
       select ${M}, case_id, lead_id, id, lead_org, 'casusregisseur', true, opened_at, null from g_household
       union all
       select ${M}, case_id, second_id, id, second_org, 'betrokken professional', false,
         opened_at + interval '10 days', closed_at
       from g_household where second_id is not null`,
    ],
    [
      "case_status_change",
      `insert into case_status_change (municipality_id, id, case_id, household_id, from_status, to_status, note,
         changed_by_user_id, changed_at)
       select ${M}, pg_temp.u('sc', h.n * 8 + s), h.case_id, h.id,
         case when s = 0 then null else (${STATUSES})[s] end, (${STATUSES})[s + 1], null, h.lead_id,
         h.opened_at + (s::float8 / (h.ord + 1)) * h.active_days * interval '1 day'
       from g_household h, generate_series(0, h.ord) s`,
    ],
    [
      "intake",
      `insert into intake (municipality_id, id, case_id, household_id, conversation_date, location,
         request_in_own_words, underlying_question, life_domains, urgency, recorded_by_user_id, recorded_at)
       select ${M}, pg_temp.u('i', n), case_id, id, (opened_at + interval '7 days')::date,
         pg_temp.pick(ARRAY['homeVisit', 'homeVisit', 'desk', 'elsewhere'], pg_temp.r(n, 26)),
         pg_temp.pick(${V.REQUESTS}, pg_temp.r(n, 27)), pg_temp.pick(${V.UNDERLYING}, pg_temp.r(n, 27)),
         ARRAY[pg_temp.pick(${V.ZRM_2017}, pg_temp.r(n, 28)), pg_temp.pick(${V.ZRM_2017}, pg_temp.r(n, 29))],
         pg_temp.pick(ARRAY['low', 'normal', 'normal', 'normal', 'high', 'acute'], pg_temp.r(n, 30)),
         lead_id, opened_at + interval '7 days 2 hours'
       from g_household where ord >= 1`,
    ],
    [
      "assessments (temp)",
      `create temp table g_assessment as
       select h.n, j, c, h.id household_id, h.case_id, h.lead_id, false final, pg_temp.u('a', h.n * 16 + j) id,
         (h.opened_at + interval '7 days' + ((j - 1)::float8 / c) * h.active_days * interval '1 day')::date assessed_on
       from (select g.*, 1 + floor(pg_temp.r(g.n, 31) * ${K_ASSESS})::int c from g_household g) h,
         generate_series(1, h.c) j
       union all
       select n, 1, 1, id, case_id, lead_id, true, pg_temp.u('af', n), closed_at::date from g_household where ord = 5`,
    ],
    [
      "assessment",
      `insert into assessment (municipality_id, id, case_id, household_id, resident_id, zrm_version, kind, assessed_on,
         assessor_user_id, recorded_at)
       select ${M}, id, case_id, household_id, pg_temp.u('r', n * 4 + 1), '2017',
         case when final then 'final' else 'regular' end, assessed_on, lead_id, assessed_on + interval '16 hours'
       from g_assessment`,
    ],
    [
      "assessment_score",
      `insert into assessment_score (municipality_id, assessment_id, household_id, domain, data_category, level,
         resident_level, assessed_on, assessor_user_id)
       select ${M}, a.id, a.household_id, d.domain,
         case when d.domain = any (${V.SPECIAL}) then 'special' else 'ordinary' end,
         least(5, 1 + floor(pg_temp.r(a.n * 16 + d.i, 32) * 4)::int + floor(2.0 * (a.j - 1) / a.c)::int + a.final::int),
         case when pg_temp.r(a.n * 16 + d.i, 33) < 0.3 then 1 + floor(pg_temp.r(a.n * 16 + d.i, 34) * 5)::int end,
         a.assessed_on, a.lead_id
       from g_assessment a, unnest(${V.ZRM_2017}) with ordinality d(domain, i)`,
    ],
    [
      "journal_entry",
      `insert into journal_entry (municipality_id, id, household_id, case_id, kind, occurred_on, participants, text,
         author_user_id, created_at)
       select ${M}, pg_temp.u('j', h.n * 128 + j), h.id, h.case_id,
         pg_temp.pick(ARRAY['homeVisit', 'phoneCall', 'phoneCall', 'consultation', 'meeting'], pg_temp.r(h.n * 128 + j, 40)),
         (h.opened_at + ((j - 0.5) / h.c) * h.active_days * interval '1 day')::date,
         case when pg_temp.r(h.n * 128 + j, 41) < 0.3 then 'Inwoner en casusregisseur' end,
         pg_temp.pick(${V.JOURNAL_TEXTS}, pg_temp.r(h.n * 128 + j, 42)),
         case when h.second_id is not null and pg_temp.r(h.n * 128 + j, 43) < 0.25 then h.second_id else h.lead_id end,
         h.opened_at + ((j - 0.5) / h.c) * h.active_days * interval '1 day' + interval '3 hours'
       from (select g.*, 1 + floor(pg_temp.r(g.n, 44) * ${K_JOURNAL})::int c from g_household g) h,
         generate_series(1, h.c) j`,
    ],
    ...planStatements(M),
  ];
}

function planStatements(M: string): [string, string][] {
  return [
    [
      "support_plan",
      `insert into support_plan (municipality_id, id, case_id, household_id, version, start_date, expected_end_date,
         created_by_user_id, created_at, updated_at)
       select ${M}, pg_temp.u('p', n), case_id, id, 1, (opened_at + interval '40 days')::date,
         (opened_at + interval '220 days')::date, lead_id, opened_at + interval '40 days', opened_at + interval '40 days'
       from g_household where ord >= 2`,
    ],
    [
      "goals (temp)",
      `create temp table g_goal as
       select h.n, g, h.id household_id, h.lead_id, h.ord, h.closed_at, pg_temp.u('g', h.n * 4 + g) id,
         pg_temp.u('p', h.n) plan_id, (h.opened_at + interval '40 days')::date start_date,
         (${V.ZRM_2017})[1 + (floor(pg_temp.r(h.n, 50) * 13)::int + g * 5) % 13] domain
       from g_household h, generate_series(1, 1 + floor(pg_temp.r(h.n, 51) * 3)::int) g
       where h.ord >= 2`,
    ],
    [
      "plan_goal",
      `insert into plan_goal (municipality_id, id, plan_id, household_id, resident_id, domain, data_category,
         current_level, current_level_assessed_on, target_level, start_date, target_date, own_words,
         professional_wording, considered_rungs, status, position, created_at)
       select ${M}, id, plan_id, household_id, pg_temp.u('r', n * 4 + 1), domain,
         case when domain = any (${V.SPECIAL}) then 'special' else 'ordinary' end, 2, start_date, 4, start_date,
         start_date + 180, 'Ik wil weer overzicht en rust.', 'Inwoner is voldoende zelfredzaam op dit domein.',
         ARRAY['ownStrength', 'ownNetwork', 'volunteersAndCollective'],
         case when ord = 5 then pg_temp.pick(ARRAY['achieved', 'achieved', 'stopped'], pg_temp.r(n * 4 + g, 52)) else 'active' end,
         g, start_date
       from g_goal`,
    ],
    [
      "plan_action",
      `insert into plan_action (municipality_id, id, plan_id, goal_id, household_id, data_category, description, due_date,
         status, actor_kind, rung, professional_user_id, actor_name, escalation_reason, escalation_note,
         created_by_user_id, created_at, updated_at, completed_at)
       select ${M}, pg_temp.u('pa', (g.n * 4 + g.g) * 4 + a), g.plan_id, g.id, g.household_id,
         case when g.domain = any (${V.SPECIAL}) then 'special' else 'ordinary' end,
         case k.kind when 'resident' then 'Zelf de post openen en sorteren, elke maandag.'
           when 'volunteer' then 'Wekelijks samen boodschappen doen met een vrijwilliger.'
           when 'teamProfessional' then 'Budgetgesprekken met de casusregisseur.'
           else 'Thuisbegeleiding twee uur per week.' end,
         g.start_date + 30 * a,
         case when g.ord = 5 then 'done' else pg_temp.pick(ARRAY['planned', 'inProgress', 'inProgress', 'done'], k.x) end,
         k.kind,
         case k.kind when 'resident' then 'ownStrength' when 'volunteer' then 'volunteersAndCollective' else 'individualProvision' end,
         case when k.kind = 'teamProfessional' then g.lead_id end,
         case k.kind when 'volunteer' then 'Vrijwilliger van de buurtkamer' when 'individualProvision' then 'Thuisbegeleiding (Wmo)' end,
         case when k.kind in ('teamProfessional', 'individualProvision') then
           pg_temp.pick(ARRAY['noNetwork', 'networkOverburdened', 'needsSpecialistExpertise'], k.x) end,
         case when k.kind in ('teamProfessional', 'individualProvision') then
           'Het netwerk kan dit niet dragen en een vrijwilliger is hier niet geschikt voor.' end,
         g.lead_id, g.start_date, g.start_date,
         case when g.ord = 5 then g.closed_at end
       from g_goal g, generate_series(1, 1 + floor(pg_temp.r(g.n * 4 + g.g, 53) * 2)::int) a,
         lateral (select pg_temp.r((g.n * 4 + g.g) * 4 + a, 54) x) r,
         lateral (select r.x, case when r.x < 0.35 then 'resident' when r.x < 0.55 then 'volunteer'
           when r.x < 0.85 then 'teamProfessional' else 'individualProvision' end kind) k`,
    ],
  ];
}
