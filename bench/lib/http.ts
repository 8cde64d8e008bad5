import http from "node:http";

/** A small keep-alive HTTP client for loopback load: no dependencies, one agent per run. */
export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
}

export class HttpClient {
  readonly agent: http.Agent;

  constructor(
    readonly baseUrl: string,
    connections = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  request(
    method: string,
    path: string,
    options: { body?: unknown; session?: Session; timeoutMs?: number } = {},
  ): Promise<Reply> {
    const url = new URL(path, this.baseUrl);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: http.OutgoingHttpHeaders = { accept: "application/json" };
    if (payload !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = Buffer.byteLength(payload);
    }
    if (options.session) {
      headers.cookie = options.session.cookie;
      headers["x-csrf-token"] = options.session.csrfToken;
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method, headers, agent: this.agent, timeout: options.timeoutMs ?? 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              ms: performance.now() - started,
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      req.end(payload);
    });
  }

  async logIn(username: string, password: string): Promise<Session> {
    const login = await this.request("POST", "/api/auth/login", { body: { username, password } });
    if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${login.body}`);
    const setCookie = login.headers["set-cookie"] ?? [];
    const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
    const session = await this.request("GET", "/api/auth/session", {
      session: { username, cookie, csrfToken: "" },
    });
    const csrfToken = (JSON.parse(session.body) as { csrfToken: string }).csrfToken;
    return { username, cookie, csrfToken };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Latency percentile (nearest rank) of sorted milliseconds. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Runs `step` from `connections` concurrent loops until `seconds` have passed (bounded in time and
 * count). A step returns its reply; anything not 2xx/3xx, or a thrown error, counts as an error.
 */
export async function runLoad(
  connections: number,
  seconds: number,
  step: (worker: number, iteration: number) => Promise<Reply>,
  maxRequests = 10_000_000,
  stop: () => boolean = () => false,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline && count < maxRequests && !stop(); i++) {
      count += 1;
      try {
        const reply = await step(w, i);
        latencies.push(reply.ms);
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        if (reply.status >= 400) errors += 1;
      } catch (error) {
        errors += 1;
        const key = (error as { code?: string }).code ?? "error";
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    statuses,
    seconds: round(elapsed),
    throughput: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
  };
}
