import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

describe("outcome monitor and Effectencalculator journeys", () => {
  const suite = journeySuite();
  const newPage = suite.newPage;

  test("the policy officer reads the monitor: aggregates only, small cells shown as < 5", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beleid");
    await openFromMenu(page, "Monitor opbrengsten");
    await page.getByRole("table", { name: /Caseload/ }).waitFor();
    await expectPage(page, "Monitor opbrengstgericht werken");
    await page.getByText(/minder dan 5 inwoners/).waitFor();
    await page.getByRole("heading", { name: /Hoeveel niveaus vooruit of achteruit/ }).waitFor();
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
    await logIn(page, suite.url(), "buurtwerker");
    const caseId = await page.evaluate(async () => {
      const res = await fetch("/api/cases", { headers: { accept: "application/json" } });
      const body = (await res.json()) as { items: { id: string; isMine: boolean }[] };
      return (body.items.find((c) => c.isMine) ?? body.items[0])?.id ?? null;
    });
    assert.ok(caseId, "the demo case lead has a case");
    await page.goto(`${suite.url()}/effectencalculator/${caseId}`);
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
      .getByRole("cell", { name: /€\s800$/ })
      .first()
      .waitFor();
    await page.getByRole("row", { name: /^Woningcorporatie €\s0 €\s8\.000 €\s8\.000$/ }).waitFor();
    await expectPage(page, /^Effectencalculator: Casus/);
    await logOut(page);

    await logIn(page, suite.url(), "teamleider");
    await openFromMenu(page, "Effectencalculator");
    await expectPage(page, "Effectencalculator: Teamoverzicht");
    await logOut(page);
  });

  test("from the household dossier to its case's Effectencalculator", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "buurtwerker");
    const householdId = await page.evaluate(async () => {
      const res = await fetch("/api/cases", { headers: { accept: "application/json" } });
      const body = (await res.json()) as { items: { householdId: string; isMine: boolean }[] };
      return (body.items.find((c) => c.isMine) ?? body.items[0])?.householdId ?? null;
    });
    assert.ok(householdId, "the demo case lead has a case");
    await page.goto(`${suite.url()}/dossiers/${householdId}/casus`);
    await page.getByRole("navigation", { name: "Effectencalculator" }).waitFor();
    await expectPage(page, /.+/);
    await page.getByRole("link", { name: "Effectencalculator van deze casus" }).click();
    await page.getByRole("table", { name: "Kosten en baten per belanghebbende" }).waitFor();
    await expectPage(page, /^Effectencalculator: Casus/);
    await page.getByRole("link", { name: "De maatschappelijke prijslijst bekijken" }).click();
    await expectPage(page, "Maatschappelijke prijslijst");
    assert.equal(
      await page.getByRole("button", { name: /^Wijzig / }).count(),
      0,
      "a professional only reads",
    );
    await logOut(page);
  });

  test("the policy officer maintains the price list: precise messages, indicative defaults", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beleid");
    await openFromMenu(page, "Maatschappelijke prijslijst");
    const table = page.getByRole("table", { name: /^Prijzen/ });
    await table.waitFor();
    await expectPage(page, "Maatschappelijke prijslijst");
    const row = table.getByRole("row", { name: /Uur inzet vrijwilliger/ });
    assert.match((await row.textContent()) ?? "", /Indicatief/, "a default price is marked indicative");

    await page.getByRole("button", { name: /^Wijzig Uur inzet vrijwilliger/ }).click();
    await page.getByRole("heading", { name: /^Prijs wijzigen/ }).waitFor();
    await page.getByLabel("Jaar van het prijspeil", { exact: true }).fill("");
    await page.getByRole("button", { name: "Prijs opslaan" }).click();
    await page
      .getByRole("alert")
      .getByText(/zonder jaartal is niet te gebruiken/)
      .waitFor();
    assert.equal(
      await page.getByLabel("Jaar van het prijspeil", { exact: true }).getAttribute("aria-invalid"),
      "true",
    );
    await expectPage(page, "Maatschappelijke prijslijst");

    await page.getByLabel("Bedrag in euro's", { exact: true }).fill("12,50");
    await page.getByLabel("Jaar van het prijspeil", { exact: true }).fill("2025");
    await page.getByLabel("Bron", { exact: true }).fill("Subsidiebeschikking vrijwilligerscentrale 2025");
    await page.getByRole("button", { name: "Prijs opslaan" }).click();
    await page
      .getByRole("status")
      .getByText(/is opgeslagen/)
      .waitFor();
    const saved = (await row.textContent()) ?? "";
    assert.match(saved, /12,50 per uur/);
    assert.doesNotMatch(saved, /Indicatief/, "the municipality's own figure is no longer indicative");
    await expectPage(page, "Maatschappelijke prijslijst");

    await page.getByRole("button", { name: "Prijs toevoegen" }).click();
    await page.getByLabel("Post", { exact: true }).fill("Maand beschermd wonen");
    await page.getByLabel("Bedrag in euro's", { exact: true }).fill("4.250,00");
    await page.getByLabel("Bron", { exact: true }).fill("Contract beschermd wonen 2025");
    await page.getByLabel("Jaar van het prijspeil", { exact: true }).fill("2025");
    await page.getByRole("button", { name: "Prijs toevoegen" }).click();
    await page
      .getByRole("alert")
      .getByText(/zonder eenheid is niet te gebruiken/)
      .waitFor();
    await expectPage(page, "Maatschappelijke prijslijst");
    await page.getByLabel("Eenheid", { exact: true }).selectOption({ label: "maand" });
    await page.getByRole("button", { name: "Prijs toevoegen" }).click();
    await table
      .getByRole("row", { name: /Maand beschermd wonen/ })
      .getByText(/€\s4\.250 per maand/)
      .waitFor();
    await logOut(page);
  });
});
