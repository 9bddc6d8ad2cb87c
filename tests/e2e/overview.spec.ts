import { expect, test, type Locator, type Page } from "@playwright/test";
import { currentQuarter, formatQuarter } from "@/lib/domain/quarter";
import { revealCharts, sidewaysScroll, signedIn, signIn } from "./support";

// DOMAIN.md, "Rated high performing as of June 2021", as displayed: region, members, UBTs, high performing, percent.
const PUBLISHED_2021_Q2 = [
  ["Colorado", "541,000", "256", "188", "73%"],
  ["Georgia", "316,000", "108", "94", "87%"],
  ["Hawaii", "258,000", "60", "54", "90%"],
  ["Mid-Atlantic States", "787,000", "277", "213", "77%"],
  ["Northern California", "4,500,000", "1,347", "1,006", "75%"],
  ["Northwest", "633,000", "407", "280", "69%"],
  ["Southern California", "4,700,000", "1,115", "789", "71%"],
  ["Washington", "688,000", "—", "—", "—"],
  ["National Functions", "—", "81", "50", "62%"],
];

async function tableCells(table: Locator, rows: string): Promise<string[][]> {
  return table.locator(rows).evaluateAll((found) => found.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? "")));
}

/** A minimal RFC 4180 reader for the app's own CSV (quoted fields, CRLF lines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(field), (field = "");
    else if (char === "\r") continue;
    else if (char === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += char;
  }
  return rows;
}

/** A page cell as the CSV writes it: no thousands separators, $, % or "pts"; a dash is an empty cell. */
function asCsvValue(text: string): string {
  if (text === "—") return "";
  return text.replace(/\u2212/g, "-").replace(/^\+/, "").replace(/ pts?$/, "").replace(/%$/, "").replace(/^\$/, "").replace(/,(?=\d{3})/g, "");
}

test("LMP staff land on the national overview, which shows exactly the published 2021-Q2 table", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "National overview" })).toBeVisible();
  await page.goto("/overview?quarter=2021-Q2");
  const table = page.getByTestId("table-high-performing");
  expect((await tableCells(table, "tbody tr")).map((row) => row.slice(0, 5))).toEqual(PUBLISHED_2021_Q2);
  expect((await tableCells(table, "tfoot tr"))[0]!.slice(0, 5)).toEqual(["Total", "—", "3,651", "2,674", "73%"]);
  await revealCharts(page);
  await expect(page.getByRole("figure", { name: /Line chart/ }).locator(".recharts-line")).toHaveCount(9);
  await expect(page.getByRole("figure", { name: /Stacked bars/ }).locator(".recharts-bar-rectangle").first()).toBeVisible();
});

test("in the open quarter the table shows the teams due beside those rated so far; a closed quarter keeps the published UBTs", async ({ page }) => {
  await signIn(page, "staff@example.org");
  // The seed rates part of the current quarter: the overview opens on it.
  await page.goto(`/overview?quarter=${currentQuarter()}`);
  const table = page.getByTestId("table-high-performing");
  const headers = (await tableCells(table, "thead tr"))[0]!;
  expect(headers.slice(0, 5)).toEqual(["Region", "Members served", "Teams due", "Rated so far", "High performing"]);
  expect(headers).not.toContain("UBTs");
  // The total's two counts are the ones the sentence above the table gives.
  const progress = await page.getByTestId("rating-progress").textContent();
  const [, rated, due] = /([\d,]+) of ([\d,]+) teams have a final rating so far/.exec(progress ?? "")!;
  const total = (await tableCells(table, "tfoot tr"))[0]!;
  expect(total.slice(0, 4)).toEqual(["Total", "—", due, rated]);
  expect(Number(due!.replace(/,/g, ""))).toBeGreaterThan(Number(rated!.replace(/,/g, "")));

  await page.goto("/overview?quarter=2021-Q2");
  expect((await tableCells(page.getByTestId("table-high-performing"), "thead tr"))[0]!.slice(0, 5)).toEqual(["Region", "Members served", "UBTs", "High performing", "Percent"]);
});

test("the CSV of the regional table equals the table on the page", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  const table = page.getByTestId("table-high-performing");
  const onPage = [...(await tableCells(table, "thead tr")), ...(await tableCells(table, "tbody tr")), ...(await tableCells(table, "tfoot tr"))];
  const href = await page.getByRole("link", { name: /Download this table as CSV\W+High-performing teams by region/ }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const csv = parseCsv(await response.text());
  expect(csv[0]).toEqual(onPage[0]);
  expect(csv.slice(1)).toEqual(onPage.slice(1).map((row) => row.map(asCsvValue)));
  expect(csv.at(-1)!.slice(0, 5)).toEqual(["Total", "", "3651", "2674", "73"]);
});

/** Every table on the page with a CSV link: the download must hold exactly the table's cells. */
async function expectEveryCsvMatchesItsTable(page: Page): Promise<number> {
  const tables = await page.locator("table[data-testid^='table-']").all();
  let checked = 0;
  for (const table of tables) {
    const link = table.locator("xpath=../..").locator("a[download]");
    if ((await link.count()) === 0) continue;
    const name = (await table.getAttribute("data-testid")) ?? "";
    const onPage = [...(await tableCells(table, "thead tr")), ...(await tableCells(table, "tbody tr")), ...(await tableCells(table, "tfoot tr"))];
    const response = await page.request.get((await link.getAttribute("href"))!);
    expect(response.status(), name).toBe(200);
    const csv = parseCsv(await response.text());
    expect(csv, name).toEqual([onPage[0], ...onPage.slice(1).map((row) => row.map(asCsvValue))]);
    checked++;
  }
  return checked;
}

test("every table's CSV equals the table, nationally, for a region and for a facility", async ({ page }) => {
  test.setTimeout(120_000);
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2&since=2020-Q1");
  // High-performing, levels, trend, movement, engagement, compass, savings, savings by quarter, practices.
  expect(await expectEveryCsvMatchesItsTable(page)).toBe(9);
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Colorado" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Colorado" })).toBeVisible();
  // A section without data shows an empty state instead of a table.
  expect(await expectEveryCsvMatchesItsTable(page)).toBeGreaterThanOrEqual(6);
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Arapahoe Medical Offices" }).click();
  await expect(page.getByTestId("table-teams")).toBeVisible();
  expect(await expectEveryCsvMatchesItsTable(page)).toBeGreaterThanOrEqual(5);
});

test("filters live in the URL, and back and forward step through the views", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await page.getByLabel("Region", { exact: true }).selectOption({ label: "Colorado" });
  await page.getByLabel("Value Compass point", { exact: true }).selectOption({ label: "Most Affordable" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/quarter=2021-Q2.*region=colorado.*compass=MOST_AFFORDABLE/);
  await expect(page.getByRole("heading", { level: 1, name: "Colorado" })).toBeVisible();
  await expect(page.getByTestId("table-high-performing").locator("thead th").first()).toHaveText("Facility");

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "National overview" })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "Colorado" })).toBeVisible();
  // The shared URL opens the same view in a fresh page.
  const shared = page.url();
  await page.goto("/");
  await page.goto(shared);
  await expect(page.getByLabel("Value Compass point", { exact: true })).toHaveValue("MOST_AFFORDABLE");
});

test("drill down: national → region → facility → team", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Colorado" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Colorado" })).toBeVisible();
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Arapahoe Medical Offices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arapahoe Medical Offices" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("All regions›Colorado›Arapahoe Medical Offices");
  const teams = page.getByTestId("table-teams");
  await expect(teams.locator("tbody tr")).toHaveCount(10);
  await teams.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+$/);
});

test("a facility's trend and movement are the facility's, not its region's", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2&region=colorado");
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Arapahoe Medical Offices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arapahoe Medical Offices" })).toBeVisible();
  await revealCharts(page);
  const trend = page.getByRole("figure", { name: /Line chart/ });
  await expect(trend.locator(".recharts-line")).toHaveCount(1);
  await expect(trend.getByTestId("chart-legend").locator("li")).toHaveText(["Arapahoe Medical Offices"]);
  const trendTable = await tableCells(page.getByTestId("table-trend"), "thead tr");
  expect(trendTable[0]).toEqual(["Quarter", "Arapahoe Medical Offices"]);
  // The movement line counts the facility's teams: those of the teams table with a level in both quarters.
  const movement = await tableCells(page.getByTestId("table-movement"), "tbody tr");
  expect(movement.map((row) => row[0])).toEqual(["Arapahoe Medical Offices"]);
  const teams = await tableCells(page.getByTestId("table-teams"), "tbody tr");
  const ratedBoth = teams.filter((row) => row[4] !== "—").length;
  expect(ratedBoth).toBeGreaterThan(0);
  expect(movement[0]![1]).toBe(String(ratedBoth));
});

test("a new region without ratings shows dashes and an empty state, not zeros or a broken chart", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2&region=washington");
  await expect(page.getByTestId("section-levels")).toContainText("No final ratings in 2021-Q2 for Washington");
  const total = (await tableCells(page.getByTestId("table-high-performing"), "tfoot tr"))[0]!;
  expect(total.slice(1, 4)).toEqual(["0", "0", "—"]);
});

test("the linkage view relates level to savings and activity, with its table and CSV", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await page.getByRole("link", { name: /See the linkage view/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Level and results" })).toBeVisible();
  const rows = await tableCells(page.getByTestId("table-linkage"), "tbody tr");
  expect(rows.map((row) => row[0])).toEqual([
    "1 · Pre-Team Climate",
    "2 · Foundational",
    "3 · Transitional",
    "4 · Operational",
    "5 · High Performing",
    "High performing (4–5)",
    "Not yet high performing (1–3)",
    "All rated teams",
  ]);
  // All rated teams: the 3,651 of the published table.
  expect(rows.at(-1)![1]).toBe("3,651");
  const response = await page.request.get((await page.getByRole("link", { name: "Download every team's figures as CSV" }).getAttribute("href"))!);
  expect(parseCsv(await response.text())).toHaveLength(3651 + 1);
});

test("the quarterly region report renders for print and fits an A4 or Letter page's width", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2&region=colorado");
  await page.getByRole("link", { name: "Printable quarterly report" }).click();
  const report = page.getByTestId("quarterly-report");
  await expect(report.getByRole("heading", { level: 1 })).toHaveText("Colorado, Q2 2021");
  await expect(report.getByTestId("table-high-performing")).toBeVisible();
  await expect(report.getByTestId("table-movement")).toBeVisible();
  // Levels, trend, projects by compass point, savings by quarter.
  await expect(report.locator("figure .recharts-wrapper")).toHaveCount(4);
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  // A4's printable width with 12 mm margins (186 mm) is the narrower of the two: 703 CSS pixels.
  await page.setViewportSize({ width: 703, height: 1000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});

test("the printed report starts its content on page 1, prints each Total once and leaves no row alone on a page", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/overview/report?region=colorado&quarter=2021-Q2");
  const report = page.getByTestId("quarterly-report");
  await expect(report.locator("figure .recharts-wrapper")).toHaveCount(4);
  await page.emulateMedia({ media: "print" });
  const print = await report.evaluate((article) => {
    const style = (selector: string) => [...article.querySelectorAll(selector)].map((element) => getComputedStyle(element));
    return {
      // A section kept whole would move to page 2 whenever it is longer than what is left of page 1.
      sectionsKeptWhole: style("section").filter((section) => section.breakInside === "avoid").length,
      // Charts are not cut in two; titles stay with what follows.
      figuresSplittable: style("figure").filter((figure) => figure.breakInside !== "avoid").length,
      titlesLeftAlone: style("h2").filter((title) => title.breakAfter !== "avoid").length,
      titleBlocksSplittable: [...article.querySelectorAll("section > div:first-child")].filter((block) => getComputedStyle(block).breakInside !== "avoid").length,
      // A footer group repeats at the foot of every page its table runs over; the Total must appear once.
      totalsRepeating: style("tfoot").filter((foot) => foot.display === "table-footer-group").length,
      headersNotRepeating: style("thead").filter((head) => head.display !== "table-header-group").length,
      rowsSplittable: style("tr").filter((row) => row.breakInside !== "avoid").length,
      // The first two rows start a table together (with its header), the last two and the Total end it together.
      loneRowBreaks: [...article.querySelectorAll("tbody")].flatMap((body) => {
        const rows = [...body.querySelectorAll(":scope > tr")];
        const guarded = [rows[0], rows[1], rows.at(-1)].filter((row): row is Element => row !== undefined);
        return guarded.filter((row) => getComputedStyle(row).breakBefore !== "avoid").map((row) => row.textContent);
      }),
      totalBreaks: style("tfoot tr").filter((row) => row.breakBefore !== "avoid").length,
    };
  });
  expect(print).toEqual({
    sectionsKeptWhole: 0,
    figuresSplittable: 0,
    titlesLeftAlone: 0,
    titleBlocksSplittable: 0,
    totalsRepeating: 0,
    headersNotRepeating: 0,
    rowsSplittable: 0,
    loneRowBreaks: [],
    totalBreaks: 0,
  });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});

test("overview, linkage, report and movement pages do not scroll sideways on a 390 px phone", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2&region=colorado");
  const facility = await page.getByTestId("table-high-performing").getByRole("link", { name: "Arapahoe Medical Offices" }).getAttribute("href");
  const paths = [
    "/overview",
    "/overview?quarter=2021-Q2",
    "/overview?quarter=2021-Q2&region=colorado",
    facility!,
    "/overview/linkage?quarter=2021-Q2",
    "/overview/report?quarter=2021-Q2",
    "/overview/report?quarter=2021-Q2&region=colorado",
    "/regions/colorado/movement?quarter=2021-Q2",
  ];
  for (const path of paths) {
    // Loaded to the last streamed part: counted earlier, a page's figures could still be on their way (0 figures, then 4 charts, in one CI run).
    await page.goto(path, { waitUntil: "networkidle" });
    // Every chart drawn (they draw once near the screen, hydrated and measured), every disclosure open.
    await revealCharts(page);
    const figures = await page.locator("figure").count();
    await expect(page.locator("figure .recharts-wrapper > svg.recharts-surface"), path).toHaveCount(figures);
    for (const details of await page.locator("main details").all()) await details.evaluate((element) => ((element as HTMLDetailsElement).open = true));
    expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
    // Nor does a filter stick out of its form (a long facility name in its select).
    const sticking = await page
      .locator("main form select")
      .evaluateAll((selects) =>
        selects.filter((select) => select.getBoundingClientRect().right > select.closest("form")!.getBoundingClientRect().right + 0.5).map((select) => select.getAttribute("name")),
      );
    expect(sticking, path).toEqual([]);
  }
});

/** The couriers' card: their team, its current level and this quarter's rating status. */
async function coleadHome(page: Page) {
  const card = page.getByTestId("colead-team");
  await expect(card).toContainText("Couriers");
  await expect(card.getByTestId("home-current-level")).toHaveText(/^[1-5] · /);
  // "This quarter" is the real clock's, on purpose: the app promises the status of the quarter it is in.
  await expect(card).toContainText(`${formatQuarter(currentQuarter(new Date()))} rating`);
  // The team's savings, reported and validated; project titles are links that look like links.
  await expect(card.getByTestId("home-savings").getByTestId("savings-totals")).toHaveText(/^Reported \$[\d,]+\.\d{2} · Validated \$[\d,]+\.\d{2}$/);
  const firstProject = card.locator("tbody a[href^='/projects/']").first();
  await expect(firstProject).toHaveCSS("text-decoration-line", "underline");
}

const HOME_VIEWS: { email: string; check: (page: Page) => Promise<void> }[] = [
  { email: "admin@example.org", check: async (page) => await expect(page.getByRole("heading", { level: 1, name: "National overview" })).toBeVisible() },
  {
    email: "finance@example.org",
    check: async (page) => await expect(page.getByTestId("review-summary")).toContainText(/[1-9][\d,]* reported savings (entry is|entries are) waiting for review/),
  },
  {
    email: "consultant.colorado@example.org",
    check: async (page) => {
      await expect(page.getByRole("heading", { name: "Teams needing attention" })).toBeVisible();
      for (const list of ["not-started", "moved-down", "stuck", "stale-projects"]) await expect(page.getByTestId(`attention-${list}`)).toBeVisible();
    },
  },
  {
    email: "sponsor.union@example.org",
    check: async (page) => {
      await expect(page.getByRole("heading", { name: "Your rating queue" })).toBeVisible();
      await expect(page.getByTestId("sponsor-portfolio")).toContainText("Validated savings reported in");
      await expect(page.getByTestId("table-portfolio-teams").locator("tbody tr")).toHaveCount(10);
    },
  },
  {
    email: "sponsor.mgmt@example.org",
    check: async (page) => {
      await expect(page.getByRole("heading", { name: "Your rating queue" })).toBeVisible();
      await expect(page.getByTestId("table-portfolio-levels")).toBeVisible();
    },
  },
  { email: "colead.labor@example.org", check: coleadHome },
  { email: "colead.mgmt@example.org", check: coleadHome },
];

for (const { email, check } of HOME_VIEWS) {
  test(`${email} lands on their role's home view`, async ({ page }) => {
    await signIn(page, email);
    await check(page);
  });
}

test("a consultant's overview and CSVs hold only their region", async ({ page }) => {
  await signedIn(page, "consultant.colorado@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await expect(page.getByRole("heading", { level: 1, name: "Colorado" })).toBeVisible();
  expect(await page.getByTestId("table-high-performing").locator("tbody th").allTextContents()).toEqual(["Colorado"]);
  const csv = await page.request.get("/api/exports/overview/high-performing?quarter=2021-Q2");
  expect(parseCsv(await csv.text()).slice(1, -1).map((row) => row[0])).toEqual(["Colorado"]);
  expect((await page.request.get("/api/exports/overview/high-performing?quarter=2021-Q2&region=georgia")).status()).toBe(403);
  expect((await page.goto("/overview?region=georgia"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not permitted" })).toBeVisible();
});

test("a consultant of one region sees that region throughout, never an \"All regions\" they cannot open", async ({ page }) => {
  await signIn(page, "consultant.colorado@example.org");
  const main = page.locator("main");
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await page.goto("/overview?quarter=2021-Q2");
  await expect(page.getByRole("heading", { level: 1, name: "Colorado" })).toBeVisible();
  await expect(breadcrumb).toHaveText("Colorado");
  await expect(main).toContainText("Colorado, 2021-Q2.");
  await expect(page.getByTestId("section-high-performing")).toContainText("Choose Colorado to see its facilities.");
  const region = page.getByLabel("Region", { exact: true });
  await expect(region.locator("option")).toHaveText(["Colorado"]);
  await expect(region).toHaveValue("colorado");
  await expect(main).not.toContainText("All regions");
  await expect(main).not.toContainText("Choose a region");

  await page.getByTestId("table-high-performing").getByRole("link", { name: "Colorado" }).click();
  await expect(page.getByTestId("table-high-performing").locator("thead th").first()).toHaveText("Facility");
  await expect(breadcrumb).toHaveText("Colorado");
  await expect(main).not.toContainText("All regions");
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Arapahoe Medical Offices" }).click();
  await expect(breadcrumb).toContainText("Colorado›Arapahoe Medical Offices");
  await expect(main).not.toContainText("All regions");

  for (const path of ["/overview/linkage?quarter=2021-Q2", "/overview/report?quarter=2021-Q2", "/regions/colorado/movement?quarter=2021-Q2"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
    await expect(main, path).toContainText("Colorado");
    await expect(main, path).not.toContainText("All regions");
  }
});

test("a malformed quarter falls back to the latest with a notice, and the CSV refuses it", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  await page.goto("/overview?quarter=banana");
  await expect(page.getByText("Not applied: quarter “banana”. Enter a quarter like 2021-Q2. Showing the latest quarter instead.")).toBeVisible();
  const response = await page.request.get("/api/exports/overview/high-performing?quarter=banana");
  expect(response.status()).toBe(400);
});

test("an unknown table's CSV is not found, whatever its name", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  for (const name of ["no-such-table", "toString", "constructor", "__proto__"]) {
    const response = await page.request.get(`/api/exports/overview/${name}?quarter=2021-Q2`);
    expect(response.status(), name).toBe(404);
  }
});

for (const email of ["colead.labor@example.org", "sponsor.union@example.org"]) {
  test(`${email} cannot reach the national overview or its exports`, async ({ page }) => {
    await signedIn(page, email);
    for (const path of ["/overview?quarter=2021-Q2", "/overview/linkage", "/overview/report?region=colorado"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Not permitted" }), path).toBeVisible();
      await expect(page.getByTestId("not-permitted-who"), path).toContainText("is open to LMP staff, administrators and UBT consultants (for their own region).");
    }
    await expect(page.getByTestId("table-high-performing")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Overview" })).toHaveCount(0);
    expect((await page.request.get("/api/exports/overview/high-performing?quarter=2021-Q2")).status()).toBe(403);
  });
}
