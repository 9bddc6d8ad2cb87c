"use client";

import { useState } from "react";
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
  defaultOpen = false,
  className,
  children,
}: {
  summary: React.ReactNode;
  /** The summary's accessible name where the visible words repeat down a list ("Reject $1,200 reported Jan 5"). */
  label?: string;
  variant?: VariantProps<typeof buttonVariants>["variant"];
  /**
   * Open at first, and again whenever this turns true (an empty cell's first criterion, a cycle
   * awaiting its decision); never closed under the person when it turns false (after they save).
   */
  defaultOpen?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const [openedFor, setOpenedFor] = useState(defaultOpen);
  if (defaultOpen !== openedFor) {
    setOpenedFor(defaultOpen);
    if (defaultOpen) setOpen(true);
  }
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className={cn("min-w-0", className)}>
      <summary aria-label={label} className={cn(buttonVariants({ variant, size: "md" }), "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
        {summary}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
