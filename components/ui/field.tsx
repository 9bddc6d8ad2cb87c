import { useId } from "react";
import * as LabelPrimitive from "@radix-ui/react-label";
import { cn } from "@/lib/cn";

/** What a control inside a Field is given, so its label, hint and error are announced with it. */
export type FieldControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

function Label({ className, ...props }: React.ComponentProps<typeof LabelPrimitive.Root>) {
  return <LabelPrimitive.Root className={cn("block text-sm font-medium text-slate-800", className)} {...props} />;
}

function FieldHint({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

/** A field's error, beside it. The test id: Next's route announcer also has role="alert", so the role alone does not find it. */
function FieldError({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={id} role="alert" data-testid="field-error" className="mt-1 text-sm font-medium text-red-700">
      {children}
    </p>
  );
}

/** Ids of a control's hint and error, as aria-describedby wants them. */
function describedBy(hintId: string | undefined, errorId: string | undefined): string | undefined {
  return [hintId, errorId].filter(Boolean).join(" ") || undefined;
}

/** A labelled control with its hint and error; `children` renders the control with the props that tie them together. */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: (control: FieldControlProps) => React.ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cn("min-w-0", className)}>
      <Label htmlFor={id}>{label}</Label>
      <div className="mt-1">{children({ id, "aria-describedby": describedBy(hintId, errorId), "aria-invalid": error ? true : undefined })}</div>
      {hint && <FieldHint id={hintId!}>{hint}</FieldHint>}
      {error && <FieldError id={errorId!}>{error}</FieldError>}
    </div>
  );
}

/** A group of choices (checkboxes or radios) under one legend, with the group's hint and error. */
export function Fieldset({
  legend,
  hint,
  error,
  className,
  children,
}: {
  legend: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={cn("min-w-0", className)} aria-describedby={describedBy(hintId, errorId)} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && <FieldHint id={hintId!}>{hint}</FieldHint>}
      <div className="mt-1">{children}</div>
      {error && <FieldError id={errorId!}>{error}</FieldError>}
    </fieldset>
  );
}
