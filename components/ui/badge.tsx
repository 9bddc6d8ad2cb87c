import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/cn";

// Text always carries the meaning; the tone only reinforces it (and passes contrast on its own background).
const badgeVariants = cva("inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset", {
  variants: {
    tone: {
      neutral: "bg-slate-100 text-slate-800 ring-slate-300",
      info: "bg-sky-50 text-sky-900 ring-sky-300",
      brand: "bg-brand-50 text-brand-800 ring-brand-100",
      warning: "bg-amber-50 text-amber-900 ring-amber-300",
      success: "bg-emerald-50 text-emerald-900 ring-emerald-300",
      danger: "bg-red-50 text-red-900 ring-red-300",
      alert: "bg-red-100 text-red-900 ring-red-200 font-semibold",
    },
    size: { sm: "text-xs", md: "text-sm" },
  },
  defaultVariants: { tone: "neutral", size: "md" },
});

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

export function Badge({ className, tone, size, ...props }: React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone, size }), className)} {...props} />;
}
