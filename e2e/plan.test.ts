import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { checkA11y, launchBrowser } from "./support/browser.ts";
import { expectAlert, expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";

/** The plan is a section of the dossier: the household is the page's title, the plan its heading. */
async function expectPlan(page: Page) {
  await expectPage(page, /^Huishouden/);
  await page.getByRole("heading", { level: 2, name: "Plan van aanpak" }).waitFor();
}

import { startTestServer, type TestServer } from "./support/server.ts";

describe("plan journey: Mijn werk, the plan on the ladder, the network map by keyboard, print, versions", () => {
  let server: TestServer;
  let browser: Browser | null = null;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a professional works from Mijn werk through the plan, network, reciprocity, versions and print", async (t) => {
    browser = await launchBrowser(t);
    if (!browser) return;
    const page = await browser.newPage({ locale: "nl-NL" });
    page.setDefaultTimeout(10_000);
    await logIn(page, server.url, "buurtwerker");

    await openFromMenu(page, "Mijn werk");
    await expectPage(page, "Mijn werk");
    const overdue = page.getByRole("table", { name: "Acties die (bijna) verlopen" });
    assert.match((await overdue.textContent()) ?? "", /Tante Fatma gaat mee naar school.*verlopen/);

    await page
      .getByRole("table", { name: "Casussen waarvan ik regiehouder ben" })
      .getByRole("link", { name: "Huishouden El Idrissi" })
      .click();
    await expectPlan(page);
    await page
      .getByText(/Ik wil weer rust over geld/)
      .first()
      .waitFor();

    // A referral without the reason the lower rungs do not suffice is refused with the server's Dutch message.
    await page.getByLabel("Wat gebeurt er").fill("Verwijzing naar schuldhulpverlening");
    await page.getByLabel("Uiterlijk").fill("2030-01-31");
    await page.getByLabel("Wie doet het").selectOption("specialistCare");
    await page.getByLabel("Naam (organisatie of persoon)").fill("Schuldhulp Utrecht");
    await page.getByRole("button", { name: "Actie toevoegen" }).click();
    await expectAlert(page, /reden waarom eigen kracht/);
    await page.getByLabel("Waarom volstaan de lagere treden niet?").selectOption("needsSpecialistExpertise");
    await page.getByLabel("Toelichting op de reden").fill("Schulden te complex voor het administratiecafé.");
    await page.getByRole("button", { name: "Actie toevoegen" }).click();
    await page
      .getByRole("cell", { name: /Specialistische deskundigheid nodig/ })
      .first()
      .waitFor();
    await expectPlan(page);

    await page.getByRole("link", { name: "Netwerk (ecogram)" }).click();
    await expectPage(page, /^Huishouden/);
    await page.getByRole("heading", { level: 2, name: "Netwerk (ecogram)" }).waitFor();
    // Keyboard: Tab walks from node to node; each has an accessible name with relation, strain and reluctance.
    const nodes = page.getByTestId("network-node");
    assert.equal(await nodes.count(), 3);
    await nodes.first().focus();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push((await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) ?? "");
      await page.keyboard.press("Tab");
    }
    assert.ok(
      names.some((n) => /Broer Karim.*overbelast.*Schaamte/.test(n)),
      names.join(" | "),
    );
    const table = page.getByRole("table", { name: "Netwerk als tabel" });
    assert.match((await table.textContent()) ?? "", /Broer Karim.*Schaamte, Wil niet dat die het weet/);

    await page.goBack();
    await expectPlan(page);
    await page.getByRole("link", { name: "Wederkerigheid" }).click();
    await expectPage(page, "Wederkerigheid");
    await page.goBack();

    await page.getByRole("link", { name: "Versies vergelijken" }).click();
    await expectPage(page, "Versies van het plan");
    await page.getByLabel("Van versie").selectOption("1");
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await page.getByText(/toegevoegd: Verwijzing naar schuldhulpverlening/).waitFor();
    await expectPage(page, "Versies van het plan");
    await page.goBack();

    await page.getByRole("link", { name: "Plan afdrukken voor de inwoner" }).click();
    await expectPage(page, "Mijn plan");
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, /Uw vaste contactpersoon/);
    assert.match(text, /Fatima el Amrani/);
    assert.match(text, /We kijken samen hoe het gaat op/);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.getByRole("button", { name: "Afdrukken" }).isVisible(), false);
  });
  async function openDossier(page: Page, household: string) {
    await openFromMenu(page, "Dossiers");
    await expectPage(page, "Dossiers");
    await page.getByRole("link", { name: household }).first().click();
    await expectPage(page, household);
  }

  test("the plan is edited from the dossier: progress, status, a goal, and a concurrent change is reloaded", async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await browser.newContext({ locale: "nl-NL" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, server.url, "buurtwerker");
    await openDossier(page, "Huishouden El Idrissi");
    await page
      .getByRole("navigation", { name: "Onderdelen van het dossier" })
      .getByRole("link", { name: "Plan" })
      .click();
    await expectPlan(page);
    const planUrl = page.url();

    // A progress note that also moves the action on.
    await page
      .getByRole("button", { name: "Bijwerken: Samira opent elke maandag samen met de post" })
      .click();
    const progress = page.getByRole("form", { name: "Voortgang noteren" });
    await progress
      .getByLabel("Wat is er gebeurd?")
      .fill("Eerste maandag samen de post geopend; twee rekeningen betaald.");
    await progress.getByLabel("Nieuwe status").selectOption("inProgress");
    await checkA11y(page, "plan with an action opened");
    await progress.getByRole("button", { name: "Voortgang noteren" }).click();
    await page.getByText(/: Eerste maandag samen de post geopend/).waitFor();
    const finances = page.getByRole("table", { name: "Acties bij Financiën" });
    await finances.getByRole("row", { name: /Samira opent.*Bezig/ }).waitFor();

    // The status straight away, with the action's other fields kept.
    const change = page.getByRole("form", { name: "Actie wijzigen" });
    await change.getByLabel("Status").selectOption("done");
    await change.getByRole("button", { name: "Actie opslaan" }).click();
    await finances.getByRole("row", { name: /Samira opent.*Gedaan/ }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /Opgeslagen als versie/ })
      .waitFor();

    // Someone else changes the plan in another tab …
    const other = await context.newPage();
    await other.goto(planUrl);
    await expectPlan(other);
    await other.getByRole("button", { name: "Doel wijzigen Financiën" }).click();
    const goalForm = other.getByRole("form", { name: "Doel wijzigen: Financiën" });
    await goalForm.getByLabel("Doel in de woorden van de inwoner").fill("Ik wil rust over geld.");
    await checkA11y(other, "plan with a goal in edit");
    await goalForm.getByRole("button", { name: "Doel opslaan" }).click();
    await other.getByText("“Ik wil rust over geld.”").waitFor();
    await other.close();

    // … so removing an action on the old version is refused, with the Dutch message and a way to reload.
    await page.getByRole("button", { name: "Bijwerken: Wekelijks naar het Administratiecafé" }).click();
    await page.getByRole("button", { name: "Actie verwijderen" }).click();
    await page.getByRole("button", { name: "Ja, actie verwijderen" }).click();
    await expectAlert(page, /intussen door iemand anders gewijzigd.*laad het plan opnieuw/);
    await checkA11y(page, "plan after a concurrent change");
    await page.getByRole("button", { name: "Plan opnieuw laden" }).click();
    await page.getByText("“Ik wil rust over geld.”").waitFor();
    await page.getByRole("button", { name: "Actie verwijderen" }).click();
    await page.getByRole("button", { name: "Ja, actie verwijderen" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Wekelijks naar het Administratiecafé.*uit het plan gehaald/ })
      .waitFor();
    assert.equal(await finances.getByText("Wekelijks naar het Administratiecafé").count(), 0);

    // A goal reached, then taken out of the plan.
    await page.getByRole("button", { name: "Doel wijzigen Sociaal netwerk" }).click();
    const social = page.getByRole("form", { name: "Doel wijzigen: Sociaal netwerk" });
    await social.getByLabel("Status van het doel").selectOption("achieved");
    await social.getByRole("button", { name: "Doel opslaan" }).click();
    await page.getByText("Status: Bereikt").waitFor();
    await page.getByRole("button", { name: "Doel wijzigen Sociaal netwerk" }).click();
    await page.getByRole("button", { name: "Doel verwijderen" }).click();
    await checkA11y(page, "plan asking to confirm removing a goal");
    await page.getByRole("button", { name: "Ja, doel verwijderen" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Sociaal netwerk is uit het plan gehaald/ })
      .waitFor();
    assert.equal(await page.getByRole("heading", { name: "Sociaal netwerk" }).count(), 0);

    // Every change is a version: comparing from version 1 shows the removed goal.
    await page.getByRole("link", { name: "Versies vergelijken" }).click();
    await expectPage(page, "Versies van het plan");
    await page.getByLabel("Van versie").selectOption("1");
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await page
      .getByText(/verwijderd: .*Ik wil er niet alleen voor staan/)
      .first()
      .waitFor();
    await context.close();
  });

  test("reciprocity: an offer, a pseudonymised match, both residents' consent, then names", async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const page = await browser.newPage({ locale: "nl-NL" });
    page.setDefaultTimeout(10_000);
    await logIn(page, server.url, "buurtwerker");
    await openDossier(page, "Huishouden El Idrissi");
    await page
      .getByRole("navigation", { name: "Onderdelen van het dossier" })
      .getByRole("link", { name: "Plan" })
      .click();
    await expectPlan(page);
    await page.getByRole("link", { name: "Wederkerigheid" }).click();
    await expectPage(page, "Wederkerigheid");

    await page.getByRole("group", { name: "Kan" }).getByLabel("Boodschappen").check();
    await page.getByRole("group", { name: "Doet graag" }).getByLabel("Koken").check();
    await page.getByLabel("Beschikbare tijd").fill("Dinsdagochtend, 2 uur");
    await page.getByRole("button", { name: "Aanbod vastleggen" }).click();
    await page.getByRole("status").filter({ hasText: "Het aanbod is vastgelegd." }).waitFor();

    await page.getByRole("button", { name: /Zoek passende hulpvragen en vacatures/ }).click();
    const requests = page.getByRole("table", { name: "Hulpvragen van inwoners in de buurt" });
    const pseudonym = (
      (await requests
        .getByRole("cell", { name: /^Inwoner [0-9A-F]{6}$/ })
        .first()
        .textContent()) ?? ""
    ).trim();
    assert.match((await requests.textContent()) ?? "", /Boodschappen/);
    assert.doesNotMatch((await page.locator("main").textContent()) ?? "", /Jansen/);
    await checkA11y(page, "reciprocity candidates");

    // Proposing needs the offering resident's yes; a no is refused and nothing is proposed.
    await requests.getByRole("button", { name: `Match voorstellen: ${pseudonym}` }).click();
    const propose = page.getByRole("form", { name: `Match voorstellen met ${pseudonym}` });
    await propose.getByLabel("Nee, de inwoner wil dit niet").check();
    await propose.getByRole("button", { name: "Match voorstellen" }).click();
    await expectAlert(page, /geeft geen toestemming/);
    await propose.getByLabel("Ja, de inwoner stemt in").check();
    await propose.getByLabel("Hoe gegeven").selectOption("inPerson");
    await checkA11y(page, "proposing a match");
    await propose.getByRole("button", { name: "Match voorstellen" }).click();
    const matches = page.getByRole("table", { name: "Matches" });
    await matches
      .getByRole("row", {
        name: new RegExp(`${pseudonym}.*Voorgesteld, wacht op toestemming.*Aanbieder: ja`),
      })
      .waitFor();
    await logOut(page);

    // The professional of the household with the request asks that resident.
    await logIn(page, server.url, "buurtwerker2");
    await openDossier(page, "Huishouden Jansen");
    await page
      .getByRole("navigation", { name: "Onderdelen van het dossier" })
      .getByRole("link", { name: "Wederkerigheid" })
      .click();
    await expectPage(page, "Wederkerigheid");
    const consent = page.getByRole("form", { name: /Toestemming voor de match met Inwoner/ });
    assert.doesNotMatch((await page.locator("main").textContent()) ?? "", /Samira/);
    await consent.getByLabel("Ja, de inwoner stemt in").check();
    await consent.getByLabel("Hoe gegeven").selectOption("phone");
    await checkA11y(page, "recording the requesting resident's consent");
    await consent.getByRole("button", { name: "Toestemming vastleggen" }).click();
    const agreed = page.getByRole("table", { name: "Matches" }).getByRole("row", { name: /Beide akkoord/ });
    await agreed.waitFor();
    const row = (await agreed.textContent()) ?? "";
    assert.match(row, /Samira El Idrissi/);
    assert.match(
      row,
      /Aanbieder: ja, In een gesprek.*Hulpvrager: ja, Telefonisch|Hulpvrager: ja, Telefonisch.*Aanbieder: ja, In een gesprek/,
    );
    await checkA11y(page, "reciprocity after both consents");
  });
});
