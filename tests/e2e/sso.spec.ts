import { expect, test, type Page } from "@playwright/test";

// Against a real OpenID Connect provider on loopback (tests/support/oidc-provider.ts, started
// by playwright.config.ts), which signs anyone in under the email typed into its login form:
// the app admits only an email that has an account here.
const SSO_BUTTON = "Continue with Partnership single sign-on";

async function signInThroughProvider(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  // The provider's own pages: its login form, then its consent.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByPlaceholder("Enter any login").fill(email);
  await page.getByPlaceholder("and password").fill("any password: the provider decides");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a person with an account signs in through the OpenID Connect provider and gets their own roles", async ({ page }) => {
  await signInThroughProvider(page, "Colead.Mgmt@example.org");
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe("colead.mgmt@example.org");
  // The co-lead's home: their own team, from their role assignments here, not from the provider.
  await expect(page.getByTestId("section-roles")).toContainText("Management co-lead");
});

test("an email with no account here is refused with a clear message, and nobody is signed in", async ({ page }) => {
  await signInThroughProvider(page, "stranger@example.org");
  await expect(page).toHaveURL(/\/login\?.*error=AccessDenied/);
  await expect(page.getByTestId("sso-error")).toHaveText("Your single sign-on account has no access to UBT Tracker. Ask your partnership office to add you.");
  expect(await (await page.request.get("/api/auth/session")).json()).not.toHaveProperty("user");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
