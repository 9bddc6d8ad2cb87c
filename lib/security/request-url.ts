import type { Refusal } from "@/lib/security/action-requests";

/**
 * A percent-encoded control character: NUL to US and DEL, but for tab, line feed and carriage
 * return (whitespace a pasted search can hold, and which the URL filters trim). Raw ones never
 * arrive: HTTP refuses them, and the URL parser strips or encodes them.
 */
const ENCODED_CONTROL_CHARACTER = /%(?:0[0-8bcef]|1[0-9a-f]|7f)/i;

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a URL that no page or route can read, for every one at once (proxy.ts) rather than
 * in each parser of URL values:
 * - a control character in the path or query: no one types them, and PostgreSQL cannot store
 *   or compare text holding NUL (a query given one fails, a 500), whichever page, export or
 *   dynamic segment passes it on;
 * - a path whose percent-escapes are not UTF-8 (`%ZZ`, `%C3%28`, a lone `%`): Next decodes a
 *   dynamic segment with decodeURIComponent and answers its URIError with a 500. (A query
 *   string's are decoded leniently, and reach the filters as text.)
 */
export function refuseUnreadableUrl(url: { pathname: string; search: string }): Refusal | null {
  if (ENCODED_CONTROL_CHARACTER.test(url.pathname + url.search)) {
    return { status: 400, message: "The address holds a control character (such as %00). Remove it and try again." };
  }
  if (!decodes(url.pathname)) return { status: 400, message: "The address has a malformed %-escape. Check the link and try again." };
  return null;
}
