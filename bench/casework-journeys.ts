import type { Journey, JourneyContext } from "./journeys.ts";

/**
 * The casework journeys of issue 8 on generated data (`npm run generate`): a professional's worklist,
 * opening a dossier, recording a ZRM assessment, adding a journal entry, submitting a signal, the triage
 * queue and a social-map search. Each floor runs the service's own SQL on the database directly, inside
 * the same row-level-security settings as the application (set_config + role wijkwerk_app), so the
 * ratio is the cost of the application on top of the database. `$1` is the municipality, `$2` the
 * per-iteration value, `$3…` the values of `floor.params`.
 */
const pick = (list: string[] | undefined, n: number) => {
  if (!list || list.length === 0) throw new Error("journey setup found nothing to address");
  return list[n % list.length] as string;
};
const today = () => new Date().toISOString().slice(0, 10);
const json = <T>(body: string) => JSON.parse(body) as T;

/** As buurtwerker (a professional of team 1): who acts, with which teams, for the RLS settings. */
async function loadActor(ctx: JourneyContext): Promise<void> {
  if (ctx.ids.actor) return;
  const who = await ctx.client.request("GET", "/api/auth/session", { session: ctx.sessions.buurtwerker });
  const user = json<{ user: { id: string; teamIds?: string[] } }>(who.body).user;
  const teams = await ctx.client.request("GET", "/api/teams", { session: ctx.sessions.teamleider });
  const items = json<{ items: { id: string; areaCodes: string[]; name: string }[] }>(teams.body).items;
  const team = items.find((t) => t.name.endsWith(" 01")) ?? items[0];
  ctx.ids.actor = [user.id];
  ctx.ids.actorTeams = [team?.id ?? ""];
  ctx.ids.buurten = team?.areaCodes.filter((c) => c.startsWith("BU")) ?? [];
}

/** Open cases of team 1 (team worklist of the team lead), their households and main residents. */
async function loadCases(ctx: JourneyContext): Promise<void> {
  if (ctx.ids.households) return;
  await loadActor(ctx);
  const teamId = pick(ctx.ids.actorTeams, 0);
  const reply = await ctx.client.request("GET", `/api/worklist/teams/${teamId}`, {
    session: ctx.sessions.teamleider,
  });
  const members = json<{ members: { cases: { caseId: string; householdId: string }[] }[] }>(
    reply.body,
  ).members;
  const cases = members.flatMap((m) => m.cases).slice(0, 400);
  ctx.ids.households = cases.map((c) => c.householdId);
  ctx.ids.cases = [];
  ctx.ids.residents = [];
  ctx.ids.caseHouseholds = [];
  for (const c of cases.slice(0, 100)) {
    const dossier = await ctx.client.request("GET", `/api/households/${c.householdId}`, {
      session: ctx.sessions.buurtwerker,
    });
    const d = json<{ members: { id: string }[] }>(dossier.body);
    if (!d.members?.[0]) continue;
    ctx.ids.cases.push(c.caseId);
    ctx.ids.caseHouseholds.push(c.householdId);
    ctx.ids.residents.push(d.members[0].id);
  }
}

/**
 * Cases buurtwerker leads (their own worklist): the write journeys record on these. In the integrated
 * model a professional reads the whole caseload of the team but changes only the dossiers they are
 * involved in (level edit or caseLead in household_access), so writing to any team case is refused.
 */
async function loadLedCases(ctx: JourneyContext): Promise<void> {
  if (ctx.ids.ledCases) return;
  await loadActor(ctx);
  const reply = await ctx.client.request("GET", "/api/worklist", { session: ctx.sessions.buurtwerker });
  const cases = json<{ cases: { caseId: string; householdId: string }[] }>(reply.body).cases.slice(0, 100);
  ctx.ids.ledCases = [];
  ctx.ids.ledHouseholds = [];
  ctx.ids.ledResidents = [];
  for (const c of cases) {
    const dossier = await ctx.client.request("GET", `/api/households/${c.householdId}`, {
      session: ctx.sessions.buurtwerker,
    });
    const d = json<{ members: { id: string }[] }>(dossier.body);
    if (!d.members?.[0]) continue;
    ctx.ids.ledCases.push(c.caseId);
    ctx.ids.ledHouseholds.push(c.householdId);
    ctx.ids.ledResidents.push(d.members[0].id);
  }
}

const ZRM = [
  "finances",
  "workAndEducation",
  "timeUse",
  "housing",
  "domesticRelations",
  "mentalHealth",
  "physicalHealth",
  "substanceUse",
  "basicAdl",
  "instrumentalAdl",
  "socialNetwork",
  "communityParticipation",
  "justice",
];

const RLS = `select set_config('role', 'wijkwerk_app', true), set_config('app.municipality_id', $1::text, true),
  set_config('app.user_id', $3::text, true), set_config('app.role', 'professional', true),
  set_config('app.team_ids', '{' || $4::text || '}', true)`;
const actorParams = (ctx: JourneyContext) => [pick(ctx.ids.actor, 0), pick(ctx.ids.actorTeams, 0)];

export const CASEWORK_JOURNEYS: Journey[] = [
  {
    name: "worklist",
    kind: "read",
    users: ["buurtwerker", "teamleider"],
    setup: loadActor,
    step: (ctx) => ctx.client.request("GET", "/api/worklist", { session: ctx.sessions.buurtwerker }),
    floor: {
      params: actorParams,
      sql: [
        RLS,
        `select c.id, c.household_id, h.name, c.status, c.acute, c.opened_at, cp.user_id, p.id
         from case_file c join case_professional cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id and cp.is_case_lead
         join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
         left join support_plan p on p.municipality_id = c.municipality_id and p.case_id = c.id
         where c.status <> 'closed' and cp.user_id = $3::uuid and c.team_id = $4::uuid
         order by c.acute desc, c.opened_at`,
        `select a.id, a.description, a.due_date, a.status, c.id, h.name from plan_action a
         join support_plan p on p.municipality_id = a.municipality_id and p.id = a.plan_id
         join case_file c on c.municipality_id = p.municipality_id and c.id = p.case_id
         join case_professional cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id and cp.is_case_lead
         join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
         where a.removed_at is null and a.status in ('planned', 'inProgress') and a.due_date <= current_date + 14
           and c.status <> 'closed' and c.team_id = $4::uuid and coalesce(a.professional_user_id, cp.user_id) = $3::uuid
         order by a.due_date`,
        `select s.id, s.reference_code, s.urgency, s.deadline_at from signal s
         where s.municipality_id = $1 and s.team_id = $4::uuid and s.triage_state in ('new', 'outreach') and s.urgency = 'acute'`,
        `insert into audit_event (municipality_id, action, actor_user_id, actor_role, resource_type, details)
         values ($1, 'worklist.viewed', $3::uuid, 'professional', 'worklist', '{}')`,
      ],
    },
  },
  {
    name: "dossier.open",
    kind: "read",
    users: ["buurtwerker", "teamleider"],
    setup: loadCases,
    step: (ctx, w, i) =>
      ctx.client.request("GET", `/api/households/${pick(ctx.ids.households, w * 7 + i)}`, {
        session: ctx.sessions.buurtwerker,
      }),
    floor: {
      value: (ctx, w, i) => pick(ctx.ids.households, w * 7 + i),
      params: actorParams,
      sql: [
        RLS,
        `select id, name, merged_into_id, registered_by_team_id, created_at from household where municipality_id = $1 and id = $2::uuid`,
        `select r.*, m.relation, m.is_main_contact from household_member m join resident r
           on r.municipality_id = m.municipality_id and r.id = m.resident_id
         where m.municipality_id = $1 and m.household_id = $2::uuid order by m.joined_at`,
        `select c.*, t.name from case_file c join team t on t.municipality_id = c.municipality_id and t.id = c.team_id
         where c.municipality_id = $1 and c.household_id = $2::uuid order by c.opened_at desc`,
        `select * from intake where municipality_id = $1 and household_id = $2::uuid`,
        `select a.id, a.assessed_on, a.kind, s.domain, s.level, s.resident_level, s.note from assessment a
         join assessment_score s on s.municipality_id = a.municipality_id and s.assessment_id = a.id
         where a.municipality_id = $1 and a.household_id = $2::uuid order by a.assessed_on desc`,
        `select j.*, u.display_name from journal_entry j left join app_user u on u.municipality_id = j.municipality_id
           and u.id = j.author_user_id where j.municipality_id = $1 and j.household_id = $2::uuid
         order by j.occurred_on desc, j.created_at desc`,
        `select * from case_lead_handover where municipality_id = $1 and household_id = $2::uuid`,
        `select s.*, u.display_name from case_status_change s left join app_user u on u.municipality_id = s.municipality_id
           and u.id = s.changed_by_user_id where s.municipality_id = $1 and s.household_id = $2::uuid order by s.changed_at`,
        `select * from household_merge where municipality_id = $1 and household_id = $2::uuid`,
        `select zrm_version from municipality where id = $1`,
        `select p.*, u.display_name from case_professional p join app_user u on u.municipality_id = p.municipality_id
           and u.id = p.user_id where p.municipality_id = $1 and p.household_id = $2::uuid`,
        `insert into audit_event (municipality_id, action, actor_user_id, actor_role, resource_type, resource_id, household_id, team_id, details)
         values ($1, 'household.viewed', $3::uuid, 'professional', 'household', $2::text, $2::text::uuid, $4::uuid, '{}')`,
      ],
    },
  },
  {
    name: "directory.search",
    kind: "read",
    users: ["buurtwerker"],
    step: (ctx, w, i) =>
      ctx.client.request(
        "GET",
        `/api/directory/entries?q=${["schuld", "eenzaam", "opvoeding", "werk"][(w + i) % 4]}`,
        {
          session: ctx.sessions.buurtwerker,
        },
      ),
    floor: {
      value: (_ctx, w, i) => ["schuld", "eenzaam", "opvoeding", "werk"][(w + i) % 4] as string,
      sql: [
        `select id, name, kind, provider_name, ts_rank(search_vector, websearch_to_tsquery('dutch', $2)) rank
         from directory_entry where municipality_id = $1 and deactivated_at is null
           and search_vector @@ websearch_to_tsquery('dutch', $2)
         order by rank desc, name limit 20`,
      ],
    },
  },
  {
    name: "triage.queue",
    kind: "read",
    users: ["teamleider", "buurtwerker"],
    setup: loadActor,
    step: (ctx) => ctx.client.request("GET", "/api/signals/queue", { session: ctx.sessions.buurtwerker }),
    floor: {
      params: actorParams,
      sql: [
        RLS,
        `select s.*, o.name from signal s left join organisation o on o.municipality_id = s.municipality_id
           and o.id = s.reporter_organisation_id
         where s.municipality_id = $1 and s.team_id = $4::uuid and s.triage_state in ('new', 'outreach')
         order by s.deadline_at`,
        `insert into audit_event (municipality_id, action, actor_user_id, actor_role, resource_type, team_id, details)
         values ($1, 'signal.listed', $3::uuid, 'professional', 'signal', $4::uuid, '{}')`,
      ],
    },
  },
  {
    name: "zrm.record",
    kind: "write",
    users: ["buurtwerker", "teamleider"],
    setup: loadLedCases,
    step: (ctx, w, i) => {
      const n = w * 13 + i;
      return ctx.client.request("POST", `/api/cases/${pick(ctx.ids.ledCases, n)}/assessments`, {
        session: ctx.sessions.buurtwerker,
        body: {
          residentId: pick(ctx.ids.ledResidents, n),
          assessedOn: today(),
          scores: ZRM.map((domain, d) => ({ domain, level: 1 + ((n + d) % 5) })),
        },
      });
    },
    floor: {
      value: (ctx, w, i) => pick(ctx.ids.ledCases, w * 13 + i),
      params: actorParams,
      sql: [
        RLS,
        `select set_config('bench.assessment_id', gen_random_uuid()::text, true)`,
        `select id, household_id, team_id, status from case_file where municipality_id = $1 and id = $2::uuid`,
        `insert into assessment (municipality_id, id, case_id, household_id, resident_id, zrm_version, assessed_on, assessor_user_id)
         select $1, current_setting('bench.assessment_id')::uuid, c.id, c.household_id, m.resident_id, '2017', current_date, $3::uuid
         from case_file c join household_member m on m.municipality_id = c.municipality_id and m.household_id = c.household_id and m.is_main_contact
         where c.municipality_id = $1 and c.id = $2::uuid`,
        `insert into assessment_score (municipality_id, assessment_id, household_id, domain, data_category, level, assessed_on, assessor_user_id)
         select $1, current_setting('bench.assessment_id')::uuid, c.household_id, d.domain, 'ordinary', 3, current_date, $3::uuid
         from case_file c, unnest(array['finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations',
           'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork',
           'communityParticipation', 'justice']) as d(domain)
         where c.municipality_id = $1 and c.id = $2::uuid`,
        `insert into audit_event (municipality_id, action, actor_user_id, actor_role, resource_type, team_id, details)
         values ($1, 'assessment.recorded', $3::uuid, 'professional', 'assessment', $4::uuid, '{}')`,
      ],
    },
  },
  {
    name: "journal.add",
    kind: "write",
    users: ["buurtwerker", "teamleider"],
    setup: loadLedCases,
    step: (ctx, w, i) => {
      const n = w * 11 + i;
      return ctx.client.request("POST", `/api/households/${pick(ctx.ids.ledHouseholds, n)}/journal`, {
        session: ctx.sessions.buurtwerker,
        body: {
          caseId: pick(ctx.ids.ledCases, n),
          kind: "phoneCall",
          occurredOn: today(),
          text: `Telefonisch contact (bench ${ctx.run}-${w}-${i}): afspraak voor volgende week bevestigd.`,
        },
      });
    },
    floor: {
      value: (ctx, w, i) => pick(ctx.ids.ledHouseholds, w * 11 + i),
      params: actorParams,
      sql: [
        RLS,
        `select id, registered_by_team_id from household where municipality_id = $1 and id = $2::uuid`,
        `insert into journal_entry (municipality_id, id, household_id, kind, occurred_on, text, author_user_id)
         values ($1, gen_random_uuid(), $2::uuid, 'phoneCall', current_date, 'Telefonisch contact (floor).', $3::uuid)`,
        `insert into audit_event (municipality_id, action, actor_user_id, actor_role, resource_type, household_id, team_id, details)
         values ($1, 'journal.added', $3::uuid, 'professional', 'journal', $2::uuid, $4::uuid, '{}')`,
      ],
    },
  },
  {
    name: "signal.submit",
    kind: "write",
    users: ["huisarts", "teamleider", "buurtwerker"],
    setup: loadActor,
    step: (ctx, w, i) =>
      ctx.client.request("POST", "/api/signals", {
        session: ctx.sessions.huisarts,
        body: {
          subject: "person",
          personName: "Mevrouw Jansen",
          postcode: "3562AB",
          houseNumber: 1 + ((w * 997 + i) % 9000),
          neighbourhoodCode: pick(ctx.ids.buurten, w + i),
          category: ["loneliness", "debtsRentArrears", "housing", "nuisance"][(w + i) % 4],
          urgency: "normal",
          observation: "Mevrouw komt al weken de deur niet uit en de brievenbus puilt uit.",
          residentAware: false,
        },
      }),
    floor: {
      value: (ctx, w, i) => pick(ctx.ids.buurten, w + i),
      params: actorParams,
      sql: [
        `select t.id from team t where t.municipality_id = $1 and $2 = any (t.area_codes) limit 1`,
        `insert into signal (municipality_id, id, reference_code, source, reporter_organisation_id, subject_kind, person_name,
           postcode, house_number, neighbourhood_code, address_key, category, data_category, urgency, observation,
           resident_aware, team_id, group_id, deadline_at, reporter_user_id)
         select $1, gen_random_uuid(), 'SG-' || upper(substr(md5(random()::text), 1, 4)) || '-' || upper(substr(md5(random()::text), 1, 4)),
           'public', null, 'person', 'Mevrouw Jansen', '3562 AB', 12, $2, '3562 AB|12|', 'loneliness', 'ordinary', 'normal',
           'Mevrouw komt al weken de deur niet uit.', false, $4::uuid, gen_random_uuid(), now() + interval '7 days', null
         where $3::uuid is not null`,
        `insert into audit_event (municipality_id, action, actor_role, resource_type, team_id, details)
         values ($1, 'signal.submitted', 'partner', 'signal', $4::uuid, '{}')`,
      ],
    },
  },
];
