import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { getServerSession, type NextAuthOptions, type Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { prisma } from "@/lib/db";
import { env, oidcConfig } from "@/lib/env";
import { clientAddress } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearFailedSignIns, recordFailedSignIn, signInRefusal, type SignInKey } from "@/lib/auth/sign-in-throttle";
import { openSession, revokeSession, sessionUserId } from "@/lib/auth/user-sessions";
import { SESSION_LIFETIME_SECONDS } from "@/lib/domain/sessions";
import { sameOriginPath } from "@/lib/auth/redirect";
import { signInSchema } from "@/lib/validation/sign-in";

export const SIGN_IN_PAGE = "/login";
const OIDC_PROVIDER_ID = "oidc";

// Compared against when the email is unknown, so a miss costs as long as a hit.
let decoyHash: Promise<string> | undefined;

type RequestHeaders = Record<string, string | string[] | undefined> | undefined;
type SignedInUser = { id: string; email: string; name: string };

/**
 * A failed or refused sign-in is answered after this pause. A flood's clients wait for each
 * answer: paused, 40 of them send at most 40 attempts a second instead of hundreds, which
 * would keep the server busy answering them however cheap each refusal is; the pause itself
 * costs only an open connection. A person mistyping barely notices it.
 */
const FAILURE_PAUSE_MS = 1000;

/**
 * Checks an email and password. A throttled account or address, or hashing at capacity, is
 * refused by throwing: next-auth hands the message to the sign-in form as `error`.
 */
async function authorizeCredentials(raw: unknown, request: { headers?: RequestHeaders }): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const forwardedFor = request.headers?.["x-forwarded-for"];
  const key = { email, address: clientAddress(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, env().TRUSTED_PROXY_HOPS) };
  const signedIn = await checkCredentials(key, password).catch(async (error: unknown) => {
    await pause(FAILURE_PAUSE_MS);
    throw error;
  });
  if (!signedIn) await pause(FAILURE_PAUSE_MS);
  return signedIn;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function checkCredentials(key: SignInKey, password: string): Promise<SignedInUser | null> {
  const refusal = await signInRefusal(key);
  if (refusal) throw new Error(refusal);
  const user = await prisma.user.findUnique({ where: { email: key.email }, include: { person: true } });
  if (!user?.passwordHash || user.disabled) {
    decoyHash ??= hashPassword("decoy-password");
    await verifyPassword(password, await decoyHash);
    await recordFailedSignIn(key);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordFailedSignIn(key);
    return null;
  }
  await clearFailedSignIns(key.email);
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.person.displayName };
}

/** The server-side session for a sign-in, with where it came from. */
async function openSessionFor(userId: string): Promise<string> {
  const request = await headers();
  return openSession(userId, {
    userAgent: request.get("user-agent"),
    address: clientAddress(request.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS),
  });
}

type OidcProfile = { sub: string; email?: string; name?: string };

function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const config = oidcConfig();
  if (!config) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: config.displayName,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

/** Single sign-on admits only people who already have an account here (matched by email). */
async function findAccountForSso(email: string | null | undefined) {
  if (!email) return null;
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() } });
  return user && !user.disabled ? user : null;
}

export function isSsoEnabled(): boolean {
  return oidcConfig() !== null;
}

export const authOptions: NextAuthOptions = {
  // The cookie is a JWT carrying the server-side session's id (sid): the session callback below checks it on every read.
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
  pages: { signIn: SIGN_IN_PAGE, error: SIGN_IN_PAGE },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: authorizeCredentials,
    }),
    ...[oidcProvider()].filter((provider) => provider !== null),
  ],
  callbacks: {
    async signIn({ account, user }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      return (await findAccountForSso(user.email)) !== null;
    },
    async jwt({ token, user, account }) {
      // `user` is there only at sign-in: the one moment a session is opened.
      if (!user) return token;
      const userId = account?.provider === OIDC_PROVIDER_ID ? (await findAccountForSso(user.email))?.id : user.id;
      if (userId) {
        token.userId = userId;
        token.sid = await openSessionFor(userId);
      }
      return token;
    },
    // Every redirect next-auth makes (after single sign-on, sign-in or sign-out) stays on this app.
    redirect({ url, baseUrl }) {
      return new URL(sameOriginPath(url, baseUrl), baseUrl).toString();
    },
    /**
     * Every read of the session (pages, actions and routes through getServerSession, and
     * /api/auth/session) checks its server-side record: a revoked, expired or idle session
     * (or a cookie from before sessions were kept) signs nobody in and shows nobody's name.
     */
    async session({ session, token }) {
      const userId = typeof token.sid === "string" ? await sessionUserId(token.sid).catch(rememberSessionCheckFailure) : null;
      return userId ? { ...session, sessionId: token.sid, user: { ...session.user, id: userId } } : { expires: session.expires };
    },
  },
  events: {
    // Signing out ends the session on the server too, so a copy of the cookie stops working.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};

/** The failure of the session check during one readSession() call, if any. */
const sessionReads = new AsyncLocalStorage<{ failure?: unknown }>();

function rememberSessionCheckFailure(error: unknown): never {
  const read = sessionReads.getStore();
  if (read) read.failure = error;
  throw error;
}

/**
 * getServerSession, except that a session that could not be checked (the database is away)
 * throws instead of reading as "signed out": next-auth logs a failing session callback and
 * answers no session, which would send a signed-in user to the sign-in page.
 */
export async function readSession(): Promise<Session | null> {
  const read: { failure?: unknown } = {};
  const session = await sessionReads.run(read, () => getServerSession(authOptions));
  if ("failure" in read) throw read.failure;
  return session;
}
