import "server-only";
// Sign-in accounts: administrators invite, reset, deactivate and reactivate them (each
// asserting lib/auth/admin-reach.ts); the person sets their password through a one-time link.
import { hashAccountToken, newAccountToken } from "@/lib/auth/account-tokens";
import { assertCanManagePerson } from "@/lib/auth/admin-reach";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/session";
import { recordFailedSignIn, signInRefusal } from "@/lib/auth/sign-in-throttle";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import type { PersonActor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { getPersonFootprint, getPersonOrThrow } from "@/lib/data/people";
import { isUniqueViolation } from "@/lib/db-errors";
import { prisma } from "@/lib/db";
import { accountStatus, TOKEN_LIFETIME_MS, TOKEN_PROBLEM_MESSAGES, tokenProblem } from "@/lib/domain/accounts";
import { sendEmail, type EmailOutcome } from "@/lib/email";
import { appUrl } from "@/lib/env";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Person, Prisma, User } from "@/lib/generated/prisma/client";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import type { AccountActionInput, ChangePasswordInput, SetPasswordInput } from "@/lib/validation/accounts";

type Tx = Prisma.TransactionClient;

/** A set-password link just made: shown to the administrator once, and emailed when a mail server is configured. */
export type AccountLinkOutcome = { personId: string; email: string; link: string; expiresAt: Date; emailed: EmailOutcome };

export type AccountOutcome = { personId: string };

/**
 * Opens an account for the person's email (if they have none yet) and makes an invitation
 * link, valid a week; inviting again replaces the earlier link.
 */
export async function inviteAccount(actor: PersonActor, { personId }: AccountActionInput): Promise<AccountLinkOutcome> {
  const { person, user } = await managedAccount(actor, personId);
  if (!person.email) throw new ConflictError(`Add an email address for ${person.displayName} first: their account signs in with it.`);
  if (user?.disabled) throw new ConflictError(`${person.displayName}'s account is deactivated: reactivate it before inviting them again.`);
  if (user && accountStatus({ disabled: false, hasPassword: user.passwordHash !== null, lastSignInAt: user.lastSignInAt }) === "ACTIVE") {
    throw new ConflictError(`${person.displayName} already uses their account: send a password reset instead.`);
  }
  const email = person.email;
  const issued = await prisma
    .$transaction(async (tx) => {
      const account = user ?? (await tx.user.create({ data: { personId: person.id, email } }));
      const link = await issueLink(tx, account, "INVITATION", actor);
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "account.invited",
        entityType: "User",
        entityId: account.id,
        after: { email, accountCreated: !user, linkExpiresAt: link.expiresAt.toISOString() },
      });
      return link;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ConflictError(`Another account already signs in with ${email}.`);
      throw error;
    });
  return deliver(person, email, issued, "INVITATION");
}

/** A new set-password link for an existing account, valid a day; it replaces any earlier link. */
export async function issuePasswordReset(actor: PersonActor, { personId }: AccountActionInput): Promise<AccountLinkOutcome> {
  const { person, user } = await managedAccount(actor, personId);
  if (!user) throw new ConflictError(`${person.displayName} has no account yet: invite them instead.`);
  if (user.disabled) throw new ConflictError(`${person.displayName}'s account is deactivated: reactivate it before resetting the password.`);
  const issued = await prisma.$transaction(async (tx) => {
    const link = await issueLink(tx, user, "PASSWORD_RESET", actor);
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "account.resetIssued",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, linkExpiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
  return deliver(person, user.email, issued, "PASSWORD_RESET");
}

/**
 * Ends the person's access: their sessions end, so from their next request pages send them
 * to sign in and actions refuse; and their unused links stop working.
 */
export async function deactivateAccount(actor: PersonActor, { personId }: AccountActionInput): Promise<AccountOutcome> {
  const { person, user } = await managedAccount(actor, personId);
  if (!user) throw new ConflictError(`${person.displayName} has no account to deactivate.`);
  if (user.disabled) throw new ConflictError(`${person.displayName}'s account is already deactivated.`);
  if (person.id === actor.personId) throw new ForbiddenError("You cannot deactivate your own account: ask another administrator.");
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({ where: { id: user.id }, data: { disabled: true } });
    await voidUnusedLinks(tx, user.id, now);
    await revokeAllSessions(tx, user.id, now);
    await recordAudit(tx, { actorId: actor.personId, action: "account.deactivated", entityType: "User", entityId: user.id, before: { disabled: false }, after: { disabled: true } });
    return { personId: person.id };
  });
}

/** Restores a deactivated account's access, with the password it had. */
export async function reactivateAccount(actor: PersonActor, { personId }: AccountActionInput): Promise<AccountOutcome> {
  const { person, user } = await managedAccount(actor, personId);
  if (!user) throw new ConflictError(`${person.displayName} has no account to reactivate.`);
  if (!user.disabled) throw new ConflictError(`${person.displayName}'s account is already active.`);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabled: false } });
    await recordAudit(tx, { actorId: actor.personId, action: "account.reactivated", entityType: "User", entityId: user.id, before: { disabled: true }, after: { disabled: false } });
    return { personId: person.id };
  });
}

/**
 * The person sets their password through their link (nobody is signed in): the link must be
 * the latest issued, unused, unexpired and its account active; it then works no more. Every
 * session open with the old password ends (whoever knew it is signed out).
 */
export async function setPassword({ token, password }: SetPasswordInput): Promise<AccountOutcome & { email: string }> {
  const tokenHash = hashAccountToken(token);
  const passwordHash = await hashPassword(password);
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.accountToken.findUnique({ where: { tokenHash }, include: { user: true } });
    const problem = tokenProblem(found && { usedAt: found.usedAt, expiresAt: found.expiresAt, userDisabled: found.user.disabled }, now);
    if (problem || !found) throw new ConflictError(TOKEN_PROBLEM_MESSAGES[problem ?? "unknown"].message);
    // Claimed only if still unused: of two submissions at once, one sets the password.
    const claimed = await tx.accountToken.updateMany({ where: { id: found.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new ConflictError(TOKEN_PROBLEM_MESSAGES.used.message);
    await tx.user.update({ where: { id: found.userId }, data: { passwordHash } });
    await voidUnusedLinks(tx, found.userId, now);
    await revokeAllSessions(tx, found.userId, now);
    await recordAudit(tx, {
      actorId: found.user.personId,
      action: "account.passwordSet",
      entityType: "User",
      entityId: found.userId,
      after: { through: found.purpose, tokenId: found.id },
    });
    return { personId: found.user.personId, email: found.user.email };
  });
}

export const NOT_CURRENT_PASSWORD = "That is not your current password";

/**
 * The signed-in person changes their own password, proving it with the current one. Wrong
 * guesses count against the account as failed sign-ins do (a borrowed session cannot be used
 * to try passwords at leisure); the account's other sessions end, this one goes on.
 */
export async function changePassword(user: Pick<CurrentUser, "id" | "email" | "personId" | "sessionId">, { currentPassword, password }: ChangePasswordInput): Promise<{ sessionsEnded: number }> {
  const attempt = { email: user.email, address: `session:${user.sessionId ?? "none"}` };
  const refusal = await signInRefusal(attempt);
  if (refusal) throw new ConflictError(refusal);
  const account = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!account.passwordHash) throw new ConflictError("Your account signs in through single sign-on: it has no password here to change.");
  if (!(await verifyPassword(currentPassword, account.passwordHash))) {
    await recordFailedSignIn(attempt);
    throw new InvalidInputError(NOT_CURRENT_PASSWORD, { currentPassword: [NOT_CURRENT_PASSWORD] });
  }
  const passwordHash = await hashPassword(password);
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    // Only if unchanged meanwhile: two changes at once must not both pass on the old password.
    const changed = await tx.user.updateMany({ where: { id: user.id, passwordHash: account.passwordHash }, data: { passwordHash } });
    if (changed.count !== 1) throw new ConflictError("Your password was changed meanwhile. Reload the page and try again.");
    await voidUnusedLinks(tx, user.id, now);
    const sessionsEnded = await revokeAllSessions(tx, user.id, now, { keeping: user.sessionId });
    await recordAudit(tx, { actorId: user.personId, action: "account.passwordChanged", entityType: "User", entityId: user.id, after: { otherSessionsEnded: sessionsEnded } });
    return { sessionsEnded };
  });
}

// ───────────────────────────── shared steps ─────────────────────────────

/** The person and their account (if any), once the actor may manage the person. */
async function managedAccount(actor: PersonActor, personId: string): Promise<{ person: Person; user: User | null }> {
  const person = await getPersonOrThrow(personId);
  assertCanManagePerson(actor, await getPersonFootprint(person.id));
  return { person, user: await prisma.user.findUnique({ where: { personId: person.id } }) };
}

/** A fresh link for the account; the older unused ones stop working (expired now), so only the latest opens it. */
async function issueLink(tx: Tx, user: Pick<User, "id">, purpose: AccountTokenPurpose, actor: PersonActor): Promise<{ link: string; expiresAt: Date }> {
  const now = new Date();
  await voidUnusedLinks(tx, user.id, now);
  const token = newAccountToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await tx.accountToken.create({ data: { userId: user.id, purpose, tokenHash: hashAccountToken(token), expiresAt, createdById: actor.personId } });
  return { link: appUrl(`/set-password?token=${token}`), expiresAt };
}

async function voidUnusedLinks(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

/** After the link is saved: emailed to the person when a mail server is configured; the administrator sees it either way. */
async function deliver(person: Person, email: string, { link, expiresAt }: { link: string; expiresAt: Date }, purpose: AccountTokenPurpose): Promise<AccountLinkOutcome> {
  const emailed = await sendEmail({ to: email, ...accountEmail(person.displayName, email, link, expiresAt, purpose) });
  return { personId: person.id, email, link, expiresAt, emailed };
}

function accountEmail(name: string, email: string, link: string, expiresAt: Date, purpose: AccountTokenPurpose): { subject: string; text: string } {
  const until = `It works once, until ${formatDateTime(expiresAt)}.`;
  const signIn = `Then sign in at ${appUrl("/login")} with ${email} and your new password.`;
  if (purpose === "INVITATION") {
    return {
      subject: "Your UBT Tracker account",
      text: `Hello ${name},\n\nAn account on UBT Tracker, the partnership's tracker for unit-based teams, has been opened for you. Choose your password with this link. ${until}\n\n${link}\n\n${signIn}\n`,
    };
  }
  return {
    subject: "Reset your UBT Tracker password",
    text: `Hello ${name},\n\nAn administrator has issued a link to reset your UBT Tracker password. ${until}\n\n${link}\n\n${signIn}\nIf you did not ask for this, tell your administrator.\n`,
  };
}
