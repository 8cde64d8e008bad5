import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";

/**
 * The real server as a child process (`node --import tsx server/src/main.ts`), so it can be measured
 * through /proc, killed with SIGKILL and started again on the same data.
 */
export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code or signal. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(options: {
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  logFile?: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "development",
    DEMO_DATA: "true",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    WEB_DIST: "/nonexistent",
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  const log = fs.openSync(options.logFile ?? "/dev/null", "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    env,
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? String(code))),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await probe(`${url}/health`);
    if (status === 200) break;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited during start (see ${options.logFile ?? "its log"})`);
    if (Date.now() > deadline) throw new Error("server did not become healthy within 120 s");
    await sleep(200);
  }
  return {
    url,
    pid: child.pid ?? 0,
    child,
    exited,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** GET a URL once; the status, or 0 when nothing answers. */
export function probe(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds (user + system) and memory of a process, read from /proc. */
export function processStats(pid: number): { cpuSeconds: number; rssBytes: number; peakRssBytes: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { cpuSeconds: ticks / 100, rssBytes: kb("VmRSS"), peakRssBytes: kb("VmHWM") };
}
