import { createHash } from "node:crypto";
import { fetchCsrf, signInCookie } from "./sign-in";

// Two app instances on one database, as a load balancer would spread requests between them:
// they keep no state of their own (sessions live in the database, one shared secret, no
// files written), so a session started on one works on the other, signing out on one ends
// it on both, and both answer every figure byte for byte alike.

/** One check of the two instances against each other. */
export type AgreementCheck = { name: string; agreed: boolean; detail: string };

export type AgreementRun = { instances: string[]; checks: AgreementCheck[]; error?: string };

/** The signed-in email an instance sees for a Cookie header; null when it sees no session. */
async function sessionEmail(baseUrl: string, cookie: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const session = (await response.json()) as { user?: { email?: string | null } };
  return session.user?.email ?? null;
}

/** Signs out through next-auth's own sign-out route, as the header's button does. */
async function signOut(baseUrl: string, cookie: string): Promise<void> {
  const { token } = await fetchCsrf(baseUrl, { cookie });
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken: token, json: "true" }),
  });
  await response.arrayBuffer();
}

async function fingerprint(url: string, cookie: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie } });
  const body = Buffer.from(await response.arrayBuffer());
  return `HTTP ${response.status}, ${body.byteLength.toLocaleString("en-US")} bytes, sha256 ${createHash("sha256").update(body).digest("hex").slice(0, 16)}`;
}

/**
 * Checks `first` and `second` against each other: a session signed in on the first as
 * `email` is signed in on the second; signing it out on the second ends it on the first;
 * each of `figures` (CSV exports, which carry no per-response nonce) is the same bytes
 * from both.
 */
export async function checkInstancesAgree(
  first: string,
  second: string,
  email: string,
  figures: { name: string; path: string; cookie: string }[],
): Promise<AgreementCheck[]> {
  const checks: AgreementCheck[] = [];
  const cookie = await signInCookie(first, email);
  const seenBySecond = await sessionEmail(second, cookie);
  checks.push({
    name: "a session signed in on the first instance is signed in on the second",
    agreed: seenBySecond === email,
    detail: `the second sees ${seenBySecond ?? "no session"}`,
  });
  await signOut(second, cookie);
  const seenByFirst = await sessionEmail(first, cookie);
  checks.push({
    name: "signing out on the second instance ends the session on the first",
    agreed: seenByFirst === null,
    detail: `the first then sees ${seenByFirst ?? "no session"}`,
  });
  for (const figure of figures) {
    const [fromFirst, fromSecond] = [await fingerprint(`${first}${figure.path}`, figure.cookie), await fingerprint(`${second}${figure.path}`, figure.cookie)];
    checks.push({
      name: `${figure.name} (\`${figure.path}\`) is the same from both`,
      agreed: fromFirst === fromSecond && fromFirst.startsWith("HTTP 200"),
      detail: fromFirst === fromSecond ? fromFirst : `first: ${fromFirst}; second: ${fromSecond}`,
    });
  }
  return checks;
}
