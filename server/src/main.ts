import { buildApp } from "./app.ts";
import { loadDemoData } from "./demo/demo-data.ts";
import { ConfigError, loadConfig } from "./platform/config.ts";
import { openDatabase } from "./platform/db/database.ts";
import { migrate } from "./platform/db/migrate.ts";

/** Start: config → database → migrations → demo data (first start only) → listen. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const ran = await migrate(database.db);
  if (config.loadDemoData) await loadDemoData(database.db);
  const { app } = await buildApp(config, database, { logger: true });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { migrations: ran, database: database.kind, ms: Date.now() - started },
    `Wijkwerk draait op http://localhost:${config.port}`,
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
