import type { VariantProps } from "class-variance-authority";
import { cn } from "@/lib/cn";
import { controlVariants } from "./control";

type InputProps = Omit<React.ComponentProps<"input">, "size"> & VariantProps<typeof controlVariants>;

export function Input({ className, size, ...props }: InputProps) {
  return <input className={cn(controlVariants({ size }), className)} {...props} />;
}

/**
 * A number typed as text with a decimal keypad, rather than type="number": a number
 * input hands the form "" for text it cannot read, which would silently store no value
 * instead of telling the person what is wrong.
 */
export function NumberInput(props: Omit<InputProps, "type" | "inputMode">) {
  return <Input type="text" inputMode="decimal" autoComplete="off" {...props} />;
}
