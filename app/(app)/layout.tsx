import Link from "next/link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const links = [
    { href: "/", label: "Home", show: true },
    { href: "/overview", label: "Overview", show: !isEmptyScope(scopeFor(user, "rollup.view")) },
    { href: "/practices", label: "Practices", show: true },
    { href: "/savings", label: "Savings review", show: !isEmptyScope(scopeFor(user, "savings.validate")) },
    { href: "/criteria", label: "Criteria", show: true },
  ].filter((link) => link.show);

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="no-print bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            UBT Tracker
          </Link>
          <nav aria-label="Main" className="flex gap-1">
            {links.map((link) => (
              <Link key={link.href} href={link.href} className="rounded-md px-3 py-1.5 text-sm font-medium text-white/90 hover:bg-white/10 hover:text-white">
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <span className="text-sm text-white/80">{user.displayName}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
