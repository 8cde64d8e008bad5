import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { checkA11y, launchBrowser } from "./support/browser.ts";
import { expectAlert, expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

const region = (page: Page, name: RegExp) => page.getByRole("region", { name });
/** A day N days from today (YYYY-MM-DD): the action is due within the week, so it is on Mijn werk. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const due = inDays(5);

describe("conference journey: a network-team casusoverleg, decisions on worklists, minutes without identifying data", () => {
  let server: TestServer;
  let browser: Browser | null = null;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("netwerk plans a conference with a pseudonymised and a named case; netwerk2 finds the action on Mijn werk and in the plan", async (t) => {
    browser = await launchBrowser(t);
    if (!browser) return;
    const page = await browser.newPage({ locale: "nl-NL" });
    page.setDefaultTimeout(10_000);
    await logIn(page, server.url, "netwerk");

    await openFromMenu(page, "Casusoverleg");
    await expectPage(page, "Casusoverleggen");
    await page.getByLabel("Titel").fill("Netwerkoverleg Oost december");
    await page.getByLabel("Datum").fill("2026-12-08");
    await page.getByLabel("Tijd").fill("10:00");
    await page.getByLabel(/Pieter de Groot/).check();
    await page.getByLabel(/Dr\. Eva Smit/).check();
    await page.getByRole("button", { name: "Overleg plannen" }).click();
    await expectPage(page, "Netwerkoverleg Oost december");

    // Pseudonymised by default: Huishouden Vermeulen is shown without its name.
    await page.getByLabel("Huishouden").selectOption({ label: "Huishouden Vermeulen" });
    await page.getByRole("button", { name: "Op de agenda zetten" }).click();
    // The pseudonym names no exact age, and a wijk or age band only for groups of 5 households or more.
    const first = region(page, /^Casus 1: inwoner/);
    await first.waitFor();
    const firstText = (await first.textContent()) ?? "";
    assert.match(firstText, /Gepseudonimiseerd besproken/);
    assert.doesNotMatch(firstText, /Vermeulen|Gerda|Oudwijk/);
    assert.doesNotMatch(firstText, /inwoner, \d+[,;]/);

    // Naming a household without consent for the invited GP is refused with what is missing, in Dutch.
    await page.getByLabel("Huishouden").selectOption({ label: "Huishouden de Boer" });
    await page.getByLabel("Bespreken").selectOption("named");
    await page.getByRole("button", { name: "Op de agenda zetten" }).click();
    await expectAlert(
      page,
      /Bij naam bespreken in een casusoverleg kan alleen met toestemming.*Dr\. Eva Smit/,
    );
    await expectPage(page, "Netwerkoverleg Oost december");

    // Consent for the GP's practice too, recorded from the dossier's consent register.
    const conferenceUrl = page.url();
    const deBoerId = await page.evaluate(async () => {
      const res = await fetch(
        "/api/conference-candidates?teamId=" +
          encodeURIComponent((await (await fetch("/api/auth/session")).json()).teams[0].id),
      );
      const body = await res.json();
      return body.households.find((h: { name: string }) => h.name === "Huishouden de Boer")
        .householdId as string;
    });
    await page.goto(`${server.url}/dossiers/${deBoerId}`);
    await expectPage(page, "Huishouden de Boer");
    await page
      .getByRole("navigation", { name: "Onderdelen van het dossier" })
      .getByRole("link", { name: "Toestemming en inzage" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Toestemmingen van het huishouden" }).waitFor();
    await expectPage(page, "Huishouden de Boer");
    // An end before the start is refused precisely.
    await page.getByLabel("Huisartsenpraktijk Overvecht").check();
    await page.getByLabel(/bij naam worden besproken/).check();
    await page.getByLabel("Geldig vanaf").fill("2026-11-01");
    await page.getByLabel("Geldig tot en met").fill("2026-10-01");
    await page.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await expectAlert(page, /einddatum van de toestemming \(2026-10-01\) ligt vóór de begindatum/);
    await page.getByLabel("Geldig tot en met").fill("2027-11-01");
    await page.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await page.getByText("De toestemming is vastgelegd.").waitFor();
    await page.getByRole("heading", { level: 2, name: "Toestemmingen van het huishouden" }).waitFor();
    await expectPage(page, "Huishouden de Boer");

    await page.goto(conferenceUrl);
    await expectPage(page, "Netwerkoverleg Oost december");
    await page.getByLabel("Huishouden").selectOption({ label: "Huishouden de Boer" });
    await page.getByLabel("Bespreken").selectOption("named");
    await page.getByRole("button", { name: "Op de agenda zetten" }).click();
    const second = region(page, /^Casus 2: Marloes de Boer/);
    await second.waitFor();
    assert.match((await second.textContent()) ?? "", /Bij naam besproken \(met toestemming\)/);
    await expectPage(page, "Netwerkoverleg Oost december");

    // Decisions: an action for Pieter de Groot (netwerk2) that goes into Vermeulen's plan under its goal,
    // on the ladder's rung of a team professional (with the reason the lower rungs do not suffice).
    await first.getByLabel("Soort besluit").selectOption("action");
    await first.getByLabel("Wat is besloten").fill("Budgetcoach inschakelen en terugkoppelen");
    await first.getByLabel("Wie").selectOption({ label: "Pieter de Groot (Schuldhulp Utrecht)" });
    await first.getByLabel("Vóór").fill(due);
    await first
      .getByLabel("Doel in het plan")
      .selectOption({ label: "Financiën: Ik wil de post weer durven openen." });
    await first
      .getByLabel("Uitvoering (trede van de ladder)")
      .selectOption({ label: "Professional van het team (Individuele voorziening)" });
    await first.getByLabel("Waarom volstaan de lagere treden niet?").selectOption("needsSpecialistExpertise");
    await first.getByLabel("Toelichting op de reden").fill("Schulden bij meerdere schuldeisers");
    await checkA11y(page, "action decision with its place in the plan");
    await first.getByRole("button", { name: "Besluit vastleggen" }).click();
    await first.getByRole("cell", { name: "Budgetcoach inschakelen en terugkoppelen" }).waitFor();
    await first
      .getByRole("link", { name: /In het plan bij Financiën: Ik wil de post weer durven openen/ })
      .waitFor();
    await second.getByLabel("Soort besluit").selectOption("caseLead");
    await second.getByLabel("Wat is besloten").fill("Schuldhulp neemt de regie over");
    await second.getByLabel("Wie").selectOption({ label: "Pieter de Groot (Schuldhulp Utrecht)" });
    await second.getByRole("button", { name: "Besluit vastleggen" }).click();
    await second.getByRole("cell", { name: "Schuldhulp neemt de regie over" }).waitFor();
    await page
      .getByLabel("Wat heeft het team geleerd?")
      .fill("Schuldhulp vroeg aanhaken scheelt weken wachttijd.");
    await page.getByRole("button", { name: "Leerpunt opslaan" }).click();
    await page.getByText("Het leerpunt is opgeslagen.").waitFor();
    await expectPage(page, "Netwerkoverleg Oost december");

    // Minutes: decisions and the lesson, but no names, addresses or pseudonyms that name someone.
    await page.getByRole("link", { name: "Verslag (zonder identificerende gegevens)" }).click();
    await expectPage(page, "Verslag: Netwerkoverleg Oost december");
    const minutes = (await page.getByTestId("minutes").textContent()) ?? "";
    assert.match(minutes, /Budgetcoach inschakelen en terugkoppelen/);
    assert.match(minutes, /Schuldhulp vroeg aanhaken/);
    assert.doesNotMatch(minutes, /Marloes|de Boer|Ruben|Vermeulen|Gerda|Biltstraat|Oudwijk|3581/);

    await openFromMenu(page, "Leerpunten");
    await expectPage(page, "Leerpunten uit casusoverleggen");
    await page.getByLabel("Zoeken in leerpunten").fill("wachttijd");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByRole("cell", { name: /Schuldhulp vroeg aanhaken/ }).waitFor();
    await logOut(page);

    await logIn(page, server.url, "netwerk2");
    await openFromMenu(page, "Mijn werk");
    await expectPage(page, "Mijn werk");
    const decisions = page.getByRole("table", { name: "Besluiten uit casusoverleggen" });
    await decisions.waitFor();
    const row = (await decisions.textContent()) ?? "";
    assert.match(row, /Budgetcoach inschakelen en terugkoppelen/);
    assert.match(row, /inwoner/);
    const dueShown = new Intl.DateTimeFormat("nl-NL", {
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(new Date(`${due}T12:00:00Z`));
    assert.match(row, new RegExp(dueShown), "the date as the interface writes dates");
    assert.match(row, /In het plan bij Financiën/);
    // Shown once: the decision carries its plan action, so it is not repeated under actions due.
    const actionTable = page.getByRole("table", { name: "Acties die (bijna) verlopen" });
    const actions = (await actionTable.count()) > 0 ? ((await actionTable.textContent()) ?? "") : "";
    assert.doesNotMatch(actions, /Budgetcoach inschakelen en terugkoppelen/);
    const cases =
      (await page.getByRole("table", { name: "Casussen waarvan ik regiehouder ben" }).textContent()) ?? "";
    assert.match(cases, /Huishouden de Boer/, "the case-lead decision handed de Boer over to netwerk2");
    // From the decision to the plan: the action stands under the goal, on the professional rung.
    await decisions.getByRole("link", { name: /In het plan bij Financiën/ }).click();
    await expectPage(page, "Plan van aanpak");
    const plan = (await page.locator("main").textContent()) ?? "";
    assert.match(plan, /Ik wil de post weer durven openen\./);
    assert.match(plan, /Budgetcoach inschakelen en terugkoppelen/);
  });
});
