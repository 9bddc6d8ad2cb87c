import { expect, test, type Browser, type Page } from "@playwright/test";
import { revealCharts, signedIn } from "./support";

const COURIERS = "Couriers — Colorado Regional Distribution Center";
const COLORADO_MOVEMENT = "/regions/colorado/movement?quarter=2021-Q2";

async function countIn(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).textContent();
  return Number(text?.replace(/,/g, ""));
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signedIn(page, email);
  return page;
}

test("staff reach Colorado's movement from the overview's movement table, and its figures add up", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await page.getByTestId("table-movement").getByRole("link", { name: "Colorado" }).click();
  await expect(page).toHaveURL(/\/regions\/colorado\/movement\?quarter=2021-Q2$/);
  await expect(page.getByRole("heading", { name: "From Q1 2021 to Q2 2021" })).toBeVisible();

  const up = await countIn(page, "moved-up-count");
  const same = await countIn(page, "stayed-count");
  const down = await countIn(page, "moved-down-count");
  const ratedBoth = await countIn(page, "rated-both");
  expect(ratedBoth).toBeGreaterThan(0);
  expect(up + same + down).toBe(ratedBoth);
  expect(up).toBeGreaterThan(0);
  expect(down).toBeGreaterThan(0);

  const movedUp = page.locator("details").filter({ has: page.getByText(/^Moved up: /) });
  await movedUp.getByText(/^Moved up: /).click();
  await expect(movedUp.locator("tbody tr")).toHaveCount(up);
});

test("a movement list is paged through the URL, keeping the quarter; a bad page is named and the first shown", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  const list = (title: string) => page.locator("details").filter({ has: page.getByText(new RegExp(`^${title}: `)) });
  const stayed = list("Stayed at their level");
  const shown = stayed.getByTestId("list-same-shown");
  const codes = () => stayed.locator("tbody tr td:first-of-type").allTextContents();
  await page.goto(COLORADO_MOVEMENT);
  const stayedCount = Number((await stayed.locator("summary").textContent())!.replace(/\D/g, ""));
  // Colorado's stayed list of 2021-Q2 runs past a page (100 teams).
  expect(stayedCount).toBeGreaterThan(100);
  await expect(stayed).not.toHaveAttribute("open");
  const firstPage = await codes();
  expect(firstPage).toHaveLength(100);

  await page.goto(`${COLORADO_MOVEMENT}&list=same&page=2`);
  await expect(stayed).toHaveAttribute("open", "");
  await expect(list("Moved up")).not.toHaveAttribute("open");
  await expect(shown).toHaveText(`Showing 101–${Math.min(stayedCount, 200)} of ${stayedCount}`);
  const secondPage = await codes();
  expect(secondPage).toHaveLength(Math.min(stayedCount - 100, 100));
  // Page 2 starts after page 1, in code order.
  expect([...firstPage, ...secondPage]).toEqual([...firstPage, ...secondPage].sort());
  await stayed.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/\/regions\/colorado\/movement\?quarter=2021-Q2&list=same#list-same$/);
  await expect(shown).toHaveText(`Showing 1–100 of ${stayedCount}`);

  const response = await page.goto(`${COLORADO_MOVEMENT}&list=same&page=abc`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("url-problems")).toContainText("Not applied: page “abc”. The page must be a whole number from 1 to 1000.");
  await expect(page.getByTestId("url-problems")).toContainText("Showing the first page of each list.");
  await expect(stayed).toHaveAttribute("open", "");
  await expect(shown).toHaveText(`Showing 1–100 of ${stayedCount}`);
});

test("staff open a team's page from the movement lists", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto(COLORADO_MOVEMENT);
  await page.getByText(/^Stayed at their level: /).click();
  const firstTeam = page.locator("details").filter({ has: page.getByText(/^Stayed at their level: /) }).locator("tbody th a").first();
  const teamName = (await firstTeam.textContent())!;
  // The team is known by its address: names alone need not be unique.
  const teamHref = (await firstTeam.getAttribute("href"))!;
  expect(teamHref).toMatch(/^\/teams\/[0-9a-f-]{36}$/);
  await firstTeam.click();
  await expect(page).toHaveURL(new RegExp(`${teamHref}$`));
  await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  await expect(page.getByTestId("current-level")).toBeVisible();
  await revealCharts(page);
  await expect(page.getByRole("figure", { name: /Step chart/ })).toBeVisible();
  await expect(page.getByTestId("dimension-table").locator("tbody tr")).toHaveCount(7);
});

test("a co-lead sees their own team's history, level chart and dimensions, and no other team's", async ({ browser }) => {
  const staff = await signedInPage(browser, "staff@example.org");
  await staff.goto(COLORADO_MOVEMENT);
  const couriersHref = await staff.getByRole("link", { name: COURIERS, exact: true, includeHidden: true }).getAttribute("href");
  expect(couriersHref).toMatch(/^\/teams\/[0-9a-f-]{36}$/);
  const teamHrefs = await staff.locator("tbody th a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const otherTeamHref = teamHrefs.find((href) => href !== couriersHref);

  const page = await signedInPage(browser, "colead.labor@example.org");
  await page.goto(couriersHref!);
  await expect(page.getByRole("heading", { level: 1, name: COURIERS })).toBeVisible();
  await expect(page.getByTestId("leadership-history")).toContainText("Tony Marquez");
  await revealCharts(page);
  await expect(page.getByRole("figure", { name: /Step chart/ }).locator(".recharts-line")).toHaveCount(1);
  await expect(page.getByRole("figure", { name: /Radar chart/ })).toBeVisible();
  const dimensions = page.getByTestId("dimension-table");
  await expect(dimensions.locator("tbody th")).toHaveText([
    "Sponsorship",
    "Leadership",
    "Training",
    "Team process",
    "Team member engagement",
    "Use of tools",
    "Goals and performance",
  ]);
  await expect(page.getByTestId("quarterly-ratings").getByRole("link", { name: "2019-Q1" })).toHaveAttribute("href", `${couriersHref}/ratings/2019-Q1`);
  await expect(page.getByRole("link", { name: "Self-assessment" })).toHaveAttribute("href", new RegExp(`^${couriersHref}/ratings/\\d{4}-Q[1-4]\\?kind=self$`));
  await expect(page.getByRole("link", { name: "Rate this quarter" })).toHaveCount(0);

  expect((await page.goto(otherTeamHref!))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not permitted" })).toBeVisible();
  await expect(page.getByTestId("not-permitted-who")).toHaveText(
    "This team's records are open to the team's co-leads and sponsors, its region's UBT consultants, and partnership staff (LMP staff, finance reviewers, administrators). Your roles do not include access to them.",
  );
});

test("a co-lead is refused the movement page; an unknown region or team is not found", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  expect((await page.goto(COLORADO_MOVEMENT))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not permitted" })).toBeVisible();
  await expect(page.getByTestId("rated-both")).toHaveCount(0);

  expect((await page.goto("/teams/not-a-team"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Team not found" })).toBeVisible();
});

test("a quarter that is not one is named, never silently replaced or a bare 404", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/regions/colorado/movement?quarter=2099-Q9");
  await expect(page.getByTestId("url-problems")).toContainText("Not applied: quarter “2099-Q9”. Enter a quarter like 2021-Q2.");
  await page.goto("/overview?quarter=garbage");
  await expect(page.getByTestId("url-problems")).toContainText("Not applied: quarter “garbage”. Enter a quarter like 2021-Q2. Showing the latest quarter instead.");
  await page.goto("/overview/linkage?quarter=2099-Q9");
  await expect(page.getByTestId("url-problems")).toContainText("Not applied: quarter “2099-Q9”.");
  const teamHref = await page.goto("/overview?region=colorado").then(() => page.locator("a[href*='facility=']").first().getAttribute("href"));
  await page.goto(teamHref!);
  const team = await page.locator("a[href^='/teams/']").first().getAttribute("href");
  await page.goto(`${team}/ratings/garbage`);
  await expect(page.getByRole("heading", { name: "No such rating" })).toBeVisible();
  await expect(page.getByTestId("url-problems")).toHaveText("“garbage” is not a quarter this app can open. Enter a quarter like 2021-Q2.");
  await page.goto(`${team}/ratings/9999-Q4`);
  await expect(page.getByTestId("url-problems")).toContainText("“9999-Q4” is not a quarter this app can open. Enter a quarter from 1990-Q1 to ");
});

