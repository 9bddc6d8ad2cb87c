import { expect, test } from "@playwright/test";

test("after five failed sign-ins the form says the account must wait, and for how long", async ({ page }) => {
  await page.goto("/login");
  // An address with no account is throttled like any other: the message says nothing about whether it exists.
  await page.getByLabel("Email").fill("locked.out@example.org");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password. Check them and try again.");
  }
  await page.getByLabel("Password").fill("wrong password 6");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Too many sign-in attempts for this account. Try again in 1 minute.");
  await expect(page).toHaveURL(/\/login/);
});
