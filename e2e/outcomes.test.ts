import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

describe("outcome monitor and Effectencalculator journeys", () => {
  let server: TestServer;
  const browsers: Browser[] = [];

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await server?.close();
  });

  async function newPage(t: Parameters<typeof launchBrowser>[0]): Promise<Page | null> {
    const browser = await launchBrowser(t);
    if (!browser) return null;
    browsers.push(browser);
    const page = await browser.newPage({ locale: "nl-NL" });
    page.setDefaultTimeout(15_000);
    return page;
  }

  test("the policy officer reads the monitor: aggregates only, small cells shown as < 5", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, server.url, "beleid");
    await openFromMenu(page, "Monitor opbrengsten");
    await page.getByRole("table", { name: /Caseload/ }).waitFor();
    await expectPage(page, "Monitor opbrengstgericht werken");
    await page.getByText(/minder dan 5 inwoners/).waitFor();
    assert.ok((await page.getByRole("cell", { name: "< 5", exact: true }).count()) > 0, "a suppressed cell");
    await page.getByLabel("Indeling").selectOption({ label: "wijk" });
    await page.getByLabel("Per", { exact: true }).selectOption({ label: "kwartaal" });
    await page.getByRole("button", { name: "Toon cijfers" }).click();
    await page.getByText(/Niet beschikbaar per wijk/).waitFor();
    await expectPage(page, "Monitor opbrengstgericht werken");
    await page.getByLabel("Van", { exact: true }).fill("2001-01-01");
    await page.getByLabel("Tot en met", { exact: true }).fill("2001-03-31");
    await page.getByRole("button", { name: "Toon cijfers" }).click();
    await page
      .getByText(/In deze periode is niets vastgelegd/)
      .first()
      .waitFor();
    await logOut(page);
  });

  test("the case lead builds an Effectencalculator timeline; the team lead sees the team overview", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, server.url, "buurtwerker");
    const caseId = await page.evaluate(async () => {
      const res = await fetch("/api/cases", { headers: { accept: "application/json" } });
      const body = (await res.json()) as { items: { id: string; isMine: boolean }[] };
      return (body.items.find((c) => c.isMine) ?? body.items[0])?.id ?? null;
    });
    assert.ok(caseId, "the demo case lead has a case");
    await page.goto(`${server.url}/effectencalculator/${caseId}`);
    await page.getByRole("table", { name: "Kosten en baten per belanghebbende" }).waitFor();
    await expectPage(page, /^Effectencalculator: Casus/);

    const add = async (
      scenario: string,
      item: RegExp,
      month: string,
      quantity: string,
      description: string,
    ) => {
      await page.getByLabel("Scenario").selectOption({ label: scenario });
      const option = page.locator("#impact-price option", { hasText: item });
      await page
        .getByLabel("Post uit de prijslijst")
        .selectOption((await option.first().getAttribute("value")) as string);
      await page.getByLabel(/^Maand \(0/).fill(month);
      await page.getByLabel(/^Aantal/).fill(quantity);
      await page.getByLabel("Omschrijving").fill(description);
      await page.getByRole("button", { name: "Regel toevoegen" }).click();
      await page.getByRole("cell", { name: description, exact: true }).first().waitFor();
    };
    await add(
      "Met deze aanpak (werkelijk)",
      /Uur inzet wijkteamprofessional/,
      "0",
      "10",
      "Huisbezoeken in de eerste maand",
    );
    await add("Zonder deze aanpak (scenario)", /Huisuitzetting/, "4", "1", "Uitzetting in maand 4");
    await page
      .getByRole("cell", { name: /800,00/ })
      .first()
      .waitFor();
    await page.getByRole("row", { name: /^Woningcorporatie € 0,00 € 8\.000,00 € 8\.000,00$/ }).waitFor();
    await expectPage(page, /^Effectencalculator: Casus/);
    await logOut(page);

    await logIn(page, server.url, "teamleider");
    await openFromMenu(page, "Effectencalculator");
    await expectPage(page, "Effectencalculator: Teamoverzicht");
    await logOut(page);
  });
});
