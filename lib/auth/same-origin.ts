/**
 * Whether a request comes from a page of this app: its Origin names the host it was sent to.
 * Server actions get this check from Next; a route handler that changes data does it itself,
 * so another site's page cannot post to it with the administrator's cookie.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  // Behind a proxy the host the browser saw is forwarded, as Next's own action check reads it.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
