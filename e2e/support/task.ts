import type { Locator, Page } from "playwright-core";
import { checkA11y } from "./browser.ts";
import { expectPage } from "./journey.ts";

/**
 * Does the steps of a journey the way a user does and counts them: clicks on buttons and links, choices
 * (a radio button, a check box or an option in a list), typed fields and page loads (a new address in the
 * browser, whether the server or the app drew it). Every page and every opened form is checked with axe.
 */
export class Task {
  clicks = 0;
  choices = 0;
  typed = 0;
  pageLoads = 0;
  private lastPath = "";

  constructor(readonly page: Page) {
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const path = new URL(frame.url()).pathname;
      if (path !== this.lastPath) {
        this.lastPath = path;
        this.pageLoads += 1;
      }
    });
  }

  async click(target: Locator): Promise<void> {
    await target.click();
    this.clicks += 1;
  }

  async choose(target: Locator): Promise<void> {
    await target.check();
    this.choices += 1;
  }

  async select(target: Locator, option: string | { label: string }): Promise<void> {
    await target.selectOption(option);
    this.choices += 1;
  }

  async type(target: Locator, text: string): Promise<void> {
    await target.fill(text);
    this.typed += 1;
  }

  /** Opens an action's form in place (a drawer) and checks it. */
  async openForm(name: string | RegExp): Promise<Locator> {
    await this.click(this.page.getByRole("button", { name, exact: typeof name === "string" }).first());
    const form = this.page.getByRole("dialog").getByRole("form");
    await form.waitFor();
    await checkA11y(this.page, `form ${String(name)}`);
    return form;
  }

  async expectPage(heading: string | RegExp): Promise<void> {
    await expectPage(this.page, heading);
  }

  summary(): string {
    return `${this.clicks} clicks, ${this.choices} choices, ${this.typed} typed fields, ${this.pageLoads} page loads`;
  }
}
