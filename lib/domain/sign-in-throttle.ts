// Sign-in throttling: how long a key (an account's email, a client address) must wait
// after its recent failures. Pure, so the backoff is tested without a database; the
// failures themselves are kept in PostgreSQL (lib/auth/sign-in-throttle.ts).

export type ThrottleRule = {
  /** Failures counted: those within this window before now. */
  windowMs: number;
  /** Failures allowed in the window before any wait. */
  freeFailures: number;
  /** The first wait; each failure beyond doubles it, up to maxWaitMs. */
  baseWaitMs: number;
  maxWaitMs: number;
};

const MINUTE = 60_000;

/** Per account: five tries, then 1, 2, 4, 8, 15 minutes after each further failure. */
export const ACCOUNT_RULE: ThrottleRule = { windowMs: 15 * MINUTE, freeFailures: 5, baseWaitMs: MINUTE, maxWaitMs: 15 * MINUTE };

/** Per client address: room for a shared office's typos (many people behind one address), not for a flood. */
export const ADDRESS_RULE: ThrottleRule = { windowMs: 15 * MINUTE, freeFailures: 30, baseWaitMs: MINUTE, maxWaitMs: 15 * MINUTE };

/** The recent failures of one key: how many in the window, and when the last was. */
export type FailureCount = { failures: number; lastFailureAt: Date | null };

/** How long the key must still wait before another attempt is checked (0: it may try now). */
export function waitMs(rule: ThrottleRule, { failures, lastFailureAt }: FailureCount, now: Date): number {
  if (failures < rule.freeFailures || !lastFailureAt) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 30);
  const wait = Math.min(rule.baseWaitMs * 2 ** doublings, rule.maxWaitMs);
  return Math.max(0, lastFailureAt.getTime() + wait - now.getTime());
}

export const BUSY_MESSAGE = "The sign-in service is busy; try again in a moment.";

export function tooManyAttemptsMessage(scope: "account" | "address", wait: number): string {
  const minutes = Math.max(1, Math.ceil(wait / MINUTE));
  const what = scope === "account" ? "this account" : "your network address";
  return `Too many sign-in attempts for ${what}. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/**
 * Whether next-auth's sign-in error is one of these refusals (thrown by authorize, passed to
 * the form as `error`), which the form shows as it is; any other error reads "incorrect
 * email or password".
 */
export function isSignInRefusal(error: string): boolean {
  return error === BUSY_MESSAGE || error.startsWith("Too many sign-in attempts for ");
}
