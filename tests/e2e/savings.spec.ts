import { expect, test, type Page } from "@playwright/test";
import { signedIn } from "./support";

/** The review queue's table, whose caption names the page shown. */
function entriesTable(page: Page) {
  return page.getByTestId("savings-entries");
}

/** The ids of the entries on the page shown, in order: unique, unlike project titles. */
function entryIds(page: Page): Promise<(string | null)[]> {
  return entriesTable(page).getByTestId("savings-entry").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-entry-id")));
}

/** "192 entries" → 192. */
async function entryCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("ledger-count").textContent()) ?? "";
  return Number(/^([\d,]+) entr/.exec(text)?.[1]?.replaceAll(",", ""));
}

test("finance pages through the review queue; a bad or missing page is explained", async ({ page }) => {
  await signedIn(page, "finance@example.org");
  await page.goto("/savings");
  await expect(page.getByRole("heading", { name: "Awaiting review" })).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Pages of savings entries" });
  await expect(pages).toContainText(/Page 1 of \d+/);
  // Entries are told apart by id: project titles repeat ("Discharge before noon" can open both pages).
  const pageOne = await entryIds(page);
  expect(pageOne.length).toBeGreaterThan(0);
  expect(pageOne.every((id) => id !== null)).toBe(true);

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(pages).toContainText(/Page 2 of \d+/);
  const pageTwo = await entryIds(page);
  expect(pageTwo.length).toBeGreaterThan(0);
  expect(pageTwo[0]).not.toBe(pageOne[0]);
  expect(pageTwo.filter((id) => pageOne.includes(id))).toEqual([]);

  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect.poll(() => entryIds(page)).toEqual(pageOne);

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
  await signedIn(page, "finance@example.org");
  await page.goto("/savings");
  const before = await entryCount(page);
  // The first entry, known by its id; its review controls sit in the row beneath it.
  const row = entriesTable(page).getByTestId("savings-entry").first();
  const entryId = await row.getAttribute("data-entry-id");
  expect(entryId).toBeTruthy();
  const entry = row.locator("xpath=following-sibling::tr[1]").locator("details");
  // The entry's project (the row also links the entry's own history, under the project's address).
  const projectHref = await row.locator("a[href^='/projects/']:not([href$='/history'])").getAttribute("href");

  await entry.locator("summary").click();
  await entry.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(entry.getByText("Give the reason for rejecting")).toBeVisible();
  expect(await entryCount(page)).toBe(before);

  await entry.getByLabel("Reason for rejecting").fill(reason);
  await entry.getByRole("button", { name: "Reject", exact: true }).click();
  await expect.poll(() => entryCount(page)).toBe(before - 1);
  await expect(entriesTable(page).locator(`[data-entry-id="${entryId}"]`)).toHaveCount(0);

  await page.goto(projectHref!);
  await expect(page.getByText(reason)).toBeVisible();
  await expect(page.locator(`[data-entry-id="${entryId}"]`)).toContainText(reason);
});

test("the ledger filters by region under the name every page uses, and names a value it does not understand", async ({ page }) => {
  await signedIn(page, "finance@example.org");
  await page.goto("/savings?status=ALL&region=colorado&quarter=2099-Q9");
  await expect(page.getByLabel("Region")).toHaveValue("colorado");
  await expect(page.getByLabel("Quarter reported")).toHaveValue("");
  await expect(page.getByTestId("url-problems")).toContainText("Not applied: quarter “2099-Q9”. Enter a quarter like 2021-Q2.");
  const places = await entriesTable(page).getByTestId("savings-entry").locator("td").first().allTextContents();
  expect(places.length).toBeGreaterThan(0);
  expect(places.every((place) => place.endsWith(" · Colorado"))).toBe(true);
  const csv = await page.request.get("/api/exports/savings?status=ALL&region=colorado&quarter=2099-Q9");
  expect(csv.status()).toBe(400);
});

