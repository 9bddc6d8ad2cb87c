import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { MessagePage } from "@/components/ui/message-page";
import { TextLink } from "@/components/ui/text-link";
import { getUnsubscribeState, UNUSABLE_LINK } from "@/lib/services/notifications";
import { urlValue } from "@/lib/validation/url-filters";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Stop emails" };

/** Public (the sign-in gate in proxy.ts leaves it open): the signed link in every email is the only credential. */
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const given = urlValue((await searchParams).token);
  const token = typeof given === "string" ? given : "";
  const state = token ? await getUnsubscribeState(token) : null;
  // The page's heading, as on the sign-in page; a link that opens nothing has its own (the message's).
  const Brand = state ? "h1" : "p";

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <Brand className="text-center text-2xl font-semibold text-brand-800">UBT Tracker</Brand>
        <div className="mt-8">
          {state ? (
            <Card id="unsubscribe" title="Stop emails from UBT Tracker" className="shadow-sm">
              <p className="text-sm text-slate-700">
                For <span className="font-medium break-words">{state.displayName}</span>. Notifications still show in the app; you can turn emails back on from your account page.
              </p>
              <div className="mt-4">
                <UnsubscribeForm token={token} />
              </div>
            </Card>
          ) : (
            <MessagePage title="This link does not work" tone="warning" action={<TextLink href="/login">Go to sign in</TextLink>}>
              <p>{UNUSABLE_LINK}</p>
            </MessagePage>
          )}
        </div>
      </div>
    </main>
  );
}
