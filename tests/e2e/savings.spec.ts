import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** The review queue's table, whose caption names the page shown. */
function entriesTable(page: Page) {
  return page.getByTestId("savings-entries");
}

/** "192 entries" → 192. */
async function entryCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("ledger-count").textContent()) ?? "";
  return Number(/^([\d,]+) entr/.exec(text)?.[1]?.replaceAll(",", ""));
}

test("finance pages through the review queue; a bad or missing page is explained", async ({ page }) => {
  await signIn(page, "finance@example.org");
  await page.goto("/savings");
  await expect(page.getByRole("heading", { name: "Awaiting review" })).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Pages of savings entries" });
  await expect(pages).toContainText(/Page 1 of \d+/);
  const firstOnPageOne = await entriesTable(page).locator("tbody a").first().textContent();

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(pages).toContainText(/Page 2 of \d+/);
  expect(await entriesTable(page).locator("tbody a").first().textContent()).not.toBe(firstOnPageOne);

  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(entriesTable(page).locator("tbody a").first()).toHaveText(firstOnPageOne!);

  await page.goto("/savings?page=abc");
  await expect(page.getByTestId("url-problems")).toContainText("Not applied: page “abc”. The page must be a whole number from 1 to 1000.");
  await expect(pages).toContainText(/Page 1 of \d+/);

  await page.goto("/savings?page=999");
  await expect(page.getByText("There is no page 999")).toBeVisible();
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(pages).toContainText(/Page 1 of \d+/);
});

test("finance rejects an entry from the queue with a reason the team then sees; a blank reason is refused", async ({ page }) => {
  const reason = "Counted twice: the same saving is in last quarter's report";
  await signIn(page, "finance@example.org");
  await page.goto("/savings");
  const before = await entryCount(page);
  const entry = entriesTable(page).locator("details").first();
  const projectHref = await entriesTable(page).locator("tbody a[href^='/projects/']").first().getAttribute("href");

  await entry.locator("summary").click();
  await entry.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(entry.getByText("Give the reason for rejecting")).toBeVisible();
  expect(await entryCount(page)).toBe(before);

  await entry.getByLabel("Reason for rejecting").fill(reason);
  await entry.getByRole("button", { name: "Reject", exact: true }).click();
  await expect.poll(() => entryCount(page)).toBe(before - 1);

  await page.goto(projectHref!);
  await expect(page.getByText(reason)).toBeVisible();
});
