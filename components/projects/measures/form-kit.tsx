"use client";

import { useId, useSyncExternalStore, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { dangerButton, primaryButton } from "@/components/criteria/styles";
import { useActionForm } from "@/components/criteria/use-action-form";

// Shared by the measure and PDSA cycle forms, which are filled in on tablets beside
// the huddle board: 44 px targets, and 16 px text so tablet browsers do not zoom on focus.

export const controlClass =
  "block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none";

export const submitClass = `${primaryButton} min-h-11`;

export const removeClass = `${dangerButton} min-h-11`;

/** A labelled control; the label and hint are tied to it by id. */
export function Field({
  label,
  hint,
  className,
  children,
}: {
  label: string;
  hint?: string;
  className?: string;
  children: (control: { id: string; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1">{children({ id, "aria-describedby": hint ? hintId : undefined })}</div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A text field with a decimal keypad rather than type="number": a number input hands
 * the form "" for text it cannot read, which would silently store no value instead
 * of telling the person what is wrong.
 */
export function NumberInput({ defaultValue, ...props }: { id: string; name: string; defaultValue?: number | null; "aria-describedby"?: string }) {
  return <input {...props} type="text" inputMode="decimal" autoComplete="off" defaultValue={defaultValue ?? ""} className={controlClass} />;
}

/** useActionForm that, on success, reads the page again (and empties the form when it adds something). */
export function useRefreshingForm<T>(options: Omit<Parameters<typeof useActionForm<T>>[0], "onSuccess"> & { resetOnSuccess?: boolean }) {
  const router = useRouter();
  const { resetOnSuccess = false, ...formOptions } = options;
  return useActionForm<T>({
    ...formOptions,
    onSuccess: (_data, form) => {
      if (resetOnSuccess) form.reset();
      router.refresh();
    },
  });
}

/**
 * Today in the person's own time zone ("YYYY-MM-DD"), for date fields' defaults.
 * Empty during server rendering, which cannot know the time zone; filled in on hydration.
 */
export function useLocalToday(): string {
  return useSyncExternalStore(subscribeToNothing, localToday, () => "");
}

function subscribeToNothing(): () => void {
  return () => {};
}

function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, "0")).join("-");
}
