// When a signed-in session stops being honoured: pure rules, so the arithmetic is tested without a database.

/** A session's absolute lifetime, from sign-in (the session cookie's own maxAge is the same). */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

/** Ended sessions are kept this long (for the account's session list and an administrator reading the table), then deleted. */
export const ENDED_SESSIONS_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** lastSeenAt is written at most this often: one UPDATE a minute per session, not one per request. */
export const LAST_SEEN_GRANULARITY_MS = 60_000;

export type SessionTimes = { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date };

export type SessionProblem = "revoked" | "expired" | "idle";

/** Why the session no longer signs anyone in, or null while it does. */
export function sessionProblem(session: SessionTimes, now: Date, idleMs: number): SessionProblem | null {
  if (session.revokedAt && session.revokedAt <= now) return "revoked";
  if (session.expiresAt <= now) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) return "idle";
  return null;
}

/** Whether this request should record that the session is still in use. */
export function shouldRecordUse(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS;
}

/**
 * A person's name for the browser a session was opened in ("Firefox on Android"), from its
 * User-Agent; "Unknown browser" when it says nothing recognisable. Order matters: Edge and
 * Chrome's strings also name Safari, and Chrome's on Android names Linux.
 */
export function describeBrowser(userAgent: string | null): string {
  const agent = userAgent ?? "";
  const browser = [
    ["Edge", /Edg(?:e|A|iOS)?\//],
    ["Firefox", /Firefox\/|FxiOS\//],
    ["Chrome", /Chrome\/|CriOS\//],
    ["Safari", /Safari\//],
  ].find(([, pattern]) => (pattern as RegExp).test(agent))?.[0] as string | undefined;
  const system = [
    ["Android", /Android/],
    ["iPhone", /iPhone/],
    ["iPad", /iPad/],
    ["Windows", /Windows/],
    ["macOS", /Macintosh|Mac OS X/],
    ["ChromeOS", /CrOS/],
    ["Linux", /Linux/],
  ].find(([, pattern]) => (pattern as RegExp).test(agent))?.[0] as string | undefined;
  if (!browser && !system) return "Unknown browser";
  return [browser ?? "A browser", system].filter(Boolean).join(" on ");
}
