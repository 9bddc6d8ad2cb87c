import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "UBT Tracker", template: "%s · UBT Tracker" },
  description: "Unit-based teams of the labor–management partnership: ratings, projects, savings and roll-ups.",
  icons: { icon: "/favicon.ico", apple: "/apple-touch-icon.png" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
