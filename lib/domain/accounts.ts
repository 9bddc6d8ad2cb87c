import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

/** A person's sign-in account as administrators see it. */
export type AccountStatus = "NONE" | "INVITED" | "ACTIVE" | "DEACTIVATED";

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  NONE: "No account",
  INVITED: "Invited",
  ACTIVE: "Active",
  DEACTIVATED: "Deactivated",
};

/**
 * An account is active once it has a password or has been used (single sign-on accounts
 * have no password); until then it is an invitation waiting to be taken up.
 */
export function accountStatus(user: { disabled: boolean; hasPassword: boolean; lastSignInAt: Date | null } | null): AccountStatus {
  if (!user) return "NONE";
  if (user.disabled) return "DEACTIVATED";
  return user.hasPassword || user.lastSignInAt !== null ? "ACTIVE" : "INVITED";
}

const HOUR_MS = 60 * 60 * 1000;

/** How long a set-password link works: an invitation a week (it may wait in an inbox), a reset a day. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  INVITATION: 7 * 24 * HOUR_MS,
  PASSWORD_RESET: 24 * HOUR_MS,
};

/** Why a set-password link does not work. */
export type TokenProblem = "unknown" | "used" | "expired" | "deactivated";

export const TOKEN_PROBLEM_MESSAGES: Record<TokenProblem, { title: string; message: string }> = {
  unknown: {
    title: "This link is not valid",
    message: "The link is incomplete or was never issued. Copy the whole link from the email, or ask your administrator for a new one.",
  },
  used: {
    title: "This link has already been used",
    message: "A set-password link works once. If you set your password, sign in with it; otherwise ask your administrator for a new link.",
  },
  expired: {
    title: "This link has expired",
    message: "The link is out of date, or a newer one was issued since. Ask your administrator for a new link.",
  },
  deactivated: {
    title: "This account is deactivated",
    message: "The account this link is for has been deactivated. Ask your administrator if you need access again.",
  },
};

/** What stands in the way of using a link (checked in this order), or null when it may set a password now. */
export function tokenProblem(token: { usedAt: Date | null; expiresAt: Date; userDisabled: boolean } | null, now: Date): TokenProblem | null {
  if (!token) return "unknown";
  if (token.userDisabled) return "deactivated";
  if (token.usedAt !== null) return "used";
  if (token.expiresAt <= now) return "expired";
  return null;
}
