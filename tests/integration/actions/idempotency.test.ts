import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { actorFor, couriersTeam } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";

// The real action runtime, services and PostgreSQL; only who is signed in and Next's
// revalidation (which needs a request) are stood in for.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  requireActionUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { reportSavingsAction } = await import("@/lib/actions/savings");
const { createProjectAction } = await import("@/lib/actions/projects");
const { IDEMPOTENCY_WINDOW_MS, SENT_WITH_OTHER_VALUES, runOnce } = await import("@/lib/actions/idempotency");

let couriersId: string;
let projectId: string;
let laborColead: CurrentUser;
let managementColead: CurrentUser;

function savingsInput(overrides: Record<string, unknown> = {}) {
  return {
    projectId,
    amount: "12,345.67",
    category: "HARD_SAVINGS",
    recurrence: "ONE_TIME",
    reportedOn: "2025-01-15",
    method: "Fuel invoices for the quarter before and after the new routes.",
    ...overrides,
  } as Parameters<typeof reportSavingsAction>[0];
}

const entriesOfProject = () => prisma.savingsEntry.count({ where: { projectId } });

beforeAll(async () => {
  await resetToSeed();
  couriersId = (await couriersTeam()).id;
  projectId = (await prisma.project.create({ data: { teamId: couriersId, title: "Fuel-saving route plans", aim: "Cut fuel spend", compassPoints: ["MOST_AFFORDABLE"] } })).id;
  laborColead = await actorFor("colead.labor@example.org");
  managementColead = await actorFor("colead.mgmt@example.org");
});

beforeEach(async () => {
  session.user = laborColead;
  await prisma.savingsEntry.deleteMany({ where: { projectId } });
});

describe("a create sent again with the same key", () => {
  it("makes one row, and the second call gets the first one's result", async () => {
    const input = savingsInput({ idempotencyKey: randomUUID() });
    const first = await reportSavingsAction(input);
    const second = await reportSavingsAction(input);
    expect(first?.data?.entryId).toEqual(expect.any(String));
    expect(second).toEqual(first);
    expect(await entriesOfProject()).toBe(1);
  });

  it("makes one row when both arrive at once, and both calls get the same result", async () => {
    const input = savingsInput({ idempotencyKey: randomUUID() });
    const answers = await Promise.all([reportSavingsAction(input), reportSavingsAction(input), reportSavingsAction(input)]);
    expect(answers[0]?.data?.entryId).toEqual(expect.any(String));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await entriesOfProject()).toBe(1);
  });

  it("sends a new project's form on to the same project both times, with one project made", async () => {
    const input = {
      teamId: couriersId,
      title: "Shorter loading dock turnaround",
      aim: "Cut the average dock turnaround from 40 to 25 minutes",
      compassPoints: ["MOST_AFFORDABLE"],
      tools: ["PDSA"],
      startDate: "2026-10-01",
      idempotencyKey: randomUUID(),
    } as Parameters<typeof createProjectAction>[0];
    const redirectOf = (sent: Promise<unknown>) => sent.then(() => expect.unreachable("a redirect"), (error: { digest?: string }) => error.digest);
    const first = await redirectOf(createProjectAction(input));
    const second = await redirectOf(createProjectAction(input));
    expect(first).toMatch(/;\/projects\/[0-9a-f-]{36};/);
    expect(second).toBe(first);
    expect(await prisma.project.count({ where: { teamId: couriersId, title: "Shorter loading dock turnaround" } })).toBe(1);
  });

  it("refuses the same key with other values, writing nothing more", async () => {
    const idempotencyKey = randomUUID();
    await reportSavingsAction(savingsInput({ idempotencyKey }));
    expect(await reportSavingsAction(savingsInput({ idempotencyKey, amount: "99.00" }))).toEqual({ serverError: SENT_WITH_OTHER_VALUES });
    expect(await entriesOfProject()).toBe(1);
  });

  it("never matches another user's key: each user's request is their own", async () => {
    const input = savingsInput({ idempotencyKey: randomUUID() });
    const laborColeads = await reportSavingsAction(input);
    session.user = managementColead;
    const managementColeads = await reportSavingsAction(input);
    expect(managementColeads?.data?.entryId).not.toBe(laborColeads?.data?.entryId);
    expect(await entriesOfProject()).toBe(2);
  });

  it("releases the key when the write is refused, so the corrected form can be sent with it", async () => {
    const idempotencyKey = randomUUID();
    session.user = await actorFor("sponsor.union@example.org");
    expect(await reportSavingsAction(savingsInput({ idempotencyKey }))).toEqual({ serverError: expect.stringMatching(/can report/) });
    session.user = laborColead;
    expect((await reportSavingsAction(savingsInput({ idempotencyKey })))?.data?.entryId).toEqual(expect.any(String));
    expect(await entriesOfProject()).toBe(1);
  });

  it("keeps the key and the write together: a request dying after its write leaves neither, so the retry writes once", async () => {
    const request = { userId: laborColead.id, key: randomUUID(), action: "project.created", input: { title: "Atomic retry" } };
    const writeProject = () => prisma.$transaction((tx) => tx.project.create({ data: { teamId: couriersId, title: "Atomic retry", aim: "Written once", compassPoints: ["BEST_SERVICE"] }, select: { id: true } }));
    const projects = () => prisma.project.count({ where: { teamId: couriersId, title: "Atomic retry" } });
    // The service's own transaction has committed its part when the request fails.
    await expect(runOnce(request, async () => (await writeProject(), Promise.reject(new Error("the process died"))))).rejects.toThrow("the process died");
    expect(await projects()).toBe(0);
    expect(await prisma.idempotentRequest.count({ where: { key: request.key } })).toBe(0);
    const { id } = await runOnce(request, writeProject);
    expect(await runOnce(request, writeProject)).toMatchObject({ id });
    expect(await projects()).toBe(1);
  });

  it("forgets keys after 24 hours", async () => {
    const input = savingsInput({ idempotencyKey: randomUUID() });
    await reportSavingsAction(input);
    await prisma.idempotentRequest.updateMany({ data: { createdAt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS - 1000) } });
    await reportSavingsAction(input);
    expect(await entriesOfProject()).toBe(2);
    expect(await prisma.idempotentRequest.count({ where: { createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } } })).toBe(0);
  });
});
