import { expect, test, type Locator } from "@playwright/test";
import { revealCharts, signIn } from "./support";

/** The tick labels of a chart's axis, in the order drawn. */
async function tickLabels(figure: Locator, axis: "x" | "y"): Promise<string[]> {
  return figure.locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents();
}

/** The horizontal centres of a chart's x-axis tick labels. */
async function tickCentres(figure: Locator): Promise<number[]> {
  return figure.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").evaluateAll((ticks) =>
    ticks.map((tick) => {
      const box = tick.getBoundingClientRect();
      return box.left + box.width / 2;
    }),
  );
}

test("the level distribution's 100 % bars end at 100 %, on an axis that ends there", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await revealCharts(page);
  const figure = page.getByRole("figure", { name: /Stacked bars/ });
  await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await tickLabels(figure, "x")).toEqual(["0%", "25%", "50%", "75%", "100%"]);
  // Every place's bar ends at the same point, the axis's 100 %.
  const ends = await figure.locator(".recharts-bar").last().locator(".recharts-bar-rectangle path").evaluateAll((bars) => bars.map((bar) => Math.round(bar.getBoundingClientRect().right)));
  expect(ends).toHaveLength(8); // the rated regions of 2021-Q2 (Washington has no ratings)
  expect(new Set(ends).size).toBe(1);
});

test("value axes have distinct ticks, and counts have whole ones", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/overview/linkage?quarter=2021-Q2");
  await revealCharts(page);
  for (const name of [/projects and PDSA cycles per team/, /validated savings per team/]) {
    const figure = page.getByRole("figure", { name });
    await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const ticks = await tickLabels(figure, "y");
    expect(ticks.length, String(name)).toBeGreaterThan(1);
    expect(new Set(ticks).size, ticks.join(" ")).toBe(ticks.length);
  }

  // A facility has a handful of projects: the compass chart counts them in whole numbers.
  await page.goto("/overview?quarter=2021-Q2&region=colorado");
  await revealCharts(page);
  await page.getByTestId("table-high-performing").getByRole("link", { name: "Arapahoe Medical Offices" }).click();
  const compass = page.getByRole("figure", { name: /projects by Value Compass point/ });
  await expect(compass.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const counts = await tickLabels(compass, "y");
  expect(counts.length).toBeGreaterThan(1);
  for (const tick of counts) expect(tick, counts.join(" ")).toMatch(/^\d+$/);
  expect(new Set(counts).size).toBe(counts.length);
});

for (const width of [390, 1366]) {
  test(`the trend's quarter labels are evenly spaced at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "staff@example.org");
    await page.goto("/overview?quarter=2021-Q2");
    await revealCharts(page);
    const figure = page.getByRole("figure", { name: /Line chart/ });
    await expect(figure.locator(".recharts-line").first()).toBeVisible();
    // Each label a whole number of quarters after the one before: all Q1s, or Q1s and Q3s.
    const labels = await tickLabels(figure, "x");
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.every((label) => label.endsWith("-Q1")) || labels.every((label) => /-Q[13]$/.test(label))).toBe(true);
    const centres = await tickCentres(figure);
    const gaps = centres.slice(1).map((centre, index) => centre - centres[index]!);
    for (const gap of gaps) expect(Math.abs(gap - gaps[0]!), gaps.join(", ")).toBeLessThan(1.5);
  });
}

test("legend names are in readable slate text, each beside a swatch of its series' colour", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await revealCharts(page);
  const legends = page.locator("figure [data-testid='chart-legend']");
  // Levels, trend, projects by compass point, savings by quarter.
  await expect(legends).toHaveCount(4);
  const items = await legends.locator("li").evaluateAll((entries) => {
    // Computed colours may be oklch(): let a canvas turn them into sRGB.
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgb = (colour: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
    };
    const luminance = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((value) => (value / 255 <= 0.03928 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, value, index) => sum + value * [0.2126, 0.7152, 0.0722][index]!, 0);
    return entries.map((entry) => {
      const text = entry.querySelector("span")!;
      return {
        name: text.textContent,
        contrast: (1.05) / (luminance(rgb(getComputedStyle(text).color)) + 0.05),
        swatches: entry.querySelectorAll("[data-testid='legend-swatch']").length,
      };
    });
  });
  expect(items.map((item) => item.name)).toContain("3 · Transitional");
  for (const item of items) {
    expect(item.swatches, item.name ?? "").toBe(1);
    // WCAG AA for small text on white; the Okabe–Ito yellow (#F0E442) is about 1.3.
    expect(item.contrast, item.name ?? "").toBeGreaterThanOrEqual(4.5);
  }
});
