import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { APIResponse } from "playwright-core";
import { checkA11y } from "./support/browser.ts";
import { expectPage, logIn, logOut, openFromMenu } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

describe("early signalling: residents, figures and configuration", () => {
  const suite = journeySuite({ timeoutMs: 10_000 });
  const newPage = suite.newPage;

  test("a resident reports a concern without logging in and looks up its status by reference code", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await page.goto(`${suite.url()}/melden`);
    await expectPage(page, "Een zorg melden");
    assert.match(
      new URL(page.url()).pathname,
      /^\/melden\/GM0344$/,
      "one municipality: straight to its form",
    );
    assert.equal(await page.getByRole("button", { name: "Uitloggen" }).count(), 0, "no session");

    // Sending an empty form: an error summary in plain Dutch that links to each field; nothing is sent.
    await page.getByRole("button", { name: "Melding versturen" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Controleer deze punten" });
    await summary.waitFor();
    await summary.getByRole("link", { name: "Kies de buurt." }).waitFor();
    await checkA11y(page, "/melden (errors)");
    await summary.getByRole("link", { name: "Kies waar uw melding over gaat." }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "report-subject");

    await page.getByRole("radio", { name: "Over een persoon of een gezin" }).check();
    await page.getByLabel(/^Naam van de persoon/).fill("Mevrouw Jansen");
    await page.getByLabel(/^Postcode/).fill("3562 AB");
    await page.getByLabel(/^Huisnummer/).fill("12");
    await page.getByLabel(/^Buurt/).selectOption({ label: "Zamenhofdreef en omgeving" });
    await page.getByLabel(/^Onderwerp/).selectOption({ label: "Eenzaamheid" });
    await page.getByLabel(/^Wat heeft u gezien/).fill("Mevrouw komt al weken haar huis niet meer uit.");
    await page.getByRole("radio", { name: "Binnen een week" }).check();
    await page.getByRole("radio", { name: "Nee, of ik weet het niet" }).check();
    await page.getByRole("checkbox", { name: "Ik meld anoniem" }).check();
    assert.equal(await page.getByLabel(/^Uw naam/).count(), 0, "anonymous: no name asked");
    await page.getByRole("button", { name: "Melding versturen" }).click();

    await expectPage(page, "Uw melding is ontvangen");
    const code = ((await page.getByTestId("reference-code").textContent()) ?? "").trim();
    assert.match(code, /^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByRole("button", { name: "Deze bevestiging afdrukken" }).waitFor();

    await page.getByRole("link", { name: "Bekijk de status van deze melding" }).click();
    await expectPage(page, "Status van uw melding");
    assert.equal(await page.getByTestId("report-status").textContent(), "Ontvangen");

    // Straight to the status page, typing the code; an unknown code gets a Dutch answer.
    await page.goto(`${suite.url()}/melden/status`);
    await expectPage(page, "Status van uw melding");
    await page.getByLabel(/^Referentiecode/).fill("SG-0000-0000");
    await page.getByRole("button", { name: "Status bekijken" }).click();
    await page.getByRole("alert").filter({ hasText: "Er is geen melding met deze referentiecode" }).waitFor();
    await page.getByLabel(/^Referentiecode/).fill(code.toLowerCase());
    await page.getByRole("button", { name: "Status bekijken" }).click();
    await page.getByRole("heading", { name: `Melding ${code}` }).waitFor();
    await expectPage(page, "Status van uw melding");

    // The team sees the resident's signal in its triage list, without the reporter's details.
    await logIn(page, suite.url(), "buurtwerker");
    await openFromMenu(page, "Triage");
    await page.getByRole("link", { name: "Mevrouw Jansen" }).click();
    await expectPage(page, /Eenzaamheid: Mevrouw Jansen/);
    await page.getByText("Anoniem").waitFor();
  });

  test("the administrator issues an API key, sees it once, and revokes it; sets deadlines and routing", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beheer");
    await openFromMenu(page, "API-sleutels");
    await expectPage(page, "API-sleutels van ketenpartners");
    const organisation = page.getByLabel(/^Organisatie/);
    const options = await organisation.locator("option").allTextContents();
    await organisation.selectOption({ label: options[1] ?? "" });
    await page.getByLabel(/^Naam van de sleutel/).fill("Huurachterstand-koppeling");
    await page.getByRole("button", { name: "Sleutel uitgeven" }).click();
    await page.getByRole("heading", { name: "Nieuwe sleutel: Huurachterstand-koppeling" }).waitFor();
    await page.getByText(/U ziet deze sleutel maar één keer/).waitFor();
    const token = await page.getByLabel("Sleutel", { exact: true }).inputValue();
    assert.match(token, /^wk_/);
    await page.getByRole("button", { name: "Sleutel kopiëren" }).click();
    await page.getByText(/De sleutel is gekopieerd|Kopiëren lukte niet/).waitFor();
    await expectPage(page, "API-sleutels van ketenpartners");

    // The key works for the partner system until it is revoked.
    const send = () =>
      page.request.get(`${suite.url()}/api/partner-api/v1/signals/onbekend`, {
        headers: { authorization: `Bearer ${token}` },
      });
    assert.equal((await send()).status(), 404, "a valid key: the reference is simply unknown");

    await page.getByRole("button", { name: "Ik heb de sleutel bewaard" }).click();
    assert.equal(await page.getByLabel("Sleutel", { exact: true }).count(), 0, "the token is gone");
    await page.getByRole("button", { name: "Intrekken sleutel Huurachterstand-koppeling" }).click();
    await page.getByRole("button", { name: "Ja, intrekken" }).click();
    await page.getByRole("status").filter({ hasText: "is ingetrokken" }).waitFor();
    await page
      .getByRole("cell", { name: /Ingetrokken op/ })
      .first()
      .waitFor();
    await expectPage(page, "API-sleutels van ketenpartners");
    assert.equal((await send()).status(), 401, "a revoked key is refused");

    await openFromMenu(page, "Signalen instellen");
    await expectPage(page, "Signalen instellen");
    await page.getByLabel(/^Hoog: werkdagen/).fill("3");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "Opgeslagen." }).waitFor();
    await page.getByLabel(/^Hoog: werkdagen/).fill("10");
    await page.getByLabel(/^Normaal: werkdagen/).fill("1");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("alert").filter({ hasText: "De termijnen moeten oplopen" }).waitFor();

    await page.getByLabel(/^Onderwerp/).selectOption({ label: "Schulden of huurachterstand" });
    await page.getByLabel(/^Bron/).selectOption({ label: "Koppeling" });
    const team = page.getByLabel(/^Team/);
    await team.selectOption({ label: (await team.locator("option").allTextContents())[1] ?? "" });
    await page.getByRole("button", { name: "Regel toevoegen" }).click();
    await page.getByRole("status").filter({ hasText: "De regel is toegevoegd." }).waitFor();
    await page.getByRole("cell", { name: "Schulden of huurachterstand", exact: true }).waitFor();
    await expectPage(page, "Signalen instellen");
    await page.getByRole("button", { name: /^Verwijderen regel .*Schulden of huurachterstand/ }).click();
    await page.getByRole("status").filter({ hasText: "De regel is verwijderd." }).waitFor();
    await logOut(page);
  });

  test("the figures page shows charts with tables and a CSV download", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    for (const user of ["teamleider", "beleid"]) {
      await logIn(page, suite.url(), user);
      await openFromMenu(page, "Cijfers signalen");
      await expectPage(page, "Cijfers signalen");
      await page.getByRole("img", { name: /Signalen per onderwerp/ }).waitFor();
      await page.getByRole("table", { name: "Signalen per onderwerp" }).waitFor();
      await page.getByRole("rowheader", { name: "Eenzaamheid" }).waitFor();
      const href = await page.getByRole("link", { name: "Download als CSV-bestand" }).getAttribute("href");
      const csv: APIResponse = await page.request.get(`${suite.url()}${href}`);
      assert.equal(csv.status(), 200);
      assert.match(await csv.text(), /\r\ncategorie;loneliness;/, "written by the shared CSV library");
      await page.getByLabel(/^Vanaf/).fill("2020-01-01");
      await page.getByLabel(/^Tot en met/).fill("2020-01-31");
      await page.getByRole("button", { name: "Cijfers tonen" }).click();
      await page.getByText(/Periode: 1 januari 2020 tot en met 31 januari 2020/).waitFor();
      await page.getByText("Geen signalen in deze periode.").first().waitFor();
      await expectPage(page, "Cijfers signalen");
      await logOut(page);
    }
  });

  test("a team lead records a meldcode step; a professional starts a neighbourhood initiative", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "teamleider");
    await openFromMenu(page, "Triage");
    await page.getByRole("link", { name: "Familie El Idrissi" }).click();
    await expectPage(page, /Huiselijk geweld/);
    await page.getByRole("combobox", { name: /^Stap/ }).selectOption({ index: 0 });
    await page.getByLabel(/^Wat heeft u gedaan/).fill("Signalen besproken met de aandachtsfunctionaris.");
    await page.getByRole("button", { name: "Stap vastleggen" }).click();
    await page.getByRole("status").filter({ hasText: "Stap 1 van de meldcode is vastgelegd." }).waitFor();
    await page.getByText("Signalen besproken met de aandachtsfunctionaris.").waitFor();
    await expectPage(page, /Huiselijk geweld/);
    await logOut(page);

    await logIn(page, suite.url(), "buurtwerker");
    await openFromMenu(page, "Buurtbeeld");
    await expectPage(page, "Buurtbeeld");
    await page
      .getByRole("button", { name: "Initiatief starten voor eenzaamheid in Zamenhofdreef en omgeving" })
      .click();
    await page.getByLabel(/^Titel/).fill("Koffieochtend Zamenhofdreef");
    await page.getByLabel(/^Aanpak/).fill("Elke dinsdag koffie in het buurthuis, met de buurtsportcoach.");
    await expectPage(page, "Buurtbeeld");
    await page.getByRole("button", { name: "Buurtinitiatief starten", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Koffieochtend Zamenhofdreef" }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Koffieochtend Zamenhofdreef" }).waitFor();
    await expectPage(page, "Buurtbeeld");
  });
});
