import { expect, test, type Page } from "@playwright/test";
import { signedIn } from "./support";

// The app's database is shared by every spec of a run, so this spec never publishes
// and puts back what it changes: an edited text is restored, an added criterion
// removed, and a draft it started discarded.

const SEEDED_SET = "Path to Performance — 2015 national agreement";

/** Opens the one draft: the open one if there is one, else a new one. Says whether it started it. */
async function openDraft(page: Page): Promise<{ started: boolean }> {
  await page.goto("/criteria");
  await expect(page.getByTestId("criteria-sets")).toBeVisible();
  const openOne = page.getByRole("link", { name: "Continue the draft" });
  const started = !(await openOne.isVisible());
  await (started ? page.getByRole("button", { name: "Start a new draft" }) : openOne).click();
  await expect(page).toHaveURL(/\/criteria\/\d+$/);
  await expect(page.getByRole("heading", { name: "This draft" })).toBeVisible();
  return { started };
}

function criterionEditor(page: Page, name: string) {
  return page.getByRole("group", { name, exact: true });
}

async function expectNoEditControls(page: Page) {
  await expect(page.getByRole("heading", { name: "Sponsorship", exact: true })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Save|Remove|Add|Publish|Discard/ })).toHaveCount(0);
}

test("LMP staff draft new criteria: edit, a refused blank, add and remove", async ({ page, browser }) => {
  await signedIn(page, "staff@example.org");
  const draft = await openDraft(page);
  const draftPath = new URL(page.url()).pathname;

  const edited = criterionEditor(page, "Sponsorship, level 1, criterion 1");
  const text = edited.getByRole("textbox");
  const original = await text.inputValue();

  await text.fill("   ");
  await edited.getByRole("button", { name: "Save" }).click();
  await expect(edited.getByTestId("field-error")).toHaveText("Write the criterion");
  await expect(text).toHaveAttribute("aria-invalid", "true");

  await text.fill(`${original}, in writing`);
  await edited.getByRole("button", { name: "Save" }).click();
  await expect(edited.getByRole("status")).toHaveText("Saved");
  await page.reload();
  await expect(text).toHaveValue(`${original}, in writing`);

  const cell = page.getByTestId("cell-TRAINING-3");
  const position = (await cell.getByRole("group", { name: /^Training, level 3, criterion \d+$/ }).count()) + 1;
  await cell.getByText("Add a criterion").click();
  await cell.getByLabel("New criterion for Training, level 3").fill("Team members are trained in safe patient handling");
  await cell.getByRole("button", { name: "Add", exact: true }).click();
  const added = criterionEditor(page, `Training, level 3, criterion ${position}`);
  await expect(added.getByRole("textbox")).toHaveValue("Team members are trained in safe patient handling");
  await expect(cell.getByLabel("New criterion for Training, level 3")).toHaveValue("");

  // Meanwhile a co-lead sees the draft, read-only.
  const colead = await browser.newContext();
  const coleadPage = await colead.newPage();
  await signedIn(coleadPage, "colead.labor@example.org");
  await coleadPage.goto(draftPath);
  await expectNoEditControls(coleadPage);
  await colead.close();

  // Put everything back.
  await added.getByRole("button", { name: "Remove" }).click();
  await expect(added).toHaveCount(0);
  await text.fill(original);
  await edited.getByRole("button", { name: "Save" }).click();
  await expect(edited.getByRole("status")).toHaveText("Saved");
  if (draft.started) {
    await page.getByRole("button", { name: "Discard this draft" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Discard draft" }).click();
    await expect(page).toHaveURL(/\/criteria$/);
    await expect(page.getByRole("button", { name: "Start a new draft" })).toBeVisible();
  }
});

test("a co-lead reads the published criteria, with nothing to edit", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await page.goto("/criteria");
  await expect(page.getByTestId("criteria-sets")).toContainText(SEEDED_SET);
  await expect(page.getByRole("button", { name: "Start a new draft" })).toHaveCount(0);
  await page.getByRole("link", { name: SEEDED_SET }).click();
  await expect(page.getByRole("heading", { name: SEEDED_SET })).toBeVisible();
  await expect(page.getByTestId("cell-SPONSORSHIP-1")).toHaveText("Union and management sponsors are named for the team");
  await expectNoEditControls(page);
});

test("an unknown version is not found", async ({ page }) => {
  await signedIn(page, "colead.labor@example.org");
  await page.goto("/criteria/9999");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
