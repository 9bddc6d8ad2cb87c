import { expect, test, type Browser, type Page } from "@playwright/test";
import { openHome, sidewaysScroll, signIn, signedIn } from "./support";

/** A suffix that keeps this run's records apart from the seed's and an earlier run's. */
const RUN = Date.now().toString(36).slice(-6).toUpperCase();

/** As the administrator: adds a person, grants them the role on the team, invites them; returns their set-password link. */
async function addColeadAndInvite(page: Page, { name, email, role, teamCode }: { name: string; email: string; role: string; teamCode: string }): Promise<string> {
  await page.goto("/admin/people/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page).toHaveURL(/\/admin\/people\/[0-9a-f-]{36}$/);
  const grant = page.getByRole("form", { name: "Grant a role" });
  await grant.getByLabel("Role").selectOption({ label: role });
  await grant.getByLabel("Team code").fill(teamCode);
  await grant.getByRole("button", { name: "Grant role" }).click();
  await expect(page.getByTestId("assignments")).toContainText(role);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  return page.getByTestId("issued-link-url").inputValue();
}

/** As the invitee, in a browser of their own: sets a password through the link, signs in and finds their team at home. */
async function acceptInvitation(browser: Browser, link: string, email: string, teamName: string): Promise<void> {
  const password = `${email} chose this passphrase`;
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Type it again").fill(password);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee).toHaveURL(/\/login\?notice=password-set$/);
  await signIn(invitee, email, password);
  await expect(invitee.getByTestId("colead-team")).toContainText(teamName);
  await invitee.context().close();
}

test("an administrator adds a facility, a department in it and a team there, finds the team in the tree, and invites its two co-leads, who sign in", async ({ page, browser }) => {
  const facilityName = `Aurora Outpatient Center ${RUN}`;
  const departmentName = `Outpatient Pharmacy ${RUN}`;
  const code = `co-e2e-${RUN}`;
  await signedIn(page, "admin@example.org");

  await page.goto("/admin");
  await page.getByTestId("region-colorado").getByRole("link", { name: "Colorado" }).click();
  await expect(page).toHaveURL(/\/admin\/regions\/colorado$/);
  await page.locator("summary", { hasText: "Add a facility" }).click();
  await page.getByLabel("Facility name").fill(facilityName);
  await page.getByRole("button", { name: "Add facility" }).click();
  await expect(page).toHaveURL(/\/admin\/facilities\/[0-9a-f-]{36}$/);
  const facilityUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 2, name: facilityName })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Colorado" })).toHaveAttribute("href", "/admin/regions/colorado");

  await page.locator("summary", { hasText: "Add a department" }).click();
  await page.getByLabel("Department name").fill(departmentName);
  await page.getByLabel("Kind of department").selectOption({ label: "Pharmacy" });
  await page.getByRole("button", { name: "Add department" }).click();
  const department = page.getByRole("region", { name: departmentName });
  await expect(department).toBeVisible();

  await department.locator("summary", { hasText: "Add a team" }).click();
  await department.getByLabel("Code").fill(code);
  await department.getByLabel("Team name").fill(`Outpatient Pharmacy Team ${RUN}`);
  await department.getByRole("button", { name: "Add team" }).click();
  const teamLink = department.getByRole("link", { name: code.toUpperCase() });
  await expect(teamLink).toBeVisible();
  await expect(department.getByRole("row", { name: new RegExp(`Outpatient Pharmacy Team ${RUN}`) })).toContainText("Active");

  // The tree shows it from the top: the region's facility list counts it, and the team opens.
  await page.goto("/admin/regions/colorado");
  const facilityRow = page.getByRole("row", { name: new RegExp(facilityName) });
  await expect(facilityRow.getByRole("cell")).toHaveText(["1", "1", "0"]);
  await facilityRow.getByRole("link", { name: facilityName }).click();
  await expect(page).toHaveURL(new RegExp(`${facilityUrl}$`));
  await page.getByRole("link", { name: code.toUpperCase() }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Outpatient Pharmacy Team ${RUN}` })).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveValue(code.toUpperCase());

  // Its two co-leads: added, given the role, invited; each sets a password and signs in to their new team.
  const teamName = `Outpatient Pharmacy Team ${RUN}`;
  const coleads = [
    { name: `Lena Labor ${RUN}`, email: `lena.${RUN.toLowerCase()}@example.org`, role: "Labor co-lead" },
    { name: `Max Manager ${RUN}`, email: `max.${RUN.toLowerCase()}@example.org`, role: "Management co-lead" },
  ];
  const links: string[] = [];
  for (const colead of coleads) links.push(await addColeadAndInvite(page, { ...colead, teamCode: code.toUpperCase() }));
  for (const [index, colead] of coleads.entries()) await acceptInvitation(browser, links[index]!, colead.email, teamName);
});

test("the couriers' co-lead adds two members to the roster and names the health and safety champion", async ({ page }) => {
  const [first, second] = [`Marisol Vega ${RUN}`, `Dev Patel ${RUN}`];
  await signedIn(page, "colead.labor@example.org");
  await openHome(page);
  await page.getByTestId("colead-team").locator("h2 a[href^='/teams/']").click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]{36}$/);
  const roster = page.getByTestId("section-roster");
  await expect(roster.getByTestId("health-and-safety-champion")).toContainText("No health and safety champion");

  await roster.locator("summary", { hasText: "Add a member" }).click();
  for (const [name, employeeId] of [
    [first, `E${RUN}1`],
    [second, ""],
  ] as const) {
    await roster.getByLabel("Name", { exact: true }).fill(name);
    if (employeeId) await roster.getByLabel("Employee id").fill(employeeId);
    await roster.getByRole("button", { name: "Add member" }).click();
    await expect(roster.getByTestId("roster-current")).toContainText(name);
  }

  await roster.locator(`summary[aria-label="Key roles of ${second}"]`).click();
  const keyRoles = roster.getByRole("form", { name: `Key roles of ${second}` });
  await keyRoles.getByLabel("Health and safety champion").check();
  await keyRoles.getByRole("button", { name: "Save key roles" }).click();
  await expect(roster.getByTestId("health-and-safety-champion")).toContainText(`Health and safety champion: ${second}`);

  // As anyone opening the page afresh sees it.
  await page.reload();
  await expect(page.getByTestId("section-roster").getByTestId("health-and-safety-champion")).toContainText(second);
  await expect(page.getByTestId("section-roster").getByTestId("roster-current")).toContainText(first);
  expect(await sidewaysScroll(page)).toBe(0);
});
