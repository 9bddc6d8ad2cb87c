import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isActionRequest, refuseActionRequest, type Refusal } from "@/lib/security/action-requests";
import { contentSecurityPolicy, createNonce, CSP_HEADER, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";
import { refuseUnreadableUrl } from "@/lib/security/request-url";

// Open without a session: sign-in, setting a password or unsubscribing through an emailed link, the auth endpoints and the health check.
const OPEN_PATHS = /^\/(?:login|set-password|unsubscribe|api\/auth|api\/health|api\/unsubscribe)(?:\/|$)/;

/**
 * A coarse gate only: no session, no page. Who may see and do what is decided
 * by the permission matrix in every page and action.
 */
async function signInGate(request: NextRequest, forwardedRequest: Headers): Promise<NextResponse> {
  const pass = () => NextResponse.next({ request: { headers: forwardedRequest } });
  if (OPEN_PATHS.test(request.nextUrl.pathname) || (await getToken({ req: request }))) return pass();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in first" }, { status: 401 });
  }
  const signIn = new URL("/login", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

/**
 * Bad input that Next itself (or a query given a NUL) would answer with a 500, refused with
 * a 4xx that says why: a URL no page can read (a control character, a malformed %-escape in
 * the path), and a server-action request from another site, too large, or with a body React
 * cannot decode.
 */
async function refuseBadRequest(request: NextRequest): Promise<NextResponse | null> {
  const { nextUrl, method, headers } = request;
  const refusal: Refusal | null =
    refuseUnreadableUrl(nextUrl) ?? (isActionRequest({ method, pathname: nextUrl.pathname, headers }) ? await refuseActionRequest(request) : null);
  if (!refusal) return null;
  if (nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: refusal.message }, { status: refusal.status });
  return new NextResponse(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Every page and route: bad requests refused, the sign-in gate, and a Content-Security-Policy with a nonce of its
 * own (Next puts the nonce it finds in the request's policy on the page's scripts). The other
 * security headers come from next.config.ts.
 */
export async function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development" });
  const forwardedRequest = new Headers(request.headers);
  forwardedRequest.set(CSP_HEADER, policy);
  const response = (await refuseBadRequest(request)) ?? (await signInGate(request, forwardedRequest));
  response.headers.set(CSP_HEADER, policy);
  const https = servedOverHttps({ protocol: request.nextUrl.protocol, forwardedProto: request.headers.get("x-forwarded-proto"), appUrl: process.env.NEXTAUTH_URL });
  if (https) response.headers.set(STRICT_TRANSPORT_SECURITY.key, STRICT_TRANSPORT_SECURITY.value);
  return response;
}

export const config = {
  // Everything but the build's static files and the public folder's (next.config.ts gives those their headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|apple-touch-icon.png|robots.txt).*)"],
};
