import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

describe("early signalling journeys", () => {
  const suite = journeySuite({ timeoutMs: 10_000 });
  const newPage = suite.newPage;

  test("a GP submits a signal, the team triages it, and the neighbourhood map shows the cluster", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "huisarts");
    await openFromMenu(page, "Signalen");
    await expectPage(page, "Signalen");
    await page.getByLabel(/^Naam van de persoon/).fill("Meneer Koster");
    await page.getByLabel(/^Postcode/).fill("3562 AB");
    await page.getByLabel(/^Huisnummer/).fill("99");
    await page.getByLabel(/^Buurt/).selectOption({ label: "Zamenhofdreef en omgeving" });
    await page.getByLabel(/^Onderwerp/).selectOption({ label: "Eenzaamheid" });
    await page
      .getByLabel(/^Wat heeft u gezien/)
      .fill("Meneer zit elke dag alleen op het bankje en eet slecht.");
    await page.getByLabel(/^Weet de inwoner/).selectOption({ label: "Nee" });
    await page.getByRole("button", { name: "Signaal versturen" }).click();
    const status = page.getByRole("status").filter({ hasText: "Referentiecode" });
    await status.waitFor();
    assert.match((await status.textContent()) ?? "", /SG-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await page.getByRole("cell", { name: /Meneer Koster/ }).waitFor();
    await expectPage(page, "Signalen");
    await logOut(page);

    await logIn(page, suite.url(), "buurtwerker");
    await openFromMenu(page, "Triage");
    await expectPage(page, "Triage");
    await page.getByRole("link", { name: "Meneer Koster" }).click();
    await expectPage(page, /Eenzaamheid: Meneer Koster/);
    await page
      .getByRole("combobox", { name: /^Besluit/ })
      .selectOption({ label: "Erop af: een professional gaat langs" });
    await page.getByLabel(/^Wie gaat erop af/).selectOption({ label: "Jeroen Bakker" });
    await page.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByRole("status").filter({ hasText: "Het besluit is vastgelegd." }).waitFor();
    await page.getByRole("button", { name: "Contactpoging vastleggen" }).click();
    await page.getByRole("status").filter({ hasText: "De contactpoging is vastgelegd." }).waitFor();
    await expectPage(page, /Eenzaamheid: Meneer Koster/);

    await openFromMenu(page, "Buurtbeeld");
    await expectPage(page, "Buurtbeeld");
    await page.getByRole("img", { name: /Kaart van de buurten/ }).waitFor();
    assert.ok((await page.locator("svg path").count()) >= 100, "Utrecht's buurten are drawn");
    await page
      .getByRole("cell", { name: /signalen eenzaamheid in Zamenhofdreef en omgeving/ })
      .first()
      .waitFor();
    await expectPage(page, "Buurtbeeld");
  });

  test("a meldcode signal shows the steps and a professional cannot choose 'no action'", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "teamleider");
    await openFromMenu(page, "Triage");
    await expectPage(page, "Triage");
    await page.getByRole("link", { name: "Familie El Idrissi" }).click();
    await expectPage(page, /Huiselijk geweld/);
    await page.getByRole("heading", { name: /Meldcode/ }).waitFor();
    const options = await page
      .getByLabel(/^Besluit/)
      .locator("option")
      .allTextContents();
    assert.ok(options.includes("Geen actie"), "a team lead may decide no action");
    await logOut(page);
    await logIn(page, suite.url(), "buurtwerker");
    await page.goto(`${suite.url()}/signalen/triage`);
    await expectPage(page, "Triage");
    await page.getByRole("link", { name: "Familie El Idrissi" }).click();
    await expectPage(page, /Huiselijk geweld/);
    const workerOptions = await page
      .getByLabel(/^Besluit/)
      .locator("option")
      .allTextContents();
    assert.ok(!workerOptions.includes("Geen actie"), `options: ${workerOptions}`);
  });
});
