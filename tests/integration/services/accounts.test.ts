import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashAccountToken } from "@/lib/auth/account-tokens";
import { verifyPassword } from "@/lib/auth/password";
import type { PersonActor } from "@/lib/auth/permissions";
import { loadUser } from "@/lib/auth/session";
import { openSession, sessionUserId } from "@/lib/auth/user-sessions";
import { getAccountTokenState } from "@/lib/data/accounts";
import { prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import * as accounts from "@/lib/services/accounts";
import { accountActionSchema, setPasswordSchema } from "@/lib/validation/accounts";
import { parseInput } from "@/lib/validation/parse";
import { actorFor } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

// A mail server on loopback (SMTP_URL is read when the modules load, hence hoisted).
const { smtp, inbox } = await vi.hoisted(async () => {
  const { startLoopbackSmtp } = await import("@/tests/support/smtp-server");
  const server = await startLoopbackSmtp();
  return { smtp: server, inbox: server.inbox };
});

// The action path's two ties to Next.js: who the session says is signed in, and revalidation.
// Everything behind them is real: loadUser, the runtime, the services, the database.
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/support/session-cookie")).sessionFromCookie(session.sid),
}));

/** Signs the user in as next-auth's sign-in would: a new server-side session for the cookie to carry. */
async function signInAs(userId: string): Promise<string> {
  session.sid = await openSession(userId);
  return session.sid;
}
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { updatePersonAction } = await import("@/lib/actions/people");
const { setPasswordAction } = await import("@/lib/actions/accounts");

const invite = asSubmitted(accountActionSchema, accounts.inviteAccount);
const reset = asSubmitted(accountActionSchema, accounts.issuePasswordReset);
const deactivate = asSubmitted(accountActionSchema, accounts.deactivateAccount);
const reactivate = asSubmitted(accountActionSchema, accounts.reactivateAccount);
/** Nobody is signed in to set a password: the form's input parsed, then the service. */
const setPassword = async (raw: unknown) => accounts.setPassword(parseInput(setPasswordSchema, raw));

const NEW_PASSWORD = "correct horse battery";

let admin: PersonActor;

/** Quoted-printable, as mail bodies are sent, back to text. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get("token")!;
}

async function personWithEmail(displayName: string, email: string) {
  return prisma.person.create({ data: { displayName, email } });
}

async function footprint() {
  const [users, tokens, audit] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: "asc" } }),
    prisma.accountToken.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEntry.count(),
  ]);
  return { users, tokens, audit };
}

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
});

afterAll(async () => {
  await smtp.close();
});

describe("inviting someone", () => {
  it("opens an account, keeps only the link's hash, and emails the link to the person", async () => {
    const person = await personWithEmail("Ines Invitee", "ines.invitee@example.org");
    const started = Date.now();
    const outcome = await invite(admin, { personId: person.id });

    expect(outcome).toMatchObject({ personId: person.id, email: "ines.invitee@example.org", emailed: "sent" });
    expect(outcome.link).toMatch(/^http:\/\/localhost:3000\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    const user = await prisma.user.findUniqueOrThrow({ where: { personId: person.id }, include: { tokens: true } });
    expect(user).toMatchObject({ email: "ines.invitee@example.org", passwordHash: null, disabled: false });
    expect(user.tokens).toEqual([expect.objectContaining({ purpose: "INVITATION", tokenHash: hashAccountToken(tokenOf(outcome.link)), usedAt: null, createdById: admin.personId })]);
    const lifetime = user.tokens[0]!.expiresAt.getTime() - started;
    expect(lifetime).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 24 * 3600_000 + 1000);
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { entityId: user.id, action: "account.invited" } })).toMatchObject({ actorId: admin.personId, after: { email: "ines.invitee@example.org", accountCreated: true } });

    const mail = inbox.find((received) => received.to.includes("ines.invitee@example.org"));
    expect(mail).toBeDefined();
    expect(mail!.message).toContain("Subject: Your UBT Tracker account");
    expect(decodeQuotedPrintable(mail!.message)).toContain(outcome.link);
  });

  it("lets the link set a password once; then it is used", async () => {
    const person = await personWithEmail("Omar Once", "omar.once@example.org");
    const { link } = await invite(admin, { personId: person.id });
    const token = tokenOf(link);
    expect(await getAccountTokenState(token)).toEqual({ usable: true, purpose: "INVITATION", email: "omar.once@example.org", displayName: "Omar Once" });

    expect(await setPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ personId: person.id, email: "omar.once@example.org" });
    const user = await prisma.user.findUniqueOrThrow({ where: { personId: person.id }, include: { tokens: true } });
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash!)).toBe(true);
    expect(user.tokens[0]!.usedAt).not.toBeNull();
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { entityId: user.id, action: "account.passwordSet" } })).toMatchObject({ actorId: person.id, after: { through: "INVITATION" } });

    await expectRefusedWithoutWrites(footprint, () => setPassword({ token, password: "another long password", confirmPassword: "another long password" }), ConflictError, /works once/);
    expect(await getAccountTokenState(token)).toEqual({ usable: false, problem: "used" });
    // In use now: a fresh invitation would be the wrong tool.
    await expectRefusedWithoutWrites(footprint, () => invite(admin, { personId: person.id }), ConflictError, /send a password reset instead/);
  });

  it("refuses an expired link, an unknown one, and a new invitation voids the older link", async () => {
    const person = await personWithEmail("Eva Expired", "eva.expired@example.org");
    const first = tokenOf((await invite(admin, { personId: person.id })).link);
    const second = tokenOf((await invite(admin, { personId: person.id })).link);
    expect(await getAccountTokenState(first)).toEqual({ usable: false, problem: "expired" });
    await expectRefusedWithoutWrites(footprint, () => setPassword({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), ConflictError, /out of date/);

    await prisma.accountToken.update({ where: { tokenHash: hashAccountToken(second) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectRefusedWithoutWrites(footprint, () => setPassword({ token: second, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), ConflictError, /out of date/);
    await expectRefusedWithoutWrites(footprint, () => setPassword({ token: "made-up", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), ConflictError, /not valid|never issued/);
    expect(await getAccountTokenState("made-up")).toEqual({ usable: false, problem: "unknown" });
  });

  it("checks the new password: at least 12 characters, typed twice alike", async () => {
    const short = await setPassword({ token: "t", password: "too short", confirmPassword: "too short" }).catch((error) => error);
    expect(short).toBeInstanceOf(InvalidInputError);
    expect(short.fieldErrors).toEqual({ password: ["Use at least 12 characters"] });
    const differing = await setPassword({ token: "t", password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }).catch((error) => error);
    expect(differing.fieldErrors).toEqual({ confirmPassword: ["The two passwords differ: type the same password twice"] });
  });

  it("needs an email to invite someone", async () => {
    const person = await prisma.person.create({ data: { displayName: "No Mail" } });
    await expectRefusedWithoutWrites(footprint, () => invite(admin, { personId: person.id }), ConflictError, /Add an email address/);
  });
});

describe("resetting a password", () => {
  it("issues a day-long reset link that replaces the earlier one, and is emailed", async () => {
    const person = await prisma.person.findFirstOrThrow({ where: { email: "finance@example.org" } });
    const first = await reset(admin, { personId: person.id });
    const second = await reset(admin, { personId: person.id });
    expect(second.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(second.expiresAt.getTime() - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(await getAccountTokenState(tokenOf(first.link))).toEqual({ usable: false, problem: "expired" });
    expect(await getAccountTokenState(tokenOf(second.link))).toMatchObject({ usable: true, purpose: "PASSWORD_RESET" });
    expect(inbox.filter((mail) => mail.to.includes("finance@example.org") && mail.message.includes("Subject: Reset your UBT Tracker password"))).toHaveLength(2);
    expect(await prisma.auditEntry.count({ where: { action: "account.resetIssued", actorId: admin.personId } })).toBe(2);

    await setPassword({ token: tokenOf(second.link), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    const user = await prisma.user.findUniqueOrThrow({ where: { personId: person.id } });
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash!)).toBe(true);
  });

  it("ends every session opened with the old password once the new one is set", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "colead.labor@example.org" } });
    const open = [await openSession(user.id), await openSession(user.id)];
    const { link } = await reset(admin, { personId: user.personId });
    for (const sid of open) expect(await sessionUserId(sid)).toBe(user.id);
    await setPassword({ token: tokenOf(link), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    for (const sid of open) expect(await sessionUserId(sid)).toBeNull();
    expect(await sessionUserId(await openSession(user.id))).toBe(user.id);
  });

  it("needs an account", async () => {
    const person = await personWithEmail("Nora Noaccount", "nora.noaccount@example.org");
    await expectRefusedWithoutWrites(footprint, () => reset(admin, { personId: person.id }), ConflictError, /invite them instead/);
  });
});

describe("deactivating and reactivating", () => {
  it("ends access at the next request (no user loads, the action path refuses, links stop working), and reactivation restores it", async () => {
    const deputy = await prisma.person.create({
      data: {
        displayName: "Robin Deputy",
        email: "robin.deputy@example.org",
        roleAssignments: { create: { role: "ADMIN", startDate: new Date("2020-01-01") } },
        user: { create: { email: "robin.deputy@example.org" } },
      },
      include: { user: true },
    });
    const userId = deputy.user!.id;
    const target = await personWithEmail("Tess Target", "tess.target@example.org");
    const pendingLink = tokenOf((await reset(admin, { personId: deputy.id })).link);
    const firstSession = await signInAs(userId);
    expect(await updatePersonAction({ personId: target.id, displayName: "Tess Target-Renamed", email: "tess.target@example.org" })).toEqual({ data: { personId: target.id } });

    await deactivate(admin, { personId: deputy.id });
    expect(await loadUser(userId)).toBeNull();
    expect(await prisma.session.findUniqueOrThrow({ where: { id: firstSession } })).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { entityId: userId, action: "account.deactivated" } })).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    const before = await footprint();
    expect(await updatePersonAction({ personId: target.id, displayName: "Tess Again", email: "tess.target@example.org" })).toEqual({
      serverError: "Your session has ended. Sign in again to continue.",
    });
    expect(await footprint()).toEqual(before);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: target.id } })).displayName).toBe("Tess Target-Renamed");
    expect(await getAccountTokenState(pendingLink)).toEqual({ usable: false, problem: "deactivated" });
    await expectRefusedWithoutWrites(footprint, () => deactivate(admin, { personId: deputy.id }), ConflictError, /already deactivated/);
    await expectRefusedWithoutWrites(footprint, () => reset(admin, { personId: deputy.id }), ConflictError, /reactivate it/);

    await reactivate(admin, { personId: deputy.id });
    expect(await loadUser(userId)).toMatchObject({ id: userId, personId: deputy.id });
    // The session deactivation ended stays ended: reactivated, the person signs in again.
    expect(await sessionUserId(firstSession)).toBeNull();
    await signInAs(userId);
    expect(await updatePersonAction({ personId: target.id, displayName: "Tess Again", email: "tess.target@example.org" })).toEqual({ data: { personId: target.id } });
    expect(await prisma.auditEntry.count({ where: { entityId: userId, action: "account.reactivated" } })).toBe(1);
    session.sid = null;
  });

  it("does not let an administrator lock themselves out", async () => {
    await expectRefusedWithoutWrites(footprint, () => deactivate(admin, { personId: admin.personId }), ForbiddenError, /your own account/);
  });
});

describe("the public set-password action", () => {
  it("answers a mistake beside its field, and on success sends the person to sign in, with nobody signed in", async () => {
    session.sid = null;
    const person = await personWithEmail("Paula Public", "paula.public@example.org");
    const token = tokenOf((await invite(admin, { personId: person.id })).link);
    expect(await setPasswordAction({ token, password: "short", confirmPassword: "short" })).toEqual({ validationErrors: { password: { _errors: ["Use at least 12 characters"] } } });
    await expect(setPasswordAction({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT;replace;/login?notice=password-set;"),
    });
    expect(await setPasswordAction({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ serverError: expect.stringMatching(/works once/) });
  });
});
