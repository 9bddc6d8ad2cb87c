import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { isSsoEnabled } from "@/lib/auth/options";
import { sameOriginPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { appUrl, oidcConfig } from "@/lib/env";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

/** Where another page sends people to sign in with something to tell them (?notice=…). */
const NOTICES: Record<string, string> = {
  "password-set": "Password set. Sign in with it.",
};

// next-auth reports single sign-on failures through ?error=…
const SSO_ERRORS: Record<string, string> = {
  AccessDenied: "Your single sign-on account has no access to UBT Tracker. Ask your partnership office to add you.",
  OAuthSignin: "Single sign-on is unavailable right now. Try again, or sign in with your email and password.",
  OAuthCallback: "Single sign-on could not complete. Try again, or sign in with your email and password.",
};

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  // Only a page of this app, so the sign-in page can never bounce someone elsewhere.
  const callbackUrl = sameOriginPath(params.callbackUrl, appUrl("/"));
  if (await getCurrentUser()) redirect(callbackUrl);
  const ssoError = typeof params.error === "string" ? (SSO_ERRORS[params.error] ?? null) : null;
  const notice = typeof params.notice === "string" ? (NOTICES[params.notice] ?? null) : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold text-brand-800">UBT Tracker</h1>
        <p className="mt-1 text-center text-sm text-slate-600">Unit-based teams of the labor–management partnership</p>
        <Card id="sign-in" title="Sign in" className="mt-8 shadow-sm">
          {notice && (
            <Notice tone="success" data-testid="sign-in-notice">
              {notice}
            </Notice>
          )}
          {ssoError && (
            <Notice tone="danger" data-testid="sso-error">
              {ssoError}
            </Notice>
          )}
          <LoginForm callbackUrl={callbackUrl} ssoName={isSsoEnabled() ? (oidcConfig()?.displayName ?? null) : null} />
        </Card>
      </div>
    </main>
  );
}
