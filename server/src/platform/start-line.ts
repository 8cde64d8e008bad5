import { DEMO_PASSWORD } from "../demo/demo-data.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";

/** The human-readable start message: where to go, on what database, and how to log in to the demo. */
export function startLines(
  config: Config,
  database: Database,
  facts: { migrations: number; demoLoaded: boolean; metricsPort?: number; jobs?: string; seconds: number },
): string[] {
  const where = config.databaseUrl ? describeUrl(config.databaseUrl) : config.dataDir;
  const lines = [
    "",
    `  Wijkwerk draait op ${config.publicUrl}   (gestart in ${facts.seconds.toFixed(1)} s)`,
    `  Database:  ${database.kind === "pglite" ? "PGlite (ingebouwd)" : "PostgreSQL"} in ${where}` +
      (facts.migrations > 0 ? `, ${facts.migrations} migraties uitgevoerd` : ""),
    config.smtpUrl
      ? `  E-mail:    via SMTP ${describeUrl(config.smtpUrl)}, afzender ${config.mailFrom}`
      : "  E-mail:    geen SMTP_URL: e-mail blijft in de outbox (ontwikkeling); inlogcodes van demo-inwoners op /inwoner/demo-codes",
    `  Taken:     ${facts.jobs === "pg-boss" ? "pg-boss (één keer over alle instanties)" : facts.jobs === "in-process" ? "in dit proces" : "uit (JOBS=off: een andere instantie voert ze uit)"}`,
  ];
  if (facts.metricsPort !== undefined)
    lines.push(`  Metingen:  http://${config.metricsHost}:${facts.metricsPort}/metrics (intern)`);
  else if (config.metricsToken) lines.push("  Metingen:  /metrics met METRICS_TOKEN");
  if (config.loadDemoData)
    lines.push(
      `  Demo:      ${facts.demoLoaded ? "demogegevens geladen. " : ""}Log in als beheer, teamleider of buurtwerker met wachtwoord ${DEMO_PASSWORD} (alle accounts: README)`,
    );
  lines.push("");
  return lines;
}

/** A URL without its password: host, port and database. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname.length > 1 ? u.pathname : ""}`;
  } catch {
    return "(ongeldige URL)";
  }
}
