import { beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { openSession, sessionUserId } from "@/lib/auth/user-sessions";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { resetToSeed } from "@/tests/support/database";
import { sessionFromCookie } from "@/tests/support/session-cookie";

// The action path's two ties to Next.js: the session cookie (the session id it carries), and
// revalidation. Everything behind them is real: the session callback, the session table, the
// runtime, the service.
const cookie = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/support/session-cookie")).sessionFromCookie(cookie.sid),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { signOutEverywhereAction } = await import("@/lib/actions/sessions");

const MINUTE = 60_000;
let userId: string;
let otherUserId: string;

beforeAll(async () => {
  await resetToSeed();
  userId = (await prisma.user.findUniqueOrThrow({ where: { email: "colead.labor@example.org" } })).id;
  otherUserId = (await prisma.user.findUniqueOrThrow({ where: { email: "colead.mgmt@example.org" } })).id;
});

describe("a session cookie", () => {
  it("signs its user in while the session is open, and records its use at most once a minute", async () => {
    // Now, not a fixed day: a session opened on a fixed day expires 12 hours later, and the count below would then miss it.
    const opened = new Date();
    const sid = await openSession(userId, { userAgent: "Test browser", address: "192.0.2.7" }, opened);
    expect(await sessionUserId(sid, new Date(opened.getTime() + 30_000))).toBe(userId);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(opened);
    const later = new Date(opened.getTime() + 5 * MINUTE);
    expect(await sessionUserId(sid, later)).toBe(userId);
    expect(await prisma.session.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({ lastSeenAt: later, userAgent: "Test browser", address: "192.0.2.7" });
  });

  it("signs nobody in once its session is idle longer than SESSION_IDLE_MINUTES, or past its 12 hours", async () => {
    const idle = env().SESSION_IDLE_MINUTES * MINUTE;
    const opened = new Date();
    const sid = await openSession(userId, {}, opened);
    expect(await sessionUserId(sid, new Date(opened.getTime() + idle - MINUTE))).toBe(userId);
    const lastUse = new Date(opened.getTime() + idle - MINUTE);
    expect(await sessionUserId(sid, new Date(lastUse.getTime() + idle + MINUTE))).toBeNull();

    // Used every hour, it still ends 12 hours after sign-in.
    const busy = await openSession(userId, {}, opened);
    for (let hour = 1; hour < 12; hour += 1) expect(await sessionUserId(busy, new Date(opened.getTime() + hour * 60 * MINUTE))).not.toBeNull();
    expect(await sessionUserId(busy, new Date(opened.getTime() + 12 * 60 * MINUTE))).toBeNull();
  });

  it("signs nobody in after signing out (next-auth's signOut event), while the user's other sessions go on", async () => {
    const sid = await openSession(userId);
    const elsewhere = await openSession(userId);
    await authOptions.events!.signOut!({ token: { sid }, session: null as never });
    expect(await sessionUserId(sid)).toBeNull();
    expect(await sessionUserId(elsewhere)).toBe(userId);
  });

  it("shows nobody (not even at /api/auth/session) once the session has ended, nor for an unknown session id", async () => {
    const sid = await openSession(userId);
    expect(await sessionFromCookie(sid)).toMatchObject({ user: { id: userId } });
    await authOptions.events!.signOut!({ token: { sid }, session: null as never });
    const ended = await sessionFromCookie(sid);
    expect(ended).not.toHaveProperty("user");
    expect(await sessionFromCookie("00000000-0000-4000-8000-000000000000")).not.toHaveProperty("user");
    cookie.sid = sid;
    expect(await signOutEverywhereAction({})).toEqual({ serverError: "Your session has ended. Sign in again to continue." });
  });
});

describe("an ended session", () => {
  it("is forgotten a month after it ended, when its user next signs in; other users' sessions are left alone", async () => {
    // A user of its own: the other tests count this file's sessions of theirs.
    const formerUserId = (await prisma.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
    const first = new Date("2026-10-01T09:00:00Z");
    const old = await openSession(formerUserId, {}, first);
    const recent = await openSession(formerUserId, {}, new Date("2026-10-20T09:00:00Z"));
    const othersOld = await openSession(otherUserId, {}, first);
    const current = await openSession(formerUserId, {}, new Date("2026-11-15T09:00:00Z"));
    const kept = await prisma.session.findMany({ where: { id: { in: [old, recent, othersOld, current] } }, select: { id: true } });
    expect(kept.map(({ id }) => id).sort()).toEqual([recent, othersOld, current].sort());
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the signed-in account (this one too) and no one else's, and is audited", async () => {
    const sessions = [await openSession(userId), await openSession(userId), await openSession(userId)];
    const othersSession = await openSession(otherUserId);
    const open = () => prisma.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } } });
    const alreadyOpen = await open();
    cookie.sid = sessions[0]!;

    expect(await signOutEverywhereAction({})).toEqual({ data: { ended: alreadyOpen } });
    for (const sid of sessions) expect(await sessionUserId(sid)).toBeNull();
    expect(await open()).toBe(0);
    expect(await sessionUserId(othersSession)).toBe(otherUserId);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { entityId: userId, action: "account.signedOutEverywhere" } })).toMatchObject({
      actorId: user.personId,
      after: { sessionsEnded: alreadyOpen },
    });

    // The cookie it was sent with is refused from then on.
    const audited = await prisma.auditEntry.count();
    expect(await signOutEverywhereAction({})).toEqual({ serverError: "Your session has ended. Sign in again to continue." });
    expect(await prisma.auditEntry.count()).toBe(audited);
  });
});
