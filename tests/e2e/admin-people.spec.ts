import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sidewaysScroll, signIn, signedIn } from "./support";

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A UTC day `offset` days from today, as a date field takes it and as the app shows it. */
function utcDay(offset: number): { field: string; shown: string } {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
  return { field: day.toISOString().slice(0, 10), shown: dayFormat.format(day) };
}

test("an administrator adds a person and invites them; the link sets their password once, in their own browser, and they sign in", async ({ page, browser }) => {
  const email = `quinn.${Date.now()}@example.org`;
  const password = "a long and unrelated passphrase";
  await signedIn(page, "admin@example.org");
  await page.goto("/admin/people");
  await page.getByRole("link", { name: "Add a person" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Quinn Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page).toHaveURL(/\/admin\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("person-name")).toHaveText("Quinn Newcomer");
  await expect(page.getByTestId("account-status")).toHaveText("No account");

  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByTestId("issued-link")).toContainText(`No mail server is configured: pass this link on to ${email} yourself.`);
  const link = await page.getByTestId("issued-link-url").inputValue();
  expect(link).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("account-status")).toHaveText("Invited");

  // The invitee, in a browser of their own with no session.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await invitee.getByLabel("New password").fill("too short");
  await invitee.getByLabel("Type it again").fill("too short");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByTestId("field-error").first()).toHaveText("Use at least 12 characters");
  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Type it again").fill(password);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee).toHaveURL(/\/login\?notice=password-set$/);
  await expect(invitee.getByTestId("sign-in-notice")).toHaveText("Password set. Sign in with it.");
  await signIn(invitee, email, password);

  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  await invitee.context().close();

  await page.reload();
  await expect(page.getByTestId("account-status")).toHaveText("Active");
  await page.goto(`/admin/people?q=${encodeURIComponent(email.toUpperCase())}`);
  await expect(page.getByTestId("people-table").getByRole("link", { name: "Quinn Newcomer" })).toBeVisible();
  await page.goto("/admin/people?q=nobody-has-this-name");
  await expect(page.getByText("No one matches “nobody-has-this-name”")).toBeVisible();
});

test("an administrator hands the couriers' labor co-lead role to a successor, and the team page shows both with their dates", async ({ page }) => {
  // Handed over from tomorrow: the demo co-lead still leads today, for the other specs that sign in as them.
  const tomorrow = utcDay(1);
  const today = utcDay(0);
  const successorEmail = `sasha.${Date.now()}@example.org`;
  await signedIn(page, "admin@example.org");
  await page.goto("/admin/people?q=colead.labor%40example.org");
  await page.getByTestId("people-table").getByRole("link", { name: "Tony Marquez" }).click();
  await expect(page.getByTestId("person-name")).toHaveText("Tony Marquez");

  await page.getByText("Hand over…").click();
  const handover = page.getByRole("form", { name: "Hand over Labor co-lead" });
  await handover.getByLabel("Someone new").check();
  await handover.getByLabel("Successor's name").fill("Sasha Successor");
  await handover.getByLabel("Successor's email").fill(successorEmail);
  await handover.getByLabel("Handover day").fill(tomorrow.field);
  await handover.getByRole("button", { name: "Hand over" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Hand over" }).click();
  await expect(page.getByTestId("assignments")).toContainText(today.shown);

  await page.getByTestId("assignments").getByRole("link", { name: /Couriers/ }).click();
  const leadership = page.getByTestId("leadership-history");
  await expect(leadership).toBeVisible();
  const laborColeads = leadership.locator("dd").first();
  await expect(laborColeads.locator("li").nth(0)).toContainText(`Tony Marquez Jan 9, 2017 – ${today.shown}`);
  await expect(laborColeads.locator("li").nth(0)).toContainText("Current");
  await expect(laborColeads.locator("li").nth(1)).toContainText(`Sasha Successor from ${tomorrow.shown}`);
});

/** Opens the page and checks it fits the window (wide tables scroll in their own box) and has no serious WCAG 2 A/AA violation. */
async function expectFitsAndAccessible(page: Page, path: string, prepare?: (page: Page) => Promise<void>) {
  await page.goto(path);
  await expect(page.locator("h1").first(), path).toBeVisible();
  await prepare?.(page);
  expect(await sidewaysScroll(page), `${path} scrolls sideways at ${page.viewportSize()?.width} px`).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id);
  expect(serious, path).toEqual([]);
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]) {
  test(`the people pages fit ${viewport.width} px and pass axe, forms open`, async ({ browser }) => {
    test.setTimeout(120_000);
    // Contexts of their own: axe needs one per page.
    const page = await (await browser.newContext({ viewport })).newPage();
    await signedIn(page, "admin@example.org");
    await page.goto("/admin/people?q=colead.mgmt%40example.org");
    const person = (await page.getByTestId("people-table").getByRole("link").first().getAttribute("href"))!;
    await expectFitsAndAccessible(page, "/admin/people");
    await expectFitsAndAccessible(page, "/admin/people?q=nobody-has-this-name");
    await expectFitsAndAccessible(page, "/admin/people/new");
    await expectFitsAndAccessible(page, person, async (opened) => {
      await opened.getByText("Hand over…").click();
      await opened.getByText("End…").first().click();
      await opened.getByLabel("Role", { exact: true }).selectOption("CONSULTANT");
    });
    await page.context().close();

    const signedOut = await (await browser.newContext({ viewport })).newPage();
    await expectFitsAndAccessible(signedOut, "/set-password?token=not-a-real-link");
    await expect(signedOut.getByTestId("token-problem")).toContainText("never issued");
    await signedOut.context().close();
  });
}
