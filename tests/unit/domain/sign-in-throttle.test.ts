import { describe, expect, it } from "vitest";
import { ACCOUNT_RULE, BUSY_MESSAGE, isSignInRefusal, tooManyAttemptsMessage, waitMs, type ThrottleRule } from "@/lib/domain/sign-in-throttle";

const MINUTE = 60_000;
const rule: ThrottleRule = { windowMs: 15 * MINUTE, freeFailures: 3, baseWaitMs: MINUTE, maxWaitMs: 10 * MINUTE };
const now = new Date("2026-12-01T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("the wait after failed sign-ins", () => {
  it("is none while the failures stay within the free ones", () => {
    expect(waitMs(rule, { failures: 0, lastFailureAt: null }, now)).toBe(0);
    expect(waitMs(rule, { failures: 2, lastFailureAt: now }, now)).toBe(0);
  });

  it("starts at the base wait from the last failure, and doubles with each further failure up to the cap", () => {
    expect(waitMs(rule, { failures: 3, lastFailureAt: now }, now)).toBe(MINUTE);
    expect(waitMs(rule, { failures: 4, lastFailureAt: now }, now)).toBe(2 * MINUTE);
    expect(waitMs(rule, { failures: 5, lastFailureAt: now }, now)).toBe(4 * MINUTE);
    expect(waitMs(rule, { failures: 6, lastFailureAt: now }, now)).toBe(8 * MINUTE);
    expect(waitMs(rule, { failures: 7, lastFailureAt: now }, now)).toBe(10 * MINUTE);
    expect(waitMs(rule, { failures: 5000, lastFailureAt: now }, now)).toBe(10 * MINUTE);
  });

  it("counts down from the last failure and ends", () => {
    expect(waitMs(rule, { failures: 4, lastFailureAt: ago(90_000) }, now)).toBe(30_000);
    expect(waitMs(rule, { failures: 4, lastFailureAt: ago(2 * MINUTE) }, now)).toBe(0);
    expect(waitMs(rule, { failures: 4, lastFailureAt: ago(3 * MINUTE) }, now)).toBe(0);
  });

  it("gives an account five tries before the first minute's wait", () => {
    expect(waitMs(ACCOUNT_RULE, { failures: 4, lastFailureAt: now }, now)).toBe(0);
    expect(waitMs(ACCOUNT_RULE, { failures: 5, lastFailureAt: now }, now)).toBe(MINUTE);
  });
});

describe("the refusal's message", () => {
  it("says whole minutes, rounded up, at least one", () => {
    expect(tooManyAttemptsMessage("account", 1)).toBe("Too many sign-in attempts for this account. Try again in 1 minute.");
    expect(tooManyAttemptsMessage("account", MINUTE + 1)).toBe("Too many sign-in attempts for this account. Try again in 2 minutes.");
    expect(tooManyAttemptsMessage("address", 15 * MINUTE)).toBe("Too many sign-in attempts for your network address. Try again in 15 minutes.");
  });

  it("is told apart from next-auth's other errors, which the form words as a wrong email or password", () => {
    expect(isSignInRefusal(tooManyAttemptsMessage("account", MINUTE))).toBe(true);
    expect(isSignInRefusal(tooManyAttemptsMessage("address", MINUTE))).toBe(true);
    expect(isSignInRefusal(BUSY_MESSAGE)).toBe(true);
    expect(isSignInRefusal("CredentialsSignin")).toBe(false);
    expect(isSignInRefusal("Configuration")).toBe(false);
  });
});
