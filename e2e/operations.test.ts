import { describe, test } from "node:test";
import { expectPage, logIn, openFromMenu } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

describe("operations journey", () => {
  const suite = journeySuite({ timeoutMs: 15_000 });

  test("the administrator sees the e-mail backlog and the background jobs", async (t) => {
    const page = await suite.newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beheer");
    await openFromMenu(page, "Werking");
    await expectPage(page, "Werking van Wijkwerk");
    // The test server runs without SMTP: the page says e-mail waits, and lists the jobs it would run.
    await page.getByText("Er is geen mailserver ingesteld").waitFor();
    await page.getByRole("cell", { name: "Bewaartermijnen toepassen" }).waitFor();
    await page.getByRole("cell", { name: "Logboek verzegelen" }).waitFor();
  });
});
