import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// DOMAIN.md, "Rated high performing as of June 2021", as displayed.
const PUBLISHED_2021_Q2 = [
  ["Colorado", "541,000", "256", "188", "73%"],
  ["Georgia", "316,000", "108", "94", "87%"],
  ["Hawaii", "258,000", "60", "54", "90%"],
  ["Mid-Atlantic States", "787,000", "277", "213", "77%"],
  ["Northern California", "4,500,000", "1,347", "1,006", "75%"],
  ["Northwest", "633,000", "407", "280", "69%"],
  ["Southern California", "4,700,000", "1,115", "789", "71%"],
  ["Washington", "688,000", "—", "—", "—"],
  ["National Functions", "—", "81", "50", "62%"],
];

test("LMP staff read exactly the published 2021-Q2 table", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/regions?quarter=2021-Q2");
  const table = page.getByTestId("regional-table");
  const bodyRows = await table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? "")),
  );
  expect(bodyRows).toEqual(PUBLISHED_2021_Q2);
  const total = await table.locator("tfoot tr").evaluate((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? ""));
  expect(total).toEqual(["Total", "", "3,651", "2,674", "73%"]);
  await expect(page.getByRole("figure", { name: /Line chart/ }).locator(".recharts-line")).toHaveCount(9);
});

test("the quarter selector changes the URL and the table", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/regions?quarter=2021-Q2");
  await page.getByLabel("Quarter", { exact: true }).selectOption("2020-Q4");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/quarter=2020-Q4/);
  await expect(page.getByRole("heading", { name: "Rated high performing, Q4 2020" })).toBeVisible();
});

test("a malformed quarter falls back to the latest with a notice", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/regions?quarter=banana");
  await expect(page.getByText('"banana" is not a quarter (use the form 2021-Q2). Showing the latest quarter instead.')).toBeVisible();
});

test("a consultant sees only their region", async ({ page }) => {
  await signIn(page, "consultant.colorado@example.org");
  await page.goto("/regions?quarter=2021-Q2");
  const names = await page.getByTestId("regional-table").locator("tbody th").allTextContents();
  expect(names).toEqual(["Colorado"]);
});

for (const email of ["colead.labor@example.org", "sponsor.union@example.org"]) {
  test(`${email} is told the roll-up is not permitted`, async ({ page }) => {
    await signIn(page, email);
    await page.goto("/regions?quarter=2021-Q2");
    await expect(page.getByRole("heading", { name: "Not permitted" })).toBeVisible();
    await expect(page.getByTestId("regional-table")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Regions" })).toHaveCount(0);
  });
}
