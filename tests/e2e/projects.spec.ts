import { expect, test, type Page } from "@playwright/test";
import { openHome, revealCharts, signedIn } from "./support";

/** A day before the real today: the app refuses future days by the real clock, so the test counts from it too. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function cents(text: string | null): number {
  const match = /\$([\d,]+)\.(\d{2})/.exec(text ?? "");
  if (!match) throw new Error(`No amount in "${text}"`);
  return Number(match[1]!.replace(/,/g, "")) * 100 + Number(match[2]);
}

/** The validated figure of a "Reported $X · Validated $Y" line. */
async function validatedCents(page: Page): Promise<number> {
  const text = await page.getByTestId("savings-totals").first().textContent();
  return cents(/Validated\s*(\$[\d,]+\.\d{2})/.exec(text ?? "")?.[1] ?? null);
}

/**
 * Colorado's validated savings on the overview, summed from the earliest start the filter offers to the latest
 * rated quarter. Savings reported today count there because the e2e server seeds as of the real today, so the
 * latest rated quarter is the real current one (playwright.config.ts).
 */
async function coloradoValidatedCents(page: Page): Promise<number> {
  await page.goto("/overview?since=2019-Q1");
  const row = page.getByTestId("table-savings").locator("tbody tr", { has: page.getByRole("rowheader", { name: "Colorado" }) });
  return cents(await row.locator("td").nth(3).textContent());
}

test("a co-lead logs a project with a run chart, a PDSA cycle and savings; staff validate; another team adopts it", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `Faster dock handoffs ${Date.now()}`;

  // The labor co-lead logs the project from their home page, during a team meeting.
  const colead = await browser.newPage();
  await signedIn(colead, "colead.labor@example.org");
  await openHome(colead);
  // Their team, known by its address (the home card's heading links it).
  const teamUrl = await colead.getByTestId("colead-team").locator("h2 a[href^='/teams/']").getAttribute("href");
  expect(teamUrl).toMatch(/^\/teams\/[0-9a-f-]{36}$/);
  await colead.getByRole("link", { name: "Log a new project" }).first().click();
  await colead.getByLabel("Title").fill(title);
  await colead.getByLabel("Aim").fill("Cut the average dock handoff from 40 to 25 minutes by June 30");
  await colead.getByLabel("Most Affordable").check();
  await colead.getByLabel("Best Place to Work").check();
  await colead.getByRole("button", { name: "Create project" }).click();
  await expect(colead.getByRole("heading", { name: title })).toBeVisible();
  const projectUrl = colead.url();
  const compassPoints = colead.getByRole("list", { name: "Value Compass points" });
  await expect(compassPoints.getByText("Most Affordable", { exact: true })).toBeVisible();
  await expect(compassPoints.getByText("Best Place to Work", { exact: true })).toBeVisible();

  // A measure with four data points: the run chart appears.
  const addMeasure = colead.getByRole("form", { name: "Add a measure" });
  await addMeasure.getByLabel("Name").fill("Dock handoff time");
  await addMeasure.getByLabel("Kind").selectOption("OUTCOME");
  await addMeasure.getByLabel("Unit").fill("minutes");
  await addMeasure.getByLabel("Baseline").fill("40");
  await addMeasure.getByLabel("Target").fill("25");
  await addMeasure.getByLabel("Direction").selectOption("DECREASE");
  await addMeasure.getByRole("button", { name: "Add measure" }).click();
  const measure = colead.getByRole("region", { name: "Dock handoff time" });
  await expect(measure).toBeVisible();

  // A second measure of that name (in other capitals): only the server knows the project has one, and it says so beside the name.
  await addMeasure.getByLabel("Name").fill("dock handoff TIME");
  await addMeasure.getByLabel("Unit").fill("minutes");
  await addMeasure.getByRole("button", { name: "Add measure" }).click();
  const nameInput = addMeasure.getByLabel("Name");
  // The innermost box holding both the name input and an error: the name field's own.
  const nameField = addMeasure.locator("div").filter({ has: colead.getByLabel("Name", { exact: true }) }).filter({ has: colead.getByTestId("field-error") }).last();
  const nameError = nameField.getByTestId("field-error");
  await expect(nameError).toHaveText('This project already has a measure named "Dock handoff time". Choose another name, or edit that measure.');
  await expect(nameField.getByRole("textbox")).toHaveCount(1);
  await expect(nameInput).toHaveAttribute("aria-invalid", "true");
  expect((await nameInput.getAttribute("aria-describedby"))?.split(" ")).toContain(await nameError.getAttribute("id"));
  await expect(nameInput).toBeFocused();
  await expect(colead.getByRole("region", { name: /dock handoff time/i })).toHaveCount(1);
  const points: [string, string][] = [
    [daysAgo(30), "40"],
    [daysAgo(20), "35"],
    [daysAgo(10), "31"],
    [daysAgo(2), "28"],
  ];
  for (const [index, [date, value]] of points.entries()) {
    const form = measure.getByRole("form", { name: "Add data point" });
    await form.getByLabel("Date").fill(date);
    await form.getByLabel("Value").fill(value);
    await form.getByRole("button", { name: "Add data point" }).click();
    await expect(measure.getByTestId("run-chart-table").locator("tbody tr")).toHaveCount(index + 1);
  }
  await revealCharts(colead);
  await expect(measure.getByRole("figure")).toBeVisible();
  await expect(measure.locator(".recharts-line").first()).toBeVisible();

  // A test of change.
  const addCycle = colead.getByRole("form", { name: "Add a PDSA cycle" });
  await addCycle.getByLabel("Plan").fill("Pre-stage carts before the 7 am handoff for one week");
  await addCycle.getByLabel("Prediction").fill("Handoffs under 30 minutes");
  await addCycle.getByLabel("Start date").fill(daysAgo(9));
  await addCycle.getByRole("button", { name: "Add cycle" }).click();
  await expect(colead.getByRole("region", { name: "Cycle 1" })).toBeVisible();

  // $12,345.67 of savings, reported.
  const addSavings = colead.getByRole("form", { name: "Add savings" });
  await addSavings.getByLabel("Amount (dollars)").fill("12,345.67");
  await addSavings.getByLabel("Category").selectOption("HARD_SAVINGS");
  await addSavings.getByLabel("Method of calculation").fill("Overtime hours avoided × average hourly rate, payroll report Q3");
  await addSavings.getByRole("button", { name: "Add savings" }).click();
  await expect(colead.getByTestId("savings-totals")).toContainText("Reported $12,345.67 · Validated $0.00");

  // The change is in place: implemented, so other teams can adopt it.
  for (const step of ["ACTIVE", "TESTING", "IMPLEMENTED"]) {
    await colead.getByLabel("Move to").selectOption(step);
    await colead.getByRole("button", { name: "Change status" }).click();
    await expect(colead.getByTestId("project-status")).toHaveText(step.charAt(0) + step.slice(1).toLowerCase());
  }

  // LMP staff validate the entry: the team's and the region's validated totals grow by exactly that amount.
  const staff = await browser.newPage();
  await signedIn(staff, "staff@example.org");
  await staff.goto(projectUrl);
  await expect(staff.locator(`a[href="${teamUrl}"]`)).not.toHaveCount(0);
  await staff.goto(teamUrl!);
  const teamBefore = await validatedCents(staff);
  const regionBefore = await coloradoValidatedCents(staff);

  await staff.goto(projectUrl);
  await staff.getByRole("form", { name: /^Validate / }).getByRole("button", { name: "Validate" }).click();
  await staff.getByRole("alertdialog").getByRole("button", { name: "Validate" }).click();
  await expect(staff.getByTestId("savings-totals")).toContainText("Reported $12,345.67 · Validated $12,345.67");

  await staff.goto(teamUrl!);
  expect(await validatedCents(staff)).toBe(teamBefore + 1_234_567);
  expect(await coloradoValidatedCents(staff)).toBe(regionBefore + 1_234_567);

  // Another Colorado team adopts the practice; the origin lists it as an adopter.
  const consultant = await browser.newPage();
  await signedIn(consultant, "consultant.colorado@example.org");
  await consultant.goto(projectUrl);
  await consultant.locator("summary", { hasText: "Adopt for my team" }).click();
  const teamSelect = consultant.getByLabel("Team that adopts it");
  // Chosen by id (team names need not be unique); its name is what the origin shows.
  const adopterOption = teamSelect.locator("option").nth(1);
  const [adopterId, adopter] = [(await adopterOption.getAttribute("value"))!, (await adopterOption.textContent())!];
  expect(adopterId).toMatch(/^[0-9a-f-]{36}$/);
  await teamSelect.selectOption(adopterId);
  await consultant.getByRole("button", { name: "Adopt", exact: true }).click();
  await expect(consultant.getByTestId("adopted-from")).toContainText(title);
  await expect(consultant).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const adoptionPath = new URL(consultant.url()).pathname;
  expect(adoptionPath).not.toBe(new URL(projectUrl).pathname);

  await colead.goto(projectUrl);
  await expect(colead.getByTestId("adopters")).toContainText(adopter);
  await expect(colead.getByTestId("adopters").locator(`a[href="${adoptionPath}"]`)).toHaveCount(1);
});

test("the team page lists its projects and exports them as CSV", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+$/);
  await expect(page.getByTestId("team-projects")).toBeVisible();
  const csv = await page.request.get((await page.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain("team code");
  expect(lines.length - 1).toBe(await page.getByTestId("team-projects").locator("tbody tr").count());
});

/** "2 of 4 roster members (50%)" → its counts. */
async function engagementOnTeamPage(page: Page, teamUrl: string): Promise<{ engaged: number; roster: number; text: string }> {
  await page.goto(teamUrl);
  const text = (await page.getByTestId("engagement-current").textContent()) ?? "";
  const match = /^(\d+) of (\d+) roster members? \((\d+)%\)$/.exec(text.trim());
  if (!match) throw new Error(`No engagement figure in "${text}"`);
  return { engaged: Number(match[1]), roster: Number(match[2]), text };
}

test("a co-lead names the team's roster on a project and the team's engagement this quarter rises", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  const teamUrl = (await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").getAttribute("href"))!;
  const before = await engagementOnTeamPage(page, teamUrl);
  // The seed leaves some of the couriers' roster without improvement work this quarter.
  expect(before.engaged).toBeLessThan(before.roster);

  await page.goto(`${teamUrl}/projects/new`);
  await page.getByLabel("Title").fill(`Everyone on the route review ${Date.now()}`);
  await page.getByLabel("Aim").fill("Cut late deliveries by a third by the end of the quarter");
  await page.getByLabel("Best Service").check();
  const people = page.getByRole("group", { name: "People on this project" });
  const boxes = people.getByRole("checkbox");
  await expect(boxes).toHaveCount(before.roster);
  for (const box of await boxes.all()) await box.check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("project-members")).not.toHaveText("No one named yet");

  const after = await engagementOnTeamPage(page, teamUrl);
  expect(after).toMatchObject({ engaged: before.roster, roster: before.roster });
  expect(after.text).toBe(`${before.roster} of ${before.roster} roster members (100%)`);
});
