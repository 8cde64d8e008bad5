import type { LightMyRequestResponse } from "fastify";
import { type BuiltApp, buildApp } from "../app.ts";
import { type Config, type TestConfigOverrides, testConfig } from "../platform/config.ts";
import type { Database } from "../platform/db/database.ts";
import { createTestDatabase, openAppLogin } from "./database.ts";
import { TEST_PASSWORD } from "./factories.ts";

export interface TestApp extends BuiltApp {
  /** The owner's handle: factories and direct checks of the database. */
  database: Database;
  /** The application login the app runs on (owns nothing). */
  appDatabase: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real application on a fresh database, driven with app.inject (no network). */
export async function createTestApp(overrides: TestConfigOverrides = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const appDatabase = await openAppLogin(database);
  const config = testConfig({ webDist: "/nonexistent", ...overrides });
  const built = await buildApp(config, appDatabase, { owner: database });
  await built.app.ready();
  return {
    ...built,
    database,
    appDatabase,
    config,
    async close() {
      await built.app.close();
      await appDatabase.close();
      await database.close();
    },
  };
}

export interface Client {
  cookie: string;
  csrfToken: string;
  request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** Logs in through the API like the browser does, and returns a client carrying cookie and CSRF token. */
export async function logInAs(
  app: TestApp["app"],
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (login.statusCode !== 200)
    throw new Error(`login failed for ${username}: ${login.statusCode} ${login.body}`);
  return clientOf(app, login);
}

/** A client for the session a successful login answer started (its cookie, and the CSRF token it needs). */
export async function clientOf(app: TestApp["app"], login: LightMyRequestResponse): Promise<Client> {
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const session = await app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
  const csrfToken = (session.json() as { csrfToken: string }).csrfToken;
  const request: Client["request"] = (method, url, body) =>
    app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": csrfToken },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body ?? {}),
  };
}
