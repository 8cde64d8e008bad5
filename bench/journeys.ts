import { CASEWORK_JOURNEYS } from "./casework-journeys.ts";
import type { HttpClient, Reply, Session } from "./lib/http.ts";

/**
 * The benchmark journeys: one row each. To add one (dossier, ZRM, journal, signal, triage, directory
 * search…), append an object: which demo users it needs, what one request is, and optionally the
 * same query straight on the database (the raw-SQL floor, run as the owner without access rules).
 */
export interface JourneyContext {
  client: HttpClient;
  /** Logged-in sessions by demo username. */
  sessions: Record<string, Session>;
  /** Filled by setup steps: ids to address (teams, households …). */
  ids: Record<string, string[]>;
  municipalityId: string;
  run: string;
}

export interface Journey {
  name: string;
  kind: "read" | "write";
  /** Demo usernames this journey acts as (password Wijkwerk-demo-2026!). */
  users: string[];
  setup?: (ctx: JourneyContext) => Promise<void>;
  step: (ctx: JourneyContext, worker: number, iteration: number) => Promise<Reply>;
  /** The same work directly in SQL; `$1` is the municipality id, `$2` a per-iteration value, `$3…` params. */
  floor?: {
    sql: string[];
    value?: (ctx: JourneyContext, worker: number, iteration: number) => string;
    params?: (ctx: JourneyContext) => string[];
  };
}

const pick = (list: string[] | undefined, n: number) => {
  if (!list || list.length === 0) throw new Error("journey setup found nothing to address");
  return list[n % list.length] as string;
};

async function loadTeamIds(ctx: JourneyContext): Promise<void> {
  const reply = await ctx.client.request("GET", "/api/teams", { session: ctx.sessions.beheer });
  ctx.ids.teams = (JSON.parse(reply.body) as { items: { id: string }[] }).items.map((t) => t.id);
}

export const JOURNEYS: Journey[] = [
  {
    name: "teams.list",
    kind: "read",
    users: ["teamleider"],
    step: (ctx) => ctx.client.request("GET", "/api/teams", { session: ctx.sessions.teamleider }),
    floor: {
      sql: [
        `select t.id, t.name, t.model, t.area_codes, count(m.user_id) as member_count from team t
         left join team_membership m on m.municipality_id = t.municipality_id and m.team_id = t.id
         where t.municipality_id = $1 group by t.municipality_id, t.id order by t.name`,
      ],
    },
  },
  {
    name: "team.open",
    kind: "read",
    users: ["beheer", "teamleider"],
    setup: loadTeamIds,
    step: (ctx, w, i) =>
      ctx.client.request("GET", `/api/teams/${pick(ctx.ids.teams, w + i)}`, {
        session: ctx.sessions.teamleider,
      }),
    floor: {
      value: (ctx, w, i) => pick(ctx.ids.teams, w + i),
      sql: [
        `select id, name, model, area_codes from team where municipality_id = $1 and id = $2`,
        `select m.user_id, u.display_name, u.role, m.organisation_id, o.name, m.hours_per_week, m.expertise, m.office
         from team_membership m join app_user u on u.municipality_id = m.municipality_id and u.id = m.user_id
         join organisation o on o.municipality_id = m.municipality_id and o.id = m.organisation_id
         where m.municipality_id = $1 and m.team_id = $2 order by u.display_name`,
        `insert into audit_event (municipality_id, action, resource_type, resource_id, team_id, details)
         values ($1, 'team.viewed', 'team', $2::text, $2::text::uuid, '{}')`,
      ],
    },
  },
  {
    name: "audit.read",
    kind: "read",
    users: ["beheer"],
    step: (ctx) => ctx.client.request("GET", "/api/audit-events?limit=50", { session: ctx.sessions.beheer }),
    floor: {
      sql: [
        `select e.id, e.occurred_at, e.action, e.resource_type, e.resource_id from audit_event e
         where e.municipality_id = $1 order by e.id desc limit 50`,
      ],
    },
  },
  {
    name: "organisation.create",
    kind: "write",
    users: ["beheer"],
    step: (ctx, w, i) =>
      ctx.client.request("POST", "/api/organisations", {
        session: ctx.sessions.beheer,
        body: { name: `bench-${ctx.run}-${w}-${i}`, type: "other" },
      }),
    floor: {
      value: (ctx, w, i) => `floor-${ctx.run}-${w}-${i}`,
      sql: [
        `insert into organisation (municipality_id, name, type) values ($1, $2, 'other')`,
        `insert into audit_event (municipality_id, action, resource_type, details)
         values ($1, 'organisation.created', 'organisation', '{}')`,
      ],
    },
  },
  ...CASEWORK_JOURNEYS,
];

/** The write journey once more without its audit insert: the raw-SQL share of the audit trail. */
export const AUDIT_FREE_FLOOR: Journey["floor"] = {
  value: (ctx, w, i) => `floor-noaudit-${ctx.run}-${w}-${i}`,
  sql: [`insert into organisation (municipality_id, name, type) values ($1, $2, 'other')`],
};
