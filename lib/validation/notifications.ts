import { z } from "zod";

const delivery = z.enum(["IMMEDIATE", "DAILY", "OFF"], { error: "Choose immediately, daily or off" });

/** The account page's "Notifications" card: one choice per kind. */
export const notificationPreferencesSchema = z.object({
  RATING_AWAITS_SIGNATURE: delivery,
  SIGNED_RATING_CHANGED: delivery,
  SAVINGS_REVIEWED: delivery,
  PROJECT_STALE: delivery,
  RATINGS_DUE: delivery,
});
export type NotificationPreferencesInput = z.output<typeof notificationPreferencesSchema>;

export const openNotificationSchema = z.object({ notificationId: z.uuid({ error: "Choose a notification from the list" }) });

export const markAllReadSchema = z.object({});

/** The unsubscribe page's button: the link's token is the only credential. */
export const unsubscribeSchema = z.object({ token: z.string().min(1).max(300) });
