import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { sidewaysScroll, signedIn } from "./support";

const HEADER = "region,facility,department,department_type,team_code,team_name,union_local,chartered_quarter,retired_quarter";

test("an administrator downloads the template, fixes a file's bad row after the preview, imports it and finds the new team", async ({ page }) => {
  // Codes are unique across runs on a reused database; 20 characters at most.
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const good = `colorado,E2E Medical Offices,Pharmacy,PHARMACY,${code},E2E pharmacy team,,2021-Q2,`;
  const bad = `colorado,E2E Medical Offices,Pharmacy,PHARMACY,${code}-B,E2E second team,,2021-Q5,`;
  const fixed = bad.replace("2021-Q5", "2021-Q3");

  await signedIn(page, "admin@example.org");
  await page.goto("/admin/import");
  await expect(page.getByRole("combobox", { name: "Kind of records" })).toHaveValue("organisation");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-link").click()]);
  expect(download.suggestedFilename()).toBe("organisation-template.csv");
  expect((await readFile(await download.path())).toString("utf8").split("\r\n")[0]).toBe(HEADER);

  const file = page.getByLabel("CSV file");
  await file.setInputFiles({ name: "teams.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n${good}\n${bad}\n`) });
  await page.getByRole("button", { name: "Preview" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors.getByRole("row", { name: /3 chartered_quarter Enter a quarter like 2021-Q2/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  // The errors table stays in its own scroll box on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toBe(0);
  await page.setViewportSize({ width: 1366, height: 900 });

  await file.setInputFiles({ name: "teams.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n${good}\n${fixed}\n`) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("tally-teams")).toContainText(/Teams\s*2\s*0\s*0/);
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Import 2 rows?" });
  await expect(dialog).toContainText("Teams: 2 to create, 0 to update.");
  await dialog.getByRole("button", { name: "Import", exact: true }).click();

  await expect(page.getByText("Imported 2 rows from the file.")).toBeVisible();
  await expect(page.getByTestId("tally-teams")).toContainText(/Teams\s*2\s*0\s*0/);

  const exported = await page.request.get("/api/admin/export/organisation");
  expect(exported.status()).toBe(200);
  const text = await exported.text();
  expect(text).toContain(`,${code},E2E pharmacy team,,2021-Q2,`);
  expect(text).toContain(`,${code}-B,E2E second team,,2021-Q3,`);
});

test("the import route refuses a request from another site", async ({ page }) => {
  await signedIn(page, "admin@example.org");
  const response = await page.request.post("/api/admin/import", {
    headers: { origin: "https://elsewhere.example" },
    multipart: { kind: "organisation", mode: "preview", file: { name: "teams.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n`) } },
  });
  expect(response.status()).toBe(403);
});
