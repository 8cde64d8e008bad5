import { sql } from "kysely";
import type { BuiltApp } from "../../server/src/app.ts";
import { DEMO_PASSWORD } from "../../server/src/demo/demo-data.ts";
import { sealAuditEvents } from "../../server/src/platform/audit/chain.ts";
import type { Database } from "../../server/src/platform/db/database.ts";
import { TEST_PASSWORD } from "../../server/src/test/factories.ts";
import { type Mode, Random, ValueGenerator } from "./generate.ts";
import { type OpenApiDocument, type Operation, readOperations } from "./openapi.ts";
import { buildWorld, collectMarkers, fingerprintTenant } from "./world.ts";

/**
 * Fuzzes every operation of the API document as every demo user (and anonymously) and checks each
 * answer: no 5xx, the body matches the response schema declared for its status, and no value of the
 * other municipality or of the hidden team appears. Afterwards municipality B must be unchanged.
 */
export interface FuzzOptions {
  built: BuiltApp;
  database: Database;
  seed: number;
  /** Stop after this many requests or seconds, whichever comes first (every route × actor gets one). */
  maxRequests: number;
  maxSeconds: number;
  /** Only the operations whose path matches (default: all). */
  only?: RegExp;
  log?: (line: string) => void;
}

export interface Finding {
  kind: "serverError" | "schemaViolation" | "foreignData" | "hiddenTeamData" | "foreignWrite";
  route: string;
  actor: string;
  status: number;
  detail: string;
  request: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  seconds: number;
  routes: number;
  actors: string[];
  statuses: Record<string, number>;
  /** Statuses a route answered that its schema does not declare (the body still had to be an Error). */
  undeclared: Record<string, number>;
  findings: Finding[];
}

interface Actor {
  name: string;
  headers: Record<string, string>;
}

type Inject = BuiltApp["app"]["inject"];

async function logIn(inject: Inject, username: string, password: string): Promise<Actor> {
  const login = await inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const session = await inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
  const csrf = (session.json() as { csrfToken: string }).csrfToken;
  return { name: username, headers: { cookie, "x-csrf-token": csrf } };
}

const LAST = /\/auth\/(login|logout)$/;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { built, database, seed } = options;
  const inject = built.app.inject.bind(built.app) as Inject;
  const log = options.log ?? (() => {});
  const world = await buildWorld(database.db);

  // B does something through the API too, so its audit trail and sessions are real.
  const foreign = await logIn(inject, world.foreignAdmin, TEST_PASSWORD);
  for (const [url, payload] of [
    ["/api/organisations", { name: "Zwartewaal Schuldhulp Stichting", type: "debtCounselling" }],
    ["/api/teams", { name: "Zwartewaal Wijkteam Zuid", model: "network", areaCodes: [] }],
  ] as const)
    await inject({ method: "POST", url, headers: foreign.headers, payload });

  const usernames = (
    await database.db
      .selectFrom("appUser")
      .select("username")
      .where("municipalityId", "=", world.municipalityA)
      .where("email", "like", "%@demo.wijkwerk.nl")
      .orderBy("username")
      .execute()
  ).map((u) => u.username);
  const actors: Actor[] = [{ name: "anonymous", headers: {} }];
  // Demo accounts without the demo password (a resident signing in otherwise) are left out.
  for (const u of usernames) {
    const actor = await logIn(inject, u, DEMO_PASSWORD).catch(() => undefined);
    if (actor) actors.push(actor);
  }

  await sealAuditEvents(database.db);
  const markers = await collectMarkers(database.db, world);
  const actorIds = new Set(
    (await database.db.selectFrom("appUser").select("id").where("username", "in", usernames).execute()).map(
      (u) => u.id,
    ),
  );
  const before = await fingerprintTenant(database.db, world.municipalityB);
  const random = new Random(seed);
  const probes = markers.foreign.filter((m, i) => /^[0-9a-f-]{36}$/.test(m) && i % 2 === 0);
  const generator = new ValueGenerator(random, {
    own: markers.ownIds.filter((id) => !actorIds.has(id)),
    foreign: probes,
  });
  log(
    `world: ${usernames.length} demo users, ${markers.foreign.length} values of the other municipality, ${markers.hiddenTeam.length} hidden-team rows`,
  );

  const doc = (await inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDocument;
  const operations = readOperations(doc).filter((o) => !options.only || options.only.test(o.path));
  const regular = operations.filter((o) => !LAST.test(o.path));
  const closing = operations
    .filter((o) => LAST.test(o.path))
    .sort((a) => (a.path.endsWith("logout") ? 1 : -1));

  const report: FuzzReport = {
    seed,
    requests: 0,
    seconds: 0,
    routes: operations.length,
    actors: actors.map((a) => a.name),
    statuses: {},
    undeclared: {},
    findings: [],
  };
  const permitted = new Map<Operation, Actor[]>();
  const probed = new Set<string>();
  const started = Date.now();
  const overBudget = () =>
    report.requests >= options.maxRequests || Date.now() - started > options.maxSeconds * 1000;

  const send = async (op: Operation, actor: Actor, mode: Mode | "raw") => {
    const request = buildRequest(op, mode, generator, random);
    const headers: Record<string, string> = { ...actor.headers, ...request.headers };
    if (mode === "malformed" && random.chance(0.1)) delete headers["x-csrf-token"];
    const response = await inject({
      method: op.method as "GET",
      url: request.url,
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    report.requests += 1;
    const status = response.statusCode;
    report.statuses[status] = (report.statuses[status] ?? 0) + 1;
    const route = `${op.method} ${op.path}`;
    const where = `${op.method} ${request.url} ${String(request.payload ?? "").slice(0, 300)}`;
    const finding = (kind: Finding["kind"], detail: string) =>
      report.findings.push({ kind, route, actor: actor.name, status, detail, request: where });
    if (status >= 500) finding("serverError", response.body.slice(0, 300));
    if (status !== 401 && status !== 403) {
      const list = permitted.get(op) ?? [];
      if (!list.includes(actor)) list.push(actor);
      permitted.set(op, list);
    }
    const declared = op.responses.get(status);
    const json = /json/.test(String(response.headers["content-type"] ?? ""));
    if (json) {
      let body: unknown;
      try {
        body = JSON.parse(response.body);
      } catch {
        finding("schemaViolation", "body is not JSON");
      }
      const validate = declared ?? (status >= 400 ? errorValidator(operations) : undefined);
      if (!declared && status >= 300)
        report.undeclared[`${route} → ${status}`] = (report.undeclared[`${route} → ${status}`] ?? 0) + 1;
      const problem = validate?.(body);
      if (problem) finding("schemaViolation", problem);
    }
    // A foreign id the fuzzer sent may come back legitimately (the audit trail records what was asked
    // for, a stored display name echoes): probed ids count from then on only as long as never sent;
    // sentinels (the other half, and all names) are never sent, so any sight of them is a leak.
    const sent = `${request.url} ${String(request.payload ?? "")}`;
    for (const marker of probes) if (sent.includes(marker)) probed.add(marker);
    for (const marker of markers.foreign)
      if (response.body.includes(marker) && !probed.has(marker)) finding("foreignData", marker);
    if (actor.name !== "anonymous")
      for (const marker of markers.hiddenTeam)
        if (response.body.includes(marker) && !sent.includes(marker)) finding("hiddenTeamData", marker);
  };

  // Round 1: every route as every actor, one valid request each. Then random rounds within the budget.
  // One actor per role (rotating through its users) and anonymous: users of a role share their access.
  const roleOf = new Map<Actor, string>();
  for (const actor of actors.slice(1)) {
    const s = await inject({ method: "GET", url: "/api/auth/session", headers: actor.headers });
    roleOf.set(actor, s.statusCode === 200 ? (s.json() as { user: { role: string } }).user.role : actor.name);
  }
  const roles = [...new Set(roleOf.values())];
  for (const [n, op] of regular.entries()) {
    await send(op, actors[0] as Actor, "valid");
    for (const role of roles) {
      const ofRole = actors.filter((a) => roleOf.get(a) === role);
      await send(op, ofRole[n % ofRole.length] as Actor, "valid");
    }
  }
  log(`round 1: ${report.requests} requests, ${regular.length} routes × ${roles.length} roles + anonymous`);
  const modes: (Mode | "raw")[] = ["valid", "boundary", "malformed", "malformed", "malformed", "raw"];
  while (!overBudget() && regular.length > 0) {
    const op = random.pick(regular);
    const allowed = permitted.get(op) ?? [];
    const actor = allowed.length > 0 && random.chance(0.85) ? random.pick(allowed) : random.pick(actors);
    await send(op, actor, random.pick(modes));
  }
  // Login (trips the address rate limiter) and logout (ends sessions) come last.
  for (const op of closing)
    for (let i = 0; i < 12; i++)
      await send(op, random.pick(actors), i < 4 ? "malformed" : random.pick(modes));

  await sealAuditEvents(database.db);
  const after = await fingerprintTenant(database.db, world.municipalityB);
  for (const [table, hash] of before)
    if (after.get(table) !== hash)
      report.findings.push({
        kind: "foreignWrite",
        route: "*",
        actor: "*",
        status: 0,
        detail: `rows of the other municipality in ${table} changed`,
        request: "",
      });
  report.seconds = (Date.now() - started) / 1000;
  await sql`select 1`.execute(database.db);
  return report;
}

let errorCheck: ((body: unknown) => string | undefined) | undefined;
function errorValidator(operations: Operation[]) {
  errorCheck ??= operations.flatMap((o) => [...o.responses.entries()]).find(([s]) => s === 401)?.[1];
  return errorCheck;
}

interface BuiltRequest {
  url: string;
  payload: string | undefined;
  headers: Record<string, string>;
}

function buildRequest(op: Operation, mode: Mode | "raw", gen: ValueGenerator, r: Random): BuiltRequest {
  const valueMode: Mode = mode === "raw" ? "valid" : mode;
  let url = op.path;
  for (const p of op.pathParams) {
    const value =
      valueMode === "malformed" && r.chance(0.5) ? gen.generate(p.schema, "malformed", p.name) : gen.id();
    url = url.replace(`{${p.name}}`, encode(value));
  }
  const query: string[] = [];
  for (const q of op.queryParams) {
    if (!q.required && r.chance(0.4)) continue;
    const value = gen.generate(
      q.schema,
      valueMode === "malformed" && r.chance(0.5) ? "malformed" : valueMode,
      q.name,
    );
    query.push(`${q.name}=${encode(value)}`);
  }
  if (query.length > 0) url += `?${query.join("&")}`;
  const headers: Record<string, string> = {};
  if (mode === "raw" && op.method !== "GET") {
    const raw = r.int(0, 3);
    if (raw === 0) return { url, payload: '{"name": "half', headers: { "content-type": "application/json" } };
    if (raw === 1) return { url, payload: "name=x", headers: { "content-type": "text/plain" } };
    if (raw === 2) return { url, payload: "", headers: { "content-type": "application/json" } };
    return {
      url,
      payload: JSON.stringify({ blob: "x".repeat(1_100_000) }),
      headers: { "content-type": "application/json" },
    };
  }
  if (op.method === "GET" || op.method === "DELETE") return { url, payload: undefined, headers };
  headers["content-type"] = "application/json";
  const body = op.body ? gen.generate(op.body, valueMode) : {};
  return { url, payload: JSON.stringify(body), headers };
}

/** URL-encodes a generated value; a lone surrogate becomes raw invalid UTF-8 bytes, on purpose. */
function encode(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ""))}%ED%A0%80`;
  }
}
