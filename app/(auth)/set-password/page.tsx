import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { MessagePage } from "@/components/ui/message-page";
import { TextLink } from "@/components/ui/text-link";
import { getAccountTokenState } from "@/lib/data/accounts";
import { TOKEN_PROBLEM_MESSAGES } from "@/lib/domain/accounts";
import { urlValue } from "@/lib/validation/url-filters";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password" };

/** Public: the one-time link an administrator issued is the only credential. */
export default async function SetPasswordPage({ searchParams }: PageProps<"/set-password">) {
  const given = urlValue((await searchParams).token);
  const token = typeof given === "string" ? given : "";
  const state = await getAccountTokenState(token);
  const Brand = state.usable ? "h1" : "p";

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        {/* The page's heading, as on the sign-in page; a link that opens nothing has its own (the message's). */}
        <Brand className="text-center text-2xl font-semibold text-brand-800">UBT Tracker</Brand>
        <div className="mt-8">
          {state.usable ? (
            <Card id="set-password" title={state.purpose === "INVITATION" ? "Choose your password" : "Choose a new password"} headingLevel={2} className="shadow-sm">
              <p className="text-sm text-slate-700">
                For <span className="font-medium break-words">{state.displayName}</span>, who signs in as{" "}
                <span className="font-medium break-words">{state.email}</span>.
              </p>
              <SetPasswordForm token={token} email={state.email} />
            </Card>
          ) : (
            <MessagePage title={TOKEN_PROBLEM_MESSAGES[state.problem].title} tone="warning" action={<TextLink href="/login">Go to sign in</TextLink>}>
              <p data-testid="token-problem">{TOKEN_PROBLEM_MESSAGES[state.problem].message}</p>
            </MessagePage>
          )}
        </div>
      </div>
    </main>
  );
}
