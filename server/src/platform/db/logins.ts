import { sql } from "kysely";
import type { Config } from "../config.ts";
import { type Database, openDatabase } from "./database.ts";
import { MIGRATIONS_DIR, pendingMigrations } from "./migrate.ts";

/**
 * Which login does what (migration 0026):
 * - the owner runs migrations and maintenance (retention, demo data, audit verification);
 * - the application serves requests as APP_LOGIN, a login that owns nothing and bypasses nothing.
 *
 * On a server there are two ways to configure it:
 * - DATABASE_URL alone, naming the owner (the README's set-up): the app migrates as the owner, gives
 *   APP_LOGIN a password (DATABASE_APP_PASSWORD, or one derived from SESSION_SECRET) and then connects
 *   as APP_LOGIN for everything else;
 * - DATABASE_OWNER_URL for the owner and DATABASE_URL for APP_LOGIN (its password set by the operator),
 *   or DATABASE_URL alone naming APP_LOGIN after `npm run migrate` ran with DATABASE_OWNER_URL: the
 *   app process then holds no owner credentials at all.
 * On PGlite (embedded, one process) the owner migrates and the application's connection runs with
 * APP_LOGIN as session user: the same grants and row-level security apply, but anything that runs SQL
 * in the process could switch back, and whoever can read ./data holds the whole database.
 */
export const APP_LOGIN = "wijkwerk_service";

/** The owner's connection, when this process may have one. */
export async function openOwner(config: Config): Promise<Database | undefined> {
  if (!config.databaseUrl) return openDatabase({ dataDir: config.dataDir });
  if (config.databaseOwnerUrl) return openDatabase({ url: config.databaseOwnerUrl });
  const database = await openDatabase({ url: config.databaseUrl });
  if ((await currentUser(database)) !== APP_LOGIN) return database;
  await database.close();
  return undefined;
}

/**
 * The application's connection, as APP_LOGIN. Call after migrations. Refuses to start when that login
 * owns tables, is a superuser or bypasses row-level security.
 */
export async function openApplication(config: Config, owner: Database | undefined): Promise<Database> {
  let app: Database;
  if (!config.databaseUrl) {
    if (!owner) throw new Error("the embedded database needs the owner's handle");
    app = await owner.openLogin({ user: APP_LOGIN, password: undefined });
  } else if (config.databaseOwnerUrl || !owner) {
    app = await openDatabase({ url: config.databaseUrl });
    const pending = await pendingMigrations(app.db, MIGRATIONS_DIR);
    if (pending.length > 0) {
      await app.close();
      throw new Error(
        `Migrations are pending (${pending.join(", ")}): run npm run migrate with DATABASE_OWNER_URL first`,
      );
    }
  } else {
    await setAppLoginPassword(owner, config.databaseAppPassword);
    app = await owner.openLogin({ user: APP_LOGIN, password: config.databaseAppPassword });
  }
  await assertOwnsNothing(app);
  return app;
}

/** Gives APP_LOGIN its password (the owner needs CREATEROLE; without it the operator sets it). */
async function setAppLoginPassword(owner: Database, password: string): Promise<void> {
  if (!/^[A-Za-z0-9_\-.~+/=!@#%^*]+$/.test(password))
    throw new Error("DATABASE_APP_PASSWORD may not contain quotes, spaces or backslashes");
  try {
    await sql.raw(`alter role ${APP_LOGIN} password '${password}'`).execute(owner.db);
  } catch (error) {
    console.warn(
      `Kon het wachtwoord van ${APP_LOGIN} niet zetten (${(error as Error).message}); de beheerder van de databaseserver moet dat doen.`,
    );
  }
}

async function currentUser(database: Database): Promise<string> {
  const { rows } = await sql<{ user: string }>`select current_user as user`.execute(database.db);
  return rows[0]?.user ?? "";
}

export interface LoginPowers {
  user: string;
  superuser: boolean;
  bypassRls: boolean;
  ownedTables: number;
}

/** What the connected login may do beyond its grants. */
export async function loginPowers(database: Database): Promise<LoginPowers> {
  const { rows } = await sql<LoginPowers>`
    select r.rolname as user, r.rolsuper as superuser, r.rolbypassrls as bypass_rls,
      (select count(*)::int from pg_class c where c.relowner = r.oid
         and c.relnamespace = 'public'::regnamespace) as owned_tables
    from pg_roles r where r.rolname = current_user`.execute(database.db);
  const row = rows[0];
  if (!row) throw new Error("the current login is not in pg_roles");
  return row;
}

export async function assertOwnsNothing(database: Database): Promise<void> {
  const powers = await loginPowers(database);
  if (powers.superuser || powers.bypassRls || powers.ownedTables > 0) {
    await database.close();
    throw new Error(
      `The application login ${powers.user} must own nothing and bypass nothing (superuser: ${powers.superuser}, bypassrls: ${powers.bypassRls}, tables owned: ${powers.ownedTables}). Point DATABASE_URL at ${APP_LOGIN} and DATABASE_OWNER_URL at the owner.`,
    );
  }
}
