import { expect, test } from "@playwright/test";
import { openHome, sidewaysScroll, signedIn } from "./support";

// A change to a project shows on its History page, before → after; national staff find it
// on the audit page by kind of record; a co-lead is refused the audit page.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const title = `Quicker courier check-in ${stamp}`;
const renamed = `Quicker courier check-in, 2 docks ${stamp}`;

test("a co-lead changes a project's title and sees it on the project's History, before → after", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  await page.getByRole("link", { name: "Log a new project" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Aim").fill("Cut check-in time from 15 to 5 minutes by June 30");
  await page.getByLabel("Best Service").check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  await page.getByText("Edit details").click();
  await page.getByLabel("Title").fill(renamed);
  await page.getByRole("button", { name: "Save project" }).click();
  await expect(page.getByRole("heading", { name: renamed })).toBeVisible();

  await page.getByRole("link", { name: "History of this project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `History of ${renamed}` })).toBeVisible();
  const [edit, created] = [page.getByTestId("history-entry").nth(0), page.getByTestId("history-entry").nth(1)];
  await expect(edit.getByRole("heading")).toHaveText("Project details changed");
  await expect(edit.getByTestId("history-actor")).not.toHaveText("System");
  const titleChange = edit.getByTestId("history-change").filter({ hasText: "Title" });
  await expect(titleChange.getByTestId("before")).toHaveText(title);
  await expect(titleChange.getByTestId("after")).toHaveText(renamed);
  await expect(created.getByRole("heading")).toHaveText("Project created");
  expect(await sidewaysScroll(page)).toBe(0);
});

test("national LMP staff filter the audit log by kind of record", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await openHome(page);
  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  await page.getByLabel("Kind of record").selectOption("Project");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]kind=Project/);
  const records = page.getByTestId("audit-record");
  await expect(records.first()).toBeVisible();
  for (const record of await records.all()) await expect(record).toHaveText(/^Project /);
  await expect(page.getByTestId("history-entry").filter({ hasText: "Project details changed" }).filter({ hasText: renamed })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Download these entries as CSV" })).toHaveAttribute("href", "/api/exports/audit?kind=Project");
});

test("a co-lead cannot open the audit log, nor find it in the navigation", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Not permitted" })).toBeVisible();
  await expect(page.getByTestId("not-permitted-who")).toContainText("national LMP staff and administrators");
  const csv = await page.request.get("/api/exports/audit");
  expect(csv.status()).toBe(403);
});
