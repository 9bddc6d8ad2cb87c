import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { revealCharts, signedIn, signIn } from "./support";

const FIXED_HEADERS = {
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "cross-origin-opener-policy": "same-origin",
};

/** The response's policy as directive → sources. */
function policyOf(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"];
  expect(header, `a Content-Security-Policy on ${response.url()}`).toBeTruthy();
  return new Map(
    header!
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function nonceOf(response: APIResponse): string {
  const nonce = policyOf(response)
    .get("script-src")
    ?.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1])
    .find(Boolean);
  expect(nonce, `a nonce in ${response.url()}'s script-src`).toBeTruthy();
  return nonce!;
}

function expectSecurityHeaders(response: APIResponse, { nonce }: { nonce: boolean }) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(FIXED_HEADERS)) expect(headers[name], `${name} on ${response.url()}`).toBe(value);
  expect(headers["permissions-policy"], response.url()).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/);
  // Served over plain http here: no HSTS, which would be wrong on a site without HTTPS.
  expect(headers["strict-transport-security"], response.url()).toBeUndefined();
  const policy = policyOf(response);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  expect(policy.get("connect-src")).toEqual(["'self'"]);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts, "no inline or eval'd scripts").not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  if (nonce) expect(scripts).toEqual(["'self'", `'nonce-${nonceOf(response)}'`, "'strict-dynamic'"]);
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function collectViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
  });
  const consoleReports: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleReports.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...consoleReports];
}

test("a page, /login, an API route, a refused API call and static files carry the security headers", async ({ page, request }) => {
  await signedIn(page, "staff@example.org");
  const overview = await page.request.get("/overview");
  expect(overview.status()).toBe(200);
  expectSecurityHeaders(overview, { nonce: true });

  const login = await page.request.get("/login");
  expect(login.status()).toBe(200);
  expectSecurityHeaders(login, { nonce: true });

  // Pages and routes open without a session pass the proxy too (it skips only the sign-in gate there).
  expectSecurityHeaders(await page.request.get("/set-password?token=not-a-token"), { nonce: true });
  expectSecurityHeaders(await page.request.get("/api/health"), { nonce: true });
  expectSecurityHeaders(await page.request.get("/api/auth/session"), { nonce: true });
  // Without a session: the sign-in gate's own answers.
  const refused = await request.get("/api/exports/savings");
  expect(refused.status()).toBe(401);
  expectSecurityHeaders(refused, { nonce: true });
  const sentToSignIn = await request.get("/overview", { maxRedirects: 0 });
  expect(sentToSignIn.status()).toBe(307);
  expectSecurityHeaders(sentToSignIn, { nonce: true });

  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expectSecurityHeaders(favicon, { nonce: false });
  const script = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(await overview.text())?.[1];
  expect(script, "the page loads a static script").toBeTruthy();
  const staticScript = await page.request.get(script!);
  expect(staticScript.status()).toBe(200);
  expectSecurityHeaders(staticScript, { nonce: false });
});

test("each response has a nonce of its own, and every script of the page carries it", async ({ page }) => {
  await signedIn(page, "staff@example.org");
  const first = await page.request.get("/overview");
  const second = await page.request.get("/overview");
  const nonce = nonceOf(first);
  expect(nonce).not.toBe(nonceOf(second));
  expect(nonceOf(await page.request.get("/login"))).not.toBe(nonce);

  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
});

test("signing in, the overview's charts and a project page run with no CSP violation", async ({ page }) => {
  const violations = await collectViolations(page);
  await signIn(page, "staff@example.org");
  await page.goto("/overview?quarter=2021-Q2");
  await revealCharts(page);
  await expect(page.getByRole("figure", { name: /Stacked bars/ }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto("/savings");
  await page.locator("a[href^='/projects/']").first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("another site cannot frame the app", async ({ page, baseURL }) => {
  const refusal = page.waitForEvent("console", (message) => /frame-ancestors/.test(message.text()));
  await page.setContent(`<iframe title="framed" src="${baseURL}/login" width="800" height="600"></iframe>`);
  expect((await refusal).text()).toContain("'none'");
  // The frame shows the browser's refusal, not the sign-in form.
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
});
