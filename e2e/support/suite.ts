import { after, before } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, watchCsp } from "./browser.ts";
import { startTestServer, type TestServer } from "./server.ts";

/**
 * The usual journey file, called inside its describe(): one test server for the file, a browser for
 * each test that asks for a page, all closed afterwards. newPage() answers null when the browser is
 * missing and the test may be skipped (see launchBrowser).
 */
export function journeySuite(options: { timeoutMs?: number } = {}) {
  let server: TestServer | undefined;
  const browsers: Browser[] = [];
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await server?.close();
  });
  return {
    /** The owner's handle on the server's database (to read what the app e-mails, for example). */
    database() {
      if (!server) throw new Error("the test server has not started");
      return server.database;
    },
    url(): string {
      if (!server) throw new Error("the test server has not started");
      return server.url;
    },
    async newPage(t: Parameters<typeof launchBrowser>[0]): Promise<Page | null> {
      const browser = await launchBrowser(t);
      if (!browser) return null;
      browsers.push(browser);
      const page = await browser.newPage({ locale: "nl-NL" });
      page.setDefaultTimeout(options.timeoutMs ?? 15_000);
      await watchCsp(page);
      return page;
    },
  };
}
