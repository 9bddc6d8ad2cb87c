import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { openHome, sidewaysScroll, signedIn } from "./support";

// The team directory, the people directory and the header's search, as people use them.

const COURIERS = "Couriers — Colorado Regional Distribution Center";
const HEADER_SEARCH = { name: "Search teams, projects and people", exact: true };

/** The figure in "1,234 teams". */
async function countIn(text: Promise<string | null>): Promise<number> {
  return Number((await text)!.match(/^([\d,]+)/)![1]!.replace(/,/g, ""));
}

test("the header's search finds a team by a misspelt name, by keyboard, and opens it", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await openHome(page);
  await page.getByRole("searchbox", HEADER_SEARCH).fill("Curiers");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Curiers$/);
  await page.getByRole("region", { name: "Teams", exact: true }).getByRole("link", { name: COURIERS }).click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COURIERS);
});

test("on a phone the search sits in the menu", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signedIn(page, "colead.labor@example.org");
  await page.goto("/");
  await expect(page.getByRole("searchbox", HEADER_SEARCH)).toBeHidden();
  await page.getByRole("button", { name: "Open the menu" }).click();
  await page.getByRole("searchbox", HEADER_SEARCH).fill("curiers");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=curiers$/);
  // A co-lead finds their own team, and no people section: the people directory is not theirs.
  await expect(page.getByRole("region", { name: "Teams", exact: true }).getByRole("link")).toHaveText([COURIERS, /Teams whose name/]);
  await expect(page.getByRole("region", { name: "People", exact: true })).toHaveCount(0);
  expect(await sidewaysScroll(page)).toBe(0);
  await page.close();
});

test("the team directory filters, pages and downloads the same list as CSV", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/teams");
  const all = await countIn(page.getByTestId("teams-count").textContent());
  expect(all).toBeGreaterThan(50);
  await expect(page.getByTestId("teams-table").locator("tbody tr")).toHaveCount(50);

  const pages = page.getByRole("navigation", { name: "Pages of teams" });
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/teams\?page=2$/);
  await expect(pages).toContainText("Page 2 of");

  const filters = page.getByRole("form", { name: "Find teams" });
  await filters.getByLabel("Region").selectOption({ label: "Colorado" });
  await filters.getByLabel("Name, code, department or facility").fill("courier");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/region=colorado/);
  const found = await countIn(page.getByTestId("teams-count").textContent());
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(all);
  const rows = page.getByTestId("teams-table").locator("tbody tr");
  await expect(rows).toHaveCount(found);
  await expect(rows.first()).toContainText("Colorado");

  const csvLink = page.getByRole("link", { name: "Download these teams as CSV" });
  const href = (await csvLink.getAttribute("href"))!;
  expect(href).toContain("region=colorado");
  expect(href).toContain("q=courier");
  // Downloaded as a person would, through the link.
  const [download] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^teams-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines).toHaveLength(found + 1);
  expect(lines[0]).toMatch(/^Code,Team,Region,/);

  // An unknown value is named, not silently dropped.
  await page.goto("/teams?level=9");
  await expect(page.getByTestId("url-problems")).toContainText("Not applied: level “9”");
});

test("the people directory finds a person by part of a name; a co-lead is told who may open it", async ({ page }) => {
  await signedIn(page, "consultant.colorado@example.org");
  await page.goto("/people");
  await page.getByLabel("Name, or part of it").fill("marqu");
  await page.getByRole("button", { name: "Show" }).click();
  const tony = page.getByTestId("people-table").locator("tbody tr", { hasText: "Tony Marquez" });
  await expect(tony).toContainText("Labor co-lead");

  await signedIn(page, "colead.labor@example.org");
  await page.goto("/people");
  await expect(page.getByTestId("not-permitted-who")).toContainText("LMP staff, administrators and UBT consultants");
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]) {
  test(`the directories and search fit a ${viewport.width} px window`, async ({ browser }) => {
    const page = await browser.newPage({ viewport });
    await signedIn(page, "staff@example.org");
    for (const path of ["/teams", "/teams?region=colorado", "/people", "/search?q=Curiers"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await sidewaysScroll(page), path).toBe(0);
    }
    await page.close();
  });
}
