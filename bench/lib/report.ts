import fs from "node:fs";
import path from "node:path";
import type { LoadResult } from "./http.ts";

interface Row extends LoadResult {
  journey: string;
  kind: string;
  serverCpuPercent: number;
  peakRssMb: number;
  loadAverage?: number;
  floor?: LoadResult;
  overRaw?: number;
  floorNoRls?: LoadResult;
  shareOfNoRls?: number;
  auditShare?: number;
}

interface Report {
  connections: number;
  seconds: number;
  cpus: number;
  node: string;
  results: Row[];
  audit?: { rawWithAudit: LoadResult; rawWithoutAudit: LoadResult };
}

/** bench/results/<date>-<db>.json plus a markdown table beside it. */
export function writeReport(db: string, report: Report, dir = "bench/results", label = ""): string {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${db}${label ? `-${label}` : ""}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ db, ...report }, null, 2)}\n`);
  const lines = [
    `# Benchmark on ${db}: ${report.connections} connections, ${report.seconds} s per journey (${report.cpus} cores, Node ${report.node})`,
    "",
    "| journey | kind | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU | peak RSS MB | raw SQL req/s | × over raw | raw SQL without RLS req/s | app ÷ no-RLS floor | audit share (raw) | load avg |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.results.map(
      (r) =>
        `| ${r.journey} | ${r.kind} | ${r.throughput} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.serverCpuPercent}% | ${r.peakRssMb} | ${r.floor?.throughput ?? "–"} | ${r.overRaw ?? "–"} | ${r.floorNoRls?.throughput ?? "–"} | ${r.shareOfNoRls === undefined ? "–" : `${(r.shareOfNoRls * 100).toFixed(1)}%`} | ${r.auditShare === undefined ? "–" : `${(r.auditShare * 100).toFixed(1)}%`} | ${r.loadAverage ?? "–"} |`,
    ),
  ];
  if (report.audit) {
    const a = report.audit;
    const share = 1 - a.rawWithAudit.throughput / Math.max(a.rawWithoutAudit.throughput, 0.01);
    lines.push(
      "",
      `Audit trail at the database: insert organisation alone ${a.rawWithoutAudit.throughput} tx/s, with its audit event ${a.rawWithAudit.throughput} tx/s: the audit insert costs ${(share * 100).toFixed(1)}% of raw write throughput.`,
    );
  }
  fs.writeFileSync(`${base}.md`, `${lines.join("\n")}\n`);
  return `${base}.json`;
}
