import { expect, test, type Page } from "@playwright/test";
import { signedIn } from "./support";

// Administration is for administrators: a co-lead, a sponsor and LMP staff get the 403 page
// on every administration page (each service refuses them too: tests/integration/services/admin-access.test.ts).

/** Every kind of administration page, with real ids read as the administrator sees them. */
async function adminPages(page: Page): Promise<string[]> {
  await signedIn(page, "admin@example.org");
  await page.goto("/admin/regions/colorado");
  const facility = await page.locator("a[href^='/admin/facilities/']").first().getAttribute("href");
  await page.goto(facility!);
  const team = await page.locator("a[href^='/admin/teams/']").first().getAttribute("href");
  await page.goto("/admin/people?q=consultant.colorado");
  const person = await page.locator("a[href^='/admin/people/']:not([href='/admin/people/new'])").first().getAttribute("href");
  await page.context().clearCookies();
  return ["/admin", "/admin/regions/colorado", facility!, team!, "/admin/people", "/admin/people/new", person!, "/admin/import"];
}

test("a co-lead, a sponsor and LMP staff get 403 on every administration page and route, and no Admin link", async ({ page, baseURL }) => {
  const pages = await adminPages(page);
  expect(pages.every((path) => path.startsWith("/admin"))).toBe(true);
  for (const email of ["colead.labor@example.org", "sponsor.union@example.org", "staff@example.org"]) {
    await signedIn(page, email);
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), `${email} on ${path}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Not permitted" })).toBeVisible();
      await expect(page.getByTestId("not-permitted-who")).toContainText("administrators");
    }
    await expect(page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Admin" })).toHaveCount(0);
    expect((await page.request.get("/api/admin/export/people")).status(), `${email} exporting people`).toBe(403);
    expect((await page.request.get("/api/admin/import/templates/organisation")).status(), `${email} fetching a template`).toBe(403);
    const upload = await page.request.post("/api/admin/import", {
      headers: { origin: baseURL! },
      multipart: { kind: "people", mode: "import", file: { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("display_name,email,employee_id,union_local,account\nMallory,mallory@example.org,,,yes\n") } },
    });
    expect(upload.status(), `${email} importing`).toBe(403);
    await page.context().clearCookies();
  }
});
