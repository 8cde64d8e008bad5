import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";

/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  port: number;
  host: string;
  nodeEnv: string;
  /** postgres://… for a server; undefined means embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  secureCookies: boolean;
  loadDemoData: boolean;
  webDist: string;
  publicUrl: string;
  oidc: OidcConfig | undefined;
  trustProxy: boolean;
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

const DEFAULT_SECRET = "wijkwerk-development-secret-do-not-use";

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  const production = nodeEnv === "production";
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT is invalid: ${env.PORT}`);
  const sessionSecret = env.SESSION_SECRET ?? (production ? "" : DEFAULT_SECRET);
  if (production && (sessionSecret.length < 32 || sessionSecret === DEFAULT_SECRET)) {
    throw new ConfigError(
      "SESSION_SECRET must be set to a random value of at least 32 characters in production",
    );
  }
  const loadDemoData = (env.DEMO_DATA ?? (production ? "false" : "true")) === "true";
  if (production && loadDemoData) throw new ConfigError("Demo data is refused when NODE_ENV=production");
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const operations = operationsConfig(env, production);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    nodeEnv,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
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
    trustProxy: env.TRUST_PROXY === "true",
    directoryImportMaxRows: Number(env.DIRECTORY_IMPORT_MAX_ROWS ?? 10_000),
    addressServiceUrl: env.ADDRESS_SERVICE_URL || undefined,
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

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${name} is required when OIDC_ISSUER is set`);
  return value;
}

/** A config for tests: random secret, no demo data unless asked, ephemeral port. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: "test", PORT: "0", DEMO_DATA: "false", JOBS: "off" }),
    sessionSecret: randomBytes(32).toString("hex"),
    ...overrides,
  };
}
