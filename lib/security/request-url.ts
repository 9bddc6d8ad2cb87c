import type { Refusal } from "@/lib/security/action-requests";

/**
 * A percent-encoded control character: NUL to US and DEL, but for tab, line feed and carriage
 * return (whitespace a pasted search can hold, and which the URL filters trim). Raw ones never
 * arrive: HTTP refuses them, and the URL parser strips or encodes them.
 */
const ENCODED_CONTROL_CHARACTER = /%(?:0[0-8bcef]|1[0-9a-f]|7f)/i;

/**
 * Refuses a URL whose path or query holds a control character, for every page and route at
 * once (proxy.ts), rather than in each parser of URL values: no one types them, and PostgreSQL
 * cannot store or compare text holding NUL (a query given one fails with an error, a 500),
 * whichever page, export or dynamic segment passes it on.
 */
export function refuseControlCharacters(url: { pathname: string; search: string }): Refusal | null {
  if (!ENCODED_CONTROL_CHARACTER.test(url.pathname + url.search)) return null;
  return { status: 400, message: "The address holds a control character (such as %00). Remove it and try again." };
}
