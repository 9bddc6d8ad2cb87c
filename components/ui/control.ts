import { cva } from "class-variance-authority";

/**
 * What inputs, text areas and selects share: 44 px tall and 16 px text, so phones
 * neither miss the tap nor zoom in on focus; a red border when `aria-invalid`.
 */
export const controlVariants = cva(
  "block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none disabled:bg-slate-100 disabled:text-slate-600 aria-invalid:border-red-600",
  {
    variants: { size: { md: "min-h-11", sm: "min-h-9 py-1 text-sm" } },
    defaultVariants: { size: "md" },
  },
);
