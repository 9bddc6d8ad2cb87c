import { NextResponse } from "next/server";
import { appUrl } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { unsubscribe } from "@/lib/services/notifications";
import { unsubscribeSchema } from "@/lib/validation/notifications";

export const dynamic = "force-dynamic";

function tokenOf(request: Request) {
  return unsubscribeSchema.safeParse({ token: new URL(request.url).searchParams.get("token") ?? "" });
}

/** Mail programs' one-click unsubscribe (RFC 8058), from the List-Unsubscribe header: the signed token is the only credential. */
export async function POST(request: Request) {
  const parsed = tokenOf(request);
  if (!parsed.success) return Response.json({ error: "This unsubscribe link has no token." }, { status: 400 });
  try {
    await unsubscribe(parsed.data);
    return Response.json({ status: "unsubscribed" });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The header's link opened in a browser: the page that asks first, so opening a link unsubscribes nobody. */
export async function GET(request: Request) {
  const parsed = tokenOf(request);
  return NextResponse.redirect(appUrl(parsed.success ? `/unsubscribe?token=${encodeURIComponent(parsed.data.token)}` : "/unsubscribe"), 303);
}
