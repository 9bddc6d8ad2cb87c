import { cn } from "@/lib/cn";

type ChoiceProps = Omit<React.ComponentProps<"input">, "type"> & { label: React.ReactNode; type?: "checkbox" | "radio" };

/**
 * A native checkbox (or radio) with its label, the whole row a 44 px target. Native so
 * that it posts with a plain form and keeps the browser's keyboard and screen reader support.
 */
export function Checkbox({ label, className, type = "checkbox", ...props }: ChoiceProps) {
  return (
    <label className={cn("flex min-h-11 cursor-pointer items-start gap-2 py-2 has-disabled:cursor-default", className)}>
      <input type={type} className="mt-0.5 size-5 shrink-0 accent-brand-700" {...props} />
      <span className="min-w-0 break-words">{label}</span>
    </label>
  );
}
