import type { Plan } from "./dossiers.sql.ts";
import * as V from "./vocabulary.ts";

/**
 * Signals over five years, routed to the team that serves the buurt (the team's area_codes), with
 * triage decisions for all but the last two weeks; and the audit trail, sealed into the hash chain
 * as it is written (see auditChunk).
 */
export function signalStatements(p: Plan): [string, string][] {
  const M = `'${p.municipalityId}'::uuid`;
  const start = `(timestamptz '${p.until}' - interval '1825 days')`;
  const H = p.scale.households;
  return [
    [
      "signal",
      `insert into signal (municipality_id, id, reference_code, source, reporter_user_id, reporter_organisation_id,
         subject_kind, person_name, postcode, house_number, street, neighbourhood_code, address_key, category,
         data_category, urgency, observation, resident_aware, team_id, group_id, received_at, deadline_at,
         triage_state, first_action_at, first_contact_at, decided_at, decided_by_user_id, decision_reason, referred_to,
         outreach_user_id, household_id, case_id)
       select ${M}, pg_temp.u('s', s.n), pg_temp.ref(s.n), s.source,
         case when s.source = 'partner' then pp.user_id end, case when s.source = 'partner' then pp.org_id end,
         s.subject, case when s.subject = 'person' then 'Mevrouw/meneer ' || pg_temp.pick(${V.FAMILY_NAMES}, pg_temp.r(s.n, 72)) end,
         case when s.subject = 'person' then s.postcode end, case when s.subject = 'person' then s.house_number end,
         pg_temp.pick(${V.STREETS}, pg_temp.r(s.n, 73)), s.buurt,
         case when s.subject = 'person' then s.postcode || '|' || s.house_number || '|' end,
         s.category, case when s.category in ('mentalHealth', 'physicalHealth', 'addiction', 'justice') then 'special' else 'ordinary' end,
         s.urgency, pg_temp.pick(${V.OBSERVATIONS}, pg_temp.r(s.n, 74)), pg_temp.r(s.n, 75) < 0.4,
         s.team_id, pg_temp.u('sg', s.n), s.received_at,
         s.received_at + case s.urgency when 'acute' then interval '8 hours' when 'high' then interval '2 days'
           when 'normal' then interval '7 days' else interval '14 days' end,
         s.state,
         case when s.state <> 'new' then s.received_at + interval '5 hours' end,
         case when s.state not in ('new', 'outreach') then s.received_at + interval '1 day' end,
         case when s.state not in ('new', 'outreach') then s.received_at + interval '3 days' end,
         case when s.state not in ('new', 'outreach') then s.team_lead_id end,
         case when s.state = 'noAction' then 'Na contact met de melder: geen zorgen meer, de situatie is opgelost.' end,
         case when s.state = 'referred' then 'Schuldhulp ${p.scale.cityName}' end,
         case when s.state = 'outreach' then s.team_lead_id end,
         case when s.state = 'caseOpened' then h.id end, case when s.state = 'caseOpened' then h.case_id end
       from (
         select n, z.code buurt, tm.id team_id, tm.lead_id team_lead_id,
           case when pg_temp.r(n, 61) < 0.7 then 'partner' else 'public' end source,
           case when pg_temp.r(n, 62) < 0.8 then 'person' else 'place' end subject,
           z.pc4::text || ' ' || chr(65 + floor(pg_temp.r(n, 63) * 26)::int) || chr(65 + floor(pg_temp.r(n, 64) * 26)::int) postcode,
           1 + floor(pg_temp.r(n, 65) * 180)::int house_number,
           pg_temp.pick(${V.SIGNAL_CATEGORIES}, pg_temp.r(n, 66)) category,
           pg_temp.pick(ARRAY['low', 'normal', 'normal', 'normal', 'high', 'high', 'acute'], pg_temp.r(n, 67)) urgency,
           ${start} + pg_temp.r(n, 68) * interval '1825 days' received_at,
           case when ${start} + pg_temp.r(n, 68) * interval '1825 days' > timestamptz '${p.until}' - interval '14 days'
             then case when pg_temp.r(n, 69) < 0.5 then 'new' else 'outreach' end
             else pg_temp.pick(ARRAY['referred', 'referred', 'noAction', 'noAction', 'neighbourhood', 'caseOpened',
               'caseOpened', 'caseOpened'], pg_temp.r(n, 69)) end state
         from generate_series(1, ${p.scale.signals}) n
         join g_buurt z on pg_temp.r(n, 60) >= z.lo and pg_temp.r(n, 60) < z.hi
         join g_team tm on tm.idx = z.team
       ) s
       join g_partner pp on pp.k = floor(pg_temp.r(s.n, 70) * (select count(*) from g_partner))::int
       left join g_household h on h.n = 1 + floor(pg_temp.r(s.n, 71) * ${H})::int`,
    ],
  ];
}

/** Events per chunk: each chunk is one INSERT … SELECT whose window aggregate computes the chain. */
export const AUDIT_CHUNK = 250_000;

/**
 * The chain aggregate: hash_n = sha256(hash_{n-1} || "\n" || canonical_n) as hex, the same as
 * chainHash() in server/src/platform/audit/chain.ts, seeded with the hash of the previous chunk.
 */
export const chainAggregate = [
  `create function pg_temp.chain_step(state text, seed text, canonical text) returns text
   language plpgsql immutable as
   $$ begin return encode(sha256(convert_to(coalesce(state, seed) || E'\\n' || canonical, 'UTF8')), 'hex'); end $$`,
  `create aggregate pg_temp.chain(text, text) (sfunc = pg_temp.chain_step, stype = text)`,
];

/**
 * One chunk of audit events [from, to]: occurred_at rises with the id over five years; actions are the
 * everyday mix of a neighbourhood team (dossier reads dominate), each by the case lead of a generated
 * household. `canonical` is the chain's own canonical text expression (compiled from chain.ts).
 */
export function auditChunk(p: Plan, from: number, to: number, seedHash: string, canonical: string): string {
  const M = `'${p.municipalityId}'::uuid`;
  const A = p.scale.auditEvents;
  const H = p.scale.households;
  const start = `(timestamptz '${p.until}' - interval '1825 days')`;
  return `insert into audit_event (municipality_id, id, occurred_at, action, actor_user_id, actor_role,
      actor_organisation_id, team_id, resource_type, resource_id, household_id, resident_id, client_ip, reason, details,
      chain_position, hash)
    overriding system value
    select municipality_id, id, occurred_at, action, actor_user_id, actor_role, actor_organisation_id, team_id,
      resource_type, resource_id, household_id, resident_id, client_ip, reason, details, id,
      pg_temp.chain('${seedHash}', ${canonical}) over (order by id rows between unbounded preceding and current row)
    from (
      select ${M} municipality_id, e.n::bigint id,
        ${start} + (e.n::float8 * ${(1825 * 86400) / A}) * interval '1 second' occurred_at,
        a.action, h.lead_id actor_user_id, 'professional'::text actor_role, h.lead_org actor_organisation_id,
        h.team_id, a.resource_type,
        case a.resource_type when 'household' then case when a.action = 'household.searched' then null else h.id::text end
          when 'case' then h.case_id::text when 'journal' then pg_temp.u('j', h.n * 128 + 1)::text
          when 'assessment' then pg_temp.u('a', h.n * 16 + 1)::text when 'plan' then pg_temp.u('p', h.n)::text
          when 'signal' then pg_temp.u('s', 1 + e.n % ${p.scale.signals})::text end resource_id,
        case when a.resource_type in ('household', 'case', 'journal', 'assessment', 'plan')
          and a.action <> 'household.searched' then h.id end household_id,
        null::uuid resident_id, '10.' || (e.n % 7) || '.' || (e.n % 250) || '.' || (1 + e.n % 200) client_ip,
        null::text reason, '{}'::jsonb details
      from generate_series(${from}, ${to}) e(n)
      join g_household h on h.n = 1 + floor(pg_temp.r(e.n, 80) * ${H})::int
      cross join lateral (select x, case when x < 0.45 then 'household.viewed' when x < 0.60 then 'worklist.viewed'
          when x < 0.70 then 'journal.added' when x < 0.78 then 'case.viewed' when x < 0.84 then 'household.searched'
          when x < 0.87 then 'assessment.recorded' when x < 0.92 then 'signal.viewed' when x < 0.95 then 'signal.triaged'
          when x < 0.98 then 'plan.viewed' else 'session.loggedIn' end action
        from (select pg_temp.r(e.n, 81) x) r) a0
      cross join lateral (select a0.action, split_part(a0.action, '.', 1) resource_type0) a1
      cross join lateral (select a1.action, case a1.resource_type0 when 'session' then 'session'
          else a1.resource_type0 end resource_type) a
    ) g`;
}
