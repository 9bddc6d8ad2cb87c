import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

/**
 * A coarse gate only: no session, no page. Who may see and do what is decided
 * by the permission matrix in every page and action.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in first" }, { status: 401 });
  }
  const signIn = new URL("/login", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except sign-in, setting a password through an emailed link, the auth endpoints, the health check and static files.
  matcher: ["/((?!login|set-password|api/auth|api/health|_next/static|_next/image|favicon.ico|apple-touch-icon.png|robots.txt).*)"],
};
