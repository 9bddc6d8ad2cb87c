import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user?: DefaultSession["user"] & { id?: string };
    /** The server-side session this cookie belongs to (an opaque id; ending it needs this session or the account's). */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    /** The server-side session (lib/auth/user-sessions.ts) this cookie belongs to. */
    sid?: string;
  }
}
