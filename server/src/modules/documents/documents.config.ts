import { createHash } from "node:crypto";

/** Documents in the dossier (issue 20): scanner, limits and the master key, from the environment. */
export interface DocumentsConfig {
  /** ClamAV's daemon: `tcp://host:port` or `unix:///path/clamd.ctl` (CLAMAV_URL); unset: no scanner. */
  clamavUrl: string | undefined;
  /** How long the scanner may take to take a piece or give its verdict (CLAMAV_TIMEOUT_SECONDS). */
  scanTimeoutMs: number;
  /** Without a scanner uploads are refused (production) or accepted with a warning (development, test). */
  requireScanner: boolean;
  /** Largest file (DOCUMENT_MAX_FILE_MB, default 25). */
  maxFileBytes: number;
  /** What one household's documents may take up together (DOCUMENT_MAX_HOUSEHOLD_MB, default 500). */
  maxHouseholdBytes: number;
  /** Files in one upload. */
  maxFilesPerUpload: number;
  /** What the entries of an Office file may unpack to together (a zip bomb is refused). */
  maxUnpackedBytes: number;
  maxZipEntries: number;
  /**
   * The master key first, then earlier ones still accepted until `npm run documents:rewrap` re-wrapped
   * every data key (DOCUMENT_MASTER_KEY, DOCUMENT_MASTER_KEYS_PREVIOUS). Undefined: documents are off
   * (production without a key).
   */
  masterKeys: MasterKey[] | undefined;
}

export interface MasterKey {
  /** The first 16 hex characters of the key's SHA-256: which master key wrapped a data key. */
  id: string;
  key: Buffer;
}

export class DocumentsConfigError extends Error {}

const MB = 1024 * 1024;

export function masterKeyOf(key: Buffer): MasterKey {
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 16), key };
}

/** A 32-byte key written as 64 hex characters or as base64 (43–44 characters). */
export function parseMasterKey(name: string, value: string): MasterKey {
  const v = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, "hex") : Buffer.from(v, "base64");
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(v) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(v)))
    throw new DocumentsConfigError(
      `${name} must be 32 random bytes as 64 hex characters (for example: openssl rand -hex 32)`,
    );
  return masterKeyOf(key);
}

export function loadDocumentsConfig(
  env: NodeJS.ProcessEnv,
  options: { production: boolean; developmentKey: Buffer },
): DocumentsConfig {
  const clamavUrl = env.CLAMAV_URL || undefined;
  if (clamavUrl && !/^(tcp:\/\/[^/:]+:\d+\/?|unix:\/\/\/.+)$/.test(clamavUrl))
    throw new DocumentsConfigError("CLAMAV_URL must be tcp://host:port or unix:///path/to/clamd.socket");
  const number = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0)
      throw new DocumentsConfigError(`${name} is invalid: ${env[name]}`);
    return value;
  };
  const current = env.DOCUMENT_MASTER_KEY
    ? parseMasterKey("DOCUMENT_MASTER_KEY", env.DOCUMENT_MASTER_KEY)
    : options.production
      ? undefined
      : masterKeyOf(options.developmentKey);
  const previous = (env.DOCUMENT_MASTER_KEYS_PREVIOUS ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => parseMasterKey("DOCUMENT_MASTER_KEYS_PREVIOUS", v));
  return {
    clamavUrl,
    scanTimeoutMs: number("CLAMAV_TIMEOUT_SECONDS", 30) * 1000,
    requireScanner: options.production,
    maxFileBytes: Math.round(number("DOCUMENT_MAX_FILE_MB", 25) * MB),
    maxHouseholdBytes: Math.round(number("DOCUMENT_MAX_HOUSEHOLD_MB", 500) * MB),
    maxFilesPerUpload: 10,
    maxUnpackedBytes: 200 * MB,
    maxZipEntries: 2000,
    masterKeys: current ? [current, ...previous] : undefined,
  };
}
