import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { checkA11y } from "./support/browser.ts";
import { demoPassword } from "./support/journey.ts";
import { journeySuite } from "./support/suite.ts";

/**
 * Issue 16, item 3 and 8: every page every role can reach, opened as that role on a phone (390 px).
 * A page fails when its visible text shows a code instead of Dutch (camelCase or dotted identifiers,
 * English status words, CBS codes), an ISO date, or when it scrolls sideways; axe checks each page.
 */

const PHONE = { width: 390, height: 844 };

/** What may not be seen; each with a name for the failure message. */
const forbidden: [string, RegExp][] = [
  ["camelCase identifier", /\b[a-z]{2,}[A-Z][a-zA-Z]*\b/g],
  [
    "dotted identifier",
    /(?<![@/.\w])\b[a-z][a-zA-Z]{2,}\.(?!nl\b|com\b|org\b|eu\b|html?\b|pdf\b|csv\b|json\b|txt\b)[a-z][a-zA-Z]{3,}\b/g,
  ],
  [
    "English status word",
    /\b(execution|evaluation|closed|reopened|pending|approved|rejected|planned|cancelled|submitted|inProgress|undefined|null|NaN|true|false)\b/g,
  ],
  ["ISO date", /\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g],
  ["CBS code", /\b(WK|BU|GM)\d{4,8}\b/g],
];

async function findings(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    // innerText on purpose: what is visible, not the text of hidden elements.
    // biome-ignore lint/performance/useDomNodeTextContent: visible text only
    const header = document.querySelector("header")?.innerText ?? "";
    // biome-ignore lint/performance/useDomNodeTextContent: visible text only
    const main = document.querySelector("main")?.innerText ?? "";
    return `${header}\n${main}`;
  });
  const found: string[] = [];
  for (const [name, pattern] of forbidden) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      found.push(
        `${name}: "${match[0]}" in "…${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ")}…"`,
      );
    }
  }
  return found;
}

async function settle(page: Page) {
  await page.locator("h1").first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector("main")?.textContent?.includes("Bezig met laden…"),
    null,
    { timeout: 15_000 },
  );
  await page.waitForLoadState("networkidle");
}

/** Opens each path, collects the problems of every page and fails once with all of them. */
async function checkPages(page: Page, base: string, paths: string[], role: string) {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(`${base}${path}`);
    await settle(page);
    for (const f of await findings(page)) problems.push(`${role} ${path}: ${f}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) problems.push(`${role} ${path}: scrolls sideways (${width} px wide at 390 px)`);
    try {
      await checkA11y(page, `${role} ${path}`);
    } catch (error) {
      problems.push(String(error));
    }
  }
  assert.deepEqual(problems, [], problems.join("\n"));
}

async function logInOnPhone(page: Page, base: string, username: string) {
  await page.setViewportSize(PHONE);
  await page.goto(`${base}/inloggen`);
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(demoPassword);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
  await settle(page);
}

/** Every address in the menu (also when folded away on a phone), and the start page. */
async function menuPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("#main-nav a")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return ["/", ...new Set(hrefs)];
}

/** The demo's living dossier and its sections, as the professional reaches them. */
async function dossierPaths(page: Page): Promise<string[]> {
  const ids = await page.evaluate(async () => {
    const search = await (await fetch("/api/households?name=Idrissi")).json();
    const householdId = search.items?.[0]?.householdId as string | undefined;
    if (!householdId) return null;
    const dossier = await (await fetch(`/api/households/${householdId}`)).json();
    return { householdId, caseId: dossier.cases?.[0]?.id as string | undefined };
  });
  if (!ids) return [];
  const base = `/dossiers/${ids.householdId}`;
  return [
    base,
    `${base}/gezin`,
    `${base}/intake`,
    `${base}/zrm`,
    `${base}/journaal`,
    `${base}/casus`,
    `${base}/portaal`,
    `${base}/netwerk`,
    `${base}/toestemming`,
    ...(ids.caseId ? [`/casussen/${ids.caseId}/plan`, `/effectencalculator/${ids.caseId}`] : []),
  ];
}

describe("every page as every role: Dutch, no codes, no ISO dates, no sideways scrolling", () => {
  const suite = journeySuite({ timeoutMs: 20_000 });

  for (const role of ["buurtwerker", "teamleider", "loket", "backoffice", "netwerk"]) {
    test(`${role}: the menu's pages and the dossier`, async (t) => {
      const page = await suite.newPage(t);
      if (!page) return;
      await logInOnPhone(page, suite.url(), role);
      const paths = [...(await menuPaths(page)), ...(role === "loket" ? [] : await dossierPaths(page))];
      await checkPages(page, suite.url(), paths, role);
    });
  }

  for (const role of ["beheer", "beleid", "huisarts"]) {
    test(`${role}: the menu's pages`, async (t) => {
      const page = await suite.newPage(t);
      if (!page) return;
      await logInOnPhone(page, suite.url(), role);
      await checkPages(page, suite.url(), await menuPaths(page), role);
    });
  }

  test("the public pages have no console errors and robots.txt is a real one", async (t) => {
    const page = await suite.newPage(t);
    if (!page) return;
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    await page.setViewportSize(PHONE);
    await checkPages(
      page,
      suite.url(),
      ["/inloggen", "/melden", "/sociale-kaart", "/inwoner/inloggen"],
      "anonymous",
    );
    assert.deepEqual(errors, []);
    const robots = await fetch(`${suite.url()}/robots.txt`);
    assert.match(robots.headers.get("content-type") ?? "", /^text\/plain/);
    assert.match(await robots.text(), /^User-agent: \*/m);
  });
});
