import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signedIn } from "./support";

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

/** A second browser holding a copy of the page's session cookies, as someone who copied them would. */
async function copyOfSession(browser: Browser, page: Page): Promise<Page> {
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  return copy.newPage();
}

/** From the account page, which the page must already show (a page open before its session ended stays on screen). */
async function signOutEverywhere(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign out everywhere?" });
  await expect(dialog).toContainText("this one included");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
}

test("a session cookie copied before sign-out reads no page, no export and writes nothing afterwards", async ({ page, browser }) => {
  await signIn(page, "colead.labor@example.org");
  const copy = await copyOfSession(browser, page);
  await copy.goto("/account");
  await expect(copy.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  expect((await copy.request.get("/api/exports/projects")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  // The copy's page was open before: its next server action is refused.
  await signOutEverywhere(copy);
  await expect(copy.getByRole("alert").filter({ hasText: SESSION_ENDED })).toBeVisible();
  await copy.goto("/savings");
  await expect(copy).toHaveURL(/\/login/);
  expect((await copy.request.get("/api/exports/projects")).status()).toBe(401);
  expect(await (await copy.request.get("/api/auth/session")).json()).not.toHaveProperty("user");
  await copy.context().close();
});

test("signing out everywhere ends the account's sessions in every browser", async ({ page, browser }) => {
  const other = await (await browser.newContext()).newPage();
  await signedIn(other, "colead.mgmt@example.org");
  await other.goto("/");
  await expect(other.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await signIn(page, "colead.mgmt@example.org");
  await page.goto("/account");
  // This browser and the other one at least (earlier tests may have left sessions of this account open too).
  await expect(page.getByTestId("open-session").filter({ hasText: "This browser" })).toHaveCount(1);
  expect(await page.getByTestId("open-session").count()).toBeGreaterThanOrEqual(2);

  await signOutEverywhere(page);
  await expect(page).toHaveURL(/\/login/);
  await other.goto("/");
  await expect(other).toHaveURL(/\/login/);
  expect((await other.request.get("/api/exports/projects")).status()).toBe(401);
  await other.context().close();

  // Signing in again opens a new session (the shared sign-in of the tests notices its session ended, and signs in afresh).
  const again = await (await browser.newContext()).newPage();
  await signedIn(again, "colead.mgmt@example.org");
  await again.goto("/");
  await expect(again.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await again.context().close();
});
