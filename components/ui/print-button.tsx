"use client";

/** Opens the browser's print dialog (save as PDF from there). */
export function PrintButton({ label = "Print or save as PDF" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
      {label}
    </button>
  );
}
