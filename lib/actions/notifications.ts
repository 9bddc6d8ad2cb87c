"use server";

import { publicAction, userAction } from "@/lib/actions/runtime";
import { markAllRead, markRead, savePreferences, unsubscribe } from "@/lib/services/notifications";
import { markAllReadSchema, notificationPreferencesSchema, openNotificationSchema, unsubscribeSchema } from "@/lib/validation/notifications";

// Opening one marks it read and goes to what it is about (back to the inbox when it is not the user's).
export const openNotificationAction = userAction(openNotificationSchema, markRead, () => ["/notifications"], { goTo: (data) => data.link ?? "/notifications" });

export const markAllReadAction = userAction(markAllReadSchema, markAllRead, () => ["/notifications"]);

export const saveNotificationPreferencesAction = userAction(notificationPreferencesSchema, savePreferences, () => ["/account"]);

export const unsubscribeAction = publicAction(unsubscribeSchema, unsubscribe, () => ["/account"]);
