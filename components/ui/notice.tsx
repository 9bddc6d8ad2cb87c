import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/cn";

const noticeVariants = cva("rounded-md px-3 py-2 text-sm", {
  variants: {
    tone: {
      info: "bg-slate-100 text-slate-800",
      warning: "bg-amber-50 text-amber-900",
      success: "bg-emerald-50 text-emerald-900",
      danger: "border border-red-200 bg-red-50 text-red-900",
    },
  },
  defaultVariants: { tone: "info" },
});

/** A line of context above or inside a section: why a filter was not applied, what a view shows, that something was saved. */
export function Notice({ className, tone, role, ...props }: React.ComponentProps<"p"> & VariantProps<typeof noticeVariants>) {
  return <p role={role ?? (tone === "warning" || tone === "success" ? "status" : undefined)} className={cn(noticeVariants({ tone }), className)} {...props} />;
}
