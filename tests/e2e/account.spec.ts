import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { sidewaysScroll, signIn } from "./support";

const CO_LEAD = "colead.labor@example.org";
const NEW_PASSWORD = "courier rounds at dawn";

async function changePassword(page: import("@playwright/test").Page, from: string, to: string): Promise<void> {
  const form = page.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill(from);
  await form.getByLabel("New password", { exact: true }).fill(to);
  await form.getByLabel("Type the new password again").fill(to);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Your other browsers and devices must sign in with it.");
}

test("a co-lead changes their password from the account page: the old one stops working, the new one signs in", async ({ page, browser }) => {
  await signIn(page, CO_LEAD);
  await page.getByRole("link", { name: /Your account/ }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await expect(page.getByTestId("section-details")).toContainText(CO_LEAD);
  await expect(page.getByTestId("open-session").filter({ hasText: "This browser" })).toHaveCount(1);

  // A wrong current password is refused beside its field.
  const form = page.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not the password");
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Type the new password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password")).toBeVisible();

  await changePassword(page, DEMO_PASSWORD, NEW_PASSWORD);
  // This browser stays signed in.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(CO_LEAD);
  await other.getByLabel("Password").fill(DEMO_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByText("Incorrect email or password. Check them and try again.")).toBeVisible();
  await expect(other).toHaveURL(/\/login/);
  await signIn(other, CO_LEAD, NEW_PASSWORD);
  await other.context().close();

  // Back to the demo password, for the other tests that sign in as this co-lead.
  await changePassword(page, NEW_PASSWORD, DEMO_PASSWORD);
});

test("the account page fits a phone, and its sessions can be signed out one by one", async ({ page, browser }) => {
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, "finance@example.org");
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "finance@example.org");
  await page.goto("/account");
  expect(await sidewaysScroll(page)).toBe(0);

  const others = page.getByTestId("open-session").filter({ hasNotText: "This browser" });
  const before = await others.count();
  expect(before).toBeGreaterThan(0);
  await others.first().getByRole("button", { name: "End session" }).click();
  await expect(others).toHaveCount(before - 1);
  await elsewhere.goto("/");
  await expect(elsewhere).toHaveURL(/\/login/);
  await elsewhere.context().close();
});
