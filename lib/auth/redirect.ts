/** Where sign-in sends someone when the address it was given is not a page of this app. */
export const HOME_PATH = "/";

// Browsers drop or reinterpret these inside an address ("/\t/evil" and "/\evil" both become "//evil"),
// so a target holding one is refused, not cleaned. The addresses the app makes itself are percent-encoded.
const RAW_UNSAFE = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/;
// Once decoded (by a server or proxy further on), a path must still not name a host or hold control characters.
const DECODED_PATH_UNSAFE = /^\/\/|[\u0000-\u001f\u007f\\]/;
// Any scheme but an explicit http(s)://host is refused: javascript:, data:, and "http:evil", which some readers take as a host.
const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const HTTP_WITH_HOST = /^https?:\/\//i;
// Deeper nesting of percent-escapes is itself suspicious, and refused.
const MAX_DECODING_ROUNDS = 3;

/** The text with its percent-escapes undone until nothing changes, or null when they are malformed or nested too deep. */
function fullyDecoded(text: string): string | null {
  let current = text;
  for (let round = 0; round < MAX_DECODING_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

function resolve(raw: string, origin: string): { app: URL; target: URL } | null {
  try {
    const app = new URL(origin);
    return { app, target: new URL(raw, app) };
  } catch {
    return null;
  }
}

/**
 * The path (with query and fragment) of `raw` when it resolves, against `origin`, to a page
 * of that same origin; otherwise the home page. The one check for every redirect after
 * sign-in, so no spelling of another host (`//evil`, `/\evil`, `https://app@evil`,
 * `javascript:`, `%2F%2Fevil`, control characters…) can send someone away from the app.
 */
export function sameOriginPath(raw: unknown, origin: string): string {
  if (typeof raw !== "string" || raw === "" || RAW_UNSAFE.test(raw)) return HOME_PATH;
  if (SCHEME.test(raw) && !HTTP_WITH_HOST.test(raw)) return HOME_PATH;
  const resolved = resolve(raw, origin);
  if (!resolved) return HOME_PATH;
  const { app, target } = resolved;
  if (target.origin !== app.origin || target.username !== "" || target.password !== "") return HOME_PATH;
  const decodedPath = fullyDecoded(target.pathname);
  if (decodedPath === null || DECODED_PATH_UNSAFE.test(decodedPath)) return HOME_PATH;
  return `${target.pathname}${target.search}${target.hash}`;
}

/**
 * Whether next-auth can read `raw` as a callback URL, by its own rule: a path from the root,
 * or an absolute http(s) URL. It answers any other value (in the query or in its cookie) with
 * a 500 that blames its configuration; where sign-in goes afterwards is still decided by
 * sameOriginPath.
 */
export function isReadableCallbackUrl(raw: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(raw, raw.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}
