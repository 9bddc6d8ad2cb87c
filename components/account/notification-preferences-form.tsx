"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { optionsOf, Select } from "@/components/ui/select";
import { saveNotificationPreferencesAction } from "@/lib/actions/notifications";
import { DELIVERY_LABELS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from "@/lib/domain/notifications";
import { notificationPreferencesSchema, type NotificationPreferencesInput } from "@/lib/validation/notifications";

const DELIVERY_OPTIONS = optionsOf(DELIVERY_LABELS);

/** Per kind: an email at once, in the daily digest, or none (the inbox keeps them all). */
export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferencesInput }) {
  const api = useActionForm({
    schema: notificationPreferencesSchema,
    action: saveNotificationPreferencesAction,
    values: preferences,
    success: "Saved. New notifications follow these choices.",
  });
  return (
    <ActionForm api={api} aria-label="Notification emails">
      <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
        {NOTIFICATION_KINDS.map((kind) => (
          <FormField key={kind} name={kind} label={NOTIFICATION_KIND_LABELS[kind]}>
            {(control) => <Select {...control} options={DELIVERY_OPTIONS} />}
          </FormField>
        ))}
      </div>
      <FormFooter submitLabel="Save email choices" />
    </ActionForm>
  );
}
