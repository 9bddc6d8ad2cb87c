import { expect, test } from "@playwright/test";
import { openHome, signedIn } from "./support";

test("a union sponsor signs; the management sponsor sees the unread count, opens the notification and lands on the rating", async ({ browser }) => {
  const unionSponsor = await browser.newPage();
  await signedIn(unionSponsor, "sponsor.union@example.org");
  await openHome(unionSponsor);
  const queue = unionSponsor.getByTestId("sponsor-queue");
  await queue.locator("tbody tr", { hasText: "Not started" }).first().getByRole("link", { name: /^Rate/ }).click();
  await expect(unionSponsor.getByRole("heading", { name: /Quarterly rating, Q\d \d{4}/ })).toBeVisible();
  const ratingPath = new URL(unionSponsor.url()).pathname;
  for (const box of await unionSponsor.locator("input[type=checkbox][data-criterion-level]").all()) {
    if (Number(await box.getAttribute("data-criterion-level")) <= 3) await box.check();
  }
  await unionSponsor.getByRole("button", { name: "Save rating" }).click();
  await expect(unionSponsor.getByTestId("rating-status")).toHaveText("Draft");
  await unionSponsor.getByRole("button", { name: "Sign as union sponsor (level 3)" }).click();
  await expect(unionSponsor.getByTestId("rating-status")).toHaveText("Awaiting management sign-off");

  const managementSponsor = await browser.newPage();
  await signedIn(managementSponsor, "sponsor.mgmt@example.org");
  await openHome(managementSponsor);
  const bell = managementSponsor.getByTestId("notifications-link").locator("visible=true");
  await expect(bell.getByTestId("unread-count")).toHaveText(/^[1-9]\d*$/);
  const unreadBefore = Number(await bell.getByTestId("unread-count").textContent());
  await expect(bell).toHaveAccessibleName(`Notifications, ${unreadBefore} unread`);
  await bell.click();

  await expect(managementSponsor.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  // Newest first: the signature just asked for.
  const newest = managementSponsor.getByTestId("notification").first();
  await expect(newest).toHaveAttribute("data-unread", "true");
  await expect(newest).toContainText("awaits your signature");
  await expect(newest).toContainText("level 3");
  await newest.getByRole("button", { name: /awaits your signature/ }).click();

  await managementSponsor.waitForURL((url) => url.pathname === ratingPath);
  await expect(managementSponsor.getByRole("button", { name: "Sign as management sponsor (level 3)" })).toBeVisible();
  // Read now: one fewer unread (the badge goes when none are left).
  const after = unreadBefore - 1;
  if (after === 0) await expect(managementSponsor.getByTestId("unread-count").locator("visible=true")).toHaveCount(0);
  else await expect(managementSponsor.getByTestId("unread-count").locator("visible=true")).toHaveText(String(after));
  await managementSponsor.goto("/notifications");
  await expect(managementSponsor.getByTestId("notification").first()).not.toHaveAttribute("data-unread", "true");
});
