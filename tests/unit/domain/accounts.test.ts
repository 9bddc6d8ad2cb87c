import { describe, expect, it } from "vitest";
import { accountStatus, TOKEN_LIFETIME_MS, tokenProblem } from "@/lib/domain/accounts";

const NOW = new Date("2026-12-01T12:00:00Z");
const LATER = new Date("2026-12-02T12:00:00Z");

describe("an account's status", () => {
  it("is none without an account, deactivated when disabled, active once it has a password or was used, invited before", () => {
    expect(accountStatus(null)).toBe("NONE");
    expect(accountStatus({ disabled: true, hasPassword: true, lastSignInAt: NOW })).toBe("DEACTIVATED");
    expect(accountStatus({ disabled: false, hasPassword: true, lastSignInAt: null })).toBe("ACTIVE");
    // Single sign-on accounts have no password but have signed in.
    expect(accountStatus({ disabled: false, hasPassword: false, lastSignInAt: NOW })).toBe("ACTIVE");
    expect(accountStatus({ disabled: false, hasPassword: false, lastSignInAt: null })).toBe("INVITED");
  });
});

describe("set-password links", () => {
  it("last a week for an invitation and a day for a reset", () => {
    expect(TOKEN_LIFETIME_MS.INVITATION).toBe(7 * 24 * 60 * 60 * 1000);
    expect(TOKEN_LIFETIME_MS.PASSWORD_RESET).toBe(24 * 60 * 60 * 1000);
  });

  it("work while unused, unexpired and their account active", () => {
    expect(tokenProblem({ usedAt: null, expiresAt: LATER, userDisabled: false }, NOW)).toBeNull();
  });

  it("say why they do not work: unknown, deactivated account first, then used, then expired", () => {
    expect(tokenProblem(null, NOW)).toBe("unknown");
    expect(tokenProblem({ usedAt: NOW, expiresAt: NOW, userDisabled: true }, NOW)).toBe("deactivated");
    expect(tokenProblem({ usedAt: NOW, expiresAt: NOW, userDisabled: false }, NOW)).toBe("used");
    expect(tokenProblem({ usedAt: null, expiresAt: NOW, userDisabled: false }, NOW)).toBe("expired");
  });
});
