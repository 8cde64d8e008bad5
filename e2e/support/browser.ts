import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { TestContext } from "node:test";
import type { AxeResults, Result } from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";

const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The system Chromium: CHROMIUM_PATH, else Debian's paths. Never downloads a browser. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((path) => existsSync(path)) ?? null;
}

/**
 * Launches Chromium, or skips the test when there is none. With REQUIRE_BROWSER=1 (CI) a missing
 * browser fails the test instead, so journeys cannot silently stop running.
 */
export async function launchBrowser(t: TestContext): Promise<Browser | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    const message = "Chromium not found (set CHROMIUM_PATH or install /usr/bin/chromium)";
    if (process.env.REQUIRE_BROWSER === "1") throw new Error(`${message}; REQUIRE_BROWSER=1`);
    t.skip(message);
    return null;
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function describe(violation: Result): string {
  const nodes = violation.nodes
    .map(
      (node) =>
        `    - ${node.target.join(" ")}\n      ${node.failureSummary?.replaceAll("\n", "\n      ") ?? ""}`,
    )
    .join("\n");
  return `  [${violation.impact ?? "?"}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
}

/** Runs axe (WCAG 2.1 A and AA) on the page and fails with a readable list of violations. */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  // Evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP forbids those.
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(
      document,
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
    ),
  );
  if (results.violations.length > 0) {
    const report = results.violations.map(describe).join("\n");
    throw new Error(`Accessibility violations on ${label}:\n${report}`);
  }
}

/**
 * Records every Content-Security-Policy violation of the page (issue 18: the built web app must work
 * under the strict CSP). Call before the first navigation; read with cspViolations().
 */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}
