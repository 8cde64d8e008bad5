import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real ClamAV daemon for tests (Debian's clamav-daemon), started in a temporary folder with a
 * signature database of our own: the public one cannot be downloaded here. Its one signature matches
 * the EICAR test string, the industry's harmless stand-in for a virus.
 */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
export const EICAR_SIGNATURE = "Wijkwerk.Test.EICAR.UNOFFICIAL";
const CLAMD = process.env.CLAMD_BINARY ?? "/usr/sbin/clamd";

export interface Clamd {
  url: string;
  socketUrl: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Like the browser tests without Chromium: on a machine without clamav-daemon the scanner's tests are
 * skipped with the reason, except in CI (CI=true), which installs it and must run them.
 */
export const withoutClamd: string | false =
  !fs.existsSync(CLAMD) && !process.env.CI
    ? `${CLAMD} is missing: install Debian's clamav-daemon to run the document tests (CI requires it)`
    : false;

export async function startClamd(): Promise<Clamd> {
  if (!fs.existsSync(CLAMD))
    throw new Error(`${CLAMD} is missing: install Debian's clamav-daemon (.ci/run does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-clamd-"));
  fs.mkdirSync(path.join(dir, "db"));
  const hex = Buffer.from("EICAR-STANDARD-ANTIVIRUS-TEST-FILE").toString("hex");
  fs.writeFileSync(path.join(dir, "db", "wijkwerk-test.ndb"), `Wijkwerk.Test.EICAR:0:*:${hex}\n`);
  const port = await freePort();
  const socket = path.join(dir, "clamd.sock");
  fs.writeFileSync(
    path.join(dir, "clamd.conf"),
    [
      `DatabaseDirectory ${path.join(dir, "db")}`,
      `LocalSocket ${socket}`,
      `TCPSocket ${port}`,
      "TCPAddr 127.0.0.1",
      "Foreground yes",
      `LogFile ${path.join(dir, "clamd.log")}`,
      `PidFile ${path.join(dir, "clamd.pid")}`,
      "StreamMaxLength 60M",
      "MaxThreads 4",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(CLAMD, ["-c", path.join(dir, "clamd.conf")], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `tcp://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const log = fs.existsSync(path.join(dir, "clamd.log"))
        ? fs.readFileSync(path.join(dir, "clamd.log"), "utf8")
        : "";
      throw new Error(`clamd did not start: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    socketUrl: `unix://${socket}`,
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    let reply = "";
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.on("connect", () => s.write("zPING\0"));
    s.on("data", (d) => {
      reply += d.toString();
      if (reply.includes("\0")) done(reply.startsWith("PONG"));
    });
    s.on("error", () => done(false));
  });
}
