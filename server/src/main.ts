import { buildApp } from "./app.ts";
import { loadDemoData } from "./demo/demo-data.ts";
import { ConfigError, loadConfig } from "./platform/config.ts";
import { openApplication, openOwner } from "./platform/db/logins.ts";
import { migrate } from "./platform/db/migrate.ts";
import { startLines } from "./platform/start-line.ts";

/**
 * Start: config → migrations and demo data (first start only) as the owner → the application's own
 * login (which owns nothing, see platform/db/logins.ts) → listen → background jobs.
 */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const owner = await openOwner(config);
  const ran = owner ? await migrate(owner.db) : [];
  const demoLoaded = owner && config.loadDemoData ? await loadDemoData(owner.db) : false;
  const database = await openApplication(config, owner);
  const { app, metrics, jobs } = await buildApp(config, database, { logger: true, owner });
  await app.listen({ port: config.port, host: config.host });
  const metricsPort = await metrics.listenInternal();
  app.log.info(
    { migrations: ran.length, database: database.kind, ms: Date.now() - started },
    "Wijkwerk started",
  );
  console.log(
    startLines(config, database, {
      migrations: ran.length,
      demoLoaded,
      metricsPort,
      jobs: jobs.runner?.kind,
      seconds: (Date.now() - started) / 1000,
    }).join("\n"),
  );
  const stop = async () => {
    await app.close();
    await database.close();
    await owner?.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuratiefout: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
