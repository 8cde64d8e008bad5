import fs from "node:fs";
import { JOURNEYS, type JourneyContext } from "../bench/journeys.ts";
import { HttpClient, runLoad } from "../bench/lib/http.ts";
import { DEMO_PASSWORD } from "../server/src/demo/demo-data.ts";
import { flag, numberArgument } from "./lib/args.ts";
import { writeResult } from "./lib/results.ts";
import { processStats, sleep, startServer } from "./lib/server.ts";
import { chooseTarget } from "./lib/target.ts";

/**
 * Soak: `npm run reliability:soak [-- --minutes 20 --connections 16 --postgres --reads-only]`.
 * Mixed load (every benchmark journey, reads and writes) for the given time; the server's RSS is
 * sampled every few seconds. After the warm-up (the first quarter, at most 5 minutes) the RSS may
 * grow by less than 10%: the mean of the last tenth against the mean of the first tenth after warm-up.
 */
const minutes = numberArgument("minutes", 20);
const connections = numberArgument("connections", 16);
/** Reads only: the data stays the same size, so memory growth cannot come from growing answers. */
const readsOnly = flag("reads-only");
const target = await chooseTarget();
const logFile = `/tmp/wijkwerk-soak-${Date.now().toString(36)}.log`;
const server = await startServer({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, logFile });
const client = new HttpClient(server.url, connections + 2);
const sessions: JourneyContext["sessions"] = {};
for (const u of new Set(JOURNEYS.flatMap((j) => j.users))) sessions[u] = await client.logIn(u, DEMO_PASSWORD);
const ctx: JourneyContext = { client, sessions, ids: {}, municipalityId: "", run: Date.now().toString(36) };
for (const j of JOURNEYS) await j.setup?.(ctx);
// Journeys that need generated data (`npm run generate`) cannot address anything on the demo data:
// their step throws before any request. They are left out and listed, not counted as server errors.
const usable: typeof JOURNEYS = [];
const notApplicable: string[] = [];
for (const j of JOURNEYS) {
  try {
    await j.step(ctx, 0, 0);
    usable.push(j);
  } catch {
    notApplicable.push(j.name);
  }
}

const seconds = minutes * 60;
const interval = Math.max(1, Math.min(10, seconds / 60));
const samples: { at: number; rssMb: number; cpuSeconds: number }[] = [];
let done = false;
const sampler = (async () => {
  const started = Date.now();
  while (!done) {
    const s = processStats(server.pid);
    samples.push({
      at: (Date.now() - started) / 1000,
      rssMb: s.rssBytes / 1048576,
      cpuSeconds: s.cpuSeconds,
    });
    await sleep(interval * 1000);
  }
})();
// Mostly reads, one write in ten: a day at a neighbourhood team, compressed.
const reads = usable.filter((j) => j.kind === "read");
const writes = usable.filter((j) => j.kind === "write");
const load = await runLoad(connections, seconds, (w, i) => {
  const list = i % 10 === 9 && writes.length > 0 && !readsOnly ? writes : reads;
  const journey = list[(w + i) % list.length];
  if (!journey) throw new Error("no journeys");
  return journey.step(ctx, w, i);
});
done = true;
await sampler;
client.close();
await server.stop();
target.dispose();

const warmUp = Math.min(seconds / 4, 300);
const after = samples.filter((s) => s.at >= warmUp);
const tenth = Math.max(1, Math.floor(after.length / 10));
const mean = (xs: { rssMb: number }[]) => xs.reduce((a, s) => a + s.rssMb, 0) / Math.max(xs.length, 1);
const baseline = mean(after.slice(0, tenth));
const end = mean(after.slice(-tenth));
const growth = (end - baseline) / baseline;
const passed = growth < 0.1 && load.errors === 0;
const summary = {
  database: target.kind,
  minutes,
  connections,
  load,
  journeys: usable.filter((j) => !readsOnly || j.kind === "read").map((j) => j.name),
  notApplicable,
  warmUpSeconds: warmUp,
  rssMb: {
    baseline: Math.round(baseline),
    end: Math.round(end),
    peak: Math.round(Math.max(...samples.map((s) => s.rssMb))),
  },
  growthPercent: Math.round(growth * 1000) / 10,
  samples: samples.map((s) => ({ at: Math.round(s.at), rssMb: Math.round(s.rssMb) })),
  passed,
};
const { samples: _, ...shown } = summary;
console.log(JSON.stringify(shown, null, 2));
console.log(`results: ${writeResult(`soak-${target.kind}${readsOnly ? "-reads" : ""}`, summary)}`);
if (!passed && fs.existsSync(logFile)) console.log(`server log: ${logFile}`);
process.exit(passed ? 0 : 1);
