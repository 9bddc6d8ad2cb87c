"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Organisation" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/import", label: "Import" },
] as const;

/** The administration sections as tabs; the organisation's own pages (a team, a facility) stay under Organisation. */
export function AdminNav() {
  const pathname = usePathname();
  const current = SECTIONS.findLast((section) => pathname === section.href || pathname.startsWith(`${section.href}/`))?.href;
  return (
    <nav aria-label="Administration" className="flex gap-1 border-b border-slate-200">
      {SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? "page" : undefined}
          className="-mb-px flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
