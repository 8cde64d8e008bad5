import { buildApp } from "./app.ts";
import { loadDemoData } from "./demo/demo-data.ts";
import { ConfigError, loadConfig } from "./platform/config.ts";
import { openApplication, openOwner } from "./platform/db/logins.ts";
import { migrate } from "./platform/db/migrate.ts";

/**
 * Start: config → migrations and demo data as the owner → the application's own login (which owns
 * nothing, see platform/db/logins.ts) → listen.
 */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const owner = await openOwner(config);
  const ran = owner ? await migrate(owner.db) : [];
  if (owner && config.loadDemoData) await loadDemoData(owner.db);
  const database = await openApplication(config, owner);
  const { app } = await buildApp(config, database, { logger: true, owner });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { migrations: ran, database: database.kind, ms: Date.now() - started },
    `Wijkwerk draait op http://localhost:${config.port}`,
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
