import Link from "next/link";
import { cn } from "@/lib/cn";

/**
 * A link inside text: underlined, so it reads as a link without relying on colour. Long
 * unbroken titles wrap, also in a table cell or a flex row (overflow-wrap: anywhere lets
 * the cell shrink; break-word would not).
 */
export function TextLink({ className, ...props }: React.ComponentProps<typeof Link>) {
  return <Link className={cn("wrap-anywhere text-brand-700 underline underline-offset-2 hover:text-brand-800 print:text-inherit print:no-underline", className)} {...props} />;
}

/** The same look for a plain anchor (downloads, which Next's Link must not prefetch). */
export function DownloadLink({ className, ...props }: React.ComponentProps<"a">) {
  return <a className={cn("no-print font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800", className)} {...props} />;
}
