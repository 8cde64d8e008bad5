import { buildApp } from "./app.ts";
import { loadDemoData } from "./demo/demo-data.ts";
import { ConfigError, loadConfig } from "./platform/config.ts";
import { openDatabase } from "./platform/db/database.ts";
import { migrate } from "./platform/db/migrate.ts";
import { startLines } from "./platform/start-line.ts";

/** Start: config → database → migrations → demo data (first start only) → listen → jobs. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const ran = await migrate(database.db);
  const demoLoaded = config.loadDemoData ? await loadDemoData(database.db) : false;
  const { app, metrics, jobs } = await buildApp(config, database, { logger: true });
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
