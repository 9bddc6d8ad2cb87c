"use client";

import { createContext, use } from "react";
import { FormProvider, get, useFormContext, type FieldValues } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Fieldset, type FieldControlProps } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { ActionFormApi } from "./use-action-form";

const FormStateContext = createContext<Pick<ActionFormApi, "pending" | "formErrors" | "succeeded"> | null>(null);

/** A form run by useActionForm: its fields read their errors from it, and FormFooter its state. */
export function ActionForm<V extends FieldValues>({
  api,
  className,
  children,
  ...props
}: {
  api: ActionFormApi<V>;
  className?: string;
  children: React.ReactNode;
  /** A GET form's address ("/practices"): before the page's script has loaded, the browser submits there itself. */
  action?: string;
} & Pick<React.ComponentProps<"form">, "aria-label" | "aria-labelledby" | "role" | "method">) {
  return (
    <FormProvider {...api.form}>
      <FormStateContext value={api}>
        <form ref={api.formRef} noValidate onSubmit={api.onSubmit} className={cn("min-w-0 space-y-4", className)} {...props}>
          {children}
        </form>
        {api.confirmation && <ConfirmDialog {...api.confirmation} />}
      </FormStateContext>
    </FormProvider>
  );
}

function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext();
  return (get(formState.errors, name) as { message?: string } | undefined)?.message;
}

/** A labelled field bound to the form: `children` renders the control with everything it needs (name, ref, ids, error state). */
export function FormField({
  name,
  label,
  hint,
  className,
  children,
}: {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  className?: string;
  children: (control: FieldControlProps & ReturnType<ReturnType<typeof useFormContext>["register"]>) => React.ReactNode;
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(aria) => children({ ...aria, ...register(name) })}
    </Field>
  );
}

/** Checkboxes (several values) or radios (one) bound to the form under one legend. */
export function FormChoices({
  name,
  legend,
  hint,
  options,
  type = "checkbox",
  className,
  listClassName,
}: {
  name: string;
  legend: React.ReactNode;
  hint?: React.ReactNode;
  options: readonly { value: string; label: React.ReactNode }[];
  type?: "checkbox" | "radio";
  className?: string;
  listClassName?: string;
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Fieldset legend={legend} hint={hint} error={error} className={className}>
      <div className={cn("grid gap-x-4", listClassName)}>
        {options.map((option) => (
          <Checkbox key={option.value} type={type} value={option.value} label={option.label} {...register(name)} />
        ))}
      </div>
    </Fieldset>
  );
}

/**
 * The submit button with the form's outcome beside it: what went wrong that no field
 * shows (a change someone else made meanwhile), or that it worked.
 */
export function FormFooter({
  submitLabel,
  pendingLabel = "Saving…",
  variant = "primary",
  className,
  children,
}: {
  submitLabel: React.ReactNode;
  pendingLabel?: string;
  variant?: React.ComponentProps<typeof Button>["variant"];
  className?: string;
  children?: React.ReactNode;
}) {
  const state = use(FormStateContext);
  if (!state) throw new Error("FormFooter belongs inside an ActionForm");
  return (
    <div className={cn("flex flex-wrap items-center gap-3", className)}>
      {/* aria-disabled, not disabled: a disabled button drops the focus it has; the form ignores a second submit itself. */}
      <Button type="submit" variant={variant} aria-disabled={state.pending || undefined}>
        {state.pending ? pendingLabel : submitLabel}
      </Button>
      {children}
      {state.formErrors.length > 0 && (
        <div role="alert" data-testid="form-error" className="w-full text-sm font-medium text-red-700">
          {state.formErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {state.succeeded && (
        <p role="status" className="text-sm font-medium text-emerald-700">
          {state.succeeded}
        </p>
      )}
    </div>
  );
}
