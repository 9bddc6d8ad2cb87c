import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.describe("sign-in", () => {
  test("a signed-out visitor is sent to the sign-in page and back after signing in", async ({ page }) => {
    await page.goto("/regions?quarter=2021-Q2");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Email").fill("staff@example.org");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The old regional table's address now leads to the overview.
    await expect(page).toHaveURL(/\/overview\?quarter=2021-Q2$/);
    await expect(page.getByRole("heading", { name: "Rated high performing, Q2 2021" })).toBeVisible();
  });

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("staff@example.org");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password. Check them and try again.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown account gets the same message as a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.org");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password. Check them and try again.");
  });

  test("empty and malformed input get field messages", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("x");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.org")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeHidden();
  });

  test("the credentials endpoint answers bad input without a server error", async ({ request }) => {
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const forms: Record<string, string>[] = [{}, { email: "", password: "" }, { email: "@@", password: "x" }, { email: "staff@example.org", password: "wrong" }];
    for (const form of forms) {
      const response = await request.post("/api/auth/callback/credentials", {
        form: { ...form, csrfToken: csrf.csrfToken, json: "true" },
        maxRedirects: 0,
      });
      expect(response.status(), JSON.stringify(form)).toBeLessThan(500);
      // next-auth answers a JSON request with the URL it would redirect to.
      const { url } = (await response.json()) as { url: string };
      expect(url, JSON.stringify(form)).toContain("error=CredentialsSignin");
    }
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "colead.labor@example.org");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out stays on the address the person used (127.0.0.1, not NEXTAUTH_URL's localhost)", async ({ page, baseURL }) => {
    const byIp = baseURL!.replace("localhost", "127.0.0.1");
    await page.goto(`${byIp}/login`);
    await page.getByLabel("Email").fill("colead.labor@example.org");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${byIp}/`);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(`${byIp}/login`);
  });
});

test("the health check answers without a session", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});

test.describe("the address after sign-in", () => {
  // Spellings of another host (or a script) that the old check let through, and the plain ones.
  const hostile = ["//evil.example", "/\\evil.example", "/%09/evil.example", "%2F%2Fevil.example", "/.//evil.example", "https://evil.example/overview", "javascript:alert(document.domain)"];

  test("a hostile callbackUrl leads to the app's own home page, from the form and for someone already signed in", async ({ page, baseURL }) => {
    // A co-lead's home is the home page itself (staff are forwarded on to the overview).
    const home = `${baseURL}/`;
    for (const callbackUrl of [...hostile, `${baseURL}@evil.example/`]) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill("colead.labor@example.org");
      await page.getByLabel("Password").fill("demo-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page, callbackUrl).toHaveURL(home);
      await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
      // Signed in, the sign-in page forwards at once: to the same place.
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page, callbackUrl).toHaveURL(home);
    }
  });
});
