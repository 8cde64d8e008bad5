import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { checkA11y } from "./support/browser.ts";
import { logIn } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";
import { Task } from "./support/task.ts";

/**
 * Issue 16: the standard task (register a household with two members, intake, ZRM, a plan with one goal
 * and one action, a journal entry, close the case) for the roles of each team model, counted in clicks,
 * choices, typed fields and page loads, with axe on every page and every form.
 */
describe("the standard task in the workspace, per team model", () => {
  const suite = journeySuite({ timeoutMs: 20_000 });

  async function expectStatus(page: Page, status: string) {
    await page.getByTestId("case-status").filter({ hasText: status }).first().waitFor();
  }

  async function confirmed(page: Page, text: string | RegExp) {
    await page.getByRole("status").filter({ hasText: text }).first().waitFor();
  }

  /** From the dossier's overview after registration: intake, ZRM, plan with goal and action, contact, closure. */
  async function workTheCase(task: Task, family: string, options = { intake: true }) {
    const page = task.page;
    let form = page.getByRole("form");
    if (options.intake) {
      form = await task.openForm("Intake vastleggen");
      await task.type(
        form.getByLabel(/^Hulpvraag in de woorden van de inwoner/),
        "Ik wil weer rust in huis.",
      );
      await task.type(form.getByLabel(/^De vraag achter de vraag/), "Schulden en zorgen om de kinderen.");
      await task.choose(form.getByLabel("Financiën"));
      await task.click(form.getByRole("button", { name: "Intake vastleggen" }));
      await confirmed(page, "De intake is opgeslagen.");
      await expectStatus(page, "Intake");
    }

    form = await task.openForm("ZRM invullen");
    await task.choose(form.getByLabel("Financiën: 2 – Niet zelfredzaam"));
    await task.choose(form.getByLabel("Huisvesting: 4 – Voldoende zelfredzaam"));
    await task.click(form.getByRole("button", { name: "ZRM invullen" }));
    await confirmed(page, "De ZRM is opgeslagen.");

    await task.click(page.getByRole("link", { name: "Naar het plan" }).first());
    await task.expectPage(`Huishouden ${family}`);
    const goal = page.getByRole("form", { name: "Doel toevoegen" });
    await goal.waitFor();
    await task.select(goal.getByLabel(/^Leefgebied/), { label: "Financiën" });
    await task.type(
      goal.getByLabel(/^Doel in de woorden van de inwoner/),
      "Geen post meer die ik niet durf te openen.",
    );
    await task.type(
      goal.getByLabel(/^Professionele formulering/),
      "Schulden in beeld en een regeling getroffen.",
    );
    await task.click(goal.getByRole("button", { name: "Doel toevoegen" }));
    await confirmed(page, "Het doel is toegevoegd aan het plan.");
    await expectStatus(page, "Plan");
    const action = page.getByRole("form", { name: "Actie toevoegen" });
    await action.waitFor();
    await task.type(action.getByLabel(/^Wat gebeurt er/), "Samen de post van drie maanden sorteren.");
    await task.click(action.getByRole("button", { name: "Actie toevoegen" }));
    await confirmed(page, "De actie is toegevoegd aan het plan.");
    await checkA11y(page, "plan with a goal and an action");

    // Recording a contact and closing are in the dossier's header, on the plan as everywhere.
    form = await task.openForm("Contact vastleggen");
    await task.type(
      form.getByLabel(/^Verslag/),
      "Huisbezoek: post gesorteerd, afspraak met de schuldhulp gemaakt.",
    );
    await task.click(form.getByRole("button", { name: "Contact vastleggen" }));
    await confirmed(page, "Het contact is opgeslagen in het journaal.");

    form = await task.openForm("Casus afsluiten");
    // Closing without the required choices: the summary takes focus and links to the fields.
    await form.getByRole("button", { name: "Casus afsluiten" }).click();
    const summary = form.locator(".ww-error-summary");
    await summary.getByRole("link", { name: /Reden van afsluiten/ }).waitFor();
    assert.equal(
      await summary.evaluate((el) => el === document.activeElement),
      true,
      "the summary has focus",
    );
    await checkA11y(page, "closure with errors");
    await task.choose(form.getByLabel("Doelen bereikt"));
    await task.choose(form.getByRole("group", { name: /zwaardere zorg voorkomen/i }).getByLabel("Ja"));
    await task.type(form.getByLabel(/^Toelichting: hoe/), "Huisuitzetting voorkomen.");
    await task.type(form.getByLabel(/^Hoe is dat verteld/), "In het laatste huisbezoek.");
    await task.click(form.getByRole("button", { name: "Casus afsluiten" }));
    await confirmed(page, "De casus is afgesloten.");
    await expectStatus(page, "Afgesloten");
    await checkA11y(page, "closed case");
  }

  async function register(task: Task, family: string, options: { grounds: boolean; houseNumber: string }) {
    const page = task.page;
    await task.type(page.locator("#m0-givenName"), "Kaya");
    await task.type(page.locator("#m0-familyName"), family);
    await task.type(page.locator("#m0-birthDate"), "1979-05-05");
    await task.type(page.locator("#m0-postcode"), "3532 AB");
    await task.type(page.locator("#m0-houseNumber"), options.houseNumber);
    // The CBS reference names the buurt of this postcode area; place and buurt are filled in.
    await page.getByText("Buurt bij deze postcode: Nieuw Engeland").waitFor();
    assert.equal(await page.locator("#m0-neighbourhood").inputValue(), "BU03440131");
    assert.equal(await page.locator("#m0-city").inputValue(), "Utrecht");
    await task.click(page.getByRole("button", { name: "Nog een gezinslid toevoegen" }));
    await task.type(page.locator("#m1-givenName"), "Elif");
    await task.type(page.locator("#m1-birthDate"), "2015-03-03");
    if (options.grounds)
      await task.type(page.locator("#register-grounds"), "Signaal van school, besproken in het team.");
    await checkA11y(page, "registration filled in");
    await task.click(page.getByRole("button", { name: "Huishouden opslaan" }));
  }

  test("integrated team: a neighbourhood worker does the whole task from Mijn werk", async (t) => {
    const page = await suite.newPage(t);
    if (!page) return;
    const task = new Task(page);
    await logIn(page, suite.url(), "buurtwerker", "Mijn werk");
    await task.click(page.getByRole("link", { name: "Nieuw huishouden registreren" }));
    await task.expectPage("Nieuw huishouden registreren");
    await register(task, "Demir", { grounds: true, houseNumber: "12" });
    await task.expectPage("Huishouden Demir");
    await expectStatus(page, "Aanmelding");
    await page.getByTestId("case-lead").filter({ hasText: "Fatima el Amrani" }).waitFor();
    await workTheCase(task, "Demir");
    console.log(`standard task, integrated team: ${task.summary()}`);
    assert.ok(task.clicks <= 15, `at most half of the 29 clicks before (${task.summary()})`);
    assert.ok(task.choices <= 19, `at most half of the 39 choices before (${task.summary()})`);
  });

  test("network team: a professional of the network team does the same task", async (t) => {
    const page = await suite.newPage(t);
    if (!page) return;
    const task = new Task(page);
    await logIn(page, suite.url(), "netwerk", "Mijn werk");
    await page.goto(`${suite.url()}/dossiers/nieuw`);
    await task.expectPage("Nieuw huishouden registreren");
    await register(task, "Kaplan", { grounds: true, houseNumber: "14" });
    await task.expectPage("Huishouden Kaplan");
    await expectStatus(page, "Aanmelding");
    await workTheCase(task, "Kaplan");
    console.log(`standard task, network team: ${task.summary()}`);
  });

  test("front and back office: the loket registers, opens, records the request and routes; the back office does the rest", async (t) => {
    const page = await suite.newPage(t);
    if (!page) return;
    const front = new Task(page);
    await logIn(page, suite.url(), "loket", "Aanvragen");
    const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
    assert.equal(
      await menu.getByRole("link", { name: "Dossiers" }).count(),
      0,
      "no dossiers for the front office",
    );
    await front.click(page.getByRole("link", { name: /Nieuwe aanvraag/ }));
    await front.expectPage("Nieuw huishouden registreren");
    await register(front, "Smits", { grounds: false, houseNumber: "16" });
    await front.expectPage(/Aanvraag/);
    await front.type(page.getByLabel(/^Waarom komt deze aanvraag/), "Vraag om hulp bij de administratie.");
    await front.click(page.getByRole("button", { name: "Casus openen (aanmelding)" }));
    await front.expectPage("Aanvraag van Kaya Smits");
    await front.type(page.getByLabel(/^Hulpvraag in de woorden/), "Ik kom niet rond.");
    await front.type(
      page.getByLabel(/^Samenvatting voor de backoffice/),
      "Betalingsachterstanden, vraagt om budgetcoaching.",
    );
    await front.click(page.getByRole("button", { name: "Hulpvraag opslaan" }));
    await page.getByRole("heading", { name: "Stap 3: doorzetten naar de backoffice" }).waitFor();
    await checkA11y(page, "route step");
    await front.select(page.getByLabel(/^Naar wie gaat de aanvraag/), {
      label: "Ahmed Yilmaz (Buurtzorg Utrecht)",
    });
    await front.click(page.getByRole("button", { name: "Aanvraag doorzetten" }));
    await confirmed(page, "De aanvraag is doorgezet naar de backoffice.");
    await page.getByTestId("routed-to").filter({ hasText: "Ahmed Yilmaz" }).waitFor();
    const householdId = new URL(page.url()).pathname.split("/").pop() ?? "";
    await front.click(menu.getByRole("link", { name: "Aanvragen" }));
    await front.expectPage("Aanvragen");
    await page
      .getByRole("cell", { name: /Ahmed Yilmaz/ })
      .first()
      .waitFor();
    console.log(`front office part: ${front.summary()}`);

    const backPage = await suite.newPage(t);
    if (!backPage) return;
    const back = new Task(backPage);
    await logIn(backPage, suite.url(), "backoffice", "Mijn werk");
    await backPage.goto(`${suite.url()}/dossiers/${householdId}`);
    await back.expectPage("Huishouden Smits");
    await expectStatus(backPage, "Intake");
    await workTheCase(back, "Smits", { intake: false });
    console.log(`back office part: ${back.summary()}`);
  });
});
