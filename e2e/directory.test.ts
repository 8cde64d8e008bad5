import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

describe("social map journeys", () => {
  const suite = journeySuite({ timeoutMs: 10_000 });
  const newPage = suite.newPage;

  test("a resident searches the public social map without logging in; it shows no personal data", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await page.goto(`${suite.url()}/sociale-kaart`);
    await page.waitForURL(/\/sociale-kaart\/GM0344$/);
    await expectPage(page, "Hulp en activiteiten in uw buurt");
    await page.getByLabel("Waar zoekt u hulp bij?").fill("schulden");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByRole("heading", { level: 3, name: "Schuldhulpverlening Utrecht" }).waitFor();
    await checkPage(page, "public results");
    const text = (await page.locator("main").textContent()) ?? "";
    assert.ok(!text.includes("Bemoeizorg"), "an internal entry is not on the public page");
    assert.ok(!text.includes("Pieter de Groot") && !text.includes("Mirjam Vos"), "no contact persons");
    await page.getByLabel("Dicht bij buurt").selectOption({ label: "Zamenhofdreef en omgeving" });
    await page.getByLabel("Waar zoekt u hulp bij?").fill("");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByText(/^\d+ gevonden$/).waitFor();
    await page.getByRole("button", { name: "Deze lijst printen" }).waitFor();
    await page.emulateMedia({ media: "print" });
    assert.equal(
      await page.getByRole("button", { name: "Zoeken" }).isVisible(),
      false,
      "print hides the search form",
    );
    await page.emulateMedia({ media: "screen" });
  });

  test("a professional searches the social map and suggests a change; the administrator approves it", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "buurtwerker");
    await openFromMenu(page, "Sociale kaart");
    await expectPage(page, "Sociale kaart");
    await page.getByLabel("Waar zoekt u hulp bij?").fill("schulden");
    await page.getByLabel("Prestatieveld Wmo").selectOption({ value: "5" });
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByRole("link", { name: "Schuldhulpverlening Utrecht" }).click();
    await expectPage(page, "Schuldhulpverlening Utrecht");
    await page
      .getByLabel(/^Omschrijving/)
      .fill("Heeft u schulden? Wij helpen u met een plan. Nu ook op zaterdag.");
    await page.getByLabel(/^Wat is er veranderd/).fill("Nu ook op zaterdag open");
    await page.getByRole("button", { name: "Voorstel versturen" }).click();
    await page.getByRole("status").filter({ hasText: "verstuurd" }).waitFor();
    await checkPage(page, "entry after suggestion");
    await page.getByRole("button", { name: "Uitloggen" }).click();

    await logIn(page, suite.url(), "beheer");
    await openFromMenu(page, "Sociale kaart");
    await expectPage(page, "Sociale kaart");
    await page.getByRole("link", { name: "Voorstellen voor de sociale kaart" }).click();
    await expectPage(page, "Voorstellen voor de sociale kaart");
    await page.getByRole("button", { name: "Goedkeuren" }).click();
    await page.getByRole("status").filter({ hasText: "goedgekeurd" }).waitFor();
    await page.getByRole("link", { name: "Terug naar de sociale kaart" }).click();
    await page.getByRole("link", { name: "Te controleren" }).click();
    await expectPage(page, "Te controleren");
    await page.getByRole("link", { name: "Huiswerkklas Overvecht" }).waitFor();
    await page.getByRole("link", { name: "Terug naar de sociale kaart" }).click();
    await page.getByRole("link", { name: "Importeren en exporteren" }).click();
    await expectPage(page, "Importeren en exporteren");
  });

  test("the administrator adds an entry with the full form, sees field errors in Dutch, and edits it", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beheer");
    await openFromMenu(page, "Sociale kaart");
    await expectPage(page, "Sociale kaart");
    await page.getByRole("link", { name: "Voorziening toevoegen" }).click();
    await expectPage(page, "Voorziening toevoegen");
    await page.getByLabel(/^Naam/).fill("Klusbus Zuilen");
    await page.getByLabel(/^Omschrijving/).fill("Kort");
    await page.getByLabel(/^Soort aanbod/).selectOption({ label: "Hulp van vrijwilligers" });
    await page.getByLabel(/^Aanbieder/).fill("Vrijwilligerscentrale Utrecht");
    await page.getByLabel(/^Toegang/).selectOption({ label: "Gewoon binnenlopen" });
    await page.getByLabel(/^Kosten/).selectOption({ label: "Gratis" });
    await page.getByLabel(/^Postcode/).fill("12345");
    await page.getByLabel(/^Straat/).fill("Amsterdamsestraatweg");
    await page.getByLabel(/^Huisnummer/).fill("10");
    await page.getByRole("button", { name: "Voorziening opslaan" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Controleer deze velden" });
    await summary.waitFor();
    const problems = (await summary.textContent()) ?? "";
    assert.match(problems, /Omschrijving: is te kort/);
    assert.match(problems, /Postcode: /);
    assert.equal(await page.getByLabel(/^Postcode/).getAttribute("aria-invalid"), "true");
    await checkPage(page, "entry form with errors");
    await page.getByLabel(/^Omschrijving/).fill("Vrijwilligers helpen met kleine klussen in en om het huis.");
    await page.getByLabel(/^Postcode/).fill("3551 CK");
    await page.getByRole("button", { name: "Voorziening opslaan" }).click();
    await expectPage(page, "Klusbus Zuilen");
    await page.getByRole("link", { name: "Bewerken" }).click();
    await expectPage(page, "Voorziening bewerken");
    assert.equal(await page.getByLabel(/^Postcode/).inputValue(), "3551 CK");
    await page.getByLabel(/^Naam/).fill("Klusbus Zuilen en Ondiep");
    await page.getByRole("button", { name: "Openingstijd toevoegen" }).click();
    await page.getByLabel("Open tot (regel 1)").fill("08:00");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await page.getByRole("alert").filter({ hasText: "Openingstijden:" }).waitFor();
    await page.getByLabel("Open tot (regel 1)").fill("12:00");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expectPage(page, "Klusbus Zuilen en Ondiep");
  });

  test("a professional suggests changes to any field with the full suggestion form", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "buurtwerker");
    await openFromMenu(page, "Sociale kaart");
    await page.getByLabel("Waar zoekt u hulp bij?").fill("geldmaatje");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByRole("link", { name: "Geldmaatje" }).click();
    await expectPage(page, "Geldmaatje");
    await page.getByRole("link", { name: "Meer velden wijzigen" }).click();
    await expectPage(page, "Wijzigingen voorstellen");
    await page.getByRole("button", { name: "Voorstel versturen" }).click();
    await page.getByRole("alert").filter({ hasText: "nog niets veranderd" }).waitFor();
    await page.getByLabel(/^Wachttijd in weken/).fill("6");
    await page.getByLabel("Ouderen", { exact: true }).check();
    await page
      .getByLabel(/^Toelichting voor de beheerder/)
      .fill("Wachtlijst sinds de zomer; ook veel ouderen.");
    await page.getByText("(gewijzigd)").first().waitFor();
    await page.getByRole("button", { name: "Voorstel versturen" }).click();
    await page.getByRole("status").filter({ hasText: "verstuurd" }).waitFor();
    await checkPage(page, "suggestion sent");
    await page.getByRole("link", { name: "Terug naar de voorziening" }).click();
    await page.getByRole("link", { name: "Terug naar de sociale kaart" }).click();
    await page.getByRole("link", { name: "Nieuwe voorziening voorstellen" }).click();
    await expectPage(page, "Nieuwe voorziening voorstellen");
  });

  test("the team lead sees which provisions the team's plans use most; the policy officer sees '< 5'", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "teamleider");
    await openFromMenu(page, "Sociale kaart");
    await page.getByRole("link", { name: "Meest gebruikt in plannen" }).click();
    await expectPage(page, "Meest gebruikte voorzieningen");
    const table = page.getByRole("table").first();
    await table.waitFor();
    assert.match((await table.textContent()) ?? "", /Administratiecafé/);
    await page.getByLabel("Van").fill("2000-01-01");
    await page.getByLabel("Tot en met").fill("1999-01-01");
    await page.getByRole("button", { name: "Tonen" }).click();
    await page.getByRole("alert").filter({ hasText: "De einddatum ligt vóór de begindatum." }).waitFor();
    await logOut(page);

    await logIn(page, suite.url(), "beleid");
    await openFromMenu(page, "Sociale kaart");
    await page.getByRole("link", { name: "Meest gebruikt in plannen" }).click();
    await expectPage(page, "Meest gebruikte voorzieningen");
    await page.getByRole("table").first().waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    assert.ok(text.includes("< 5"), "small counts are shown as < 5");
  });
});

async function checkPage(page: Page, label: string): Promise<void> {
  const { checkA11y } = await import("./support/browser.ts");
  await checkA11y(page, label);
}
