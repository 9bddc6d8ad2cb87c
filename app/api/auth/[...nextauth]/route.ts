import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isReadableCallbackUrl } from "@/lib/auth/redirect";

const handler = NextAuth(authOptions);

// The cookie next-auth keeps the callback URL in, over HTTP and over HTTPS.
const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** next-auth, but a callback URL it cannot read is the client's mistake (400), not the 500 next-auth answers it with. */
async function authRoute(request: NextRequest, context: RouteContext<"/api/auth/[...nextauth]">) {
  const callbackUrls = [...request.nextUrl.searchParams.getAll("callbackUrl"), ...CALLBACK_URL_COOKIES.map((name) => request.cookies.get(name)?.value)];
  if (callbackUrls.some((url) => url && !isReadableCallbackUrl(url, request.nextUrl.origin))) {
    return Response.json({ error: "The address to return to after signing in (callbackUrl) is not a web address. Open the sign-in page again." }, { status: 400 });
  }
  return handler(request, context);
}

export { authRoute as GET, authRoute as POST };
