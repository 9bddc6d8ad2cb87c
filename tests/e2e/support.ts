import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

/** Signs in through the sign-in page, as a person would, and waits for the signed-in header (at any width: on a phone, Sign out sits behind the menu). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("link", { name: "UBT Tracker" })).toBeVisible();
}

/** How far the page scrolls sideways (0 when it fits the window). */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/** Each account's session cookies, signed in once per worker (the first time a test asks). */
const sessions = new Map<string, Promise<Cookies>>();

/** Signs the page's context in through the credentials endpoint (what the sign-in form posts to), without a page. */
async function signInByRequest(page: Page, email: string): Promise<Cookies> {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password: DEMO_PASSWORD, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `signing in ${email}`).toBeLessThan(400);
  return page.context().cookies();
}

/** Whom the app takes the page's context to be signed in as (the server checks the session on every read). */
async function signedInEmail(page: Page): Promise<string | undefined> {
  const current = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  return current?.user?.email;
}

/**
 * Signs the page's browser context in as `email` and checks the app takes it as that
 * person, without the sign-in form: for tests about something other than signing in.
 * Each account signs in once per worker; later tests reuse its session cookies, unless
 * that session has ended meanwhile (a test signed the account out everywhere).
 * Navigates nowhere.
 */
export async function signedIn(page: Page, email: string): Promise<void> {
  const cached = sessions.get(email);
  if (cached) {
    await page.context().addCookies(await cached);
    if ((await signedInEmail(page)) === email) return;
    await page.context().clearCookies();
  }
  const session = signInByRequest(page, email);
  sessions.set(email, session);
  session.catch(() => sessions.delete(email));
  await session;
  expect(await signedInEmail(page), `the session of ${email}`).toBe(email);
}

/** The home page, as signing in leaves it: for tests that start there. */
export async function openHome(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

/**
 * Charts load as they come near the screen (components/charts/lazy.tsx): scrolls to each
 * one still waiting until all have started drawing, then back to the top.
 */
export async function revealCharts(page: Page): Promise<void> {
  const waiting = page.locator("[data-chart-placeholder]");
  for (let left = await waiting.count(); left > 0; left = await waiting.count()) {
    // Scrolled from within the page: a box may turn into its chart at any moment, and a locator
    // waiting to scroll to it would then wait forever.
    await page.evaluate(() => document.querySelector("[data-chart-placeholder]")?.scrollIntoView({ block: "center" }));
    await expect.poll(() => waiting.count()).toBeLessThan(left);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
