import { expect, test } from "@playwright/test";
import { openHome, signedIn } from "./support";

// Stored text comes back as text: React escapes it on every page, and a CSV export
// neutralises a cell a spreadsheet would run as a formula (lib/csv.ts).

const HOSTILE_TITLE = "<script>alert(1)</script><img src=x onerror=alert(2)>";
const FORMULA_AIM = '=HYPERLINK("https://evil.example/steal","Open the report")';

test("a project titled with markup shows it as text, runs nothing, and exports its formula-like aim as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  // Markup that ran would load this image (the onerror never needs it): any request for it is an injection.
  const injectedImageRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/x$/.test(new URL(request.url()).pathname)) injectedImageRequests.push(request.url());
  });

  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  await page.getByRole("link", { name: "Log a new project" }).first().click();
  const title = `${HOSTILE_TITLE} ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Aim").fill(FORMULA_AIM);
  await page.getByLabel("Most Affordable").check();
  await page.getByRole("button", { name: "Create project" }).click();

  // The heading reads exactly what was typed, markup and all, as text.
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(title);
  expect(await heading.evaluate((element) => element.children.length)).toBe(0);
  // Nothing it spelled was made an element, anywhere on the page.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => element.textContent ?? ""));
  expect(scripts.filter((text) => text.trim() === "alert(1)")).toEqual([]);

  // The team page lists it as text too.
  await page.goto("/");
  await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").click();
  await expect(page.getByTestId("team-projects").getByText(title, { exact: true })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  // Its CSV row: the aim starts with ' so a spreadsheet shows it rather than running it.
  const csv = await page.request.get((await page.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!);
  const row = (await csv.text()).split("\r\n").find((line) => line.includes(title.replace(/"/g, '""')));
  expect(row, "the project's CSV row").toBeDefined();
  expect(row).toContain(`"'${FORMULA_AIM.replace(/"/g, '""')}"`);

  expect(dialogs).toEqual([]);
  expect(injectedImageRequests).toEqual([]);
});
