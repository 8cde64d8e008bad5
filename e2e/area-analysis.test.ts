import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

describe("area analysis journeys", () => {
  const suite = journeySuite();
  const newPage = suite.newPage;

  test("the policy officer opens the analysis, walks the map by keyboard, and sees staffing and budget without names", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beleid");
    await openFromMenu(page, "Wijkanalyse");
    const areas = page.locator("svg.ww-map path[role=button]");
    await areas.first().waitFor();
    await expectPage(page, "Wijkanalyse");
    assert.equal(await areas.count(), 10);
    await areas.first().focus();
    await page.getByText(/^Geselecteerd gebied: .+: \d/).waitFor();
    await page
      .getByText(/Bron: CBS, tabel kwb-2023, jaar 2023/)
      .first()
      .waitFor();

    await page.getByLabel("Niveau").selectOption({ label: "Buurten" });
    await page.waitForFunction(
      () => document.querySelectorAll("svg.ww-map path[role=button]").length === 111,
    );
    await expectPage(page, "Wijkanalyse");
    await page.getByLabel("Kaart toont").selectOption({ label: "65-plussers (% van de inwoners)" });
    await expectPage(page, "Wijkanalyse");
    await page.getByLabel("Jaar", { exact: true }).selectOption("2024");
    await page
      .getByText(/Bron: CBS, tabel .*kwb-2024, jaar 2024/)
      .first()
      .waitFor();
    await page
      .getByRole("cell", { name: /onbekend/ })
      .first()
      .waitFor();
    await expectPage(page, "Wijkanalyse");

    await openFromMenu(page, "Teamsamenstelling");
    await page.getByRole("table", { name: /uren per week per moederorganisatie/i }).waitFor();
    await expectPage(page, "Teamsamenstelling en bezetting");
    assert.equal(await page.getByText("Fatima el Amrani").count(), 0, "no staff names for policy staff");

    await openFromMenu(page, "Wijkbudget");
    await page
      .getByText(/krijgt €\s[\d.]+ omdat het/)
      .first()
      .waitFor();
    await expectPage(page, "Wijkbudget (populatiebekostiging)");
    await logOut(page);
  });

  test("the administrator uploads a CBS file and reads the validation report; the team lead edits the roster", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beheer");
    await openFromMenu(page, "CBS-cijfers importeren");
    await expectPage(page, "CBS-cijfers importeren");
    await page
      .getByLabel("CSV-bestand")
      .setInputFiles(path.resolve("reference/cbs/kwb_2024_buurten_5gm_85984NED_subset.csv"));
    await page.getByRole("button", { name: "Importeren" }).click();
    await page.getByText("336 van 336 regels verwerkt").waitFor();
    await page.getByRole("table", { name: "Validatierapport" }).waitFor();
    await expectPage(page, "CBS-cijfers importeren");
    await logOut(page);

    await logIn(page, suite.url(), "teamleider");
    await openFromMenu(page, "Teamsamenstelling");
    await page.getByRole("heading", { name: "Rooster aanpassen" }).waitFor();
    await expectPage(page, "Teamsamenstelling en bezetting");
    await page.getByLabel("maandag ochtend").first().check();
    await page.getByRole("button", { name: "Rooster opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "Het rooster is opgeslagen." }).waitFor();
    await expectPage(page, "Teamsamenstelling en bezetting");
  });
});
