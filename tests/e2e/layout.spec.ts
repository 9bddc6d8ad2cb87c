import { expect, test, type Browser, type Page } from "@playwright/test";
import { currentQuarter } from "@/lib/domain/quarter";
import { openHome, sidewaysScroll, signedIn, signIn } from "./support";

// Every signed-in page type, at a phone's width and a laptop's, must fit the window:
// wide tables scroll inside their own box and long words wrap. The data include a
// project whose title is 200 characters without a space, as people paste them.

const LONG_TITLE = "Longtitlewithoutanyspaces".repeat(8);
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

type Ids = { team: string; project: string; facility: string; criteriaVersion: string };
let ids: Ids;

/** Logs the long-titled project as the couriers' co-lead, with a savings entry, and completes it so it is a practice. */
async function prepare(browser: Browser): Promise<Ids> {
  const page = await browser.newPage();
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  const team = (await page.getByTestId("colead-team").getByRole("link").first().getAttribute("href"))!.split("/").pop()!;
  await page.getByRole("link", { name: "Log a new project" }).first().click();
  await page.getByLabel("Title").fill(LONG_TITLE);
  await page.getByLabel("Aim").fill("Show that a title pasted without spaces wraps on every screen");
  await page.getByLabel("Best Service").check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const project = page.url().split("/").pop()!;

  const addSavings = page.getByRole("form", { name: "Add savings" });
  await addSavings.getByLabel("Amount (dollars)").fill("1,500");
  await addSavings.getByLabel("Method of calculation").fill("Supplies avoided, from the unit's order history");
  await addSavings.getByRole("button", { name: "Add savings" }).click();
  await expect(addSavings.getByRole("status")).toHaveText("Savings added");
  for (const step of ["Active", "Testing", "Implemented"]) {
    await page.getByLabel("Move to").selectOption({ label: step });
    await page.getByRole("button", { name: "Change status" }).click();
    await expect(page.getByTestId("project-status")).toHaveText(step);
  }

  await page.goto("/criteria");
  const criteriaVersion = (await page.locator("a[href^='/criteria/']").first().getAttribute("href"))!.split("/").pop()!;
  await page.close();

  const staff = await browser.newPage();
  await signedIn(staff, "staff@example.org");
  await staff.goto("/overview?region=colorado");
  const facility = new URL((await staff.locator("a[href*='facility=']").first().getAttribute("href"))!, "http://x").searchParams.get("facility")!;
  await staff.close();
  return { team, project, facility, criteriaVersion };
}

/** Who visits which pages: every signed-in page type, as the role that uses it. */
function visits({ team, project, facility, criteriaVersion }: Ids): Record<string, string[]> {
  const quarter = currentQuarter();
  return {
    "colead.labor@example.org": [
      "/",
      `/teams/${team}`,
      `/teams/${team}/ratings/${quarter}?kind=self`,
      `/teams/${team}/projects/new`,
      `/projects/${project}`,
      "/practices",
      `/practices?q=${LONG_TITLE.slice(0, 30)}`,
      "/criteria",
      `/criteria/${criteriaVersion}`,
      "/savings",
      "/teams/00000000-0000-4000-8000-000000000000",
    ],
    "sponsor.union@example.org": ["/", `/teams/${team}/ratings/${quarter}`],
    "consultant.colorado@example.org": ["/", "/overview"],
    "staff@example.org": [
      "/overview",
      "/overview?region=colorado",
      `/overview?facility=${facility}`,
      "/overview/linkage",
      "/overview/report?region=colorado&quarter=2021-Q2",
      "/regions/colorado/movement",
      "/savings?status=ALL",
      `/teams/${team}/ratings/2021-Q2`,
    ],
    "finance@example.org": ["/", "/savings"],
    // The people pages are checked, forms open, in admin-people.spec.ts.
    "admin@example.org": ["/admin", "/admin/regions/colorado", `/admin/facilities/${facility}`, `/admin/teams/${team}`, "/admin/import"],
  };
}

async function expectFits(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first(), path).toBeVisible();
  expect(await sidewaysScroll(page), `${path} scrolls sideways at ${page.viewportSize()?.width} px`).toBeLessThanOrEqual(0);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  ids = await prepare(browser);
});

for (const viewport of VIEWPORTS) {
  test(`no page scrolls sideways at ${viewport.width} px, and a 200-character title wraps`, async ({ browser }) => {
    test.setTimeout(300_000);
    const signedOut = await browser.newPage({ viewport });
    await expectFits(signedOut, "/login");
    await signedOut.close();

    for (const [email, paths] of Object.entries(visits(ids))) {
      const page = await browser.newPage({ viewport });
      await signedIn(page, email);
      for (const path of paths) await expectFits(page, path);
      await page.close();
    }

    // The long title itself stays inside the window wherever it is shown.
    const colead = await browser.newPage({ viewport });
    await signedIn(colead, "colead.labor@example.org");
    for (const path of ["/", `/teams/${ids.team}`, `/projects/${ids.project}`, `/practices?q=${LONG_TITLE.slice(0, 30)}`]) {
      await colead.goto(path);
      const title = colead.getByText(LONG_TITLE, { exact: true }).first();
      await expect(title, path).toBeVisible();
      const box = (await title.boundingBox())!;
      expect(box.x + box.width, `${path}: the title runs past the window`).toBeLessThanOrEqual(viewport.width);
    }
    await colead.close();
  });
}

test("the header's menu holds the navigation and sign-out on a phone", async ({ browser }) => {
  const page = await browser.newPage({ viewport: VIEWPORTS[0] });
  await signIn(page, "staff@example.org");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
  await page.getByRole("button", { name: "Open the menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Savings review" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Savings review" }).click();
  await expect(page).toHaveURL(/\/savings$/);
  await expect(page.getByRole("button", { name: "Open the menu" })).toBeVisible();
});

test("the browser finds the site's icon", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
});
