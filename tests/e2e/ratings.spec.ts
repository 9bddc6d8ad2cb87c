import { expect, test, type Page } from "@playwright/test";
import { openHome, signedIn } from "./support";

/** The quarter of a rating page's address, /teams/<id>/ratings/<quarter>: the quarter the app chose, not the test's clock. */
function quarterOfRatingUrl(url: string): string {
  const quarter = /\/ratings\/(\d{4}-Q[1-4])$/.exec(new URL(url).pathname)?.[1];
  if (!quarter) throw new Error(`No quarter in ${url}`);
  return quarter;
}

async function coloradoRow(page: Page, quarter: string): Promise<{ rated: number; highPerforming: number }> {
  await page.goto(`/overview?quarter=${quarter}`);
  const table = page.getByTestId("table-high-performing");
  // Cells found by their column's header: the open quarter shows "Rated so far" beside "Teams due", a closed one "UBTs".
  const headers = await table.locator("thead th").allTextContents();
  const cells = await table
    .locator("tbody tr", { has: page.getByRole("rowheader", { name: "Colorado" }) })
    .locator("th, td")
    .allTextContents();
  const cell = (names: string[]) => cells[headers.findIndex((header) => names.includes(header))]!;
  const count = (text: string) => (text === "—" ? 0 : Number(text.replace(/,/g, "")));
  return { rated: count(cell(["Rated so far", "UBTs"])), highPerforming: count(cell(["High performing"])) };
}

/** Colorado's teams counted in this quarter's movement: rated in both quarters, or newly rated. */
async function coloradoMovementCount(page: Page, quarter: string): Promise<number> {
  await page.goto(`/regions/colorado/movement?quarter=${quarter}`);
  const count = async (testId: string) => Number((await page.getByTestId(testId).textContent())?.replace(/,/g, ""));
  return (await count("rated-both")) + (await count("newly-rated"));
}

test("two sponsors rate a team jointly; the regional table and movement follow", async ({ browser }) => {
  // The union sponsor starts from their queue and opens a team nobody has rated yet.
  const unionSponsor = await browser.newPage();
  await signedIn(unionSponsor, "sponsor.union@example.org");
  await openHome(unionSponsor);
  const queue = unionSponsor.getByTestId("sponsor-queue");
  await expect(queue).toBeVisible();
  const notStarted = queue.locator("tbody tr", { hasText: "Not started" }).first();
  await notStarted.getByRole("link", { name: /^Rate/ }).click();
  await expect(unionSponsor.getByRole("heading", { name: /Quarterly rating, Q\d \d{4}/ })).toBeVisible();
  const ratingUrl = unionSponsor.url();
  // The quarter the queue offered (the app's current one), read from the page rather than the test's clock.
  const quarter = quarterOfRatingUrl(ratingUrl);

  // Colorado's figures for that quarter before the rating.
  const staff = await browser.newPage();
  await signedIn(staff, "staff@example.org");
  const before = await coloradoRow(staff, quarter);
  const movementBefore = await coloradoMovementCount(staff, quarter);

  for (const box of await unionSponsor.locator("input[type=checkbox][data-criterion-level]").all()) {
    if (Number(await box.getAttribute("data-criterion-level")) <= 4) await box.check();
  }
  await expect(unionSponsor.getByTestId("computed-level")).toHaveText("Level 4: Operational");
  await unionSponsor.getByRole("button", { name: "Save rating" }).click();
  await expect(unionSponsor.getByTestId("rating-status")).toHaveText("Draft");

  await unionSponsor.getByRole("button", { name: "Sign as union sponsor (level 4)" }).click();
  await expect(unionSponsor.getByTestId("rating-status")).toHaveText("Awaiting management sign-off");
  // At the top, the sponsor sees that they signed, at which level, and whose signature is still awaited.
  await expect(unionSponsor.getByTestId("own-signoff")).toHaveText(
    /^You signed this rating for the union side on .+ UTC, at level 4 · Operational\. Still awaited: the management sponsor's signature\.$/,
  );

  // The management sponsor finds it waiting and signs: the rating is final.
  const managementSponsor = await browser.newPage();
  await signedIn(managementSponsor, "sponsor.mgmt@example.org");
  await managementSponsor.goto(ratingUrl);
  await expect(managementSponsor.getByTestId("rating-status")).toHaveText("Awaiting management sign-off");
  await managementSponsor.getByRole("button", { name: "Sign as management sponsor (level 4)" }).click();
  await expect(managementSponsor.getByTestId("rating-status")).toHaveText("Final");
  await expect(managementSponsor.getByTestId("signoff-history").locator("li")).toHaveCount(2);
  await expect(managementSponsor.getByRole("button", { name: /Sign as/ })).toHaveCount(0);
  await expect(managementSponsor.getByTestId("own-signoff")).toHaveText(/^You signed .+ Both sides have signed: the rating is final\.$/);

  // Colorado's row counts the new final rating, which is high performing (level 4).
  expect(await coloradoRow(staff, quarter)).toEqual({ rated: before.rated + 1, highPerforming: before.highPerforming + 1 });
  expect(await coloradoMovementCount(staff, quarter)).toBe(movementBefore + 1);
});

test("a sponsor who disagrees gives a reason, and then sees the disagreement recorded", async ({ browser }) => {
  const unionSponsor = await browser.newPage();
  await signedIn(unionSponsor, "sponsor.union@example.org");
  await openHome(unionSponsor);
  const notStarted = unionSponsor.getByTestId("sponsor-queue").locator("tbody tr", { hasText: "Not started" }).first();
  await notStarted.getByRole("link", { name: /^Rate/ }).click();
  await expect(unionSponsor.getByRole("heading", { name: /Quarterly rating, Q\d \d{4}/ })).toBeVisible();
  for (const box of await unionSponsor.locator("input[type=checkbox][data-criterion-level]").all()) {
    if (Number(await box.getAttribute("data-criterion-level")) <= 2) await box.check();
  }
  await unionSponsor.getByRole("button", { name: "Save rating" }).click();
  await expect(unionSponsor.getByTestId("rating-status")).toHaveText("Draft");

  const managementSponsor = await browser.newPage();
  await signedIn(managementSponsor, "sponsor.mgmt@example.org");
  await managementSponsor.goto(unionSponsor.url());
  await managementSponsor.getByText("Record disagreement…").click();
  const disagreement = managementSponsor.getByRole("form", { name: "Record disagreement" });
  await disagreement.getByRole("button", { name: "Record disagreement" }).click();
  await expect(disagreement.getByTestId("field-error")).toHaveText("Give the reason for disagreeing");
  await expect(disagreement.getByLabel("Why do you disagree?")).toBeFocused();

  await disagreement.getByLabel("Why do you disagree?").fill("Training records are missing for half the team.");
  await disagreement.getByRole("button", { name: "Record disagreement" }).click();
  await expect(managementSponsor.getByTestId("rating-status")).toHaveText("Disputed");
  await expect(managementSponsor.getByTestId("own-signoff")).toHaveText(
    /^Your disagreement for the management side is recorded \(.+ UTC\)\. The rating stays disputed until you sign\. Your reason: “Training records are missing for half the team\.”$/,
  );
});

test("a co-lead cannot rate their team, but can open its self-assessment", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  // The home card links this quarter's self-assessment; the quarterly rating is the same address without ?kind=self.
  const selfAssessment = await page.getByTestId("colead-team").getByRole("link", { name: "Open the team's self-assessment" }).getAttribute("href");
  expect(selfAssessment).toMatch(/^\/teams\/[0-9a-f-]{36}\/ratings\/\d{4}-Q[1-4]\?kind=self$/);
  await page.goto(selfAssessment!.replace(/\?kind=self$/, ""));
  await expect(page.getByTestId("edit-refusal")).toHaveText("Only the team's sponsors, its region's UBT consultants and LMP staff can prepare the team's quarterly rating.");
  await expect(page.getByRole("button", { name: /Save/ })).toHaveCount(0);
  await expect(page.locator("input[type=checkbox][data-criterion-level]").first()).toBeDisabled();
  await expect(page.getByRole("button", { name: /Sign as/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Self-assessment" }).click();
  await expect(page.getByRole("heading", { name: /Self-assessment/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rating" })).toBeVisible();
});
