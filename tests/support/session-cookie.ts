import type { Session } from "next-auth";
import { authOptions } from "@/lib/auth/options";

type SessionCallback = (params: { session: Session; token: { sid?: string } }) => Promise<Session>;

/**
 * What getServerSession answers for a session cookie carrying the session id `sid` (null:
 * no cookie): next-auth's decoding of the cookie is left out, the app's own session callback
 * (which checks the server-side session) runs as next-auth runs it.
 */
export async function sessionFromCookie(sid: string | null): Promise<Session | null> {
  if (sid === null) return null;
  const callback = authOptions.callbacks!.session as unknown as SessionCallback;
  return callback({ session: { expires: new Date(Date.now() + 60 * 60_000).toISOString() }, token: { sid } });
}
