import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as OTPAuth from "otpauth";
import type { Page } from "playwright-core";
import {
  demoPassword,
  expectAlert,
  expectPage,
  logIn,
  logOut,
  menuLinks,
  openFromMenu,
  submitPassword,
} from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

describe("foundation journeys", () => {
  const suite = journeySuite({ timeoutMs: 10_000 });
  const newPage = suite.newPage;

  test("a wrong password shows the server's Dutch message", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await page.goto(`${suite.url()}/`);
    await submitPassword(page, "beheer", "niet-het-goede-wachtwoord");
    await expectAlert(page, /wachtwoord/i);
    await expectPage(page, "Inloggen");
  });

  test("the administrator manages organisations, teams and users and reads the audit trail", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beheer");
    // The administrator's menu has the foundation's pages in its group "Beheer".
    const links = await menuLinks(page);
    const admin = page.getByRole("region", { name: "Beheer" });
    assert.deepEqual((await admin.getByRole("link").allTextContents()).slice(0, 4), [
      "Organisaties",
      "Teams",
      "Gebruikers",
      "Logboek",
    ]);
    assert.ok(!links.includes("Mijn werk"), "no casework for the administrator");
    assert.match((await page.getByTestId("current-user").textContent()) ?? "", /Functioneel beheerder/);

    await openFromMenu(page, "Organisaties");
    await expectPage(page, "Organisaties");
    await page.getByLabel(/^Naam/).fill("Buurthuis De Linde");
    await page.getByLabel(/^Soort organisatie/).selectOption({ label: "Welzijn" });
    await page.getByRole("button", { name: "Organisatie toevoegen" }).click();
    await page.getByRole("status").filter({ hasText: "Buurthuis De Linde" }).waitFor();
    await page.getByRole("cell", { name: "Buurthuis De Linde" }).waitFor();
    await expectPage(page, "Organisaties");

    await openFromMenu(page, "Teams");
    await expectPage(page, "Teams");
    const firstTeam = page.getByRole("table").getByRole("link").first();
    const teamName = (await firstTeam.textContent()) ?? "";
    await firstTeam.click();
    await expectPage(page, teamName);

    await openFromMenu(page, "Gebruikers");
    await expectPage(page, "Gebruikers");
    await page.getByRole("cell", { name: "buurtwerker", exact: true }).waitFor();

    await openFromMenu(page, "Logboek");
    await expectPage(page, "Logboek");
    await page.getByRole("cell", { name: "Organisatie toegevoegd" }).first().waitFor();
    await logOut(page);
  });

  /** A call to the API as the logged-in user makes it from the browser (session cookie and CSRF token). */
  async function callApi(page: Page, method: string, path: string, body?: unknown) {
    return page.evaluate(
      async ({ method, path, body }) => {
        const session = await (await fetch("/api/auth/session")).json();
        const headers: Record<string, string> = { accept: "application/json" };
        if (method !== "GET") headers["x-csrf-token"] = session.csrfToken;
        if (body !== undefined) headers["content-type"] = "application/json";
        const res = await fetch(path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, json: (await res.text()) || "null" };
      },
      { method, path, body },
    );
  }

  test("emergency access shows on the case lead's Mijn werk; a refused attempt on the administrator's log", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    // The case lead of Huishouden El Idrissi: nobody has used emergency access yet.
    await logIn(page, suite.url(), "buurtwerker", "Mijn werk");
    const work = page.getByRole("region", { name: "Noodtoegang bij mijn casussen" });
    await work.getByText("Niemand heeft met noodtoegang een huishouden van u geopend.").waitFor();
    await page.getByRole("region", { name: "Herinneringen" }).getByRole("heading").waitFor();
    const search = await callApi(page, "GET", "/api/households?name=Idrissi");
    const householdId = JSON.parse(search.json).items[0].householdId as string;
    await logOut(page);

    // A professional of another team tries the dossier: not found for them, and on record.
    await logIn(page, suite.url(), "netwerk");
    assert.equal((await callApi(page, "GET", `/api/households/${householdId}`)).status, 404);
    await logOut(page);

    // The front office breaks the glass, with a reason.
    await logIn(page, suite.url(), "loket");
    const granted = await callApi(page, "POST", "/api/emergency-access", {
      householdId,
      reason: "Inwoner belt in crisis, regiehouder niet bereikbaar",
      minutes: 30,
    });
    assert.equal(granted.status, 201, granted.json);
    await logOut(page);

    await logIn(page, suite.url(), "buurtwerker", "Mijn werk");
    const row = work.getByRole("row").filter({ hasText: "Sanne Visser" });
    await row.getByText("Inwoner belt in crisis, regiehouder niet bereikbaar").waitFor();
    await row.getByRole("link", { name: "Huishouden El Idrissi" }).waitFor();
    await row.getByText("Heeft nog toegang").waitFor();
    await expectPage(page, "Mijn werk");
    await row.getByRole("button", { name: /^Gezien: noodtoegang van Sanne Visser/ }).click();
    await work
      .getByRole("status")
      .filter({ hasText: "U heeft de noodtoegang van Sanne Visser als gezien gemarkeerd." })
      .waitFor();
    await work.getByText("Niemand heeft met noodtoegang een huishouden van u geopend.").waitFor();
    await expectPage(page, "Mijn werk");
    await logOut(page);

    // The administrator sees the refused attempt in words: who, what was tried, which answer.
    await logIn(page, suite.url(), "beheer");
    await openFromMenu(page, "Logboek");
    await expectPage(page, "Logboek");
    const refusals = page.getByRole("region", { name: "Geweigerde pogingen" });
    const perUser = refusals.getByRole("table", { name: "Geweigerde pogingen per medewerker" });
    await perUser.getByRole("row").filter({ hasText: "Lotte Jansen" }).waitFor();
    const attempt = refusals
      .getByRole("table", { name: /^Laatste geweigerde pogingen/ })
      .getByRole("row")
      .filter({ hasText: "Lotte Jansen" })
      .first();
    await attempt.getByRole("cell", { name: "Huishoudens en dossiers: bekijken" }).waitFor();
    await attempt.getByRole("cell", { name: "Geweigerd: niet gevonden" }).waitFor();
    assert.match((await attempt.textContent()) ?? "", /Huishouden: /);
    assert.doesNotMatch((await refusals.textContent()) ?? "", /\/api\/|access\.refused|\b404\b/);
  });

  test("a neighbourhood team worker does not see the administration", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "buurtwerker");
    const links = await menuLinks(page);
    for (const adminLink of ["Gebruikers", "Logboek"])
      assert.ok(!links.includes(adminLink), `menu: ${links}`);
    if (links.includes("Organisaties")) {
      await openFromMenu(page, "Organisaties");
      await expectPage(page, "Organisaties");
      assert.equal(await page.getByRole("button", { name: "Organisatie toevoegen" }).count(), 0);
    }
    await page.goto(`${suite.url()}/beheer/gebruikers`);
    await expectPage(page, "Geen toegang");
  });

  test("a team lead turns on two-step verification and then needs a code to sign in", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "teamleider", "Te beoordelen");
    // The start page with all parts of the app tells who has not turned it on yet.
    await page.goto(`${suite.url()}/`);
    await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
    await expectPage(page, "Tweestapsverificatie instellen");
    // From a signed-in session the current password comes first (issue 18).
    await page.getByLabel(/^Huidig wachtwoord/).fill(demoPassword);
    await page.getByRole("button", { name: "Begin met instellen" }).click();
    const secret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").trim();
    assert.ok(secret.length >= 16, "the secret is shown for manual entry");
    await expectPage(page, "Tweestapsverificatie instellen");

    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    const usedStep = Math.floor(Date.now() / 30_000);
    await page.getByLabel(/^Code van 6 cijfers/).fill(totp.generate());
    await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
    await page.getByLabel("Ik heb mijn herstelcodes bewaard").check();
    await page.getByRole("button", { name: "Verder" }).click();
    await expectPage(page, /^(Welkom|Te beoordelen)/);
    await logOut(page);

    await submitPassword(page, "teamleider");
    await page.getByRole("heading", { level: 2, name: "Vul uw code in" }).waitFor();
    await expectPage(page, "Inloggen");
    // A code works once: wait for the next time step before signing in again.
    while (Math.floor(Date.now() / 30_000) <= usedStep) await page.waitForTimeout(500);
    await page.getByLabel(/^Code van 6 cijfers/).fill(totp.generate());
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expectPage(page, "Te beoordelen");
  });
});
