import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { tinyPng } from "../server/src/modules/documents/documents.fixtures.ts";
import { type Clamd, startClamd, withoutClamd } from "../server/src/test/clamd.ts";
import { checkA11y, cspViolations, launchBrowser, watchCsp } from "./support/browser.ts";
import { expectPage, logIn, logOut } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

/**
 * Documents on a phone (issue 20): the resident agrees to the plan and finds the agreed plan as a PDF,
 * photographs a letter for the case lead; the case lead opens it; another team gets 404. Every upload
 * passes a real ClamAV daemon.
 */
const phone = { width: 390, height: 844 };

async function residentLogIn(context: BrowserContext, page: Page, url: string): Promise<void> {
  await page.goto(`${url}/inwoner/inloggen`);
  await expectPage(page, "Inloggen voor inwoners");
  await page.getByLabel(/^Uw gebruikersnaam/).fill("inwoner");
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await page.getByLabel(/^Code van 6 cijfers/).waitFor();
  const demo = await context.newPage();
  await demo.goto(`${url}/inwoner/demo-codes`);
  const code = ((await demo.getByTestId("demo-code-inwoner").textContent()) ?? "").trim();
  await demo.close();
  await page.getByLabel(/^Code van 6 cijfers/).fill(code);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expectPage(page, "Overzicht");
}

describe("documents on a phone: a letter for the case lead, the agreed plan in the portal", {
  skip: withoutClamd,
}, () => {
  let clamd: Clamd;
  let server: TestServer;
  let browser: Browser | null = null;
  before(async () => {
    clamd = await startClamd();
    server = await startTestServer({ documents: { clamavUrl: clamd.url } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await clamd?.stop();
  });

  test("resident uploads a photographed letter; case lead opens it; another team gets 404; the agreed plan is a PDF in the portal", async (t) => {
    browser = await launchBrowser(t);
    if (!browser) return;
    const context = await browser.newContext({
      locale: "nl-NL",
      viewport: phone,
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await watchCsp(page);
    const household = await server.database.db
      .selectFrom("household")
      .select("id")
      .where("name", "like", "%El Idrissi%")
      .executeTakeFirstOrThrow();

    // The resident agrees to the plan: the agreed version becomes a PDF document.
    await residentLogIn(context, page, server.url);
    const menu = page.getByRole("navigation", { name: "Mijn hulp" });
    await menu.getByRole("link", { name: "Mijn plan" }).click();
    await expectPage(page, "Mijn plan");
    await page.getByRole("button", { name: "Ik ga akkoord met dit plan" }).click();
    await page.getByText(/^U bent akkoord met dit plan\./).waitFor();

    await menu.getByRole("link", { name: "Documenten" }).click();
    await expectPage(page, "Mijn documenten");
    const planRow = page.getByTestId("document-row").filter({ hasText: "Afgesproken plan" });
    await planRow.waitFor();
    await planRow.getByRole("button", { name: /^Bekijken/ }).click();
    const preview = page.getByRole("dialog", { name: /^Voorbeeld: Afgesproken plan/ });
    await preview.getByRole("img", { name: /^Pagina 1 van/ }).waitFor();
    await checkA11y(page, "agreed plan preview");
    await preview.getByRole("button", { name: "Sluiten" }).click();

    // A photo of a letter, taken with the phone's camera.
    await page.getByLabel("Foto maken met de camera").setInputFiles({
      name: "IMG_2040.png",
      mimeType: "image/png",
      buffer: tinyPng(),
    });
    await page.getByLabel("Titel van IMG_2040.png").fill("Brief van de woningbouw");
    await checkA11y(page, "letter chosen");
    await page.getByRole("button", { name: "Document sturen naar mijn regiehouder" }).click();
    await page.getByText("1 document(en) opgeslagen.").waitFor();
    await page.getByTestId("document-row").filter({ hasText: "Brief van de woningbouw" }).waitFor();
    await checkA11y(page, "letter sent");
    assert.deepEqual(await cspViolations(page), []);
    await page.getByRole("button", { name: "Uitloggen" }).click();

    // The case lead opens the letter in the dossier.
    const lead = await context.newPage();
    await watchCsp(lead);
    await logIn(lead, server.url, "buurtwerker");
    await lead.goto(`${server.url}/dossiers/${household.id}/documenten`);
    await expectPage(lead, /El Idrissi/);
    const row = lead.getByTestId("document-row").filter({ hasText: "Brief van de woningbouw" });
    await row.waitFor();
    assert.match((await row.getByTestId("document-status").textContent()) ?? "", /Beschikbaar/);
    await row.getByRole("button", { name: /^Bekijken/ }).click();
    const image = lead.getByRole("dialog").getByRole("img", { name: "Brief van de woningbouw" });
    await image.waitFor();
    // Shown once the image has loaded (it streams from the server): wait for that, then check it decoded.
    const decoded = await image.evaluate(
      (img: HTMLImageElement) =>
        new Promise<boolean>((resolve) => {
          if (img.complete) resolve(img.naturalWidth > 0);
          img.addEventListener("load", () => resolve(img.naturalWidth > 0));
          img.addEventListener("error", () => resolve(false));
        }),
    );
    assert.ok(decoded, "the letter's photo is shown");
    await checkA11y(lead, "letter preview");
    await lead.getByRole("dialog").getByRole("button", { name: "Sluiten" }).click();
    await lead.getByRole("button", { name: "Document toevoegen" }).click();
    const drawer = lead.getByRole("dialog", { name: "Document toevoegen" });
    await drawer.getByLabel("Soort document").waitFor();
    await checkA11y(lead, "upload form");
    await drawer.getByRole("button", { name: "Sluiten" }).click();
    await drawer.waitFor({ state: "hidden" });
    assert.deepEqual(await cspViolations(lead), []);
    const letterId = await server.database.db
      .selectFrom("document")
      .select("id")
      .where("title", "=", "Brief van de woningbouw")
      .executeTakeFirstOrThrow();
    await logOut(lead);

    // Another team: the household and the file do not exist for them.
    const other = await context.newPage();
    await logIn(other, server.url, "netwerk");
    await other.goto(`${server.url}/dossiers/${household.id}/documenten`);
    const refusal = other.getByRole("alert").first();
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? "", /bestaat niet/);
    assert.equal(await other.getByText("Brief van de woningbouw").count(), 0);
    const file = await other.request.get(`${server.url}/api/documents/${letterId.id}/content`);
    assert.equal(file.status(), 404);
    const list = await other.request.get(`${server.url}/api/households/${household.id}/documents`);
    assert.equal(list.status(), 404);
  });
});
