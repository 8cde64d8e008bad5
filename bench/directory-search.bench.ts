/**
 * Social map search benchmark (issue 5): 10,000 generated entries (seeded, deterministic), 500 searches
 * with text and filters through the real repository as a professional (row-level security on), p50/p95/p99.
 *
 *   npx tsx bench/directory-search.bench.ts                       # PGlite (in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/directory-search.bench.ts   # a PostgreSQL server
 *
 * Writes bench/results/directory-search.json and appends a markdown line to bench/results/directory-search.md.
 */
import fs from "node:fs";
import os from "node:os";
import { sql } from "kysely";
import { loadDemoDirectory } from "../server/src/modules/directory/directory.demo.ts";
import { findEntries } from "../server/src/modules/directory/directory.service.ts";
import {
  ACCESS_ROUTES,
  COSTS,
  ENTRY_KINDS,
  LIFE_DOMAINS,
  TARGET_GROUPS,
} from "../server/src/modules/directory/directory.vocabulary.ts";
import { withActor } from "../server/src/platform/context.ts";
import { createTestDatabase } from "../server/src/test/database.ts";
import { buildMunicipality, buildUser } from "../server/src/test/factories.ts";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 500);

/** mulberry32: a small seeded generator, so every run searches the same data. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(344);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const some = <T>(list: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list))),
];

const WORDS = [
  "schuldhulpverlening",
  "budgetcursus",
  "koffieochtend",
  "taalcafé",
  "mantelzorgondersteuning",
  "dagbesteding",
  "huiswerkbegeleiding",
  "opvoedondersteuning",
  "buurthuis",
  "maatjesproject",
  "boodschappenhulp",
  "wijkverpleging",
  "verslavingszorg",
  "inloopspreekuur",
  "woningaanpassing",
  "vrijwilligerswerk",
  "eenzaamheid",
  "ouderensoos",
  "jongerenwerk",
  "sociaal raadslieden",
  "administratiehulp",
  "voedselbank",
  "nachtopvang",
  "beweeggroep",
];
const FILLER = [
  "voor",
  "bewoners",
  "in",
  "de",
  "wijk",
  "samen",
  "met",
  "hulp",
  "bij",
  "vragen",
  "over",
  "geld",
  "zorg",
  "wonen",
  "werk",
];
const QUERIES = [
  "schulden",
  "koffie",
  "mantelzorg",
  "taal",
  "opvoeding",
  "eenzaam",
  "vrijwilliger",
  "verslaving",
  "budget",
  "wonen huis",
];

async function main() {
  const database = await createTestDatabase();
  const db = database.db;
  const m = await buildMunicipality(db, { code: "GM0344", name: "Utrecht" });
  const user = await buildUser(db, m.id, { role: "professional" });
  await loadDemoDirectory(db, m.id);
  const areas = await db
    .selectFrom("areaLocation")
    .select(["code", "kind"])
    .where("municipalityCode", "=", "GM0344")
    .execute();
  const buurten = areas.filter((a) => a.kind === "neighbourhood").map((a) => a.code);
  const wijken = areas.filter((a) => a.kind === "district").map((a) => a.code);

  const started = performance.now();
  const BATCH = 500;
  for (let i = 0; i < ENTRIES; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ENTRIES - i) }, (_, j) => {
      const n = i + j;
      const whole = random() < 0.4;
      const name = `${pick(WORDS)} ${pick(["De Brug", "Het Anker", "Zuilen", "Overvecht", "Lombok", "Hoograven", "Oost"])} ${n}`;
      const description = Array.from({ length: 20 + Math.floor(random() * 30) }, () =>
        random() < 0.15 ? pick(WORDS) : pick(FILLER),
      ).join(" ");
      return {
        municipalityId: m.id,
        externalKey: `bench-${n}`,
        name,
        description,
        kind: pick(ENTRY_KINDS),
        providerName: `Aanbieder ${Math.floor(random() * 400)}`,
        wmoPerformanceFields: some([1, 2, 3, 4, 5, 6, 7, 8, 9], 3).sort((a, b) => a - b),
        lifeDomains: some(LIFE_DOMAINS, 3),
        targetGroups: some(TARGET_GROUPS, 2),
        accessRoute: pick(ACCESS_ROUTES),
        cost: pick(COSTS),
        servesWholeMunicipality: whole,
        areaCodes: whole ? [] : some([...wijken, ...buurten], 3),
        neighbourhoodCode: random() < 0.8 ? pick(buurten) : null,
        openingHours: "[]",
        reviewDate: random() < 0.1 ? "2020-01-01" : "2099-01-01",
        isPublic: random() < 0.8,
      };
    });
    await db.insertInto("directoryEntry").values(rows).execute();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  await sql`analyze directory_entry`.execute(db);

  const actor = {
    userId: user.id,
    municipalityId: m.id,
    role: "professional" as const,
    displayName: "Bench",
    organisationId: null,
    teamIds: [],
  };
  const makeQuery = () => {
    const query: Record<string, unknown> = { limit: 20 };
    if (random() < 0.8) query.q = pick(QUERIES);
    if (random() < 0.4) query.lifeDomain = pick(LIFE_DOMAINS);
    if (random() < 0.3) query.area = pick(random() < 0.5 ? wijken : buurten);
    if (random() < 0.2) query.kind = pick(ENTRY_KINDS);
    if (random() < 0.2) query.performanceField = 1 + Math.floor(random() * 9);
    if (random() < 0.2) query.free = true;
    if (random() < 0.5) query.near = pick(buurten);
    return query;
  };
  for (let i = 0; i < 20; i++)
    await withActor(db, actor, { clientIp: null }, (ctx) => findEntries(ctx, makeQuery()));

  const timings: number[] = [];
  let results = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const query = makeQuery();
    const t0 = performance.now();
    const found = await withActor(db, actor, { clientIp: null }, (ctx) => findEntries(ctx, query));
    timings.push(performance.now() - t0);
    results += found.total;
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) =>
    Number(
      (timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)] ?? 0).toFixed(2),
    );
  const result = {
    benchmark: "directory-search",
    engine: database.kind,
    entries: ENTRIES + 32,
    searches: SEARCHES,
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    maxMs: Number((timings.at(-1) ?? 0).toFixed(2)),
    meanResults: Math.round(results / SEARCHES),
    loadSeconds: Number(loadSeconds.toFixed(1)),
    node: process.version,
    cpus: os.cpus().length,
    at: new Date().toISOString(),
  };
  fs.mkdirSync("bench/results", { recursive: true });
  const file = "bench/results/directory-search.json";
  const previous = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>)
    : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...previous, [database.kind]: result }, null, 2)}\n`);
  const line = `| ${result.at.slice(0, 10)} | ${result.engine} | ${result.entries} | ${result.searches} | ${result.p50Ms} | ${result.p95Ms} | ${result.p99Ms} |`;
  const md = "bench/results/directory-search.md";
  if (!fs.existsSync(md)) {
    fs.writeFileSync(
      md,
      "| date | engine | entries | searches | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|---|\n",
    );
  }
  fs.appendFileSync(md, `${line}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(line);
  await database.close();
}

await main();
