import "server-only";
// Failed sign-ins, kept in PostgreSQL so every server process sees the same counts and a
// restart forgets nothing; the backoff itself is lib/domain/sign-in-throttle.ts.
import { prisma } from "@/lib/db";
import { ACCOUNT_RULE, ADDRESS_RULE, tooManyAttemptsMessage, waitMs, type FailureCount, type ThrottleRule } from "@/lib/domain/sign-in-throttle";

const KEPT_MS = 24 * 60 * 60_000;

export type SignInKey = { email: string; address: string };

async function recentFailures(where: { email: string } | { address: string }, rule: ThrottleRule, now: Date): Promise<FailureCount> {
  const found = await prisma.signInAttempt.aggregate({
    where: { ...where, createdAt: { gt: new Date(now.getTime() - rule.windowMs) } },
    _count: true,
    _max: { createdAt: true },
  });
  return { failures: found._count, lastFailureAt: found._max.createdAt };
}

/** The message refusing this attempt before any password is checked, or null when it may go ahead. */
export async function signInRefusal({ email, address }: SignInKey, now = new Date()): Promise<string | null> {
  const [account, client] = await Promise.all([recentFailures({ email }, ACCOUNT_RULE, now), recentFailures({ address }, ADDRESS_RULE, now)]);
  const accountWait = waitMs(ACCOUNT_RULE, account, now);
  if (accountWait > 0) return tooManyAttemptsMessage("account", accountWait);
  const addressWait = waitMs(ADDRESS_RULE, client, now);
  return addressWait > 0 ? tooManyAttemptsMessage("address", addressWait) : null;
}

/** Counts a wrong password (or an unknown email) against both the account and the address; drops their day-old ones. */
export async function recordFailedSignIn({ email, address }: SignInKey, now = new Date()): Promise<void> {
  const stale = new Date(now.getTime() - KEPT_MS);
  await prisma.$transaction([
    prisma.signInAttempt.deleteMany({ where: { OR: [{ email }, { address }], createdAt: { lt: stale } } }),
    prisma.signInAttempt.create({ data: { email, address, createdAt: now } }),
  ]);
}

/** A correct password clears its account's failures (the address keeps its count: other accounts may be tried from it). */
export async function clearFailedSignIns(email: string): Promise<void> {
  await prisma.signInAttempt.deleteMany({ where: { email } });
}
