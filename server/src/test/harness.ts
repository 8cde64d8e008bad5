import type { AddressInfo } from "node:net";
import path from "node:path";
import { buildApp } from "../app.ts";
import { loadDemoData } from "../demo/demo-data.ts";
import { type TestConfigOverrides, testConfig } from "../platform/config.ts";
import type { Database } from "../platform/db/database.ts";
import { createTestDatabase, openAppLogin } from "./database.ts";

/** For browser journeys: the app with demo data and the built web UI on a free loopback port. */
export async function startServer(
  overrides: TestConfigOverrides = {},
): Promise<{ url: string; database: Database; close(): Promise<void> }> {
  const database = await createTestDatabase();
  await loadDemoData(database.db);
  const appDatabase = await openAppLogin(database);
  const { app } = await buildApp(
    testConfig({ webDist: path.resolve("web/dist"), ...overrides }),
    appDatabase,
    {
      owner: database,
    },
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    async close() {
      await app.close();
      await appDatabase.close();
      await database.close();
    },
  };
}
