import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as OTPAuth from "otpauth";
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
