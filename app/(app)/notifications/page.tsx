import type { Metadata } from "next";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { OpenNotificationButton } from "@/components/notifications/open-notification-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { requireUser } from "@/lib/auth/session";
import { getInbox } from "@/lib/data/notifications";
import { NOTIFICATION_KIND_LABELS } from "@/lib/domain/notifications";
import { formatDateTime } from "@/lib/format";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Notifications" };

/** Everyone's own inbox: what they were told, newest first. */
export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  const user = await requireUser();
  const { values, problems } = readUrlFilters(await searchParams, { page: urlFilters.page });
  const inbox = await getInbox(user, values.page ?? 1);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <p className="mt-1 text-slate-600">
          {inbox.unread === 0 ? "Nothing unread." : `${inbox.unread} unread.`} Choose which come by email on <TextLink href="/account#notifications">your account page</TextLink>.
        </p>
      </header>
      <UrlProblems problems={problems} />
      <Card id="inbox" title="Your notifications" actions={inbox.unread > 0 ? <MarkAllReadButton /> : undefined}>
        {inbox.items.length === 0 ? (
          <EmptyState title="No notifications yet">When a rating awaits your signature, your savings are reviewed or your team needs to act, it shows here.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {inbox.items.map((item) => (
              <li key={item.id} data-testid="notification" data-unread={item.readAt ? undefined : "true"} className="flex gap-3 py-3">
                <span aria-hidden className={`mt-2 size-2 shrink-0 rounded-full ${item.readAt ? "bg-transparent" : "bg-brand-600"}`} />
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <OpenNotificationButton notificationId={item.id} title={item.title} unread={!item.readAt} />
                    {!item.readAt && <Badge tone="brand">Unread</Badge>}
                  </div>
                  <p className="text-sm break-words text-slate-700">{item.body}</p>
                  <p className="text-xs text-slate-500">
                    {NOTIFICATION_KIND_LABELS[item.kind]} · {formatDateTime(item.createdAt)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Pagination page={inbox.page} pageCount={inbox.pageCount} href={(page) => `/notifications?page=${page}`} label="Notification pages" />
    </div>
  );
}
