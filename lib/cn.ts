import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Class names joined, with later Tailwind utilities winning over earlier ones (a caller's `className` over a kit default). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
