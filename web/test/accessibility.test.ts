// Every section on a phone: no serious or critical axe-core violation, one h1, and a purchase
// made with the keyboard alone.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { inApp } from "./browser";

const ROUTES = ["events", "tickets", "more", "door", "organiser", "ops"];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("every section passes axe-core on a phone and a fan can buy with the keyboard alone", async () => {
  await inApp({ suite: "accessibility", query: "?as=fan-2#/events" }, async (app) => {
    const { page } = app;
    for (const route of ROUTES) {
      await app.go(route);
      await page.waitForFunction(() => !document.querySelector("main")?.textContent?.includes("Loading…"));
      assert.equal(await page.locator("h1").count(), 1, `#/${route} has one h1`);
      assert.deepEqual(await seriousViolations(page), [], `#/${route}`);
      // A phone widens its layout to fit what overflows, so the measure is the screen's width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - screen.width);
      assert.ok(overflow <= 0, `#/${route} fits a 390 px screen (${overflow} px too wide)`);
      await app.shot(route);
    }

    // Keyboard only: a new section takes the focus; the skip link keeps the section and goes to its content.
    await app.go("events");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main", "the new section has the focus");
    await page.focus("a.skip");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main", "the skip link focuses the content");
    assert.equal(await page.evaluate(() => window.location.hash), "#/events", "and stays in the section");
    const gala = await page.evaluate(() => window.__ticketchain!.fixtures!.galaId);
    const buy = page.locator(`article[data-event="${gala}"] button[type=submit]`);
    for (let presses = 0; presses < 40 && !(await buy.evaluate((b) => b === document.activeElement)); presses++) {
      await page.keyboard.press("Tab");
    }
    assert.ok(await buy.evaluate((b) => b === document.activeElement), "Tab reaches the gala's Buy button");
    await page.keyboard.press("Enter");
    await page.locator(`article[data-event="${gala}"] [data-included]`).waitFor();
    await app.shot("bought-with-the-keyboard");
  });
});
