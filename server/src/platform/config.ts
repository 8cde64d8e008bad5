import { randomBytes } from "node:crypto";
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
    ...loadConfig({ NODE_ENV: "test", PORT: "0", DEMO_DATA: "false" }),
    sessionSecret: randomBytes(32).toString("hex"),
    ...overrides,
  };
}
