import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as OTPAuth from "otpauth";
import type { Page } from "playwright-core";
import { cspViolations } from "./support/browser.ts";
import {
  demoPassword,
  expectAlert,
  expectPage,
  logIn,
  logOut,
  menuLinks,
  submitPassword,
} from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

/** Issue 18: the account pages — own password, set-password link, recovery codes — under a strict CSP. */
describe("account journeys", () => {
  const suite = journeySuite({ timeoutMs: 15_000 });
  const newPage = suite.newPage;

  const openAccount = async (page: Page) => {
    await page.getByRole("link", { name: "Mijn account" }).click();
    await expectPage(page, "Mijn account");
  };

  test("a professional changes their own password; a weak one is refused in plain Dutch", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "netwerk2");
    await openAccount(page);
    const form = page.getByRole("region", { name: "Wachtwoord veranderen" });
    await form.getByLabel(/^Huidig wachtwoord/).fill(demoPassword);
    await form.getByLabel(/^Nieuw wachtwoord\b(?! nog)/).fill("Welkom123456");
    await form.getByLabel(/^Nieuw wachtwoord nog een keer/).fill("Welkom123456");
    await form.getByRole("button", { name: "Wachtwoord veranderen" }).click();
    await expectAlert(page, /te makkelijk te raden/);
    await expectPage(page, "Mijn account");
    const newPassword = "appelboom fiets zolder regen";
    await form.getByLabel(/^Nieuw wachtwoord\b(?! nog)/).fill(newPassword);
    await form.getByLabel(/^Nieuw wachtwoord nog een keer/).fill(newPassword);
    await form.getByRole("button", { name: "Wachtwoord veranderen" }).click();
    await page.getByRole("status").filter({ hasText: "Uw wachtwoord is veranderd" }).waitFor();
    await expectPage(page, "Mijn account");
    await logOut(page);
    await submitPassword(page, "netwerk2", newPassword);
    await expectPage(page, /^(Welkom|Mijn werk)/);
    assert.deepEqual(await cspViolations(page), []);
  });

  test("an administrator sends a set-password link; the new colleague chooses a password with it", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "beheer");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Gebruikers" })
      .click();
    await expectPage(page, "Gebruikers");
    await page.getByLabel(/^Naam/).fill("Nieuwe Collega");
    await page.getByLabel(/^Gebruikersnaam/).fill("nieuwecollega");
    await page.getByLabel(/^E-mailadres/).fill("nieuwe.collega@example.org");
    await page.getByLabel(/^Rol/).selectOption({ label: "Buurtteamwerker" });
    assert.equal(await page.getByLabel(/wachtwoord/i).count(), 0, "the administrator never types a password");
    await page.getByRole("button", { name: "Gebruiker toevoegen" }).click();
    await page.getByRole("cell", { name: "nieuwecollega", exact: true }).waitFor();
    await logOut(page);

    // The mail relay would send this message; the journey reads the link from the outbox.
    const mail = await suite
      .database()
      .db.selectFrom("outboxMessage as o")
      .innerJoin("appUser as u", "u.id", "o.recipientUserId")
      .select("o.body")
      .where("u.username", "=", "nieuwecollega")
      .where("o.kind", "=", "passwordSetup")
      .executeTakeFirstOrThrow();
    const link = /https?:\/\/\S+\/wachtwoord-instellen#[\w-]+/.exec(mail.body)?.[0];
    assert.ok(link, mail.body);
    // The test server's PUBLIC_URL is not its random port: open the same path and fragment here.
    const local = `${suite.url()}${new URL(link).pathname}${new URL(link).hash}`;
    await page.goto(local);
    await expectPage(page, "Wachtwoord instellen");
    await page.getByText("Kies een wachtwoord voor uw account nieuwecollega.").waitFor();
    const password = "mijn eigen lange zin voor wijkwerk";
    await page.getByLabel(/^Nieuw wachtwoord\b(?! nog)/).fill(password);
    await page.getByLabel(/^Nieuw wachtwoord nog een keer/).fill(password);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "Uw wachtwoord is opgeslagen" }).waitFor();
    assert.equal(new URL(page.url()).hash, "", "the used token leaves the address bar");
    await expectPage(page, "Wachtwoord instellen");
    await page.getByRole("link", { name: "Naar inloggen" }).click();
    await submitPassword(page, "nieuwecollega", password);
    await expectPage(page, /^(Welkom|Mijn werk)/);

    await page.goto(local);
    await expectAlert(page, /werkt niet meer/);
    await expectPage(page, "Wachtwoord instellen");
    assert.deepEqual(await cspViolations(page), []);
  });

  test("two-step verification: recovery codes are shown once and one of them signs in", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await logIn(page, suite.url(), "buurtwerker2");
    await openAccount(page);
    await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
    await expectPage(page, "Tweestapsverificatie instellen");
    await page.getByLabel(/^Huidig wachtwoord/).fill(demoPassword);
    await page.getByRole("button", { name: "Begin met instellen" }).click();
    const secret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").trim();
    await expectPage(page, "Tweestapsverificatie instellen");
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    await page.getByLabel(/^Code van 6 cijfers/).fill(totp.generate());
    await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();

    const codes = page.getByRole("list", { name: "Herstelcodes" }).getByRole("listitem");
    await codes.first().waitFor();
    const recovery = (await codes.allTextContents()).map((c) => c.trim());
    assert.equal(recovery.length, 10);
    await expectPage(page, "Tweestapsverificatie instellen");
    const next = page.getByRole("button", { name: "Verder" });
    assert.equal(await next.isDisabled(), true, "first confirm the codes are saved");
    await page.getByLabel("Ik heb mijn herstelcodes bewaard").check();
    await next.click();
    await expectPage(page, /^(Welkom|Mijn werk)/);
    await openAccount(page);
    await page.getByText("Tweestapsverificatie staat aan. U heeft nog 10 herstelcodes.").waitFor();
    assert.equal(await page.getByRole("list", { name: "Herstelcodes" }).count(), 0, "not shown again");
    await logOut(page);

    await submitPassword(page, "buurtwerker2");
    await page.getByRole("heading", { level: 2, name: "Vul uw code in" }).waitFor();
    await expectPage(page, "Inloggen");
    await page.getByLabel(/^Code van 6 cijfers of herstelcode/).fill(recovery[0] ?? "");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expectPage(page, /^(Welkom|Mijn werk)/);
    await openAccount(page);
    await page.getByText("U heeft nog 9 herstelcodes.", { exact: false }).waitFor();
    assert.deepEqual(await cspViolations(page), []);
  });

  test("the built web app runs under its strict CSP: every menu page of four roles, and the public pages", async (t) => {
    const page = await newPage(t);
    if (!page) return;
    const visited: string[] = [];
    // Violations are kept per document: collect them before every full page load.
    const violations: string[] = [];
    const settle = async (label: string) => {
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      visited.push(label);
      violations.push(...(await cspViolations(page)).map((v) => `${label}: ${v}`));
    };
    for (const username of ["beheer", "teamleider", "buurtwerker", "beleid"]) {
      await logIn(page, suite.url(), username);
      for (const name of await menuLinks(page)) {
        await page
          .getByRole("navigation", { name: "Hoofdmenu" })
          .getByRole("link", { name, exact: true })
          .click();
        await settle(`${username} ${name}`);
      }
      await logOut(page);
    }
    for (const path of ["/sociale-kaart", "/melden", "/inwoner/inloggen", "/wachtwoord-instellen"]) {
      await page.goto(`${suite.url()}${path}`);
      await settle(path);
    }
    assert.ok(visited.length > 20, visited.join(", "));
    assert.deepEqual([...new Set(violations)], [], `pages visited: ${visited.join(", ")}`);
  });
});
