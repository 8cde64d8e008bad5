import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { JobRunner } from "../jobs/job.ts";
import { failuresSince } from "../jobs/job-runs.ts";
import { outboxBacklog } from "../mail/outbox-delivery.ts";

/**
 * Prometheus metrics (prom-client), one registry per app: requests per route and their latency, the
 * database pool, job queues and failures, the e-mail backlog and audit events waiting to be sealed.
 * Served at /metrics with METRICS_TOKEN as bearer token, or without token on an internal listener
 * (METRICS_PORT on METRICS_HOST, default 127.0.0.1). Labels hold route patterns, never ids or values.
 */
export function registerMetrics(
  app: FastifyInstance,
  deps: { database: Database; config: Config; runner: () => JobRunner | undefined },
) {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_name: deps.config.instanceName });
  collectDefaultMetrics({ register: registry, prefix: "wijkwerk_" });

  const requests = new Counter({
    name: "wijkwerk_http_requests_total",
    help: "HTTP requests by method, route pattern and status code",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "wijkwerk_http_request_duration_seconds",
    help: "HTTP request latency by method and route pattern",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    if (route === "/metrics") return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const { database } = deps;
  new Gauge({
    name: "wijkwerk_db_pool_connections",
    help: "Database pool connections by state (in use, idle) and requests waiting for one",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = database.poolStats?.();
      if (!stats) return;
      this.set({ state: "inUse" }, stats.total - stats.idle);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "wijkwerk_job_queue_depth",
    help: "Jobs queued or waiting for a retry, per job (this instance's view of the queue)",
    labelNames: ["job"] as const,
    registers: [registry],
    async collect() {
      const runner = deps.runner();
      if (!runner) return;
      for (const [job, n] of Object.entries(await runner.queueDepth())) this.set({ job }, n);
    },
  });
  new Gauge({
    name: "wijkwerk_job_failures_24h",
    help: "Failed job runs in the last 24 hours, per job (all instances)",
    labelNames: ["job"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const failures = await failuresSince(database.db, new Date(Date.now() - 86_400_000));
      for (const [job, n] of Object.entries(failures)) this.set({ job }, n);
    },
  });
  new Gauge({
    name: "wijkwerk_outbox_messages",
    help: "E-mail in the outbox by state: pending, sending, dead (all municipalities)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const backlog = await outboxBacklog(database.db);
      for (const [state, n] of Object.entries(backlog)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: "wijkwerk_audit_events_unsealed",
    help: "Audit events written but not yet sealed into their municipality's hash chain",
    registers: [registry],
    async collect() {
      const { rows } = await sql<{
        n: number;
      }>`select app_unsealed_count() as n`.execute(database.db);
      this.set(rows[0]?.n ?? 0);
    },
  });

  const token = deps.config.metricsToken;
  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "");
    const expected = Buffer.from(token ?? "");
    if (!token || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      // Without a token configured the metrics are on the internal port only.
      return reply
        .code(token ? 401 : 404)
        .send({ error: token ? "unauthenticated" : "notFound", message: "Geen toegang tot de metingen." });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  let internal: http.Server | undefined;
  return {
    registry,
    /** Starts the internal listener when METRICS_PORT is set; resolves with its port. */
    async listenInternal(): Promise<number | undefined> {
      if (deps.config.metricsPort === undefined) return undefined;
      internal = http.createServer((req, res) => {
        if (req.url !== "/metrics") {
          res.writeHead(404).end();
          return;
        }
        registry
          .metrics()
          .then((body) => res.writeHead(200, { "content-type": registry.contentType }).end(body))
          .catch(() => res.writeHead(500).end());
      });
      await new Promise<void>((resolve) =>
        internal?.listen(deps.config.metricsPort, deps.config.metricsHost, () => resolve()),
      );
      const address = internal.address();
      return typeof address === "object" && address ? address.port : undefined;
    },
    async close() {
      await new Promise<void>((resolve) => (internal ? internal.close(() => resolve()) : resolve()));
    },
  };
}
