import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { checkA11y, launchBrowser } from "./support/browser.ts";
import { expectAlert, expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

const viewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

async function residentLogIn(context: BrowserContext, page: Page, url: string): Promise<void> {
  await page.goto(`${url}/inwoner/inloggen`);
  await expectPage(page, "Inloggen voor inwoners");
  await page.getByLabel(/^Uw gebruikersnaam/).fill("inwoner");
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await page.getByLabel(/^Code van 6 cijfers/).waitFor();
  await checkA11y(page, "code step");
  // DEMO: the e-mail is not sent; the demo page shows the code.
  const demo = await context.newPage();
  await demo.goto(`${url}/inwoner/demo-codes`);
  await expectPage(demo, "DEMO: inlogcodes");
  const code = ((await demo.getByTestId("demo-code-inwoner").textContent()) ?? "").trim();
  assert.match(code, /^\d{6}$/);
  await demo.close();
  await page.getByLabel(/^Code van 6 cijfers/).fill(code);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expectPage(page, "Overzicht");
}

const portalMenu = (page: Page) => page.getByRole("navigation", { name: "Mijn hulp" });

for (const viewport of viewports) {
  describe(`resident portal journeys (${viewport.name})`, () => {
    let server: TestServer;
    let browser: Browser | null = null;
    before(async () => {
      server = await startTestServer();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("a resident reads and agrees to the plan, fills the self-assessment and writes; the case lead sees it; the resident sees who looked and gets all their data", async (t) => {
      browser = await launchBrowser(t);
      if (!browser) return;
      const context = await browser.newContext({
        locale: "nl-NL",
        viewport: { width: viewport.width, height: viewport.height },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);

      await residentLogIn(context, page, server.url);
      await page.getByRole("heading", { name: "Uw vaste contactpersoon" }).waitFor();
      await page.getByRole("heading", { level: 3, name: "Fatima el Amrani" }).waitFor();

      await portalMenu(page).getByRole("link", { name: "Mijn plan" }).click();
      await expectPage(page, "Mijn plan");
      await page.getByRole("heading", { name: /^Doel 1:/ }).waitFor();
      await page.getByRole("heading", { name: "Wat ik zelf doe" }).first().waitFor();
      // The glossary explains the word "plan" in plain words.
      await page.getByRole("button", { name: /^plan/ }).click();
      await page.getByRole("note").filter({ hasText: "wie wat doet" }).waitFor();
      await checkA11y(page, "plan with glossary open");
      await page.getByRole("button", { name: "Ik ga akkoord met dit plan" }).click();
      await page.getByText(/^U bent akkoord met dit plan\./).waitFor();
      await checkA11y(page, "plan agreed");

      await portalMenu(page).getByRole("link", { name: "Hoe gaat het?" }).click();
      await expectPage(page, "Hoe gaat het met u?");
      await page
        .getByRole("group", { name: "Hoe gaat het met geld?" })
        .getByLabel("Slecht: het lukt mij niet alleen")
        .check();
      await page
        .getByRole("group", { name: "Hoe gaat het met uw huis?" })
        .getByLabel("Matig: het lukt soms")
        .check();
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.getByRole("status").filter({ hasText: "Uw antwoorden zijn opgeslagen" }).waitFor();

      await portalMenu(page).getByRole("link", { name: "Berichten" }).click();
      await expectPage(page, "Berichten");
      const text = `Kunnen we donderdag afspreken? <b>niet vet</b> (${viewport.name})`;
      await page.getByLabel(/^Uw bericht/).fill(text);
      await page.getByRole("button", { name: "Versturen" }).click();
      await page.getByText(text, { exact: true }).waitFor();
      assert.equal(await page.locator(".ww-thread b").count(), 0, "markup is shown as text");
      await checkA11y(page, "message sent");
      await logOut(page);

      // The case lead sees the agreement, the self-assessment and the message, and answers.
      await logIn(page, server.url, "buurtwerker");
      await openFromMenu(page, "Berichten van inwoners");
      await expectPage(page, "Berichten van inwoners");
      await page.getByRole("link", { name: "Huishouden El Idrissi" }).click();
      await expectPage(page, "Inwonersportaal van deze casus");
      assert.match((await page.getByTestId("portal-agreement").textContent()) ?? "", /Versie 1 akkoord/);
      const money = page.getByRole("row", { name: /Hoe gaat het met geld\?/ });
      assert.match((await money.textContent()) ?? "", /2/);
      await page.getByText(text, { exact: true }).waitFor();
      await page.getByLabel(/^Antwoord aan het huishouden/).fill("Donderdag om 10 uur kom ik langs.");
      await page.getByRole("button", { name: "Versturen" }).click();
      await page.getByText("Donderdag om 10 uur kom ik langs.", { exact: true }).waitFor();
      await checkA11y(page, "case lead answered");
      await logOut(page);

      // The resident sees the answer and who opened the file.
      await residentLogIn(context, page, server.url);
      await portalMenu(page).getByRole("link", { name: "Berichten" }).click();
      await expectPage(page, "Berichten");
      await page.getByText("Donderdag om 10 uur kom ik langs.", { exact: true }).waitFor();
      await portalMenu(page).getByRole("link", { name: "Wie keek in mijn gegevens?" }).click();
      await expectPage(page, "Wie keek in mijn gegevens?");
      // Who looked: organisation and role; a view of the self-assessment reads "bekeken", never "veranderd".
      const log = page.getByRole("list", { name: "Wie keek in mijn gegevens?" });
      await log.getByText("Door: Buurtteamwerker, Maatschappelijk Werk Utrecht").first().waitFor();
      await log.getByText("Uw eigen inschatting bekeken").first().waitFor();
      assert.equal(await log.getByText("Uw eigen inschatting veranderd of aangevuld").count(), 0);
      await page.getByRole("button", { name: "Vraag al mijn gegevens op" }).click();
      await page.getByText(/U vroeg uw gegevens op op/).waitFor();
      await checkA11y(page, "export requested");
      await logOut(page);

      // The case lead finds the request among the data requests and makes the export ready.
      await logIn(page, server.url, "buurtwerker");
      await openFromMenu(page, "Inzageverzoeken");
      await expectPage(page, "Inzageverzoeken van inwoners");
      await page.getByRole("button", { name: "Gegevens klaarzetten voor Samira El Idrissi" }).click();
      await page.getByText("De gegevens van Samira El Idrissi staan klaar in het portaal.").waitFor();
      await page.getByRole("cell", { name: /Klaargezet op .* te downloaden tot/ }).waitFor();
      await checkA11y(page, "export delivered");
      await logOut(page);

      // The resident sees it is ready, reads it and saves the file.
      await residentLogIn(context, page, server.url);
      await portalMenu(page).getByRole("link", { name: "Wie keek in mijn gegevens?" }).click();
      await expectPage(page, "Wie keek in mijn gegevens?");
      const ready = page.getByTestId("export-ready");
      await ready
        .getByText(/^Klaar: uw gegevens staan voor u klaar sinds .* U kunt ze downloaden tot/)
        .waitFor();
      const file = await ready
        .getByRole("link", { name: /Sla uw gegevens op als bestand/ })
        .getAttribute("href");
      const json = await context.request.get(`${server.url}${file}`);
      assert.equal(json.status(), 200);
      assert.equal((await json.json()).tables.resident[0].familyName, "El Idrissi");
      const readable = await ready.getByRole("link", { name: /Bekijk uw gegevens/ }).getAttribute("href");
      await page.goto(`${server.url}${readable}`);
      await page.getByRole("heading", { level: 1, name: "Overzicht van uw gegevens" }).waitFor();
      // The export is served sandboxed (no script runs in it), so axe checks the same markup in a blank page.
      const markup = await page.request.get(`${server.url}${readable}`);
      assert.match(markup.headers()["content-security-policy"] ?? "", /sandbox/);
      const copy = await context.newPage();
      await copy.setContent(await markup.text());
      await checkA11y(copy, "readable export");
      await context.close();
    });
  });
}

describe("portal administration (desktop)", () => {
  let server: TestServer;
  let browser: Browser | null = null;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the case lead sets a photo (type and size checked), the administrator links a login subject, an ended resident session returns to the resident login", async (t) => {
    browser = await launchBrowser(t);
    if (!browser) return;
    const context = await browser.newContext({ locale: "nl-NL", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    await logIn(page, server.url, "buurtwerker");
    await openFromMenu(page, "Berichten van inwoners");
    await expectPage(page, "Berichten van inwoners");
    const photo = page.getByLabel(/^Foto/);
    await photo.setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("geen foto"),
    });
    await expectAlert(page, "Kies een foto in PNG, JPEG of WebP.");
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(32),
    ]);
    await photo.setInputFiles({
      name: "groot.png",
      mimeType: "image/png",
      buffer: Buffer.concat([png, Buffer.alloc(210_000)]),
    });
    await expectAlert(page, /te groot/);
    await photo.setInputFiles({ name: "ik.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Contactkaart opslaan" }).click();
    await page.getByText("Uw contactkaart is opgeslagen.").waitFor();
    await page.getByText("Er staat een foto op uw kaart.").waitFor();
    await checkA11y(page, "contact card saved");

    // The case's portal view has the accounts of the household: the case lead links the login subject there.
    const caseId = await page.evaluate(async () => {
      const res = await fetch("/api/cases", { headers: { accept: "application/json" } });
      const body = (await res.json()) as { items: { id: string; householdName: string; status: string }[] };
      return body.items.find((c) => /El Idrissi/.test(c.householdName) && c.status !== "closed")?.id ?? null;
    });
    assert.ok(caseId, "the case lead has El Idrissi's case");
    await page.goto(`${server.url}/inwonerberichten/${caseId}`);
    await expectPage(page, "Inwonersportaal van deze casus");
    await page.getByRole("textbox", { name: /^Inlogkenmerk voor inwoner/ }).fill("digid-demo-1");
    await page.getByRole("button", { name: "Koppelen" }).first().click();
    await page.getByText("Het account van inwoner is gekoppeld.").waitFor();
    await page.getByRole("button", { name: /^Koppeling met inloggen via de gemeente verwijderen/ }).waitFor();
    await expectPage(page, "Inwonersportaal van deze casus");
    await logOut(page);

    // The administrator sees the accounts and how each resident logs in, but no dossier to link from.
    await logIn(page, server.url, "beheer");
    await openFromMenu(page, "Accounts van inwoners");
    await expectPage(page, "Accounts van inwoners");
    await page
      .getByRole("row", { name: /inwoner/ })
      .getByText("Gekoppeld")
      .waitFor();
    assert.equal(await page.getByRole("button", { name: "Koppelen" }).count(), 0, "no link action here");
    await logOut(page);

    await residentLogIn(context, page, server.url);
    // The session ends (expired or removed on the server): the next request lands on the resident login.
    await context.clearCookies();
    await portalMenu(page).getByRole("link", { name: "Mijn plan" }).click();
    await expectPage(page, "Inloggen voor inwoners");
    assert.equal(new URL(page.url()).pathname, "/inwoner/inloggen");
    await checkA11y(page, "resident login after expiry");
    await context.close();
  });
});
