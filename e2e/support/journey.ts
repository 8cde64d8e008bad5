import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { checkA11y } from "./browser.ts";

export const demoPassword = "Wijkwerk-demo-2026!";

/** Waits for a page's h1 and checks it with axe; every page in a journey goes through here. */
export async function expectPage(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  // A page shows its heading before its data: wait until nothing on it is still loading.
  await page.waitForFunction(
    () => !document.querySelector("main")?.textContent?.includes("Bezig met laden…"),
    null,
    {
      timeout: 15_000,
    },
  );
  await checkA11y(page, `${new URL(page.url()).pathname} (${heading})`);
}

export async function submitPassword(page: Page, username: string, password = demoPassword): Promise<void> {
  await expectPage(page, "Inloggen");
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/** Logs in; every role lands on its own start page (Mijn werk, Aanvragen, Te beoordelen, …). */
export async function logIn(
  page: Page,
  baseUrl: string,
  username: string,
  landing: string | RegExp = /.+/,
): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await submitPassword(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
  await expectPage(page, landing);
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expectPage(page, "Inloggen");
}

/** Follows a link in the main menu. */
export async function openFromMenu(page: Page, name: string): Promise<void> {
  // On a phone the menu is folded away behind its button.
  const button = page.getByRole("button", { name: "Menu", exact: true });
  if (await button.isVisible()) await button.click();
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name, exact: true }).click();
}

export async function menuLinks(page: Page): Promise<string[]> {
  const links = page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link");
  return (await links.allTextContents()).map((text) => text.trim());
}

export async function expectAlert(page: Page, text: string | RegExp): Promise<void> {
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const content = (await alert.textContent()) ?? "";
  if (typeof text === "string") assert.ok(content.includes(text), `alert says "${content}"`);
  else assert.match(content, text);
}
