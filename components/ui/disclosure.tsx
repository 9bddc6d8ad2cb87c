import type { VariantProps } from "class-variance-authority";
import { cn } from "@/lib/cn";
import { buttonVariants } from "./button";

/**
 * A control that opens a form in place (edit, reject, correct): a native details/summary,
 * so it works before the page's script has loaded and by keyboard.
 */
export function Disclosure({
  summary,
  label,
  variant = "link",
  defaultOpen,
  className,
  children,
}: {
  summary: React.ReactNode;
  /** The summary's accessible name where the visible words repeat down a list ("Reject $1,200 reported Jan 5"). */
  label?: string;
  variant?: VariantProps<typeof buttonVariants>["variant"];
  /** Open when first shown (the next step awaits here); keep the value steady, since a change opens or closes it. */
  defaultOpen?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <details open={defaultOpen} className={cn("min-w-0", className)}>
      <summary aria-label={label} className={cn(buttonVariants({ variant, size: "md" }), "cursor-pointer list-none [&::-webkit-details-marker]:hidden", variant === "link" && "min-h-11")}>
        {summary}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
