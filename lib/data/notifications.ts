import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { deliveryFor, NOTIFICATION_KINDS } from "@/lib/domain/notifications";
import type { NotificationDelivery, NotificationKind } from "@/lib/generated/prisma/enums";
import { pageCount } from "@/lib/validation/paging";

export const INBOX_PAGE_SIZE = 20;

/** The signed-in person's own notifications, newest first; nobody else's are ever read here. */
export async function getInbox(user: Pick<CurrentUser, "personId">, page: number) {
  const where = { personId: user.personId };
  const [items, total, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: { id: true, kind: true, title: true, body: true, createdAt: true, readAt: true },
    }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { items, unread, page, pageCount: pageCount(total, INBOX_PAGE_SIZE) };
}

/** For the header's badge. */
export async function getUnreadCount(user: Pick<CurrentUser, "personId">): Promise<number> {
  return prisma.notification.count({ where: { personId: user.personId, readAt: null } });
}

/** Every kind with the person's choice, or its default when they made none. */
export async function getNotificationPreferences(user: Pick<CurrentUser, "personId">): Promise<Record<NotificationKind, NotificationDelivery>> {
  const saved = await prisma.notificationPreference.findMany({ where: { personId: user.personId }, select: { kind: true, delivery: true } });
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, deliveryFor(kind, saved)])) as Record<NotificationKind, NotificationDelivery>;
}
