import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openHome, signedIn } from "./support";

/** Serious and critical WCAG 2 A/AA violations on the page as it stands. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")) }));
}

test("the sign-in page", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

// One test per page: axe on the large overview pages takes seconds each, and together they outgrew one test's time limit.
const STAFF_PAGES = [
  "/overview",
  "/overview?quarter=2021-Q2",
  "/overview?quarter=2021-Q2&region=colorado&compass=BEST_SERVICE",
  "/overview?quarter=2021-Q2&region=washington",
  "/overview/linkage?quarter=2021-Q2",
  "/overview/report?quarter=2021-Q2&region=colorado",
  "/regions/colorado/movement?quarter=2021-Q2",
  // A list open at its second page, with its pager.
  "/regions/colorado/movement?quarter=2021-Q2&list=same&page=2",
  "/practices",
  "/criteria",
  "/savings",
  "/account",
  "/notifications",
];

for (const path of STAFF_PAGES) {
  test(`the page staff use: ${path}`, async ({ page }) => {
    await signedIn(page, "staff@example.org");
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  });
}

test("the public unsubscribe page, with a link that does not work", async ({ page }) => {
  await page.goto("/unsubscribe?token=not-a-token");
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a facility's overview, with its chart tables open", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2&region=colorado");
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Arapahoe Medical Offices" }).click();
  await expect(page.getByTestId("table-teams")).toBeVisible();
  for (const summary of await page.getByText("Show the chart's data as a table").all()) await summary.click();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const email of ["consultant.colorado@example.org", "finance@example.org"]) {
  test(`the home page of ${email}`, async ({ page }) => {
    await signedIn(page, email);
    await openHome(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the pages a co-lead uses", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  expect(await seriousViolations(page), "home").toEqual([]);
  await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+$/);
  expect(await seriousViolations(page), "team page").toEqual([]);
  await page.getByTestId("team-projects").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\//);
  expect(await seriousViolations(page), "project page").toEqual([]);
});

test("the pages a sponsor uses", async ({ page }) => {
  await signedIn(page, "sponsor.union@example.org");
  await openHome(page);
  expect(await seriousViolations(page), "queue").toEqual([]);
  await page.getByTestId("sponsor-queue").getByRole("link", { name: /^(Open|Review and sign)/ }).first().click();
  await expect(page).toHaveURL(/\/ratings\//);
  expect(await seriousViolations(page), "rating page").toEqual([]);
});

test("the check itself catches a violation planted in a page", async ({ page }) => {
  await page.goto("/login");
  await page.evaluate(() => {
    const field = document.createElement("input");
    field.type = "text"; // no label of any kind
    document.querySelector("form")!.append(field);
  });
  expect((await seriousViolations(page)).map((violation) => violation.id)).toContain("label");
});
