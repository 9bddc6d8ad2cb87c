import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

// The real sign-in over HTTP, as the sign-in form posts it (next-auth's credentials callback):
// used by the benchmarks, which read pages as a signed-in person would.

/** The cookies a response sets, as name=value pairs for a Cookie header. */
export function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

export type CsrfSession = { token: string; cookies: string[] };

export async function fetchCsrf(baseUrl: string, extraHeaders: Record<string, string> = {}): Promise<CsrfSession> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`, { headers: extraHeaders });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookies: cookiesOf(response) };
}

/** Posts the credentials as the sign-in form does; answers the error next-auth reports ("" on success). */
export async function postSignIn(baseUrl: string, email: string, password: string, session: CsrfSession, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookies.join("; "), ...headers },
    body: new URLSearchParams({ email, password, csrfToken: session.token, json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({ url: "" }))) as { url?: string };
  const error = url ? (new URL(url, baseUrl).searchParams.get("error") ?? "") : `HTTP ${response.status}`;
  return { error, cookies: cookiesOf(response) };
}

/** Signs a demo account in; the Cookie header that carries its session. */
export async function signInCookie(baseUrl: string, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const session = await fetchCsrf(baseUrl);
  const { error, cookies } = await postSignIn(baseUrl, email, password, session);
  if (error) throw new Error(`Signing in ${email} failed: ${error}`);
  return [...session.cookies, ...cookies].join("; ");
}
