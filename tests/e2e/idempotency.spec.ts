import { expect, test } from "@playwright/test";
import { openHome, signedIn } from "./support";

test("a new project whose first answer is lost, sent again, is created once", async ({ page }) => {
  const title = `Quicker route sheets ${Date.now()}`;
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  const teamUrl = await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").getAttribute("href");
  await page.getByRole("link", { name: "Log a new project" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Aim").fill("Cut the time to print route sheets from 20 to 5 minutes by March 31");
  await page.getByLabel("Most Affordable").check();

  // The server handles the first submission, but its answer never reaches the browser.
  let handled = 0;
  await page.route(
    (url) => url.pathname.endsWith("/projects/new"),
    async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
      await route.fetch();
      handled += 1;
      await route.abort("connectionreset");
    },
  );
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("The server could not be reached")).toBeVisible();
  expect(handled).toBe(1);

  // Sent again (the form keeps its key until a success): the first project's page opens.
  await page.unrouteAll();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  expect(page.url()).toMatch(/\/projects\/[0-9a-f-]{36}$/);

  await page.goto(teamUrl!);
  // One row in the team's project list.
  await expect(page.getByRole("rowheader", { name: title, exact: true })).toHaveCount(1);
});
