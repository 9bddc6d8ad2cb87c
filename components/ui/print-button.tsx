"use client";

import { Printer } from "lucide-react";
import { Button } from "./button";

/** Opens the browser's print dialog (save as PDF from there). */
export function PrintButton() {
  return (
    <Button className="no-print" onClick={() => window.print()}>
      <Printer aria-hidden />
      Print or save as PDF
    </Button>
  );
}
