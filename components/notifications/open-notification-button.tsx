"use client";

import { ActionForm } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { openNotificationAction } from "@/lib/actions/notifications";
import { openNotificationSchema } from "@/lib/validation/notifications";

/** The notification's title as a button: marks it read, then the server sends the browser to what it is about. */
export function OpenNotificationButton({ notificationId, title, unread }: { notificationId: string; title: string; unread: boolean }) {
  const api = useActionForm({ schema: openNotificationSchema, action: openNotificationAction, values: { notificationId } });
  return (
    <ActionForm api={api} aria-label={title} className="space-y-0">
      <button
        type="submit"
        aria-disabled={api.pending || undefined}
        className={`text-left break-words text-brand-700 underline-offset-2 hover:underline ${unread ? "font-semibold" : "font-medium"}`}
      >
        {title}
      </button>
    </ActionForm>
  );
}
