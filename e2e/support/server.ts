import type { Database } from "../../server/src/platform/db/database.ts";
import { startServer } from "../../server/src/test/harness.ts";

export interface TestServer {
  url: string;
  /** The owner's handle on the database (for checks such as the outbox a mail relay would send). */
  database: Database;
  close(): Promise<void>;
}

/**
 * The app on a random port with a fresh PGlite database, demo data and the built web app (web/dist).
 * The server owns how that is done (server/src/test/harness.ts); journeys only need the URL.
 */
export async function startTestServer(
  overrides: Parameters<typeof startServer>[0] = {},
): Promise<TestServer> {
  return startServer(overrides);
}
