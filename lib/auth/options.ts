import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { prisma } from "@/lib/db";
import { oidcConfig } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { sameOriginPath } from "@/lib/auth/redirect";
import { signInSchema } from "@/lib/validation/sign-in";

export const SIGN_IN_PAGE = "/login";
const OIDC_PROVIDER_ID = "oidc";

// Compared against when the email is unknown, so a miss costs as long as a hit.
let decoyHash: Promise<string> | undefined;

async function authorizeCredentials(raw: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await prisma.user.findUnique({ where: { email }, include: { person: true } });
  if (!user?.passwordHash || user.disabled) {
    decoyHash ??= hashPassword("decoy-password");
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.person.displayName };
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
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
      if (account?.provider === OIDC_PROVIDER_ID) {
        const local = await findAccountForSso(user?.email);
        if (local) token.userId = local.id;
      } else if (user) {
        token.userId = user.id;
      }
      return token;
    },
    // Every redirect next-auth makes (after single sign-on, sign-in or sign-out) stays on this app.
    redirect({ url, baseUrl }) {
      return new URL(sameOriginPath(url, baseUrl), baseUrl).toString();
    },
    session({ session, token }) {
      if (session.user && typeof token.userId === "string") session.user.id = token.userId;
      return session;
    },
  },
};
