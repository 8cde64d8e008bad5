import net from "node:net";

/**
 * ClamAV's daemon over its socket protocol (INSTREAM): the file is sent in pieces while it arrives, and
 * clamd answers `stream: OK` or `stream: <signature> FOUND` after the last one. Every wait — connecting,
 * handing over a piece, the verdict — is bounded by the timeout; a scanner that is down or too slow is an
 * error, never a pass.
 */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

export class ScannerError extends Error {
  constructor(
    readonly reason: "unreachable" | "timeout" | "tooLarge" | "failed",
    message: string,
  ) {
    super(message);
  }
}

export interface ScanSession {
  write(data: Buffer): Promise<void>;
  finish(): Promise<ScanVerdict>;
  abort(): void;
}

const PIECE = 64 * 1024;

function connectOptions(url: string): net.NetConnectOpts {
  if (url.startsWith("unix://")) return { path: url.slice("unix://".length) };
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
}

export async function openScan(url: string, timeoutMs: number): Promise<ScanSession> {
  const socket = net.connect(connectOptions(url));
  let failure: ScannerError | undefined;
  let reply = "";
  let ended = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  socket.on("data", (d: Buffer) => {
    reply += d.toString("utf8");
    wake();
  });
  socket.on("error", (e: NodeJS.ErrnoException) => {
    failure ??= new ScannerError(
      e.code === "EPIPE" || e.code === "ECONNRESET" ? "failed" : "unreachable",
      `virus scanner: ${e.code ?? e.message}`,
    );
    wake();
  });
  socket.on("close", () => {
    ended = true;
    wake();
  });
  socket.on("drain", wake);

  /** Waits until `ready()` holds, the connection fails or the time is up. */
  const until = (ready: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ready()) return done(resolve);
        if (failure) return done(() => reject(failure));
        if (ended)
          return done(() =>
            reject(new ScannerError("failed", `virus scanner closed the connection (${what})`)),
          );
      };
      const timer = setTimeout(
        () =>
          done(() => reject(new ScannerError("timeout", `virus scanner did not answer in time (${what})`))),
        timeoutMs,
      );
      const done = (f: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        f();
      };
      waiters.add(check);
      check();
    });

  let connected = false;
  socket.once("connect", () => {
    connected = true;
    wake();
  });
  try {
    await until(() => connected, "connect");
  } catch (error) {
    socket.destroy();
    throw error;
  }
  socket.write("zINSTREAM\0");

  const send = async (piece: Buffer) => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(piece.length);
    const flushed = socket.write(Buffer.concat([header, piece]));
    // clamd answers early when it stops reading (size limit): the verdict is then in `reply`.
    if (!flushed) await until(() => socket.writableLength === 0 || reply.includes("\0"), "write");
  };
  return {
    async write(data) {
      if (failure) throw failure;
      if (reply.includes("\0")) return; // clamd already answered; finish() reads it
      for (let offset = 0; offset < data.length; offset += PIECE) {
        await send(data.subarray(offset, offset + PIECE));
        if (reply.includes("\0")) return;
      }
    },
    async finish() {
      try {
        if (!reply.includes("\0")) {
          socket.write(Buffer.alloc(4));
          await until(() => reply.includes("\0"), "verdict");
        }
        return verdictOf(reply.slice(0, reply.indexOf("\0")));
      } finally {
        socket.destroy();
      }
    },
    abort() {
      socket.destroy();
    },
  };
}

export function verdictOf(line: string): ScanVerdict {
  if (/^stream: OK$/.test(line)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found?.[1]) return { clean: false, signature: found[1] };
  if (/size limit exceeded/i.test(line)) throw new ScannerError("tooLarge", `virus scanner: ${line}`);
  throw new ScannerError("failed", `virus scanner: ${line}`);
}

/** Whether the scanner answers (PING → PONG), for the health of the upload page. */
export async function pingScanner(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(connectOptions(url));
    const timer = setTimeout(() => finish(false), timeoutMs);
    let reply = "";
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    socket.on("connect", () => socket.write("zPING\0"));
    socket.on("data", (d: Buffer) => {
      reply += d.toString();
      if (reply.includes("\0")) finish(reply.startsWith("PONG"));
    });
    socket.on("error", () => finish(false));
  });
}
