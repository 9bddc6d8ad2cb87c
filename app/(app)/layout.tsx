import { AppHeader } from "@/components/layout/app-header";
import { can, isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getUnreadCount } from "@/lib/data/notifications";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unreadCount = await getUnreadCount(user);
  const links = [
    { href: "/", label: "Home", show: true },
    { href: "/overview", label: "Overview", show: !isEmptyScope(scopeFor(user, "rollup.view")) },
    { href: "/teams", label: "Teams", show: !isEmptyScope(scopeFor(user, "team.view")) },
    { href: "/people", label: "People", show: !isEmptyScope(scopeFor(user, "people.view")) },
    { href: "/practices", label: "Practices", show: true },
    { href: "/savings", label: "Savings review", show: !isEmptyScope(scopeFor(user, "savings.validate")) },
    { href: "/criteria", label: "Criteria", show: true },
    { href: "/audit", label: "Audit log", show: can(user, "audit.view", { kind: "national" }) },
    { href: "/admin", label: "Admin", show: !isEmptyScope(scopeFor(user, "admin.manage")) },
  ].filter((link) => link.show);

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppHeader links={links.map(({ href, label }) => ({ href, label }))} userName={user.displayName} unreadCount={unreadCount} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
