import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { clearFailedSignIns, recordFailedSignIn, signInRefusal } from "@/lib/auth/sign-in-throttle";
import { prisma } from "@/lib/db";
import { ACCOUNT_RULE, ADDRESS_RULE } from "@/lib/domain/sign-in-throttle";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { resetToSeed } from "@/tests/support/database";

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<{ id: string } | null>;

/** The credentials provider's authorize, as next-auth calls it with the sign-in form's fields and the request's headers. */
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const fromAddress = (address: string) => ({ headers: { "x-forwarded-for": address } });

const MINUTE = 60_000;

beforeAll(resetToSeed);

describe("sign-in throttling, per account", () => {
  it("after five wrong passwords refuses the account, right password included, with the wait; a success clears the count", async () => {
    const email = "sponsor.union@example.org";
    for (let attempt = 0; attempt < ACCOUNT_RULE.freeFailures; attempt += 1) {
      expect(await authorize({ email, password: "wrong password" }, fromAddress("192.0.2.1"))).toBeNull();
    }
    expect(await prisma.signInAttempt.count({ where: { email } })).toBe(ACCOUNT_RULE.freeFailures);
    // From another address too, and without a password check: the account is what is locked.
    // The refusal comes after a second's pause, as every failure does: a flood's clients, waiting for it, slow down.
    const started = Date.now();
    await expect(authorize({ email, password: DEMO_PASSWORD }, fromAddress("192.0.2.2"))).rejects.toThrow(
      "Too many sign-in attempts for this account. Try again in 1 minute.",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await prisma.signInAttempt.count({ where: { email } })).toBe(ACCOUNT_RULE.freeFailures);
    // Other accounts sign in meanwhile.
    expect(await authorize({ email: "sponsor.mgmt@example.org", password: DEMO_PASSWORD }, fromAddress("192.0.2.1"))).toMatchObject({ email: "sponsor.mgmt@example.org" });

    // Once the minute has passed (the failures moved back in time), the right password gets in and clears the count.
    await prisma.signInAttempt.updateMany({ where: { email }, data: { createdAt: new Date(Date.now() - 2 * MINUTE) } });
    expect(await authorize({ email: " Sponsor.Union@example.org ", password: DEMO_PASSWORD }, fromAddress("192.0.2.1"))).toMatchObject({ email });
    expect(await prisma.signInAttempt.count({ where: { email } })).toBe(0);
  });

  it("doubles the wait with each failure past the free ones, and counts unknown emails the same", async () => {
    const key = { email: "nobody.here@example.org", address: "192.0.2.50" };
    const now = new Date();
    for (let failure = 0; failure < ACCOUNT_RULE.freeFailures + 2; failure += 1) await recordFailedSignIn(key, now);
    expect(await signInRefusal(key, now)).toBe("Too many sign-in attempts for this account. Try again in 4 minutes.");
    expect(await signInRefusal(key, new Date(now.getTime() + 3.5 * MINUTE))).toBe("Too many sign-in attempts for this account. Try again in 1 minute.");
    expect(await signInRefusal(key, new Date(now.getTime() + 4 * MINUTE))).toBeNull();
    // Outside the 15-minute window the failures no longer count.
    expect(await signInRefusal(key, new Date(now.getTime() + ACCOUNT_RULE.windowMs + 1))).toBeNull();
    await clearFailedSignIns(key.email);
    expect(await prisma.signInAttempt.count({ where: { email: key.email } })).toBe(0);
  });
});

describe("sign-in throttling, per client address", () => {
  it("refuses an address that failed for many accounts, and only that address", async () => {
    const address = "198.51.100.9";
    const now = new Date();
    for (let failure = 0; failure < ADDRESS_RULE.freeFailures; failure += 1) {
      await recordFailedSignIn({ email: `guess${failure}@example.org`, address }, now);
    }
    expect(await signInRefusal({ email: "staff@example.org", address }, now)).toBe("Too many sign-in attempts for your network address. Try again in 1 minute.");
    await expect(authorize({ email: "staff@example.org", password: DEMO_PASSWORD }, fromAddress(`203.0.113.1, ${address}`))).rejects.toThrow(/your network address/);
    // Only the last X-Forwarded-For entry (what Next.js saw on the connection) is the address; an earlier one is the client's claim.
    expect(await authorize({ email: "staff@example.org", password: DEMO_PASSWORD }, fromAddress(`${address}, 203.0.113.1`))).toMatchObject({ email: "staff@example.org" });
  });
});
