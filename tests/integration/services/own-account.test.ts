import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { openSession, sessionUserId } from "@/lib/auth/user-sessions";
import { getOwnAccount } from "@/lib/data/accounts";
import { prisma } from "@/lib/db";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { resetToSeed } from "@/tests/support/database";

// The account page's actions as a browser reaches them: the session cookie (the id it carries)
// and revalidation are the two ties to Next.js; loadUser, the runtime, the services and the
// session table are real.
const cookie = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/support/session-cookie")).sessionFromCookie(cookie.sid),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { changePasswordAction } = await import("@/lib/actions/accounts");
const { endSessionAction } = await import("@/lib/actions/sessions");

const NEW_PASSWORD = "a new and longer passphrase";

async function userIdOf(email: string): Promise<string> {
  return (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

async function passwordHashOf(userId: string): Promise<string | null> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;
}

beforeAll(async () => {
  await resetToSeed();
});

describe("changing one's own password", () => {
  it("refuses a wrong current password beside its field, changes nothing, and counts it as a failed sign-in", async () => {
    const userId = await userIdOf("sponsor.union@example.org");
    cookie.sid = await openSession(userId);
    const before = await passwordHashOf(userId);

    const answer = await changePasswordAction({ currentPassword: "not my password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(answer?.validationErrors).toMatchObject({ currentPassword: { _errors: ["That is not your current password"] } });
    expect(await passwordHashOf(userId)).toBe(before);
    expect(await prisma.signInAttempt.count({ where: { email: "sponsor.union@example.org" } })).toBe(1);
  });

  it("stops taking guesses after as many failures as sign-in allows, even the right password", async () => {
    const userId = await userIdOf("sponsor.union@example.org");
    cookie.sid = await openSession(userId);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await changePasswordAction({ currentPassword: `guess ${attempt}`, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    }
    const before = await passwordHashOf(userId);
    const answer = await changePasswordAction({ currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(answer).toEqual({ serverError: expect.stringMatching(/^Too many sign-in attempts for this account\. Try again in \d+ minutes?\.$/) });
    expect(await passwordHashOf(userId)).toBe(before);
  });

  it("refuses the current password as the new one, and two different new ones, before anything is checked", async () => {
    cookie.sid = await openSession(await userIdOf("staff@example.org"));
    expect((await changePasswordAction({ currentPassword: DEMO_PASSWORD, password: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }))?.validationErrors).toMatchObject({
      password: { _errors: ["Choose a new password: this one is your current password"] },
    });
    expect((await changePasswordAction({ currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}.` }))?.validationErrors).toMatchObject({
      confirmPassword: { _errors: ["The two passwords differ: type the same password twice"] },
    });
    expect(await prisma.signInAttempt.count({ where: { email: "staff@example.org" } })).toBe(0);
  });

  it("sets the new password, signs the account's other browsers out, keeps this one, and is audited", async () => {
    const userId = await userIdOf("colead.labor@example.org");
    const elsewhere = await openSession(userId);
    const someoneElse = await openSession(await userIdOf("colead.mgmt@example.org"));
    cookie.sid = await openSession(userId);

    expect(await changePasswordAction({ currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ data: { sessionsEnded: 1 } });
    const hash = (await passwordHashOf(userId))!;
    expect(await verifyPassword(NEW_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, hash)).toBe(false);
    expect(await sessionUserId(elsewhere)).toBeNull();
    expect(await sessionUserId(cookie.sid)).toBe(userId);
    expect(await sessionUserId(someoneElse)).not.toBeNull();
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { entityId: userId, action: "account.passwordChanged" } })).toMatchObject({ after: { otherSessionsEnded: 1 } });

    // The old password no longer proves anything.
    const again = await changePasswordAction({ currentPassword: DEMO_PASSWORD, password: "yet another passphrase", confirmPassword: "yet another passphrase" });
    expect(again?.validationErrors).toMatchObject({ currentPassword: { _errors: ["That is not your current password"] } });
  });

  it("tells a person who signs in through single sign-on that there is no password to change", async () => {
    const userId = await userIdOf("consultant.colorado@example.org");
    await prisma.user.update({ where: { id: userId }, data: { passwordHash: null } });
    cookie.sid = await openSession(userId);
    expect(await changePasswordAction({ currentPassword: "anything at all", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({
      serverError: "Your account signs in through single sign-on: it has no password here to change.",
    });
    expect(await passwordHashOf(userId)).toBeNull();
    expect((await getOwnAccount({ id: userId, sessionId: cookie.sid })).hasPassword).toBe(false);
  });
});

describe("the account's sessions", () => {
  it("lists the open ones, this browser first, without ended ones", async () => {
    const userId = await userIdOf("finance@example.org");
    const phone = await openSession(userId, { userAgent: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36", address: "198.51.100.4" });
    const ended = await openSession(userId);
    await prisma.session.update({ where: { id: ended }, data: { revokedAt: new Date() } });
    const idle = await openSession(userId);
    await prisma.session.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - 24 * 60 * 60_000) } });
    const here = await openSession(userId, { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0" });

    const { sessions } = await getOwnAccount({ id: userId, sessionId: here });
    expect(sessions.map(({ id, browser, current }) => ({ id, browser, current }))).toEqual([
      { id: here, browser: "Firefox on Linux", current: true },
      { id: phone, browser: "Chrome on Android", current: false },
    ]);
    expect(sessions[1]).toMatchObject({ address: "198.51.100.4" });
  });

  it("signs out one other browser of one's own, and nothing of anyone else's or this one", async () => {
    const userId = await userIdOf("admin@example.org");
    const other = await openSession(userId);
    const someoneElses = await openSession(await userIdOf("sponsor.mgmt@example.org"));
    cookie.sid = await openSession(userId);

    expect(await endSessionAction({ sessionId: other })).toEqual({ data: { ended: other } });
    expect(await sessionUserId(other)).toBeNull();
    expect(await prisma.auditEntry.count({ where: { entityId: userId, action: "account.sessionEnded" } })).toBe(1);

    const audited = await prisma.auditEntry.count();
    expect(await endSessionAction({ sessionId: someoneElses })).toEqual({ serverError: "That session has already ended." });
    expect(await sessionUserId(someoneElses)).not.toBeNull();
    expect(await endSessionAction({ sessionId: cookie.sid })).toEqual({ serverError: "This is the session you are using: sign out instead." });
    expect(await sessionUserId(cookie.sid)).toBe(userId);
    expect((await endSessionAction({ sessionId: "not-a-session" }))?.validationErrors).toMatchObject({ sessionId: { _errors: ["Choose a session from the list"] } });
    expect(await prisma.auditEntry.count()).toBe(audited);
  });
});
