import { describe, expect, it } from "vitest";
import { sessionProblem, shouldRecordUse } from "@/lib/domain/sessions";

const MINUTE = 60_000;
const now = new Date("2026-12-01T10:00:00Z");
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * MINUTE);
const open = { revokedAt: null, expiresAt: at(60), lastSeenAt: at(-5) };

describe("whether a session still signs its user in", () => {
  it("does while open, unexpired and used within the idle limit", () => {
    expect(sessionProblem(open, now, 120 * MINUTE)).toBeNull();
    expect(sessionProblem({ ...open, lastSeenAt: at(-120) }, now, 120 * MINUTE)).toBeNull();
  });

  it("does not once revoked, at its expiry, or idle longer than the limit", () => {
    expect(sessionProblem({ ...open, revokedAt: at(-1) }, now, 120 * MINUTE)).toBe("revoked");
    expect(sessionProblem({ ...open, expiresAt: now }, now, 120 * MINUTE)).toBe("expired");
    expect(sessionProblem({ ...open, lastSeenAt: at(-121) }, now, 120 * MINUTE)).toBe("idle");
  });

  it("names revocation first: it is what happened, whatever else is also true", () => {
    expect(sessionProblem({ revokedAt: at(-1), expiresAt: at(-1), lastSeenAt: at(-500) }, now, MINUTE)).toBe("revoked");
  });
});

describe("recording a session's use", () => {
  it("happens once a minute at most", () => {
    expect(shouldRecordUse(at(-0.5), now)).toBe(false);
    expect(shouldRecordUse(at(-1), now)).toBe(true);
  });
});
