import { randomUUID } from "node:crypto";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/errors";
import playwrightConfig from "@/playwright.config";
import { freePort } from "@/lib/free-port";
import { actionId, AppServer, callAction, ensureProductionBuild, pause, signIn, startDatabase } from "./support";

// PostgreSQL stopped and started again on the same port and data while ten signed-in
// clients read pages, exports and the health check, without restarting the app: meanwhile
// every answer comes quickly and says to retry; afterwards the app serves again by itself.
// A page's error page learns of the outage in the browser (it gets only a digest), so a
// real Chromium checks that one.

const READERS = 10;
/** No request may hang longer than this while the database is away. */
const ANSWER_WITHIN_MS = 15_000;
/** After PostgreSQL is back, every reader gets a 200 again within this. */
const RECOVER_WITHIN_MS = 20_000;
const OUTAGE_MS = 6000;

let database: Awaited<ReturnType<typeof startDatabase>>;
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  await ensureProductionBuild();
  database = await startDatabase();
  server = new AppServer(await freePort(), database.appUrl);
  await server.start();
  browser = await chromium.launch(playwrightConfig.use?.launchOptions);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill();
  await database?.remove();
});

type Answer = { path: string; at: number; ms: number; status: number; body: string; retryAfter: string | null };

it("answers with a retry message while PostgreSQL restarts, and recovers without an app restart", async () => {
  // National staff and an administrator may read every one of these paths.
  const cookies = [await signIn(server.url, "staff@example.org"), await signIn(server.url, "admin@example.org")];
  const tab = await (await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { cookie: cookies[0]! } })).newPage();
  const paths = ["/overview", "/practices", "/api/exports/projects", "/api/health"];
  const answers: Answer[] = [];
  let reading = true;

  const read = async (path: string, cookie: string): Promise<Answer> => {
    const at = performance.now();
    try {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(ANSWER_WITHIN_MS + 5000) });
      const body = await response.text();
      return { path, at, ms: performance.now() - at, status: response.status, body, retryAfter: response.headers.get("retry-after") };
    } catch (error) {
      return { path, at, ms: performance.now() - at, status: 0, body: String(error), retryAfter: null };
    }
  };
  const readers = Array.from({ length: READERS }, async (_, reader) => {
    for (let turn = reader; reading; turn += 1) answers.push(await read(paths[turn % paths.length]!, cookies[reader % cookies.length]!));
  });

  await pause(3000);
  const before = answers.filter((answer) => answer.status !== 200);
  const stoppedAt = performance.now();
  await database.stop();
  await pause(OUTAGE_MS / 2);
  // A write meanwhile is refused with the same message (next-safe-action's serverError).
  const teamId = randomUUID();
  const write = await callAction(server.url, `/teams/${teamId}/projects/new`, await actionId("createProjectAction"), cookies[0]!, {
    teamId,
    title: "Written while the database is away",
    aim: "Be refused with a clear message",
    compassPoints: ["BEST_SERVICE"],
    idempotencyKey: randomUUID(),
  });
  // The page in a browser: the error page finds the database away and says so.
  await tab.goto("/practices");
  await tab.getByText(DATABASE_UNAVAILABLE_MESSAGE).waitFor({ timeout: ANSWER_WITHIN_MS });
  await pause(Math.max(0, OUTAGE_MS - (performance.now() - stoppedAt)));
  await database.start();
  const startedAt = performance.now();
  // …and shows the page again by itself once the database is back.
  const pageBack = tab
    .getByRole("heading", { name: "Practice library" })
    .waitFor({ timeout: RECOVER_WITHIN_MS })
    .then(() => Math.round(performance.now() - startedAt));

  // Back when every path has answered 200 to a request sent after the restart.
  const backAt = () => {
    const firstSuccesses = paths.map((path) => answers.find((answer) => answer.path === path && answer.at > startedAt && answer.status === 200));
    return firstSuccesses.every(Boolean) ? Math.max(...firstSuccesses.map((answer) => answer!.at + answer!.ms)) : null;
  };
  while (backAt() === null && performance.now() - startedAt < RECOVER_WITHIN_MS) await pause(200);
  const recoveredAt = backAt();
  reading = false;
  await Promise.all(readers);
  const pageBackAfterMs = await pageBack.catch(() => null);

  const during = answers.filter((answer) => answer.at >= stoppedAt && answer.at < startedAt);
  const byKind = (answer: Answer) => `${answer.path} ${answer.status}`;
  const tally = Object.fromEntries([...new Set(during.map(byKind))].map((kind) => [kind, during.filter((answer) => byKind(answer) === kind).length]));
  // Bounded while the database is away; otherwise this busy machine alone decides how long a page takes.
  const slowest = Math.max(...during.map((answer) => answer.ms));
  const summary = {
    requests: answers.length,
    duringOutage: during.length,
    outcomesDuringOutage: tally,
    slowestDuringOutageMs: Math.round(slowest),
    slowestOverallMs: Math.round(Math.max(...answers.map((answer) => answer.ms))),
    recoveredAfterMs: recoveredAt === null ? null : Math.round(recoveredAt - startedAt),
    browserPageBackAfterMs: pageBackAfterMs,
    serverAlive: server.alive,
    // What the app recognised as the database's absence (lib/errors.ts), first line of each kind.
    recognised: [...new Set(server.output.split("\n").filter((line) => line.includes("Database unreachable:")).map((line) => line.replace(/\d+/g, "N").slice(0, 160)))],
    oddDuringOutage: during.filter((answer) => ![200, 500, 503].includes(answer.status)).map((answer) => `${answer.path} ${answer.status} ${answer.body.slice(0, 120)}`),
  };
  console.log(`PostgreSQL restart under ${READERS} readers: ${JSON.stringify(summary)}`);

  expect(before, "all reads succeed before the outage").toEqual([]);
  expect(server.alive, server.output).toBe(true);
  expect(slowest).toBeLessThan(ANSWER_WITHIN_MS);
  expect(during.length).toBeGreaterThan(READERS);
  for (const answer of during) {
    // Nothing hangs, nothing is dropped: every request gets an answer.
    expect(answer.status, `${answer.path}: ${answer.body.slice(0, 300)}`).not.toBe(0);
    if (answer.status === 200 || answer.status === 307) continue;
    if (answer.path.startsWith("/api/exports")) {
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
      expect(answer.retryAfter).toMatch(/^\d+$/);
    } else if (answer.path === "/api/health") {
      expect(answer.status).toBe(503);
    } else {
      // A page fails to render on the server; the browser then shows the error page (checked above in Chromium).
      expect(answer.status, `${answer.path}: ${answer.body.slice(0, 300)}`).toBe(500);
    }
  }
  expect(during.some((answer) => answer.path === "/api/exports/projects" && answer.status === 503)).toBe(true);
  expect(write.answered && write.result?.serverError, JSON.stringify(write)).toBe(DATABASE_UNAVAILABLE_MESSAGE);
  expect(recoveredAt, "every path answers 200 again soon after the restart").not.toBeNull();
  expect(pageBackAfterMs, "the error page shows the page again by itself").not.toBeNull();
}, 300_000);
