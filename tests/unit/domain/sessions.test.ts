import { describe, expect, it } from "vitest";
import { describeBrowser, sessionProblem, shouldRecordUse } from "@/lib/domain/sessions";

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

describe("describeBrowser", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iPhone"],
    ["Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1", "Chrome on iPad"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on macOS"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36", "Chrome on Android"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux"],
    ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on ChromeOS"],
    ["SomeKiosk/1.0 (Windows NT 10.0)", "A browser on Windows"],
    ["curl/8.5.0", "Unknown browser"],
    [null, "Unknown browser"],
  ])("names %s as %s", (agent, expected) => {
    expect(describeBrowser(agent)).toBe(expected);
  });
});
