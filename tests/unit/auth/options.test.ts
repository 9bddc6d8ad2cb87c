import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";

const SECRET = "a-test-secret-of-enough-length";
type Answer = { status: number; headers: Record<string, string | string[]>; body?: unknown };

/**
 * One request through next-auth's own handler with the app's options (its API-route form,
 * which takes plain objects), as served under `appUrl`: next-auth reads NEXTAUTH_URL for that.
 */
async function askNextAuth(appUrl: string, path: string[], request: { query?: Record<string, string>; cookies?: Record<string, string> } = {}): Promise<Answer> {
  vi.stubEnv("NEXTAUTH_URL", appUrl);
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  const answer: Answer = { status: 200, headers: {} };
  const response = {
    status: (code: number) => ((answer.status = code), response),
    setHeader: (key: string, value: string | string[]) => ((answer.headers[key.toLowerCase()] = value), response),
    getHeader: (key: string) => answer.headers[key.toLowerCase()],
    send: (body: unknown) => void (answer.body = body),
    json: (body: unknown) => void (answer.body = body),
    end: () => undefined,
  };
  const incoming = { method: "GET", query: { nextauth: path, ...request.query }, cookies: request.cookies ?? {}, headers: { host: new URL(appUrl).host }, body: {} };
  // A copy: next-auth writes the secret into the options it is given.
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(incoming, response, { ...authOptions });
  return answer;
}

function setCookies(answer: Answer): string[] {
  const value = answer.headers["set-cookie"] ?? [];
  return Array.isArray(value) ? value : [value];
}

/** A session cookie next-auth accepts: reading the session renews it, with the cookie's own attributes. */
async function sessionCookie(name: string): Promise<Record<string, string>> {
  return { [name]: await encode({ token: { userId: "someone", email: "someone@example.org" }, secret: SECRET }) };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the session cookie", () => {
  it("is Secure (and __Secure- prefixed) when NEXTAUTH_URL is https", async () => {
    const answer = await askNextAuth("https://tracker.example.org", ["session"], { cookies: await sessionCookie("__Secure-next-auth.session-token") });
    const session = setCookies(answer).find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/i);
  });

  it("is not Secure over plain http (local development, where a browser would drop it)", async () => {
    const answer = await askNextAuth("http://localhost:3000", ["session"], { cookies: await sessionCookie("next-auth.session-token") });
    const session = setCookies(answer).find((cookie) => cookie.startsWith("next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).not.toMatch(/; Secure/);
  });

  it("has the sign-in form's CSRF cookie Secure and __Host- prefixed behind https too", async () => {
    const answer = await askNextAuth("https://tracker.example.org", ["csrf"]);
    expect(setCookies(answer).find((cookie) => cookie.startsWith("__Host-next-auth.csrf-token="))).toMatch(/; Secure/);
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = authOptions.callbacks!.redirect!;
  const baseUrl = "https://tracker.example.org";

  it.each([
    ["/overview?quarter=2021-Q2", "https://tracker.example.org/overview?quarter=2021-Q2"],
    ["https://tracker.example.org/savings", "https://tracker.example.org/savings"],
    ["https://evil.example/", "https://tracker.example.org/"],
    ["//evil.example", "https://tracker.example.org/"],
    ["/\\evil.example", "https://tracker.example.org/"],
    ["javascript:alert(1)", "https://tracker.example.org/"],
    ["https://tracker.example.org@evil.example/", "https://tracker.example.org/"],
  ])("sends %j to %j", async (url, expected) => {
    expect(await redirect({ url, baseUrl })).toBe(expected);
  });

  it("is the one next-auth uses for the address a sign-in returns to", async () => {
    const hostile = await askNextAuth(baseUrl, ["signin"], { query: { callbackUrl: "https://evil.example/" } });
    const kept = await askNextAuth(baseUrl, ["signin"], { query: { callbackUrl: "/overview" } });
    const callbackCookie = (answer: Answer) => {
      const value = setCookies(answer)
        .map((cookie) => /^__Secure-next-auth\.callback-url=([^;]*)/.exec(cookie)?.[1])
        .find((found) => found !== undefined);
      return value === undefined ? undefined : decodeURIComponent(value);
    };
    expect(callbackCookie(hostile)).toBe(`${baseUrl}/`);
    expect(callbackCookie(kept)).toBe(`${baseUrl}/overview`);
  });
});
