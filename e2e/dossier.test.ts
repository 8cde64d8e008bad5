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
    // One browser for the file; every page gets its own context (its own session).
    browser ??= await launchBrowser(t);
    if (!browser) return null;
    const page = await browser.newPage({ locale: "nl-NL" });
    page.setDefaultTimeout(20_000);
    return page;
  }

  /** Opens an action's form in place (a drawer), unless it is still open after a failed save. */
  async function openAction(page: Page, name: string) {
    const form = page.getByRole("dialog").getByRole("form", { name });
    if (!(await form.isVisible())) await page.getByRole("button", { name, exact: true }).first().click();
    await form.waitFor();
    return form;
  }

  async function section(page: Page, name: string) {
    await page
      .getByRole("navigation", { name: "Onderdelen van het dossier" })
      .getByRole("link", { name })
      .click();
    await page
      .getByRole("navigation", { name: "Onderdelen van het dossier" })
      .getByRole("link", { name })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
  }

  async function openDossier(page: Page, household: string) {
    await page.goto(`${server.url}/dossiers`);
    await expectPage(page, "Dossiers");
    await page.getByRole("link", { name: household }).first().click();
    await expectPage(page, household);
  }

  async function expectSaved(page: Page, text: string | RegExp = "Opgeslagen") {
    try {
      await page.getByRole("status").filter({ hasText: text }).waitFor();
    } catch (error) {
      const alerts = await page.getByRole("alert").allTextContents();
      throw new Error(`"${text}" not shown; alerts: ${alerts.join(" | ")}`, { cause: error });
    }
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
    // This journey opens the case by itself, with a decision by the team lead.
    await page.getByLabel("Casus meteen openen, met mij als regiehouder").uncheck();
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
    await section(page, "Gezin");
    await page.getByRole("rowheader", { name: /Elif Demir/ }).waitFor();
    await section(page, "Overzicht");

    let form = await openAction(page, "Casus openen (aanmelding)");
    await form.locator("#open-lead").selectOption({ label: "Fatima el Amrani (ik)" });
    await form.locator("#open-grounds").fill("Casusoverleg: signaal van school.");
    await form.getByRole("button", { name: "Casus openen (aanmelding)" }).click();
    await expectStatus(page, "Aanmelding");

    form = await openAction(page, "Intake vastleggen");
    await form.locator("#intake-date").fill("2024-03-01");
    await form.locator("#intake-request").fill("Ik wil weer rust in huis.");
    await form.locator("#intake-underlying").fill("Schulden en zorgen om Elif.");
    await form.getByLabel("Financiën").check();
    await form.locator("#intake-urgency-high").check();
    await form.getByRole("button", { name: "Intake vastleggen" }).click();
    await expectStatus(page, "Intake");
    await section(page, "Intake");
    await page.getByText("Ik wil weer rust in huis.").first().waitFor();
    await section(page, "ZRM");

    for (const [index, [date, level]] of (
      [
        ["2024-03-02", "1"],
        ["2024-06-02", "3"],
      ] as const
    ).entries()) {
      form = await openAction(page, "ZRM invullen");
      await form.locator("#zrm-resident").selectOption({ label: "Kaya Demir" });
      await form.locator("#zrm-date").fill(date);
      await form.locator(level === "1" ? "#zrm-finances" : `#zrm-finances-${level}`).check();
      await form.locator("#zrm-housing-4").check();
      await form.locator("summary", { hasText: "Eigen score van de inwoner" }).click();
      await form.locator("#zrm-finances-resident").selectOption("2");
      await form.getByRole("button", { name: "ZRM invullen" }).click();
      await page.getByRole("status").filter({ hasText: "De ZRM is opgeslagen." }).waitFor();
      // Wait for the reloaded dossier to show this moment before starting the next one.
      await page
        .getByTestId("zrm-chart")
        .locator('[data-domain="finances"] [data-level]')
        .nth(index)
        .waitFor();
    }
    const chart = page.getByTestId("zrm-chart");
    await chart.waitFor();
    // ZRM over time: one row per domain, one column per date, the level in number and name.
    const levels = await chart
      .locator('[data-domain="finances"] [data-level]')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-level"))));
    assert.deepEqual(levels, [1, 3], "finances rose from level 1 to 3");
    await chart.getByRole("cell", { name: "3 Beperkt zelfredzaam" }).first().waitFor();
    await checkA11y(page, "dossier with ZRM");
    await section(page, "Casus");

    for (const status of ["Plan", "Uitvoering", "Evaluatie"]) {
      form = await openAction(page, "Status wijzigen");
      await form.locator("#status-new").selectOption({ label: status });
      await form.getByRole("button", { name: "Status wijzigen" }).click();
      await expectStatus(page, status);
    }

    await section(page, "Casus");
    form = await openAction(page, "Regie overdragen");
    await form.locator("#handover-to").selectOption({ label: "Jeroen Bakker" });
    await form.locator("#handover-note").fill("Financiën lopen; Jeroen pakt de zorg om Elif op.");
    await form.getByRole("button", { name: "Regie overdragen" }).click();
    await page.getByTestId("case-lead").filter({ hasText: "Jeroen Bakker" }).waitFor();
    await section(page, "Journaal");
    await page
      .getByTestId("timeline")
      .getByText(/Regie overgedragen van Fatima el Amrani aan Jeroen Bakker/)
      .waitFor();

    form = await openAction(page, "Casus afsluiten");
    await form.locator("#close-reason").check();
    await form.locator("#close-escalation").check();
    await form.locator("#close-explanation").fill("Huisuitzetting voorkomen.");
    await form.locator("#close-informed").check();
    await form.locator("#close-how").fill("In het laatste huisbezoek.");
    const aftercare = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await form.locator("#close-aftercare").fill(aftercare);
    await form.locator("#close-zrm-resident").selectOption({ label: "Kaya Demir" });
    await form.locator("#close-zrm-date").fill("2024-09-01");
    await form.locator("#close-zrm-finances-4").check();
    await form.getByRole("button", { name: "Casus afsluiten" }).click();
    await expectStatus(page, "Afgesloten");
    await checkA11y(page, "closed case");

    await section(page, "Casus");
    form = await openAction(page, "Casus heropenen");
    await form.locator("#reopen-reason").fill("Nieuwe huurachterstand.");
    await form.getByRole("button", { name: "Casus heropenen" }).click();
    await expectStatus(page, "Heropend");
    await section(page, "Journaal");
    await page
      .getByTestId("timeline")
      .getByText(/afgesloten → heropend/)
      .waitFor();
    await checkA11y(page, "reopened case");
  });

  test("edit a resident with a concurrent change, add a member, case portal and plan links", async (t) => {
    const first = await newPage(t);
    const second = await newPage(t);
    if (!first || !second) return;
    await logIn(first, server.url, "buurtwerker");
    await logIn(second, server.url, "buurtwerker2");
    await openDossier(first, "Huishouden El Idrissi");
    await openDossier(second, "Huishouden El Idrissi");

    // Links to the plan and the network map, and what the resident did in the portal.
    const sections = first.getByRole("navigation", { name: "Onderdelen van het dossier" });
    const planHref = await sections.getByRole("link", { name: "Plan" }).getAttribute("href");
    assert.match(planHref ?? "", /^\/casussen\/[0-9a-f-]{36}\/plan$/);
    const networkHref = await sections.getByRole("link", { name: "Netwerk" }).getAttribute("href");
    assert.match(networkHref ?? "", /^\/dossiers\/[0-9a-f-]{36}\/netwerk$/);
    await section(first, "Inwonerportaal");
    await first.getByRole("heading", { name: "Akkoord op het plan" }).waitFor();
    await first.getByRole("heading", { name: "Eigen inschatting van de inwoner" }).waitFor();
    await section(first, "Gezin");
    await section(second, "Gezin");

    // The case lead and an involved colleague change the same resident; the second save must not silently overwrite the first.
    let mine = await openAction(first, "Gegevens van Samira El Idrissi wijzigen");
    await mine.locator("#edit0-phone").fill("06 12345678");
    const theirs = await openAction(second, "Gegevens van Samira El Idrissi wijzigen");
    await theirs.locator("#edit0-phone").fill("030 1234567");
    await theirs.getByRole("button", { name: "Gegevens opslaan" }).click();
    await expectSaved(second);
    await mine.getByRole("button", { name: "Gegevens opslaan" }).click();
    await mine.getByRole("alert").filter({ hasText: "intussen door iemand anders gewijzigd" }).waitFor();
    await checkA11y(first, "resident edit conflict");
    await mine.getByRole("button", { name: "Dossier opnieuw laden" }).click();
    await expectSaved(first, "Het dossier is opnieuw geladen");
    await first.getByRole("dialog").waitFor({ state: "hidden" });
    mine = await openAction(first, "Gegevens van Samira El Idrissi wijzigen");
    assert.equal(await mine.locator("#edit0-phone").inputValue(), "030 1234567", "the other change is shown");
    await mine.locator("#edit0-phone").fill("06 12345678");
    await mine.getByRole("button", { name: "Gegevens opslaan" }).click();
    await expectSaved(first);

    // A new member of the household; the address is taken over from the main contact. Sharing the
    // address with one's own household is no reason for a duplicate warning.
    let add = await openAction(first, "Gezinslid toevoegen");
    assert.equal(await add.locator("#add-postcode").inputValue(), "3563 HK");
    await add.locator("#add-givenName").fill("Noor");
    await add.locator("#add-birthDate").fill("2012-04-04");
    await add.locator("#add-relation").selectOption("child");
    await add.getByRole("button", { name: "Gezinslid toevoegen" }).click();
    await first.getByRole("rowheader", { name: "Noor El Idrissi" }).waitFor();

    // The same person once more is a possible duplicate: the form asks to look first.
    add = first.getByRole("form", { name: "Gezinslid toevoegen" });
    if (!(await add.isVisible())) add = await openAction(first, "Gezinslid toevoegen");
    await add.locator("#add-givenName").fill("Noor");
    await add.locator("#add-birthDate").fill("2012-04-04");
    await add.locator("#add-relation").selectOption("child");
    await add.getByRole("button", { name: "Gezinslid toevoegen" }).click();
    await add.getByRole("heading", { name: "Mogelijk al geregistreerd" }).waitFor();
    await checkA11y(first, "add member duplicate warning");
    await checkA11y(first, "dossier with a new member");
  });

  test("a team lead merges a double registration; both histories stay", async (t) => {
    const worker = await newPage(t);
    const lead = await newPage(t);
    if (!worker || !lead) return;
    await logIn(worker, server.url, "buurtwerker");
    const ids: string[] = [];
    for (const [i, text] of [
      "Eerste aanmelding via de huisarts.",
      "Tweede aanmelding via school.",
    ].entries()) {
      await worker.goto(`${server.url}/dossiers/nieuw`);
      await expectPage(worker, "Nieuw huishouden registreren");
      await worker.locator("#m0-givenName").fill("Sanne");
      await worker.locator("#m0-familyName").fill("Visser");
      await worker.locator("#m0-birthDate").fill("1985-02-02");
      await worker.locator("#m0-postcode").fill("3563 HK");
      await worker.locator("#m0-houseNumber").fill("5");
      await worker.getByLabel("Casus meteen openen, met mij als regiehouder").uncheck();
      await worker.getByRole("button", { name: "Huishouden opslaan" }).click();
      if (i === 1) await worker.getByRole("button", { name: "Toch nieuw registreren" }).click();
      await expectPage(worker, "Huishouden Visser");
      ids.push(new URL(worker.url()).pathname.split("/").pop() ?? "");
      await section(worker, "Journaal");
      const form = await openAction(worker, "Contact vastleggen");
      await form.locator("#journal-kind-phoneCall").check();
      await form.locator("#journal-text").fill(text);
      await form.getByRole("button", { name: "Contact vastleggen" }).click();
      await expectSaved(worker);
    }
    const [older, newer] = ids;

    await logIn(lead, server.url, "teamleider");
    await lead.goto(`${server.url}/dossiers/${newer}`);
    await expectPage(lead, "Huishouden Visser");
    await section(lead, "Gezin");
    const form = await openAction(lead, "Dossiers samenvoegen");
    await form.getByText(/Er gaat niets verloren/).waitFor();
    await form.locator("#merge-note").fill("Dubbel geregistreerd: zelfde persoon, zelfde adres.");
    await form.getByRole("button", { name: "Dossiers samenvoegen" }).click();
    await form.getByRole("alert").filter({ hasText: "Zoek en kies eerst het andere dossier." }).waitFor();
    await form.locator("#merge-search").fill("Visser");
    await form.getByRole("button", { name: "Dossier zoeken" }).click();
    const candidate = form.getByRole("radio", {
      name: /Huishouden Visser: Sanne Visser, geboren 2 februari 1985/,
    });
    await candidate.waitFor();
    assert.equal(await form.getByRole("radio").count(), 1, "only the other dossier is offered");
    await candidate.check();
    await form.getByLabel("Ik weet zeker dat deze twee dossiers over hetzelfde huishouden gaan.").check();
    await checkA11y(lead, "merge form");
    await form.getByRole("button", { name: "Dossiers samenvoegen" }).click();
    await expectSaved(lead, "De dossiers zijn samengevoegd");
    await section(lead, "Journaal");
    await lead
      .getByTestId("timeline")
      .getByText(/Dossiers samengevoegd/)
      .waitFor();
    // Both journals are in the merged dossier, and both residents are still there.
    await lead.getByText("Eerste aanmelding via de huisarts.").first().waitFor();
    await lead.getByText("Tweede aanmelding via school.").first().waitFor();
    await section(lead, "Gezin");
    assert.equal(await lead.getByRole("rowheader", { name: /Sanne Visser/ }).count(), 2);
    await checkA11y(lead, "merged dossier");

    await lead.goto(`${server.url}/dossiers/${older}`);
    await lead.getByText("Dit dossier is samengevoegd met een ander dossier.").waitFor();
    await lead.getByRole("link", { name: "Open het samengevoegde dossier" }).click();
    await expectPage(lead, "Huishouden Visser");
    assert.equal(new URL(lead.url()).pathname, `/dossiers/${newer}`);
  });

  test("an administrator sets the ZRM version and imports level descriptions; the ZRM form shows them", async (t) => {
    const admin = await newPage(t);
    const worker = await newPage(t);
    if (!admin || !worker) return;
    await logIn(admin, server.url, "beheer");
    await openFromMenu(admin, "Zelfredzaamheid-Matrix");
    await expectPage(admin, "Zelfredzaamheid-Matrix instellen");

    const upload = admin.getByRole("form", { name: "Omschrijvingen per niveau inlezen" });
    await upload.getByRole("button", { name: "Omschrijvingen inlezen" }).click();
    await upload.getByRole("alert").filter({ hasText: "Kies eerst een tekstbestand." }).waitFor();
    const file = (text: string) => ({ name: "zrm.txt", mimeType: "text/plain", buffer: Buffer.from(text) });
    await upload.getByLabel(/Tekstbestand/).setInputFiles(file("Sterrenkunde;1;Geen idee\n"));
    await upload.getByRole("button", { name: "Omschrijvingen inlezen" }).click();
    await upload
      .getByRole("alert")
      .filter({ hasText: /Regel 1: "Sterrenkunde" is geen domein/ })
      .waitFor();
    await checkA11y(admin, "ZRM import error");
    const lines = [
      "# Eigen omschrijvingen van de gemeente",
      "Financiën;1;Groeiende, complexe schulden",
      "finances;2;Beschikt niet over vrij besteedbaar inkomen",
      "Financiën;3;Vrij besteedbaar inkomen, met hulp",
      "Financiën;4;Vrij besteedbaar inkomen, zelf beheerd",
      "Financiën;5;Ruim voldoende inkomen en goed beheer",
    ];
    await upload.getByLabel(/Tekstbestand/).setInputFiles(file(lines.join("\n")));
    await upload.getByRole("button", { name: "Omschrijvingen inlezen" }).click();
    await expectSaved(admin, "5 omschrijvingen ingelezen.");
    assert.equal((await admin.getByTestId("zrm-count-finances").textContent())?.trim(), "5");

    const version = admin.getByRole("form", { name: "Versie van de ZRM" });
    await version.getByLabel("2010: 11 leefgebieden").check();
    await version.getByRole("button", { name: "Versie opslaan" }).click();
    await expectSaved(admin, "De teams gebruiken nu de ZRM 2010.");
    await admin.getByRole("heading", { name: "Leefgebieden van de ZRM 2010" }).waitFor();
    await admin.getByRole("form", { name: "Versie van de ZRM" }).getByLabel("2017: 13 leefgebieden").check();
    await admin
      .getByRole("form", { name: "Versie van de ZRM" })
      .getByRole("button", { name: "Versie opslaan" })
      .click();
    await expectSaved(admin, "De teams gebruiken nu de ZRM 2017.");
    await checkA11y(admin, "ZRM settings");

    await logIn(worker, server.url, "buurtwerker");
    await openDossier(worker, "Huishouden El Idrissi");
    await section(worker, "ZRM");
    const form = await openAction(worker, "ZRM invullen");
    await form.locator("#zrm-finances").check();
    await form.getByText("Niveau 1: Groeiende, complexe schulden").waitFor();
    await form.locator("#zrm-finances-2").check();
    await form.getByText("Niveau 2: Beschikt niet over vrij besteedbaar inkomen").waitFor();
    await form.locator("summary", { hasText: "Eigen score van de inwoner" }).click();
    await form
      .locator("#zrm-finances-note")
      .fill("Schulden bij drie schuldeisers; budgetbeheer aangevraagd.");
    await checkA11y(worker, "ZRM form with level descriptions");
    await form.getByRole("button", { name: "ZRM invullen" }).click();
    await expectSaved(worker);
    await worker.getByText("Schulden bij drie schuldeisers; budgetbeheer aangevraagd.").first().waitFor();
  });

  test("a policy officer has no dossier in the menu and gets no access by URL", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, server.url, "beleid");
    await page.goto(`${server.url}/dossiers`);
    await expectPage(page, "Geen toegang");
  });
});
