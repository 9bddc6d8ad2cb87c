import "server-only";
import { hashAccountToken } from "@/lib/auth/account-tokens";
import { prisma } from "@/lib/db";
import { tokenProblem, type TokenProblem } from "@/lib/domain/accounts";
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
