import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { checkA11y, launchBrowser } from "./support/browser.ts";
import { expectPage, logIn, openFromMenu } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

/** Issue 3: a household from registration to closure and reopening, as a neighbourhood team worker. */
describe("household dossier journey", () => {
  let server: TestServer;
  let browser: Browser | null = null;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(t: Parameters<typeof launchBrowser>[0]): Promise<Page | null> {
    browser = await launchBrowser(t);
    if (!browser) return null;
    const page = await browser.newPage({ locale: "nl-NL" });
    page.setDefaultTimeout(10_000);
    return page;
  }

  async function openAction(page: Page, name: string) {
    await page.locator("summary", { hasText: name }).click();
    return page.getByRole("form", { name });
  }

  async function expectStatus(page: Page, status: string) {
    try {
      await page.getByTestId("case-status").filter({ hasText: status }).waitFor();
    } catch (error) {
      const alerts = await page.getByRole("alert").allTextContents();
      const main = ((await page.locator("main").textContent()) ?? "").slice(0, 1500);
      throw new Error(`status "${status}" not shown; alerts: ${alerts.join(" | ")}\n${main}`, {
        cause: error,
      });
    }
  }

  test("register with duplicate check, intake, ZRM twice, handover, closure, reopening", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, server.url, "buurtwerker");
    await openFromMenu(page, "Dossiers");
    await expectPage(page, "Dossiers");
    // The demo's living dossier is on the worklist.
    await page.getByRole("link", { name: "Huishouden El Idrissi" }).waitFor();

    await page.getByRole("link", { name: "Nieuw huishouden registreren" }).click();
    await expectPage(page, "Nieuw huishouden registreren");
    await page.locator("#m0-givenName").fill("Kaya");
    await page.locator("#m0-familyName").fill("Demir");
    await page.locator("#m0-birthDate").fill("1979-05-05");
    await page.locator("#m0-bsn").fill("111222333");
    await page.locator("#m0-postcode").fill("3563 HK");
    await page.locator("#m0-houseNumber").fill("12");
    await page.locator("#m0-neighbourhood").selectOption("BU03440312");
    await page.getByRole("button", { name: "Nog een gezinslid toevoegen" }).click();
    await page.locator("#m1-givenName").fill("Elif");
    await page.locator("#m1-birthDate").fill("2015-03-03");
    await page.getByRole("button", { name: "Huishouden opslaan" }).click();
    // Same BSN as a dossier the team holds: open it, or continue deliberately.
    await page.getByRole("heading", { name: "Mogelijk al geregistreerd" }).waitFor();
    await page.getByRole("link", { name: "Bestaand dossier openen" }).waitFor();
    await checkA11y(page, "duplicate warning");
    await page.locator("#m0-bsn").fill("");
    await page.getByRole("button", { name: "Huishouden opslaan" }).click();
    await expectPage(page, "Huishouden Demir");
    await page.getByRole("rowheader", { name: /Elif Demir/ }).waitFor();

    let form = await openAction(page, "Casus openen (aanmelding)");
    await form.locator("#open-lead").selectOption({ label: "Fatima el Amrani" });
    await form.locator("#open-decided").selectOption({ label: "Tom de Leider" });
    await form.locator("#open-grounds").fill("Casusoverleg: signaal van school.");
    await form.getByRole("button", { name: "Casus openen (aanmelding)" }).click();
    await expectStatus(page, "Aanmelding");

    form = await openAction(page, "Intake vastleggen");
    await form.locator("#intake-date").fill("2024-03-01");
    await form.locator("#intake-request").fill("Ik wil weer rust in huis.");
    await form.locator("#intake-underlying").fill("Schulden en zorgen om Elif.");
    await form.getByLabel("Financiën").check();
    await form.locator("#intake-urgency").selectOption("high");
    await form.getByRole("button", { name: "Intake vastleggen" }).click();
    await expectStatus(page, "Intake");
    await page.getByText("Ik wil weer rust in huis.").first().waitFor();

    for (const [date, level] of [
      ["2024-03-02", "1"],
      ["2024-06-02", "3"],
    ] as const) {
      form = await openAction(page, "ZRM invullen");
      await form.locator("#zrm-date").fill(date);
      await form.locator("#zrm-finances").selectOption(level);
      await form.locator("#zrm-finances-resident").selectOption("2");
      await form.locator("#zrm-housing").selectOption("4");
      await form.getByRole("button", { name: "ZRM invullen" }).click();
      await page.getByRole("status").filter({ hasText: "Opgeslagen" }).waitFor();
    }
    const chart = page.getByTestId("zrm-chart");
    await chart.waitFor();
    assert.equal(
      await chart.locator('[data-domain="finances"] circle').count(),
      2,
      "two moments in the chart",
    );
    const ys = await chart
      .locator('[data-domain="finances"] circle')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute("cy"))));
    assert.ok((ys[0] ?? 0) > (ys[1] ?? 0), "finances rose from level 1 to 3");
    await page.getByRole("cell", { name: "3 – Beperkt zelfredzaam" }).first().waitFor();
    await checkA11y(page, "dossier with ZRM");

    for (const status of ["Plan", "Uitvoering", "Evaluatie"]) {
      form = await openAction(page, "Status wijzigen");
      await form.locator("#status-new").selectOption({ label: status });
      await form.getByRole("button", { name: "Status wijzigen" }).click();
      await expectStatus(page, status);
    }

    form = await openAction(page, "Regie overdragen");
    await form.locator("#handover-to").selectOption({ label: "Jeroen Bakker" });
    await form.locator("#handover-note").fill("Financiën lopen; Jeroen pakt de zorg om Elif op.");
    await form.getByRole("button", { name: "Regie overdragen" }).click();
    await page.getByTestId("case-lead").filter({ hasText: "Jeroen Bakker" }).waitFor();
    await page
      .getByTestId("timeline")
      .getByText(/Regie overgedragen van Fatima el Amrani aan Jeroen Bakker/)
      .waitFor();

    form = await openAction(page, "Casus afsluiten");
    await form.locator("#close-reason").selectOption("goalsAchieved");
    await form.locator("#close-escalation").selectOption("yes");
    await form.locator("#close-explanation").fill("Huisuitzetting voorkomen.");
    await form.locator("#close-informed").check();
    await form.locator("#close-how").fill("In het laatste huisbezoek.");
    const aftercare = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await form.locator("#close-aftercare").fill(aftercare);
    await form.locator("#close-zrm-date").fill("2024-09-01");
    await form.locator("#close-zrm-finances").selectOption("4");
    await form.getByRole("button", { name: "Casus afsluiten" }).click();
    await expectStatus(page, "Afgesloten");
    await checkA11y(page, "closed case");

    form = await openAction(page, "Casus heropenen");
    await form.locator("#reopen-reason").fill("Nieuwe huurachterstand.");
    await form.getByRole("button", { name: "Casus heropenen" }).click();
    await expectStatus(page, "Heropend");
    await page
      .getByTestId("timeline")
      .getByText(/afgesloten → heropend/)
      .waitFor();
    await checkA11y(page, "reopened case");
  });

  test("a policy officer has no dossier in the menu and gets no access by URL", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, server.url, "beleid");
    await page.goto(`${server.url}/dossiers`);
    await expectPage(page, "Geen toegang");
  });
});
