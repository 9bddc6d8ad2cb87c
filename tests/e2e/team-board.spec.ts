import { expect, test, type Page } from "@playwright/test";
import { openHome, sidewaysScroll, signedIn } from "./support";

async function logProject(page: Page, title: string): Promise<string> {
  await openHome(page);
  const teamUrl = await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").first().getAttribute("href");
  await page.getByRole("link", { name: "Log a new project" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Aim").fill("Start every huddle on time, by the board, from next week");
  await page.getByLabel("Best Place to Work").check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  return teamUrl!;
}

const card = (page: Page, column: string, title: string) => page.getByTestId(`board-column-${column}`).getByRole("article", { name: title });

test("a co-lead moves a project across the team board with its buttons and by keyboard, and the moves are kept", async ({ page }) => {
  const title = `Board huddle ${Date.now()}`;
  await signedIn(page, "colead.labor@example.org");
  const teamUrl = await logProject(page, title);

  await page.goto(teamUrl);
  await page.getByRole("link", { name: "Open the board" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Board of /);
  await expect(card(page, "IDEA", title)).toBeVisible();

  await card(page, "IDEA", title).getByRole("button", { name: "Move to Active" }).click();
  await expect(card(page, "ACTIVE", title)).toBeVisible();
  await expect(card(page, "IDEA", title)).toHaveCount(0);
  // Focus follows the card to its new column: the keyboard moves it on from there.
  await expect(card(page, "ACTIVE", title)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(card(page, "TESTING", title)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(card(page, "ACTIVE", title)).toBeFocused();
  // Active work does not go back to an idea: ← does nothing there.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await expect(card(page, "TESTING", title)).toBeFocused();

  await page.reload();
  await expect(card(page, "TESTING", title)).toBeVisible();
  await card(page, "TESTING", title).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Testing").first()).toBeVisible();
});

test("the board fits a phone, and someone who only views the team gets no move buttons", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  const teamUrl = await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").first().getAttribute("href");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${teamUrl}/board`);
  await expect(page.getByTestId("team-board")).toBeVisible();
  expect(await sidewaysScroll(page)).toBe(0);

  await page.context().clearCookies();
  await signedIn(page, "staff@example.org");
  await page.goto(`${teamUrl}/board`);
  await expect(page.getByTestId("team-board").getByRole("article").first()).toBeVisible();
  await expect(page.getByTestId("team-board").getByRole("button")).toHaveCount(0);
});
