import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../platform/db/database.ts";
import { APP_LOGIN, assertOwnsNothing } from "../platform/db/logins.ts";
import { migrate } from "../platform/db/migrate.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by DATABASE_URL (created here, dropped on dispose).
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrate(database.db);
    return database;
  }
  const name = `wijkwerk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString() });
  await migrate(database.db);
  return {
    ...database,
    url: testUrl.toString(),
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * The application's own login on a test database (see platform/db/logins.ts): what buildApp gets, so
 * every API test runs with the grants and policies production runs with. The test server accepts the
 * login without a password (trust on loopback in CI).
 */
export async function openAppLogin(owner: Database): Promise<Database> {
  const app = await owner.openLogin({ user: APP_LOGIN, password: undefined });
  await assertOwnsNothing(app);
  return app;
}
