import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { EndSessionButton } from "@/components/account/end-session-button";
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getOwnAccount } from "@/lib/data/accounts";
import { getNotificationPreferences } from "@/lib/data/notifications";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Your account" };

/** Everyone's own: their sign-in, password, open sessions and notification emails. */
export default async function AccountPage() {
  const user = await requireUser();
  const [account, preferences] = await Promise.all([getOwnAccount(user), getNotificationPreferences(user)]);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Your account</h1>
      </header>
      <Card id="details" title="Your details" description="Your partnership office keeps your name and email: ask them to change either.">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">Name</dt>
          <dd className="break-words">{account.displayName}</dd>
          <dt className="font-medium text-slate-600">Email (you sign in with it)</dt>
          <dd className="break-words">{account.email}</dd>
        </dl>
      </Card>
      <Card id="password" title="Password">
        {account.hasPassword ? (
          <ChangePasswordForm email={account.email} />
        ) : (
          <p className="text-slate-700">You sign in through single sign-on, so there is no password here to change.</p>
        )}
      </Card>
      <Card
        id="notifications"
        title="Notifications"
        description="Everything shows in your notifications inbox. Choose, for each kind, whether it is also emailed to you at once, in one daily digest, or not at all."
      >
        <NotificationPreferencesForm preferences={preferences} />
      </Card>
      <Card
        id="sessions"
        title="Where you are signed in"
        description="Each browser or device signed in to your account. End a session you do not recognise or no longer use, or sign out everywhere at once."
      >
        <ul className="divide-y divide-slate-200">
          {account.sessions.map((session) => (
            <li key={session.id} data-testid="open-session" className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {session.browser}
                  {session.current && <Badge tone="brand">This browser</Badge>}
                </p>
                <p className="text-sm text-slate-600">
                  Signed in {formatDateTime(session.signedInAt)}
                  {session.address && session.address !== "unknown" ? ` from ${session.address}` : ""} · last active {formatDateTime(session.lastSeenAt)}
                </p>
              </div>
              {!session.current && <EndSessionButton sessionId={session.id} browser={session.browser} />}
            </li>
          ))}
        </ul>
        <div className="mt-4 border-t border-slate-200 pt-4">
          <SignOutEverywhereButton />
        </div>
      </Card>
    </div>
  );
}
