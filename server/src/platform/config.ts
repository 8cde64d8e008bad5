import { createHmac, randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { type DocumentsConfig, loadDocumentsConfig } from "../modules/documents/documents.config.ts";
import { guessesLog10, MIN_SECRET_GUESSES_LOG10 } from "./auth/strength.ts";

/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  port: number;
  host: string;
  nodeEnv: NodeEnv;
  /** postgres://… for a server; undefined means embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** The owner's login (migrations, maintenance); unset: DATABASE_URL is the owner (see logins.ts). */
  databaseOwnerUrl: string | undefined;
  /** Password of the application login wijkwerk_service when one DATABASE_URL is the owner. */
  databaseAppPassword: string;
  dataDir: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  secureCookies: boolean;
  loadDemoData: boolean;
  webDist: string;
  publicUrl: string;
  oidc: OidcConfig | undefined;
  /** Proxies in front of the app: false, a hop count, or their addresses/CIDRs; never "any". */
  trustProxy: TrustProxy;
  /** Serve the API reference at /api/docs (API_DOCS; off in production unless enabled). */
  apiDocs: boolean;
  /** Where the signed audit chain heads are written at every sealing (outside the database). */
  auditWitnessDir: string;
  /** Key that signs those heads (AUDIT_WITNESS_KEY; derived from SESSION_SECRET when unset). */
  auditWitnessKey: string;
  /** Requests per partner API key per minute (PARTNER_API_PER_MINUTE), 429 with Retry-After above it. */
  partnerApiPerMinute: number;
  /** Most rows one social-map CSV import may hold (DIRECTORY_IMPORT_MAX_ROWS). */
  directoryImportMaxRows: number;
  /** smtp://user:pass@host:587 (SMTP_URL); without it e-mail waits in the outbox (development). */
  smtpUrl: string | undefined;
  /** Sender of every e-mail (MAIL_FROM). */
  mailFrom: string;
  /** Background jobs in this process (JOBS=off leaves them to other instances; tests start none). */
  jobsEnabled: boolean;
  /** This process's name in job runs and logs (INSTANCE_NAME, default host:pid). */
  instanceName: string;
  /** Bearer token for /metrics (METRICS_TOKEN); without it /metrics is served only on METRICS_PORT. */
  metricsToken: string | undefined;
  /** A separate internal listener for /metrics without token (METRICS_PORT, bound to METRICS_HOST). */
  metricsPort: number | undefined;
  metricsHost: string;
  /** Bearer token of the platform operator (PLATFORM_OPERATOR_TOKEN) for /api/platform routes. */
  platformOperatorToken: string | undefined;
  /** An address service in the open location server's format (postcode + house number → street, buurt). */
  addressServiceUrl: string | undefined;
  /** Documents in the dossier: virus scanner, limits, master key (issue 20). */
  documents: DocumentsConfig;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  municipalityCode: string;
  /** Accept plain http issuers (only for tests on loopback). */
  allowInsecure: boolean;
}

export type NodeEnv = "development" | "test" | "production";
const NODE_ENVS: readonly NodeEnv[] = ["development", "test", "production"];
export type TrustProxy = false | number | string[];

const DEFAULT_SECRET = "wijkwerk-development-secret-do-not-use";

export class ConfigError extends Error {}

/** The address users reach Wijkwerk on; also for e-mail links written outside a request. */
export function publicUrlFrom(env: NodeJS.ProcessEnv = process.env): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  // "Production", "prod" or a typo must not start with the development secret and demo accounts.
  if (!NODE_ENVS.includes(nodeEnv as NodeEnv))
    throw new ConfigError(`NODE_ENV must be one of ${NODE_ENVS.join(", ")}; got "${nodeEnv}"`);
  const production = nodeEnv === "production";
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT is invalid: ${env.PORT}`);
  if (production && !env.SESSION_SECRET)
    throw new ConfigError(
      "SESSION_SECRET must be set to a random value of at least 32 characters in production",
    );
  const sessionSecret = env.SESSION_SECRET ?? DEFAULT_SECRET;
  if (env.SESSION_SECRET !== undefined) assertStrongSecret("SESSION_SECRET", sessionSecret);
  if (env.AUDIT_WITNESS_KEY !== undefined) assertStrongSecret("AUDIT_WITNESS_KEY", env.AUDIT_WITNESS_KEY);
  if (env.DATABASE_APP_PASSWORD !== undefined)
    assertStrongSecret("DATABASE_APP_PASSWORD", env.DATABASE_APP_PASSWORD);
  const loadDemoData = (env.DEMO_DATA ?? (production ? "false" : "true")) === "true";
  if (production && loadDemoData) throw new ConfigError("Demo data is refused when NODE_ENV=production");
  const publicUrl = publicUrlFrom({ ...env, PORT: String(port) });
  const dataDir = path.resolve(env.DATA_DIR ?? "data");
  const operations = operationsConfig(env, production);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    nodeEnv: nodeEnv as NodeEnv,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    databaseAppPassword:
      env.DATABASE_APP_PASSWORD ?? derive(sessionSecret, "database login wijkwerk_service"),
    dataDir,
    sessionSecret,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    secureCookies: (env.SECURE_COOKIES ?? (production ? "true" : "false")) === "true",
    loadDemoData,
    webDist: path.resolve(env.WEB_DIST ?? "web/dist"),
    publicUrl,
    oidc: env.OIDC_ISSUER
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: required(env, "OIDC_CLIENT_ID"),
          clientSecret: required(env, "OIDC_CLIENT_SECRET"),
          redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/api/auth/oidc/callback`,
          municipalityCode: required(env, "OIDC_MUNICIPALITY_CODE"),
          allowInsecure: env.OIDC_ALLOW_INSECURE === "true" && !production,
        }
      : undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    apiDocs: (env.API_DOCS ?? (production ? "false" : "true")) === "true",
    auditWitnessDir: path.resolve(env.AUDIT_WITNESS_DIR ?? path.join(dataDir, "audit-witness")),
    auditWitnessKey: env.AUDIT_WITNESS_KEY ?? derive(sessionSecret, "audit witness"),
    partnerApiPerMinute: Number(env.PARTNER_API_PER_MINUTE ?? 30),
    directoryImportMaxRows: Number(env.DIRECTORY_IMPORT_MAX_ROWS ?? 10_000),
    addressServiceUrl: env.ADDRESS_SERVICE_URL || undefined,
    documents: loadDocumentsConfig(env, {
      production,
      developmentKey: Buffer.from(derive(sessionSecret, "document master key"), "base64url"),
    }),
    ...operations,
  };
}

/** Mail, jobs, metrics and the platform operator (issue 17). */
function operationsConfig(env: NodeJS.ProcessEnv, production: boolean) {
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError("SMTP_URL must start with smtp:// or smtps://");
  if (production && smtpUrl && !env.MAIL_FROM)
    throw new ConfigError("MAIL_FROM is required when SMTP_URL is set in production");
  const tokenOf = (name: string) => {
    const value = env[name] || undefined;
    if (value !== undefined && value.length < 32)
      throw new ConfigError(`${name} must be at least 32 characters`);
    return value;
  };
  const metricsPort = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  if (
    metricsPort !== undefined &&
    !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort <= 65535)
  )
    throw new ConfigError(`METRICS_PORT is invalid: ${env.METRICS_PORT}`);
  return {
    smtpUrl,
    mailFrom: env.MAIL_FROM ?? "Wijkwerk <noreply@wijkwerk.localhost>",
    jobsEnabled: (env.JOBS ?? "on") !== "off",
    instanceName: env.INSTANCE_NAME ?? `${os.hostname()}:${process.pid}`,
    metricsToken: tokenOf("METRICS_TOKEN"),
    metricsPort,
    metricsHost: env.METRICS_HOST ?? "127.0.0.1",
    platformOperatorToken: tokenOf("PLATFORM_OPERATOR_TOKEN"),
  };
}

/** A value derived from the session secret for another purpose (a key is never used twice). */
export function derive(secret: string, purpose: string): string {
  return createHmac("sha256", secret).update(`wijkwerk:${purpose}`).digest("base64url");
}

/** Long and random: at least 32 characters and about 100 bits by zxcvbn's estimate (no repeats or words). */
export function assertStrongSecret(name: string, value: string): void {
  if (value.length < 32 || value === DEFAULT_SECRET || guessesLog10(value) < MIN_SECRET_GUESSES_LOG10) {
    throw new ConfigError(
      `${name} must be a random value of at least 32 characters (for example: openssl rand -hex 32); the value given is too short or too predictable`,
    );
  }
}

const IP_OR_CIDR = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;

/**
 * TRUST_PROXY: unset or "false" — the client address is the TCP peer; a number — that many proxies in
 * front (the address left of them in X-Forwarded-For); a comma-separated list of proxy addresses or
 * CIDRs — only those may speak for a client. "true" (trust anyone's X-Forwarded-For) is refused.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY: ${hops} proxies is not plausible`);
    return hops;
  }
  const list = v
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const bad = list.filter(
    (p) => !IP_OR_CIDR.test(p) && !["loopback", "linklocal", "uniquelocal"].includes(p),
  );
  if (v === "true" || bad.length > 0) {
    throw new ConfigError(
      `TRUST_PROXY must be a number of proxies or a list of proxy addresses/CIDRs (e.g. "1" or "10.0.0.0/8"); "${bad[0] ?? v}" is neither`,
    );
  }
  return list;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${name} is required when OIDC_ISSUER is set`);
  return value;
}

/** What a test may set: any part of the config, and single document settings (the rest stay default). */
export type TestConfigOverrides = Omit<Partial<Config>, "documents"> & {
  documents?: Partial<DocumentsConfig>;
};

/** A config for tests: random secret, no demo data unless asked, ephemeral port. */
export function testConfig(overrides: TestConfigOverrides = {}): Config {
  const sessionSecret = randomBytes(32).toString("hex");
  return {
    ...loadConfig({ NODE_ENV: "test", PORT: "0", DEMO_DATA: "false", JOBS: "off" }),
    sessionSecret,
    auditWitnessDir: path.join(os.tmpdir(), `wijkwerk-witness-${randomBytes(6).toString("hex")}`),
    auditWitnessKey: derive(sessionSecret, "audit witness"),
    ...overrides,
    documents: {
      ...loadDocumentsConfig(
        {},
        {
          production: false,
          developmentKey: Buffer.from(derive(sessionSecret, "document master key"), "base64url"),
        },
      ),
      ...overrides.documents,
    },
  };
}
