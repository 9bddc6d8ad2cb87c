import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { freePort } from "@/lib/free-port";
import { actionId, AppServer, callAction, ensureProductionBuild, pause, signIn, startDatabase, type ActionOutcome } from "./support";

// kill -9 the production server while 200 clients each create a project through the real
// server action, each with its own idempotency key; restart; send every unanswered write
// again (and some answered ones) with the same key. No acknowledged write may be lost, none
// may be stored twice, and after the retries every write is stored exactly once.
// The server commits much faster than it answers (each answer renders the new project's
// page), so one round kills it while the writes are being committed and another once the
// first answers are out.

const WRITERS = 200;
// The team's co-leads and its consultant may all create its projects; a handful of sessions, not 200 sign-ins.
const WRITERS_AS = ["colead.labor@example.org", "colead.mgmt@example.org", "consultant.colorado@example.org"];
/** Retries go out in batches of this many, as browsers retrying at their own pace would. */
const RETRY_BATCH = 20;
const RETRY_ROUNDS = 3;

let database: Awaited<ReturnType<typeof startDatabase>>;
let server: AppServer;
let db: PrismaClient;
let sessions: string[];
let teamId: string;

beforeAll(async () => {
  await ensureProductionBuild();
  database = await startDatabase();
  db = createPrismaClient(database.ownerUrl);
  server = new AppServer(await freePort(), database.appUrl);
  await server.start();
  sessions = [];
  for (const email of WRITERS_AS) sessions.push(await signIn(server.url, email));
  const colead = await db.person.findUniqueOrThrow({ where: { email: WRITERS_AS[0] }, include: { roleAssignments: true } });
  teamId = colead.roleAssignments.find((assignment) => assignment.teamId)!.teamId!;
}, 300_000);

afterAll(async () => {
  await server?.kill();
  await db?.$disconnect();
  await database?.remove();
});

type Write = { marker: string; cookie: string; input: Record<string, unknown>; first?: ActionOutcome; retry?: ActionOutcome };

/** The server took the write: next-safe-action's data, or the new project's page to go to. */
function acknowledged(outcome: ActionOutcome | undefined): boolean {
  if (!outcome?.answered || outcome.status >= 400) return false;
  return outcome.redirectTo?.includes("/projects/") === true || (outcome.result?.data !== undefined && !outcome.result.serverError);
}

/** Sends 200 creates at once, kills the server when `killWhen` says so, restarts it, retries; the counts. */
async function killRound(name: string, killWhen: (state: { acknowledged: number; stored: number }) => boolean) {
  const prefix = `fault-${name}-${randomUUID().slice(0, 8)}-`;
  const page = `/teams/${teamId}/projects/new`;
  const createProject = await actionId("createProjectAction");
  const writes: Write[] = Array.from({ length: WRITERS }, (_, index) => ({
    marker: `${prefix}${index}`,
    cookie: sessions[index % sessions.length]!,
    input: { teamId, title: `${prefix}${index}`, aim: "Survive a crash without losing or doubling this project", compassPoints: ["BEST_SERVICE"], idempotencyKey: randomUUID() },
  }));
  const send = (write: Write) => callAction(server.url, page, createProject, write.cookie, write.input);
  const storedNow = () => db.project.count({ where: { title: { startsWith: prefix } } });

  const sentAt = performance.now();
  const inFlight = writes.map(async (write) => (write.first = await send(write)));
  while (performance.now() - sentAt < 60_000) {
    if (killWhen({ acknowledged: writes.filter((write) => acknowledged(write.first)).length, stored: await storedNow() })) break;
    await pause(10);
  }
  const killedAfterMs = Math.round(performance.now() - sentAt);
  await server.kill();
  await Promise.all(inFlight);

  const ackedBeforeKill = writes.filter((write) => acknowledged(write.first));
  const unacknowledged = writes.filter((write) => !acknowledged(write.first));
  const storedAtKill = await storedNow();

  await server.start();
  // Every unanswered write again, and every fifth answered one, with the same key (a browser's retry).
  const retried = [...unacknowledged, ...ackedBeforeKill.filter((_, index) => index % 5 === 0)];
  // A retry the busy server does not answer in time is sent again, as its user would, up to RETRY_ROUNDS times.
  let retryRounds = 0;
  for (let pending = retried; pending.length > 0 && retryRounds < RETRY_ROUNDS; retryRounds += 1) {
    for (let start = 0; start < pending.length; start += RETRY_BATCH) {
      await Promise.all(pending.slice(start, start + RETRY_BATCH).map(async (write) => (write.retry = await send(write))));
    }
    pending = pending.filter((write) => !acknowledged(write.retry));
  }

  const rows = await db.project.groupBy({ by: ["title"], where: { title: { startsWith: prefix } }, _count: true });
  const stored = new Map(rows.map((row) => [row.title, row._count]));
  const counts = {
    writes: WRITERS,
    killedAfterMs,
    acknowledgedBeforeKill: ackedBeforeKill.length,
    unacknowledged: unacknowledged.length,
    storedAtKill,
    retried: retried.length,
    retryRounds,
    retriesAcknowledged: retried.filter((write) => acknowledged(write.retry)).length,
    lost: ackedBeforeKill.filter((write) => !stored.has(write.marker)).length,
    duplicated: rows.filter((row) => row._count > 1).length,
    notStoredExactlyOnceAfterRetries: writes.filter((write) => stored.get(write.marker) !== 1).length,
  };
  console.log(`kill -9 ${name} (${WRITERS} concurrent creates): ${JSON.stringify(counts)}`);
  const failedRetries = retried.filter((write) => !acknowledged(write.retry)).slice(0, 3).map((write) => write.retry);
  return { counts, failedRetries };
}

describe("kill -9 under 200 concurrent writes, restart, retry with the same keys", () => {
  it("while the writes are being committed: none is lost or doubled, every retry is answered", async () => {
    const { counts, failedRetries } = await killRound("mid-commit", ({ stored }) => stored >= WRITERS / 4);
    // The kill must land mid-run, or the round proves nothing.
    expect(counts.storedAtKill, "the kill came after every write was stored").toBeLessThan(WRITERS);
    expect(counts.lost).toBe(0);
    expect(counts.duplicated).toBe(0);
    expect(counts.retriesAcknowledged, JSON.stringify(failedRetries)).toBe(counts.retried);
    expect(counts.notStoredExactlyOnceAfterRetries).toBe(0);
  });

  it("once the first answers are out: no acknowledged write is lost, none is doubled", async () => {
    const { counts, failedRetries } = await killRound("mid-answer", ({ acknowledged: answered }) => answered >= WRITERS / 20);
    expect(counts.acknowledgedBeforeKill).toBeGreaterThan(0);
    expect(counts.unacknowledged, "the kill came after every write was answered").toBeGreaterThan(0);
    expect(counts.lost).toBe(0);
    expect(counts.duplicated).toBe(0);
    expect(counts.retriesAcknowledged, JSON.stringify(failedRetries)).toBe(counts.retried);
    expect(counts.notStoredExactlyOnceAfterRetries).toBe(0);
  });
});
