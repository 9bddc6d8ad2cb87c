import { cn } from "@/lib/cn";
import { controlVariants } from "./control";

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return <textarea className={cn(controlVariants(), "min-h-20", className)} {...props} />;
}
