import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * The audit chain's head, written outside the database at every sealing and signed with a key from the
 * configuration (AUDIT_WITNESS_KEY). Whoever holds a database login — even the owner — can rewrite
 * rows and the head table, but not this file: `npm run audit:verify` checks that the chain still
 * holds every witnessed head, so deleting the tail, rewinding the head or truncating the trail shows.
 * One small JSON file per municipality, replaced atomically (write, then rename).
 */
export interface WitnessedHead {
  municipalityId: string;
  position: number;
  hash: string;
  writtenAt: string;
  signature: string;
}

export class AuditWitness {
  constructor(
    readonly dir: string,
    private readonly key: string,
  ) {}

  private sign(head: Omit<WitnessedHead, "signature">): string {
    return createHmac("sha256", this.key)
      .update(`wijkwerk-audit-head|${head.municipalityId}|${head.position}|${head.hash}|${head.writtenAt}`)
      .digest("hex");
  }

  /** True when the signature was made with this key over exactly these values. */
  isSigned(head: WitnessedHead): boolean {
    const expected = Buffer.from(this.sign(head), "hex");
    const given = Buffer.from(/^[0-9a-f]{64}$/.test(head.signature) ? head.signature : "", "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private file(municipalityId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(municipalityId)) throw new Error("municipality id expected");
    return path.join(this.dir, `${municipalityId}.json`);
  }

  async read(municipalityId: string): Promise<WitnessedHead | undefined> {
    try {
      return JSON.parse(await fs.readFile(this.file(municipalityId), "utf8")) as WitnessedHead;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  /** Every witnessed head in the folder (a file that does not parse counts as a broken witness). */
  async list(): Promise<(WitnessedHead | { municipalityId: string; unreadable: true })[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const heads = [];
    for (const name of names.filter((n) => /^[0-9a-f-]{36}\.json$/.test(n)).sort()) {
      const municipalityId = name.slice(0, -5);
      try {
        heads.push(JSON.parse(await fs.readFile(path.join(this.dir, name), "utf8")) as WitnessedHead);
      } catch {
        heads.push({ municipalityId, unreadable: true as const });
      }
    }
    return heads;
  }

  /** Writes a new head; never replaces a head further along (two sealers may race). */
  async write(head: { municipalityId: string; position: number; hash: string }, now = new Date()) {
    const current = await this.read(head.municipalityId);
    if (current && current.position >= head.position) return;
    const unsigned = { ...head, writtenAt: now.toISOString() };
    const record: WitnessedHead = { ...unsigned, signature: this.sign(unsigned) };
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const target = this.file(head.municipalityId);
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temporary, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    await fs.rename(temporary, target);
  }
}
