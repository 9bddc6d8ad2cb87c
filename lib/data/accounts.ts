import "server-only";
import { hashAccountToken } from "@/lib/auth/account-tokens";
import { prisma } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { tokenProblem, type TokenProblem } from "@/lib/domain/accounts";
import { describeBrowser, sessionProblem } from "@/lib/domain/sessions";
import { env } from "@/lib/env";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

export type AccountTokenState =
  | { usable: true; purpose: AccountTokenPurpose; email: string; displayName: string }
  | { usable: false; problem: TokenProblem };

/** What a set-password link opens (public: the link is the only credential), or why it opens nothing. */
export async function getAccountTokenState(token: string, now: Date = new Date()): Promise<AccountTokenState> {
  const found = token
    ? await prisma.accountToken.findUnique({
        where: { tokenHash: hashAccountToken(token) },
        select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true, disabled: true, person: { select: { displayName: true } } } } },
      })
    : null;
  const problem = tokenProblem(found && { usedAt: found.usedAt, expiresAt: found.expiresAt, userDisabled: found.user.disabled }, now);
  if (problem || !found) return { usable: false, problem: problem ?? "unknown" };
  return { usable: true, purpose: found.purpose, email: found.user.email, displayName: found.user.person.displayName };
}

export type OpenSessionView = { id: string; browser: string; address: string | null; signedInAt: Date; lastSeenAt: Date; current: boolean };

/** The account page: the person's sign-in, and the sessions still open (this one first, then the most recently used). */
export async function getOwnAccount(user: Pick<CurrentUser, "id" | "sessionId">, now: Date = new Date()) {
  const account = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      email: true,
      passwordHash: true,
      lastSignInAt: true,
      person: { select: { displayName: true } },
      // Open by the table's own columns; idleness is then the domain rule's (a few rows: the lifetime bounds them).
      sessions: { where: { revokedAt: null, expiresAt: { gt: now } }, orderBy: { lastSeenAt: "desc" } },
    },
  });
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  const sessions: OpenSessionView[] = account.sessions
    .filter((session) => sessionProblem(session, now, idleMs) === null)
    .map((session) => ({
      id: session.id,
      browser: describeBrowser(session.userAgent),
      address: session.address,
      signedInAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      current: session.id === user.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  return { displayName: account.person.displayName, email: account.email, hasPassword: account.passwordHash !== null, sessions };
}
