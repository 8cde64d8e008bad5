/**
 * Documents (issue 20): upload and download throughput of one large file over real HTTP (multipart in,
 * streamed out), the virus scanner's share, and the server's extra memory while 8 uploads run at once.
 * A real ClamAV daemon with the tests' own signature file scans every upload.
 *
 *   npx tsx bench/documents.bench.ts                              # PGlite (in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/documents.bench.ts    # a PostgreSQL server
 *   BENCH_DOCUMENT_MB=20 BENCH_PARALLEL=8 npx tsx bench/documents.bench.ts
 *
 * Memory: the client runs in the same process, so every request body is built before the baseline is
 * taken; the figure is the peak resident memory above that baseline, sampled every 20 ms.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { cleanPdf, multipart } from "../server/src/modules/documents/documents.fixtures.ts";
import { openScan } from "../server/src/modules/documents/documents.scanner.ts";
import { buildPortalWorld } from "../server/src/modules/portal/portal.fixtures.ts";
import { createTestApp, logInAs } from "../server/src/test/app.ts";
import { startClamd } from "../server/src/test/clamd.ts";

const MB = 1024 * 1024;
const sizeMb = Number(process.env.BENCH_DOCUMENT_MB ?? 10);
const parallel = Number(process.env.BENCH_PARALLEL ?? 8);
const engine = process.env.DATABASE_URL ? "postgres" : "pglite";

/** A valid PDF followed by random hexadecimal text up to the size (the scanner reads every byte). */
function largePdf(bytes: number): Buffer {
  const head = cleanPdf("Groot document");
  const filler = Buffer.from(randomBytes(Math.ceil((bytes - head.length) / 2)).toString("hex"));
  return Buffer.concat([head, filler]).subarray(0, bytes);
}

const clamd = await startClamd();
const t = await createTestApp({
  documents: { clamavUrl: clamd.url, maxFileBytes: 64 * MB, maxHouseholdBytes: 4096 * MB },
});
const world = await buildPortalWorld(t.database.db);
const caseLead = await logInAs(t.app, world.caseLead.username);
await t.app.listen({ port: 0, host: "127.0.0.1" });
const port = (t.app.server.address() as net.AddressInfo).port;
const url = `/api/households/${world.a.householdId}/documents`;

function post(body: { payload: Buffer; contentType: string }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: url,
        headers: {
          cookie: caseLead.cookie,
          "x-csrf-token": caseLead.csrfToken,
          "content-type": body.contentType,
          "content-length": String(body.payload.length),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body.payload);
  });
}

/** Downloads without keeping the bytes: only counts them. */
function download(id: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: "127.0.0.1",
          port,
          path: `/api/documents/${id}/content`,
          headers: { cookie: caseLead.cookie },
        },
        (res) => {
          let n = 0;
          res.on("data", (c: Buffer) => {
            n += c.length;
          });
          res.on("end", () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${res.statusCode}`))));
        },
      )
      .on("error", reject);
  });
}

async function sampled<T>(fn: () => Promise<T>): Promise<{ value: T; peakAboveMb: number; ms: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, peakAboveMb: (peak - base) / MB, ms };
}

const uploaded = (r: { status: number; text: string }): string => {
  if (r.status !== 201) throw new Error(`upload refused: ${r.status} ${r.text}`);
  return (JSON.parse(r.text) as { items: { id: string }[] }).items[0]?.id ?? "";
};
const mbps = (bytes: number, ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const file = largePdf(sizeMb * MB);
// Warm up: first data key, first connection to the scanner, JIT.
uploaded(await post(multipart([["kind", "letter"]], [{ filename: "warm.pdf", content: cleanPdf() }])));

// The scanner alone: the same bytes straight to clamd over INSTREAM.
const scanStarted = performance.now();
const scan = await openScan(clamd.url, 120_000);
for (let i = 0; i < file.length; i += MB) await scan.write(file.subarray(i, i + MB));
const verdict = await scan.finish();
const scanMs = performance.now() - scanStarted;
if (!verdict.clean) throw new Error("the benchmark file was flagged");

const single = multipart([["kind", "letter"]], [{ filename: "groot.pdf", content: file }]);
const up = await sampled(() => post(single));
const id = uploaded(up.value);
const down = await sampled(() => download(id));
if (down.value !== file.length) throw new Error(`downloaded ${down.value} bytes of ${file.length}`);

const bodies = Array.from({ length: parallel }, (_, i) =>
  multipart([["kind", "letter"]], [{ filename: `groot-${i}.pdf`, content: file }]),
);
const many = await sampled(() => Promise.all(bodies.map((b) => post(b))));
for (const r of many.value) uploaded(r);
const manyDown = await sampled(() => Promise.all(many.value.map((r) => download(uploaded(r)))));

console.log(`documents on ${engine}, ${sizeMb} MB file, Node ${process.version}, load average ${load()}`);
console.log(`  scanner alone (INSTREAM)     ${scanMs.toFixed(0)} ms (${mbps(file.length, scanMs)} MB/s)`);
console.log(
  `  upload 1 (scan + encrypt)    ${up.ms.toFixed(0)} ms (${mbps(file.length, up.ms)} MB/s), +${up.peakAboveMb.toFixed(0)} MB resident`,
);
console.log(
  `  download 1 (decrypt)         ${down.ms.toFixed(0)} ms (${mbps(file.length, down.ms)} MB/s), +${down.peakAboveMb.toFixed(0)} MB resident`,
);
console.log(
  `  upload ${parallel} at once            ${many.ms.toFixed(0)} ms (${mbps(file.length * parallel, many.ms)} MB/s together), +${many.peakAboveMb.toFixed(0)} MB resident`,
);
console.log(
  `  download ${parallel} at once          ${manyDown.ms.toFixed(0)} ms (${mbps(file.length * parallel, manyDown.ms)} MB/s together), +${manyDown.peakAboveMb.toFixed(0)} MB resident`,
);

await t.close();
await clamd.stop();
